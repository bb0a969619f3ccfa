"""Hypothesis strategies for event bodies (seed 001)."""
from __future__ import annotations

import string
from datetime import date

from hypothesis import strategies as st

ID_ALPHABET = string.ascii_letters + string.digits + "._~-"
REQUIRED = ("title", "description", "date", "location", "capacity", "organizer", "status")
STRING_FIELDS = ("title", "description", "location", "organizer", "status")
MAX_LEN = {"title": 200, "description": 5000, "location": 300, "organizer": 200, "status": 50}

_chars = st.characters(blacklist_categories=("Cs", "Cc"))


def text_for(field: str, max_size: int | None = None):
    limit = min(max_size or 60, MAX_LEN[field])
    return st.text(_chars, min_size=1, max_size=limit).filter(lambda s: s.strip())


event_ids = st.text(ID_ALPHABET, min_size=1, max_size=40).map(lambda s: "p-" + s)
dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31)).map(date.isoformat)
capacities = st.integers(min_value=0, max_value=1_000_000_000)


@st.composite
def event_bodies(draw, with_id: bool | None = None) -> dict:
    body = {name: draw(text_for(name)) for name in STRING_FIELDS}
    body["description"] = draw(st.text(_chars, max_size=80))
    body["date"] = draw(dates)
    body["capacity"] = draw(capacities)
    if draw(st.booleans()):
        body["hasWaitlist"] = draw(st.booleans())
    include_id = draw(st.booleans()) if with_id is None else with_id
    if include_id:
        body["eventId"] = draw(event_ids)
    return body


@st.composite
def partial_updates(draw) -> dict:
    full = draw(event_bodies(with_id=False))
    keys = draw(st.sets(st.sampled_from(sorted(full)), min_size=1))
    return {k: full[k] for k in keys}


def stored(body: dict) -> dict:
    """What the API stores for a valid body: strings trimmed, date as is."""
    return {k: (v.strip() if isinstance(v, str) and k in STRING_FIELDS else v) for k, v in body.items()}


wrong_types_for_string = st.one_of(st.integers(), st.floats(allow_nan=False, allow_infinity=False), st.booleans(), st.none(),
                                   st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))
wrong_types_for_capacity = st.one_of(st.floats(allow_nan=False, allow_infinity=False), st.booleans(),
                                     st.text(max_size=5), st.none(), st.lists(st.integers(), max_size=2))
wrong_types_for_bool = st.one_of(st.integers(), st.text(max_size=5), st.none(), st.floats(allow_nan=False, allow_infinity=False))


def is_valid_date(value: str) -> bool:
    try:
        return len(value) == 10 and value[4] == "-" and value[7] == "-" and date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


invalid_dates = st.one_of(
    st.text(max_size=12).filter(lambda s: not is_valid_date(s)),
    st.tuples(st.integers(1000, 9999), st.integers(13, 99), st.integers(1, 28)).map(lambda t: "%04d-%02d-%02d" % t),
    st.tuples(st.integers(1000, 9999), st.integers(1, 12), st.integers(32, 99)).map(lambda t: "%04d-%02d-%02d" % t),
    dates.map(lambda d: d.replace("-", "/")),
    dates.map(lambda d: " " + d),
    dates.map(lambda d: d + "T00:00:00"),
)
