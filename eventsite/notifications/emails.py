"""What each registration change says to the user."""
from __future__ import annotations

SUBJECTS = {
    "confirmed": "You're registered: {title}",
    "waitlisted": "You're on the waitlist: {title}",
    "promoted": "A seat opened up - you're in: {title}",
    "cancelled": "Registration cancelled: {title}",
}
BODIES = {
    "confirmed": "Hi {name},\n\nyour seat for {title} on {date} at {location} is confirmed.\n",
    "waitlisted": "Hi {name},\n\n{title} on {date} is full; you're on the waitlist and will be "
                  "registered automatically, in order, when a seat frees up.\n",
    "promoted": "Hi {name},\n\na seat freed up: you're now registered for {title} on {date} at {location}.\n",
    "cancelled": "Hi {name},\n\nyour registration for {title} on {date} has been cancelled.\n",
}


def render(kind: str, *, name: str, title: str, date: str, location: str) -> tuple[str, str]:
    values = {"name": name, "title": title, "date": date, "location": location}
    return SUBJECTS[kind].format(**values), BODIES[kind].format(**values)
