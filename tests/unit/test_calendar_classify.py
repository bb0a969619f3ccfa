"""location_type, city and state derivation (seed 002)."""
import pytest

from eventsite.calendars import classify


@pytest.mark.parametrize("location,expected", [
    ("1 Dupont Circle NW, Washington, DC 20036", "DC"), ("Washington, D.C.", "DC"), ("Bethesda, MD", "MD"),
    ("Arlington, Virginia", "VA"), ("Fairfax, VA 22030", "VA"), ("Online", "ALL"), ("Boston, MA", "ALL"), ("", "ALL"),
])
def test_state(location, expected):
    assert classify.state(location) == expected


def test_city_is_text_before_first_comma():
    assert classify.city("Arlington, VA") == "Arlington"
    assert classify.city("") is None


@pytest.mark.parametrize("location,title,expected", [
    ("Online (Zoom)", "Talk", "virtual"), ("https://meet.google.com/x", "", "virtual"),
    ("", "Virtual happy hour", "virtual"), ("Bethesda, MD", "Meetup", "in_person"),
])
def test_location_type(location, title, expected):
    assert classify.location_type(location, title) == expected
