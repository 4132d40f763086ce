"""The settings behind legs, gaps and findings, as the Methods section lists them.

Each part names its own (its query module's THRESHOLDS); distances are on the sphere of
casefile.geo.
"""

from __future__ import annotations

from casefile import geo
from casefile.flights import query as flights_query
from casefile.xref import query as xref_query

Setting = float | int | str


def thresholds() -> dict[str, Setting]:
    """Every setting, named by the module that holds it (without the 'casefile.' prefix)."""
    return {**flights_query.THRESHOLDS, "geo.EARTH_RADIUS_KM": geo.EARTH_RADIUS_KM,
            "geo.KM_PER_NM": geo.KM_PER_NM, **xref_query.THRESHOLDS}
