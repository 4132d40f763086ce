"""Entry point of the frozen app: the `casefile` command (GUI when run without a subcommand)."""

import multiprocessing
import sys

from casefile.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()   # import workers re-run this executable (forkserver/spawn)
    sys.exit(main())
