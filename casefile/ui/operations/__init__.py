"""What runs off the UI thread: the long-operation runner and its jobs, edits and their undo."""
