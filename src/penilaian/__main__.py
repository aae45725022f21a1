"""Run the command line: ``python -m penilaian`` or the ``penilaian`` script."""

from __future__ import annotations

import sys

from penilaian.cli import main

if __name__ == "__main__":
    sys.exit(main())
