"""POST /users, GET /users/{userId}, GET /users/{userId}/registrations."""
from tests.conftest import new_id


def test_sign_up_is_open_and_returns_a_member_key_once(anon):
    user_id = new_id("u")
    response = anon.post("/users", {"userId": user_id, "name": " Ada ", "email": "ada@example.org"}, format="json")
    assert response.status_code == 201
    body = response.json()
    assert body["name"] == "Ada" and body["email"] == "ada@example.org"
    assert body["apiKey"].startswith("esk_")


def test_admin_created_user_gets_no_key(admin):
    response = admin.post("/users", {"name": "By admin"}, format="json")
    assert response.status_code == 201
    assert "apiKey" not in response.json()
    assert len(response.json()["userId"]) == 36


def test_duplicate_user_is_409(anon, make_user):
    user_id, _ = make_user()
    assert anon.post("/users", {"userId": user_id, "name": "Again"}, format="json").status_code == 409


def test_invalid_email_and_unknown_fields_are_422(anon):
    assert anon.post("/users", {"name": "x", "email": "not-an-email"}, format="json").status_code == 422
    assert anon.post("/users", {"name": "x", "email": 5}, format="json").status_code == 422
    assert anon.post("/users", {"name": "x", "role": "admin"}, format="json").status_code == 422
    assert anon.post("/users", {"name": ""}, format="json").status_code == 422


def test_member_reads_itself_but_not_others(make_user):
    me, my_client = make_user()
    other, _ = make_user()
    assert my_client.get(f"/users/{me}").status_code == 200
    assert my_client.get(f"/users/{other}").status_code == 403


def test_user_read_needs_a_key(anon, make_user):
    user_id, _ = make_user()
    assert anon.get(f"/users/{user_id}").status_code == 401


def test_unknown_user_is_404_for_admin(admin):
    assert admin.get(f"/users/{new_id()}").status_code == 404


def test_user_registrations_list_titles_and_status(admin, make_user, make_event):
    user_id, client = make_user()
    event = make_event(client=admin, title="Listed", capacity=5)
    client.post(f"/events/{event['eventId']}/registrations", {}, format="json")
    body = client.get(f"/users/{user_id}/registrations").json()
    assert body == [{"eventId": event["eventId"], "eventTitle": "Listed", "status": "confirmed",
                     "registeredAt": body[0]["registeredAt"]}]
