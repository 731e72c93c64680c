"""The window's frame: menus, controls, status bar, settings, language, the training thread."""
