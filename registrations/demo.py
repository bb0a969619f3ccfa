"""Demo data for `make run` (idempotent: fixed ids, existing items kept):
events, users, and registrations that fill one event and start its waitlist."""
from __future__ import annotations

from datetime import date, timedelta

from eventsite.api.errors import Conflict
from eventsite.api.keys import Principal

from . import services

SEED_PRINCIPAL = Principal(key_id="seed-demo", name="seed_demo", role="admin")
DEMO_USERS = [("demo-ada", "Ada Lovelace", "ada@example.org"), ("demo-grace", "Grace Hopper", "grace@example.org"),
              ("demo-alan", "Alan Turing", None), ("demo-katherine", "Katherine Johnson", "kj@example.org"),
              ("demo-linus", "Linus Torvalds", None)]
# Users in registration order: the PyCon DC meetup has 3 seats, so the last two wait.
DEMO_REGISTRATIONS = [("demo-pycon-dc", [u[0] for u in DEMO_USERS]),
                      ("demo-django-workshop", ["demo-ada", "demo-alan"])]


def demo_events(today: date) -> list[dict]:
    def day(n: int) -> str:
        return (today + timedelta(days=n)).isoformat()

    return [
        {"eventId": "demo-pycon-dc", "title": "PyCon DC Meetup", "description": "Lightning talks and pizza.",
         "date": day(7), "location": "Washington, DC", "capacity": 3, "organizer": "DC Python",
         "status": "active", "hasWaitlist": True},
        {"eventId": "demo-django-workshop", "title": "Django Workshop", "description": "Build an API in an afternoon.",
         "date": day(14), "location": "Arlington, VA", "capacity": 20, "organizer": "Django District",
         "status": "active", "hasWaitlist": False},
        {"eventId": "demo-aws-day", "title": "Serverless Day", "description": "",
         "date": day(30), "location": "Bethesda, MD", "capacity": 100, "organizer": "AWS User Group",
         "status": "draft", "hasWaitlist": True},
        {"eventId": "demo-past-hackathon", "title": "Civic Hackathon", "description": "Open data projects.",
         "date": day(-10), "location": "Washington, DC", "capacity": 50, "organizer": "Code for DC",
         "status": "completed", "hasWaitlist": False},
    ]


def _created(call) -> int:
    try:
        call()
        return 1
    except Conflict:
        return 0


def seed_demo(*, today: date | None = None) -> dict[str, int]:
    events = sum(_created(lambda d=d: services.event_create(principal=SEED_PRINCIPAL, data=d))
                 for d in demo_events(today or date.today()))
    users = sum(_created(lambda u=u: services.user_create(
        principal=SEED_PRINCIPAL, data={"userId": u[0], "name": u[1], "email": u[2]})) for u in DEMO_USERS)
    registrations = 0
    for event_id, user_ids in DEMO_REGISTRATIONS:
        for user_id in user_ids:
            registrations += _created(lambda e=event_id, u=user_id: services.registration_create(
                principal=SEED_PRINCIPAL, event_id=e, user_id=u))
    return {"events_created": events, "users_created": users, "registrations_created": registrations}
