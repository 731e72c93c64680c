"""The loss landscape panel: its map and its slice."""
