"""The window itself: main and case windows, menus, context menus, dialogs, the navigator, settings."""
