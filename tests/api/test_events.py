"""Example-based tests of the /events endpoints (contract of DESIGN.md)."""
from tests.conftest import event_body, new_id


def test_create_returns_201_with_full_event(organizer):
    response = organizer.post("/events", event_body(eventId=new_id(), title="  Spaced  "), format="json")
    assert response.status_code == 201
    body = response.json()
    assert body["title"] == "Spaced"
    assert body["confirmedCount"] == 0 and body["waitlistCount"] == 0 and body["hasWaitlist"] is False
    assert body["createdAt"] == body["updatedAt"]


def test_create_generates_uuid_when_event_id_absent(organizer):
    body = organizer.post("/events", event_body(), format="json").json()
    assert len(body["eventId"]) == 36


def test_create_with_existing_event_id_is_409_and_keeps_original(organizer, make_event):
    event = make_event(title="Original")
    response = organizer.post("/events", event_body(eventId=event["eventId"], title="Other"), format="json")
    assert response.status_code == 409
    assert organizer.get(f"/events/{event['eventId']}").json()["title"] == "Original"


def test_event_id_with_dots_and_tilde_is_routable(organizer, anon):
    event_id = f"{new_id()}.v1~x"
    organizer.post("/events", event_body(eventId=event_id), format="json")
    assert anon.get(f"/events/{event_id}").status_code == 200


def test_invalid_event_id_is_422(organizer):
    response = organizer.post("/events", event_body(eventId="has space"), format="json")
    assert response.status_code == 422
    assert "eventId" in response.json()["errors"]


def test_unknown_field_is_422(organizer):
    response = organizer.post("/events", event_body(colour="red"), format="json")
    assert response.status_code == 422
    assert response.json()["errors"] == {"colour": ["Unknown field."]}


def test_read_only_fields_in_body_are_ignored(organizer):
    body = organizer.post("/events", event_body(confirmedCount=99, createdAt="x"), format="json").json()
    assert body["confirmedCount"] == 0 and body["createdAt"] != "x"


def test_capacity_rejects_bool_float_and_string(organizer):
    for bad in (True, 5.0, "5", -1, None):
        response = organizer.post("/events", event_body(capacity=bad), format="json")
        assert response.status_code == 422, bad
        assert "capacity" in response.json()["errors"]


def test_date_must_be_real_and_untrimmed(organizer):
    for bad in ("2030-02-30", " 2030-01-01", "2030-1-01", "01/02/2030", 20300101):
        assert organizer.post("/events", event_body(date=bad), format="json").status_code == 422, bad


def test_blank_after_trimming_is_422_but_description_may_be_empty(organizer):
    assert organizer.post("/events", event_body(title="   "), format="json").status_code == 422
    assert organizer.post("/events", event_body(description=""), format="json").status_code == 201


def test_over_long_strings_are_422(organizer):
    assert organizer.post("/events", event_body(title="x" * 201), format="json").status_code == 422
    assert organizer.post("/events", event_body(description="x" * 5001), format="json").status_code == 422


def test_body_that_is_not_an_object_is_422(organizer):
    response = organizer.post("/events", [1, 2], format="json")
    assert response.status_code == 422
    assert response.json()["detail"]


def test_malformed_json_is_400(organizer):
    response = organizer.post("/events", "{bad", content_type="application/json")
    assert response.status_code == 400


