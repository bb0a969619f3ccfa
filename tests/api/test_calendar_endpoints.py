"""The calendar endpoints of seed 002: shapes, filters, ETag/304, .ics, sitemap."""
from datetime import timedelta
from xml.etree import ElementTree

import icalendar
import pytest

from eventsite.calendars.models import CalendarEvent, Group
from eventsite.calendars.services import calendar_refresh, site_today
from tests.feeds import ics

TODAY = site_today()


def day(n: int) -> str:
    return (TODAY + timedelta(days=n)).strftime("%Y%m%d")


@pytest.fixture
def calendar(feed_server, clean_calendar):
    """Two groups refreshed from local feeds: DC, MD, VA, virtual, all-day and unlocated events."""
    dc = ics(f"UID:dc1\nDTSTART:{day(1)}T230000Z\nDTEND:{day(2)}T010000Z\nSUMMARY:DC Talk\nLOCATION:Washington, DC",
             f"UID:md1\nDTSTART:{day(2)}T230000Z\nSUMMARY:MD Talk\nLOCATION:Bethesda, MD",
             f"UID:va1\nDTSTART;VALUE=DATE:{day(0)}\nDTEND;VALUE=DATE:{day(1)}\nSUMMARY:VA Day\nLOCATION:Arlington, VA")
    online = ics(f"UID:v1\nDTSTART:{day(3)}T170000Z\nSUMMARY:Online Talk\nLOCATION:Zoom",
                 f"UID:x1\nDTSTART:{day(4)}T170000Z\nSUMMARY:Somewhere\nLOCATION:Boston, MA")
    Group("cal-dc", name="Cal DC", ical=feed_server.serve("/dc.ics", dc), active=True).save()
    Group("cal-online", name="Cal Online", ical=feed_server.serve("/online.ics", online), active=True).save()
    Group("cal-broken", name="Cal Broken", ical=feed_server.serve("/broken.ics", b"", status=500), active=True).save()
    calendar_refresh()


@pytest.fixture
def clean_calendar():
    for model in (CalendarEvent, Group):
        with model.batch_write() as batch:
            for item in model.scan():
                batch.delete(item)


def titles(events):
    return [e["title"] for e in events]


def test_unfiltered_events_include_dc_md_va_and_all(anon, calendar):
    body = anon.get("/api/events").json()
    assert set(titles(body["events"])) == {"DC Talk", "MD Talk", "VA Day", "Online Talk", "Somewhere"}
    assert body["count"] == 5 and body["filters"] == {"state": None, "location_type": None, "group_id": None}
    starts = [e["start_datetime"] for e in body["events"]]
    assert starts == sorted(starts)


def test_events_filters(anon, calendar):
    assert titles(anon.get("/api/events", {"state": "MD"}).json()["events"]) == ["MD Talk"]
    assert titles(anon.get("/api/events", {"location_type": "virtual"}).json()["events"]) == ["Online Talk"]
    assert len(anon.get("/api/events", {"group_id": "cal-online"}).json()["events"]) == 2
    assert titles(anon.get("/api/events", {"state": "ALL", "location_type": "in_person"}).json()["events"]) == \
        ["Somewhere"]
    assert anon.get("/api/events", {"limit": "2"}).json()["count"] == 2


@pytest.mark.parametrize("params", [{"state": "TX"}, {"location_type": "boat"}, {"limit": "0"}, {"limit": "x"}])
def test_bad_event_filters_are_400(anon, params):
    response = anon.get("/api/events", params)
    assert response.status_code == 400 and response.json()["detail"]


def test_upcoming_days_group_events_into_time_slots(anon, calendar):
    body = anon.get("/api/events/upcoming").json()
    assert body["location_type"] == "in_person" and len(body["days"]) == 14
    first = body["days"][0]
    assert set(first) == {"date", "day_name", "day_number", "month_name", "year", "time_slots", "has_events"}
    assert first["date"] == TODAY.isoformat() and first["has_events"]
    assert first["time_slots"][0]["time"] == "All Day"
    assert titles(first["time_slots"][0]["events"]) == ["VA Day"]
    assert "Online Talk" not in str(body)


def test_virtual_days(anon, calendar):
    body = anon.get("/api/events/virtual").json()
    assert body["location_type"] == "virtual" and body["count"] == 1


