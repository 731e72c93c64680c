"""The studio model and what it keeps: history, finished runs, the questions views ask."""
