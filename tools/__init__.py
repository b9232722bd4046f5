"""Import pipeline and `python -m tools` command line for the Caucasus news archive."""
