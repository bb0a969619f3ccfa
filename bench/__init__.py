"""Benchmarks (run by `make bench`, never by `make test`). Each prints its
figures as ratios against a baseline measured in the same run."""
