"""Benchmarks: synthetic corpus, importer and build timings against bare Pelican, search weight.

`python -m bench --n N` (or `make bench N=...`); see docs/benchmarks.md.
"""
