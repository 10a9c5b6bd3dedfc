"""`python -m sitrep ...` runs the command line, as the `sitrep` script does (useful with a
source checkout on PYTHONPATH, where the installed script would run another copy)."""

from sitrep.cli import main

if __name__ == "__main__":
    main()