def test_week_view(anon, calendar):
    year, week, _ = TODAY.isocalendar()
    body = anon.get(f"/api/events/week/{year}-W{week:02d}").json()
    assert len(body["days"]) == 7 and body["days"][0]["day_name"] == "Monday"
    assert body["start_date"] <= TODAY.isoformat() <= body["end_date"]


@pytest.mark.parametrize("week", ["2026-W60", "2026W01", "26-W01", "2026-W00"])
def test_bad_week_is_400(anon, week):
    assert anon.get(f"/api/events/week/{week}").status_code == 400


def test_locations_count_every_state(anon, calendar):
    body = anon.get("/api/locations").json()
    assert body == {"states": {"DC": 1, "MD": 1, "VA": 1, "ALL": 2}, "total": 5}


def test_location_page(anon, calendar):
    assert titles(anon.get("/api/locations/VA").json()["events"]) == ["VA Day"]
    assert anon.get("/api/locations/ALL").status_code == 400
    assert anon.get("/api/locations/TX").status_code == 400


def test_groups_show_last_fetch_result(anon, calendar):
    groups = {g["id"]: g for g in anon.get("/api/groups").json()["groups"]}
    assert groups["cal-dc"]["last_fetch"]["status"] == "ok" and groups["cal-dc"]["last_fetch"]["event_count"] == 3
    assert groups["cal-broken"]["last_fetch"] == {**groups["cal-broken"]["last_fetch"], "status": "error",
                                                   "error": "HTTP 500"}


def test_group_page_and_unknown_group(anon, calendar):
    body = anon.get("/api/groups/cal-dc").json()
    assert body["group"]["name"] == "Cal DC" and body["count"] == 3
    assert anon.get("/api/groups/nope").status_code == 404


def test_events_ics_parses_back(anon, calendar):
    response = anon.get("/events.ics")
    assert response["Content-Type"].startswith("text/calendar")
    parsed = icalendar.Calendar.from_ical(response.content)
    summaries = {str(e["SUMMARY"]) for e in parsed.walk("VEVENT")}
    assert summaries == {"DC Talk", "MD Talk", "VA Day", "Online Talk", "Somewhere"}
    va = next(e for e in parsed.walk("VEVENT") if str(e["SUMMARY"]) == "VA Day")
    assert va["DTSTART"].dt == TODAY


def test_sitemap_is_valid_xml(anon, calendar):
    response = anon.get("/sitemap.xml")
    root = ElementTree.fromstring(response.content)
    locs = [e.text for e in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "http://testserver/api/groups/cal-dc" in locs and "http://testserver/api/events/upcoming" in locs


def test_reads_have_etag_and_answer_304(anon, calendar):
    first = anon.get("/api/events")
    assert first["ETag"]
    again = anon.get("/api/events", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""


def test_writes_to_calendar_endpoints_are_405_in_error_format(anon):
    assert anon.post("/events.ics").status_code == 405
    assert anon.post("/api/events", {}, format="json").status_code == 405


def test_active_managed_events_appear_as_native(anon, admin, make_event, clean_calendar):
    event = make_event(client=admin, date=(TODAY + timedelta(days=2)).isoformat(), location="Silver Spring, MD")
    draft = make_event(client=admin, date=(TODAY + timedelta(days=2)).isoformat(), status="draft")
    native = [e for e in anon.get("/api/events").json()["events"] if e["source_type"] == "native"]
    assert titles(native) == [event["title"]] and native[0]["state"] == "MD" and native[0]["all_day"]
    admin.patch(f"/events/{event['eventId']}", {"status": "cancelled"}, format="json")
    admin.patch(f"/events/{draft['eventId']}", {"status": "active"}, format="json")
    native = [e for e in anon.get("/api/events").json()["events"] if e["source_type"] == "native"]
    assert [e["event_id"] for e in native] == [f"native-{draft['eventId']}"]
    admin.delete(f"/events/{draft['eventId']}")
    assert not [e for e in anon.get("/api/events").json()["events"] if e["source_type"] == "native"]


@pytest.mark.parametrize("group_id", ["", "has space", "x" * 200])
def test_invalid_group_filter_is_400_not_500(anon, group_id):
    assert anon.get("/api/events", {"group_id": group_id}).status_code == 400
