"""Refreshing groups from feeds served by a real local HTTP server, stored in
DynamoDB Local."""
import threading
from datetime import timedelta

import pytest
from pynamodb.signals import pre_dynamodb_send

from eventsite.calendars import services
from eventsite.calendars.models import CalendarEvent, Group
from eventsite.calendars.services import calendar_refresh, group_refresh
from tests.feeds import ics, shifted

TODAY = services.site_today()
WRITE_OPERATIONS = {"PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems"}


def stored(group_id):
    return sorted(CalendarEvent.by_group.query(group_id), key=lambda e: e.start_datetime)


def day(n: int) -> str:
    return (TODAY + timedelta(days=n)).strftime("%Y%m%d")


class WriteCounter:
    def __init__(self):
        self.count = 0
        self.lock = threading.Lock()

    def __call__(self, sender, operation_name=None, **kwargs):
        if operation_name in WRITE_OPERATIONS:
            with self.lock:
                self.count += 1


@pytest.fixture
def writes():
    counter = WriteCounter()
    pre_dynamodb_send.connect(counter, weak=False)
    yield counter
    pre_dynamodb_send.disconnect(counter)


def refreshed(group, **kwargs):
    return group_refresh(Group.get(group.group_id, consistent_read=True), **kwargs)


def test_weekly_rrule_with_exdate_from_a_real_feed(feed_server, make_group):
    group = make_group(feed_server.serve("/sabre.ics", shifted("rie__each_week_but_one_deleted.ics", to=TODAY)))
    outcome = refreshed(group)
    assert outcome.status == "ok"
    items = stored(group.group_id)
    assert 1 <= len(items) <= 7
    assert len({i.start_datetime for i in items}) == len(items)
    assert all(i.recurrence_id for i in items)


def test_moved_occurrence_is_stored_once_at_its_new_time(feed_server, make_group):
    body = shifted("rie__recurring_events_moved.ics", to=TODAY + timedelta(days=21))
    group = make_group(feed_server.serve("/moved.ics", body))
    refreshed(group)
    items = stored(group.group_id)
    keys = [(i.uid, i.recurrence_id) for i in items]
    assert len(keys) == len(set(keys))
    assert any(i.recurrence_id[:16] != i.start_datetime[:16] for i in items)


def test_all_day_event_is_kept_as_all_day_and_shows_today(feed_server, make_group, anon):
    body = ics(f"UID:allday-1\nDTSTART;VALUE=DATE:{day(0)}\nDTEND;VALUE=DATE:{day(1)}\nSUMMARY:Hack day\n"
               "LOCATION:Washington, DC")
    group = make_group(feed_server.serve("/allday.ics", body))
    refreshed(group)
    [item] = stored(group.group_id)
    assert item.all_day and item.start_datetime == TODAY.isoformat()
    week = anon.get(f"/api/groups/{group.group_id}").json()
    assert [e["title"] for e in week["events"]] == ["Hack day"]


def test_windows_time_zone_feed_is_stored_in_site_time(feed_server, make_group):
    group = make_group(feed_server.serve("/exchange.ics", shifted("rie__issue_27_t1.ics", to=TODAY + timedelta(days=7))))
    assert refreshed(group).status == "ok"
    items = stored(group.group_id)
    assert items and all(i.start_datetime[-6:] in ("-05:00", "-04:00") for i in items)


def test_broken_feeds_are_recorded_and_never_stop_the_others(feed_server, make_group, settings):
    settings.CALENDAR = {**settings.CALENDAR, "fetch_timeout_seconds": 1.0, "max_feed_bytes": 10_000}
    good = make_group(feed_server.serve("/good.ics", ics(f"UID:g1\nDTSTART:{day(2)}T180000Z\nSUMMARY:Good")))
    failing = make_group(feed_server.serve("/500.ics", b"oops", status=500))
    slow = make_group(feed_server.serve("/slow.ics", ics("UID:s"), delay=3))
    malformed = make_group(feed_server.serve("/bad.ics", b"BEGIN:VCALENDAR\r\nX\r\n"))
    huge = make_group(feed_server.serve("/huge.ics", b"X" * 20_000))
    outcomes = {o.group_id: o for o in calendar_refresh()}
    assert outcomes[good.group_id].status == "ok" and len(stored(good.group_id)) == 1
    assert outcomes[failing.group_id].error == "HTTP 500"
    assert "timed out" in outcomes[slow.group_id].error
    assert "iCalendar" in outcomes[malformed.group_id].error
    assert "larger than" in outcomes[huge.group_id].error
    recorded = Group.get(failing.group_id, consistent_read=True)
    assert (recorded.last_fetch_status, recorded.last_fetch_error) == ("error", "HTTP 500")


def test_event_that_moves_between_refreshes_is_updated_not_duplicated(feed_server, make_group):
    url = feed_server.serve("/move.ics", ics(f"UID:talk-1\nDTSTART:{day(3)}T230000Z\nSUMMARY:Talk\n"
                                            "LOCATION:Arlington, VA"))
    group = make_group(url)
    refreshed(group)
    [before] = stored(group.group_id)
    feed_server.serve("/move.ics", ics(f"UID:talk-1\nDTSTART:{day(5)}T230000Z\nSUMMARY:Talk (moved)\n"
                                      "LOCATION:Arlington, VA"))
    refreshed(group)
    [after] = stored(group.group_id)
    assert after.event_id == before.event_id and after.title == "Talk (moved)"
    assert after.start_datetime > before.start_datetime and after.created_at == before.created_at


