"""Derives `location_type`, `city` and `state` from an event's text (seed 002)."""
from __future__ import annotations

import re

VIRTUAL_KEYWORDS = ("online", "virtual", "zoom", "webinar", "livestream", "live stream", "google meet",
                    "meet.google.com", "microsoft teams", "teams.microsoft.com", "webex", "remote", "discord",
                    "twitch", "youtube", "crowdcast", "hopin", "gotomeeting")
STATES = ("DC", "MD", "VA")
_STATE_PATTERNS = [
    ("DC", re.compile(r"\b(D\.?C\.?|District of Columbia|Washington,? D\.?C\.?)\b", re.IGNORECASE)),
    ("MD", re.compile(r"\b(MD|Md\.|Maryland)\b")),
    ("VA", re.compile(r"\b(VA|Va\.|Virginia)\b")),
]


def location_type(location: str, title: str = "") -> str:
    text = f"{location} {title}".lower()
    if any(keyword in text for keyword in VIRTUAL_KEYWORDS) or location.strip().lower().startswith("http"):
        return "virtual"
    return "in_person"


def city(location: str) -> str | None:
    """Text before the first comma (seed 002), or None for an empty location."""
    head = location.split(",", 1)[0].strip()
    return head or None


def state(location: str) -> str:
    """DC, MD or VA when the location names one of them, else ALL."""
    for code, pattern in _STATE_PATTERNS:
        if pattern.search(location):
            return code
    if re.search(r"\bWashington\b", location) and not re.search(r"\bWA\b|Washington State", location):
        return "DC"
    return "ALL"
