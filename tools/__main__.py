"""Entry point for `python -m tools`."""

from tools.cli import main

if __name__ == "__main__":
    main()
