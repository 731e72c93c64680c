import sys

from bpstudio.app import main

sys.exit(main())
