"""Calendar refresh: 120 generated groups' feeds (about 5,000 occurrences in
the 60-day window) served on loopback, refreshed into DynamoDB Local.

Prints events parsed per second, wall time of a first refresh and of an
unchanged rerun, and the DynamoDB writes of the rerun (must be 0). The
baseline, measured in the same run, is fetching and parsing the same feeds
without storing anything."""
from __future__ import annotations

import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from bench.common import dynamodb_local, ratio, setup_django

GROUPS = 120
WRITES = {"PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems"}


def feed_for(n: int, today) -> bytes:
    from tests.feeds import ics

    start = (today + timedelta(days=1)).strftime("%Y%m%d")
    places = ["Washington, DC", "Bethesda, MD", "Arlington, VA", "Online (Zoom)", "Baltimore, MD"]
    events = [f"UID:weekly-{n}\nDTSTART:{start}T230000Z\nRRULE:FREQ=WEEKLY\nSUMMARY:Weekly {n}\n"
              f"LOCATION:{places[n % 5]}",
              f"UID:twice-{n}\nDTSTART:{start}T170000Z\nRRULE:FREQ=WEEKLY;BYDAY=MO,TH\nSUMMARY:Standup {n}\n"
              f"LOCATION:{places[(n + 1) % 5]}"]
    for k in range(16):
        when = (today + timedelta(days=2 + k * 3)).strftime("%Y%m%d")
        events.append(f"UID:single-{n}-{k}\nDTSTART:{when}T220000Z\nDTEND:{when}T233000Z\nSUMMARY:Talk {n}.{k}\n"
                      f"DESCRIPTION:Generated talk {k} of group {n}\nLOCATION:{places[k % 5]}")
    return ics(*events)


class WriteCounter:
    def __init__(self):
        self.count, self.lock = 0, threading.Lock()

    def __call__(self, sender, operation_name=None, **kwargs):
        if operation_name in WRITES:
            with self.lock:
                self.count += 1


def main() -> int:
    from tests.feeds import FeedServer

    with dynamodb_local() as endpoint:
        setup_django(endpoint)
        from django.conf import settings
        from pynamodb.signals import pre_dynamodb_send

        from eventsite.calendars.ical import fetch_feed, parse_feed
        from eventsite.calendars.models import Group
        from eventsite.calendars.services import calendar_refresh, site_today, site_zone

        today = site_today()
        server = FeedServer()
        urls = [server.serve(f"/g{n}.ics", feed_for(n, today)) for n in range(GROUPS)]
        with Group.batch_write() as batch:
            for n, url in enumerate(urls):
                batch.save(Group(f"bench-{n:03d}", name=f"Bench group {n}", ical=url, active=True))
        window_end = today + timedelta(days=settings.CALENDAR["window_days"])

        def fetch_and_parse(url):
            return len(parse_feed(fetch_feed(url).body, window_start=today, window_end=window_end,
                                  zone=site_zone()).occurrences)

        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=settings.CALENDAR["fetch_workers"]) as pool:
            parsed = sum(pool.map(fetch_and_parse, urls))
        baseline = time.perf_counter() - started

        counter = WriteCounter()
        pre_dynamodb_send.connect(counter, weak=False)
        started = time.perf_counter()
        first = calendar_refresh()
        first_wall = time.perf_counter() - started
        first_writes, counter.count = counter.count, 0
        started = time.perf_counter()
        rerun = calendar_refresh()
        rerun_wall = time.perf_counter() - started
        server.close()
    stored = sum(o.events for o in first)
    errors = [o for o in first + rerun if o.status == "error"]
    print(f"calendar refresh: {GROUPS} groups, {stored} occurrences in the {settings.CALENDAR['window_days']}-day window")
    print(f"  baseline fetch+parse only   {baseline:7.2f} s   {parsed / baseline:8.0f} events/s")
    print(f"  first refresh (stored)      {first_wall:7.2f} s   {stored / first_wall:8.0f} events/s   "
          f"ratio to baseline {ratio(first_wall, baseline)}   DynamoDB writes {first_writes}")
    print(f"  unchanged rerun             {rerun_wall:7.2f} s   ratio to first {ratio(rerun_wall, first_wall)}   "
          f"statuses {sorted({o.status for o in rerun})}")
    print(f"  DynamoDB writes of rerun    {counter.count}")
    print(f"  errors                      {len(errors)}")
    return 1 if counter.count or errors or stored != parsed else 0


if __name__ == "__main__":
    sys.exit(main())
