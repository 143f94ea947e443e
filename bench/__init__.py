"""Benchmarks: each prints its figures against the budget. Run `python -m bench`."""
