"""The side panels that follow the current selection."""
