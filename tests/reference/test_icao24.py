"""ICAO 24-bit address allocation blocks: country of registration, nested blocks first."""

from casefile.reference.icao24 import block_for, blocks, country_for, normalise_hex


def test_known_addresses_map_to_their_states():
    assert country_for("ac134a") == "United States"      # N8774Q in the readsb sample
    assert country_for("4d2271") == "Malta"              # Malta Air (Ryanair) in the OpenSky sample
    assert country_for("e8027e") == "Chile"              # OpenSky REST sample says "Chile" too
    assert country_for("3c6444") == "Germany"
    assert country_for("150000") == "Russian Federation"


def test_nested_block_wins_over_the_block_around_it():
    assert country_for("789123") == "Hong Kong (China)"
    assert country_for("780123") == "China"
    assert country_for("7a0000") == "China"


def test_unallocated_and_invalid_addresses():
    assert country_for("200000") is None       # between Africa and Europe blocks: unallocated
    assert country_for("~4d2271") is None      # readsb's non-ICAO (TIS-B) address
    assert country_for("zzzzzz") is None
    assert normalise_hex("AC134A") == "ac134a"
    assert normalise_hex("0x4D2271") == "4d2271"
    assert normalise_hex("1234567") is None


def test_blocks_do_not_partly_overlap():
    """Blocks are either disjoint or one contains the other (so 'smallest first' is well defined)."""
    bs = blocks()
    for i, a in enumerate(bs):
        for b in bs[i + 1:]:
            disjoint = a.end < b.start or b.end < a.start
            nested = (a.start >= b.start and a.end <= b.end) or (b.start >= a.start and b.end <= a.end)
            assert disjoint or nested, (a, b)
    assert block_for("789abc").size < block_for("780000").size
