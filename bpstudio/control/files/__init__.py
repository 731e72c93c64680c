"""Files in and out: sessions, stored settings, tables, and the one safe writer."""