def test_last_seen_rules_for_an_event_that_disappears(feed_server, make_group):
    both = ics(f"UID:stay\nDTSTART:{day(4)}T180000Z\nSUMMARY:Stays", f"UID:go\nDTSTART:{day(4)}T200000Z\nSUMMARY:Goes",
               f"UID:today\nDTSTART;VALUE=DATE:{day(0)}\nSUMMARY:Today")
    group = make_group(feed_server.serve("/lastseen.ics", both))
    refreshed(group, today=TODAY)
    feed_server.serve("/lastseen.ics", ics(f"UID:stay\nDTSTART:{day(4)}T180000Z\nSUMMARY:Stays"))
    refreshed(group, today=TODAY)  # same day: "go" was seen today, kept (grace)
    assert {i.title for i in stored(group.group_id)} == {"Stays", "Goes", "Today"}
    refreshed(group, today=TODAY + timedelta(days=1))  # seen yesterday: still kept
    assert "Goes" in {i.title for i in stored(group.group_id)}
    outcome = refreshed(group, today=TODAY + timedelta(days=2))
    titles = {i.title for i in stored(group.group_id)}
    assert "Goes" not in titles and "Stays" in titles and outcome.deleted == 1
    assert "Today" in titles  # past by now: left for TTL (end + 7 days), not deleted


def test_unchanged_rerun_writes_nothing_and_uses_conditional_get(feed_server, make_group, writes):
    group = make_group(feed_server.serve("/steady.ics", ics(f"UID:a\nDTSTART:{day(2)}T180000Z\nSUMMARY:A",
                                                           f"UID:b\nDTSTART:{day(9)}T180000Z\nSUMMARY:B")))
    first = refreshed(group)
    assert first.written == 2
    writes.count = 0
    second = refreshed(group)
    assert second.status == "not_modified" and writes.count == 0
    _, headers = feed_server.requests[-1]
    assert headers.get("If-None-Match")


def test_identical_body_without_etag_is_not_reparsed(feed_server, make_group, writes):
    group = make_group(feed_server.serve("/noetag.ics", ics(f"UID:n\nDTSTART:{day(2)}T180000Z\nSUMMARY:N"),
                                         etag=False))
    refreshed(group)
    writes.count = 0
    assert refreshed(group).status == "not_modified" and writes.count == 0


def test_next_day_fetches_in_full_because_the_window_moved(feed_server, make_group):
    group = make_group(feed_server.serve("/daily.ics", ics(f"UID:d\nDTSTART:{day(1)}T180000Z\nRRULE:FREQ=DAILY\n"
                                                          "SUMMARY:Daily")))
    first = refreshed(group, today=TODAY)
    later = refreshed(group, today=TODAY + timedelta(days=1))
    assert later.status == "ok" and later.events == first.events + 1  # a new day entered the window
    _, headers = feed_server.requests[-1]
    assert "If-None-Match" not in headers


def test_suppressed_urls_are_left_out(feed_server, make_group):
    body = ics(f"UID:x\nDTSTART:{day(2)}T180000Z\nSUMMARY:Private\nURL:https://example.org/private",
               f"UID:y\nDTSTART:{day(2)}T190000Z\nSUMMARY:Public")
    group = make_group(feed_server.serve("/suppress.ics", body), suppress_urls=["https://example.org/private"])
    refreshed(group)
    assert [i.title for i in stored(group.group_id)] == ["Public"]


def test_refresh_command_reports_each_group(feed_server, make_group, capsys):
    from django.core.management import call_command

    group = make_group(feed_server.serve("/cmd.ics", ics(f"UID:c\nDTSTART:{day(2)}T180000Z\nSUMMARY:C")))
    call_command("refresh_calendars", "--group", group.group_id)
    assert f"ok           {group.group_id}: 1 events, 1 written" in capsys.readouterr().out


def test_import_groups_skips_invalid_files_by_name(tmp_path, capsys):
    from django.core.management import CommandError, call_command

    (tmp_path / "good-group.yaml").write_text("name: Good\nical: https://example.org/a.ics\n")
    (tmp_path / "bad-group.yaml").write_text("name: [\n")
    with pytest.raises(CommandError):
        call_command("import_groups", str(tmp_path))
    captured = capsys.readouterr()
    assert "bad-group.yaml" in captured.err and Group.get_or_none("good-group") is not None
    assert Group.get_or_none("bad-group") is None


def test_calendar_refresh_lambda_handler(feed_server, make_group):
    from eventsite.lambda_handler import calendar_refresh_handler

    make_group(feed_server.serve("/lambda.ics", ics(f"UID:l\nDTSTART:{day(2)}T180000Z\nSUMMARY:L")))
    result = calendar_refresh_handler({"source": "aws.events"}, None)
    assert result["groups"] >= 1 and result["written"] >= 1
