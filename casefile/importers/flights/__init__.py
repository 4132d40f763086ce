"""Flight-record importers; importing this package registers every format module."""

from casefile.importers.flights import (  # noqa: F401
    fr24_csv,
    fr24_json,
    gpx,
    kml,
    opensky_csv,
    opensky_flights,
    opensky_rest,
    readsb,
    traffic_json,
)
