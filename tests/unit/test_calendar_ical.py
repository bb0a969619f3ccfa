"""Parsing real-world feeds: time zones, recurrences, all-day, broken files."""
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from eventsite.calendars.ical import parse_feed
from tests.feeds import DATA, shifted

NY = ZoneInfo("America/New_York")
EVER = dict(window_start=date(1990, 1, 1), window_end=date(2035, 1, 1), zone=NY)


def read(name: str) -> bytes:
    return (DATA / "ics" / name).read_bytes()


def test_weekly_rrule_with_exdate_in_utc_skips_the_deleted_week():
    result = parse_feed(read("rie__each_week_but_one_deleted.ics"), **EVER)
    starts = sorted(o.start for o in result.occurrences)
    assert len(starts) == 7  # COUNT=8 minus one EXDATE given in UTC against a Europe/Berlin DTSTART
    assert all(s.tzinfo is not None for s in starts)


def test_windows_time_zone_name_is_honoured():
    [first, *_] = sorted(parse_feed(read("rie__issue_27_t1.ics"), **EVER).occurrences, key=lambda o: o.start)
    # W. Europe Standard Time 14:00 in late April is 12:00 UTC
    assert first.start.astimezone(timezone.utc).hour == 12
    assert first.start.utcoffset() == NY.utcoffset(first.start.replace(tzinfo=None))


def test_all_day_events_stay_dates():
    result = parse_feed(read("joyous__google_calendar_auckland.ics"), **EVER)
    all_day = [o for o in result.occurrences if o.all_day]
    assert all_day and all(type(o.start) is date for o in all_day)
    assert any((o.end - o.start).days == 3 for o in all_day)


def test_moved_occurrence_keeps_its_recurrence_id_and_new_time():
    result = parse_feed(read("rie__recurring_events_moved.ics"), **EVER)
    moved = [o for o in result.occurrences if o.recurrence_id and
             datetime.fromisoformat(o.recurrence_id) != o.start]
    assert moved, "the file moves occurrences by RECURRENCE-ID"
    keys = [(o.uid, o.recurrence_id) for o in result.occurrences]
    assert len(keys) == len(set(keys))


def test_x_wr_timezone_feed_is_read_in_that_zone():
    result = parse_feed(read("rie__x_wr_timezone_simple_events_issue_59.ics"), **EVER)
    assert sorted(o.start.hour for o in result.occurrences) == [12, 21]


def test_floating_times_are_the_site_zone():
    [occurrence] = parse_feed(read("joyous__outlook_two_vcalendars.ics"), **EVER).occurrences[:1]
    assert occurrence.start.tzinfo is not None and occurrence.start.hour == 9


def test_custom_vtimezone_with_non_olson_tzid():
    [occurrence] = parse_feed(read("icalendar__issue_218_bad_tzid.ics"), **EVER).occurrences
    assert occurrence.start.astimezone(timezone.utc).hour == 12  # 23:00 at UTC+11


def test_one_broken_event_is_skipped_not_the_feed():
    result = parse_feed(read("icalendar__parsing_error.ics"), **EVER)
    assert result.occurrences and result.skipped


@pytest.mark.parametrize("name", ["icalendar__issue_104_broken_calendar.ics", "icalendar__small_bad_calendar.ics"])
def test_unreadable_feed_raises_value_error(name):
    with pytest.raises(ValueError):
        parse_feed(read(name), **EVER)


def test_shifted_file_falls_in_the_window():
    today = date(2026, 11, 25)
    body = shifted("rie__each_week_but_one_deleted.ics", to=today)
    result = parse_feed(body, window_start=today - date.resolution * 7, window_end=date(2027, 3, 1), zone=NY)
    assert len(result.occurrences) == 7
