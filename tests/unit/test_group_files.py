"""Group YAML files: the real ones import, invalid ones are reported."""
from pathlib import Path

import pytest

from eventsite.calendars.group_files import InvalidGroupFile, parse_group_file
from tests.feeds import DATA


@pytest.mark.parametrize("path", sorted((DATA / "groups").glob("*.yaml")), ids=lambda p: p.name)
def test_every_real_group_file_is_valid(path):
    parsed = parse_group_file(path)
    assert parsed.group_id == path.stem and parsed.fields["name"]
    assert parsed.fields["ical"].startswith("https://")


def test_quirks_are_normalised():
    android = parse_group_file(DATA / "groups" / "meetup-dc-android-meetup.yaml")
    assert android.fields["suppress_urls"] == ["https://www.meetup.com/dcandroid/events/311127378/"]
    airflow = parse_group_file(DATA / "groups" / "dc-area-apache-airflow-meetup.yaml")
    assert airflow.fields["submitter_link"] is None


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


@pytest.mark.parametrize("text,reason", [
    ("- a list\n", "mapping"), ("website: https://x\n", "name"), ("name: X\nical: ftp://x\n", "http"),
    ("name: X\nactive: yes please\n", "active"), ("name: X\nsuppress_urls: 5\n", "suppress_urls"),
    ("name: [unclosed\n", "YAML"),
])
def test_invalid_files_say_why(tmp_path, text, reason):
    with pytest.raises(InvalidGroupFile, match=reason):
        parse_group_file(write(tmp_path, "bad.yaml", text))


def test_relative_ical_resolved_against_feeds_base(tmp_path):
    parsed = parse_group_file(write(tmp_path, "g.yaml", "name: G\nical: g.ics\n"), feeds_base="http://127.0.0.1:9/")
    assert parsed.fields["ical"] == "http://127.0.0.1:9/g.ics"
