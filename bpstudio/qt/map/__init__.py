"""The decision map over the input plane."""