def test_form_body_is_415(organizer):
    response = organizer.post("/events", "title=x", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 415


def test_body_over_256_kib_is_413(organizer):
    response = organizer.post("/events", '{"title": "' + "x" * 270_000 + '"}', content_type="application/json")
    assert response.status_code == 413


def test_get_unknown_event_is_404(anon):
    response = anon.get(f"/events/{new_id()}")
    assert response.status_code == 404
    assert response.json()["detail"]


def test_overlong_event_id_in_url_is_404_not_500(anon):
    assert anon.get("/events/" + "a" * 3000).status_code == 404


def test_patch_updates_only_given_fields(organizer, make_event):
    event = make_event()
    response = organizer.patch(f"/events/{event['eventId']}", {"title": "New"}, format="json")
    assert response.status_code == 200
    body = response.json()
    assert body["title"] == "New" and body["location"] == event["location"]
    assert body["updatedAt"] > event["updatedAt"]


def test_put_is_a_partial_update(organizer, make_event):
    event = make_event()
    response = organizer.put(f"/events/{event['eventId']}", {"status": "cancelled"}, format="json")
    assert response.status_code == 200
    assert response.json()["status"] == "cancelled" and response.json()["title"] == event["title"]


def test_update_with_other_event_id_in_body_is_422(organizer, make_event):
    event = make_event()
    response = organizer.patch(f"/events/{event['eventId']}", {"eventId": "other"}, format="json")
    assert response.status_code == 422


def test_update_unknown_event_is_404(organizer):
    assert organizer.patch(f"/events/{new_id()}", {"title": "x"}, format="json").status_code == 404


def test_delete_returns_204_then_404(organizer, anon, make_event):
    event = make_event()
    assert organizer.delete(f"/events/{event['eventId']}").status_code == 204
    assert anon.get(f"/events/{event['eventId']}").status_code == 404
    assert organizer.delete(f"/events/{event['eventId']}").status_code == 404


def test_deleted_event_id_can_be_reused(organizer, make_event):
    event = make_event()
    organizer.delete(f"/events/{event['eventId']}")
    assert organizer.post("/events", event_body(eventId=event["eventId"]), format="json").status_code == 201


def test_status_filter_queries_only_matching_events(organizer, anon, make_event):
    status = new_id("st")
    wanted = {make_event(status=status)["eventId"] for _ in range(3)}
    make_event(status="other")
    body = anon.get("/events", {"status": status}).json()
    assert {e["eventId"] for e in body} == wanted


def test_list_pages_with_link_header_until_exhausted(organizer, anon, make_event):
    status = new_id("pg")
    wanted = {make_event(status=status)["eventId"] for _ in range(5)}
    seen, url, params, pages = [], "/events", {"status": status, "limit": "2"}, 0
    while url:
        response = anon.get(url, params)
        seen += [e["eventId"] for e in response.json()]
        link = response.headers.get("Link")
        url, params, pages = (link[1:link.index(">")] if link else None), None, pages + 1
        assert pages < 10
    assert sorted(seen) == sorted(wanted)
    assert pages >= 3


def test_link_header_is_absolute(organizer, anon, make_event):
    status = new_id("abs")
    make_event(status=status), make_event(status=status)
    link = anon.get("/events", {"status": status, "limit": "1"}).headers["Link"]
    assert link.startswith("<http://testserver/events?") and link.endswith('rel="next"')


def test_tampered_cursor_is_400(anon, make_event):
    status = new_id("tc")
    make_event(status=status), make_event(status=status)
    link = anon.get("/events", {"status": status, "limit": "1"}).headers["Link"]
    cursor = link.split("cursor=")[1].split("&")[0].split(">")[0]
    tampered = cursor[:-3] + ("aaa" if not cursor.endswith("aaa") else "bbb")
    assert anon.get("/events", {"status": status, "cursor": tampered}).status_code == 400


def test_cursor_reused_with_another_filter_is_400(anon, make_event):
    status = new_id("rf")
    make_event(status=status), make_event(status=status)
    link = anon.get("/events", {"status": status, "limit": "1"}).headers["Link"]
    cursor = link.split("cursor=")[1].split("&")[0].split(">")[0]
    from urllib.parse import unquote

    assert anon.get("/events", {"status": "other", "cursor": unquote(cursor)}).status_code == 400


def test_bad_limit_is_400(anon):
    for bad in ("0", "1001", "x", "-1"):
        assert anon.get("/events", {"limit": bad}).status_code == 400, bad


def test_wrong_method_is_405(admin):
    assert admin.delete("/events").status_code == 405
    assert admin.post(f"/events/{new_id()}", {}, format="json").status_code == 405


def test_unknown_url_is_json_404(anon):
    response = anon.get("/no/such/thing")
    assert response.status_code == 404
    assert response.json()["detail"]


def test_every_response_has_request_id_and_server_timing(anon):
    response = anon.get("/events", {"status": "x"})
    assert len(response["X-Request-Id"]) >= 8
    assert 'dynamodb;desc="1 calls"' in response["Server-Timing"]


def test_browsable_api_renders_html(anon):
    response = anon.get("/events", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert b"<html" in response.content.lower()
