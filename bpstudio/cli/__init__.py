"""The headless commands: ``bpstudio train``, ``gradcheck``, ``chain``."""
