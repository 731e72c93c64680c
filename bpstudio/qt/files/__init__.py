"""Opening, saving and exporting from the window."""
