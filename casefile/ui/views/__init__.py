"""Central views: tables, photo grid, map, timeline."""
