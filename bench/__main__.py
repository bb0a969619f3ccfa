"""`make bench` / `python -m bench [name ...]`: run the benchmarks in turn."""
import importlib
import sys

BENCHES = ["registration_storm", "calendar_refresh", "streams", "cold_start", "soak"]


def main() -> int:
    names = sys.argv[1:] or BENCHES
    failed = 0
    for name in names:
        print(f"== {name}", flush=True)
        failed |= importlib.import_module(f"bench.{name}").main()
    return failed


if __name__ == "__main__":
    sys.exit(main())
