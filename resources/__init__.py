"""Icons, translations and other files the studio ships (installed as bpstudio.resources)."""
