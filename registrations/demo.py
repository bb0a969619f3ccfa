"""Demo data for `make run` (idempotent: fixed ids, existing items kept)."""
from __future__ import annotations

from datetime import date, timedelta

from eventsite.api.errors import Conflict
from eventsite.api.keys import Principal

from . import services

SEED_PRINCIPAL = Principal(key_id="seed-demo", name="seed_demo", role="admin")


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


def seed_demo(*, today: date | None = None) -> dict[str, int]:
    created = existing = 0
    for data in demo_events(today or date.today()):
        try:
            services.event_create(principal=SEED_PRINCIPAL, data=data)
            created += 1
        except Conflict:
            existing += 1
    return {"events_created": created, "events_existing": existing}
