"""Entry point of the frozen app: the same ``main`` as the ``bpstudio`` command."""
import sys

from bpstudio.app import main

if __name__ == "__main__":
    sys.exit(main())
