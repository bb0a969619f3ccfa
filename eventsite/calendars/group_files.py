"""Reading group YAML files (one per group, id = file name). A file is either
fully valid or reported by name and skipped — never half-imported."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from eventsite.api.fields import is_valid_id

STRING_FIELDS = ("website", "ical", "submitted_by", "submitter_link", "fallback_url", "url_override")
BOOL_FIELDS = ("active", "scan_for_metadata")
URL_FIELDS = ("website", "ical", "fallback_url", "url_override", "submitter_link")
KNOWN = {"name", "suppress_urls", *STRING_FIELDS, *BOOL_FIELDS}


class InvalidGroupFile(ValueError):
    pass


@dataclass(frozen=True)
class GroupFile:
    group_id: str
    fields: dict
    warnings: tuple[str, ...] = ()


def _url_ok(value: str, base: str | None) -> bool:
    return value.lower().startswith(("http://", "https://")) or (base is not None and "://" not in value)


def parse_group_file(path: Path, *, feeds_base: str | None = None) -> GroupFile:
    """Validate one file. `feeds_base` resolves relative `ical:` paths (demo fixtures)."""
    group_id = path.stem
    if not is_valid_id(group_id):
        raise InvalidGroupFile("the file name is not a valid id (1-128 of A-Z a-z 0-9 . _ ~ -)")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise InvalidGroupFile(f"not readable YAML ({type(exc).__name__})") from exc
    if not isinstance(data, dict):
        raise InvalidGroupFile("the file must hold a mapping of fields")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise InvalidGroupFile("'name' must be a non-empty string")
    fields: dict = {"name": name.strip()[:200]}
    for key in STRING_FIELDS:
        value = data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            fields[key] = None
            continue
        if not isinstance(value, str):
            raise InvalidGroupFile(f"'{key}' must be a string")
        value = value.strip()
        if key in URL_FIELDS and not _url_ok(value, feeds_base if key == "ical" else None):
            raise InvalidGroupFile(f"'{key}' must be an http(s) URL")
        fields[key] = value
    if fields["ical"] and feeds_base and "://" not in fields["ical"]:
        fields["ical"] = feeds_base.rstrip("/") + "/" + fields["ical"].lstrip("/")
    for key in BOOL_FIELDS:
        value = data.get(key, key == "active")
        if not isinstance(value, bool):
            raise InvalidGroupFile(f"'{key}' must be true or false")
        fields[key] = value
    suppress = data.get("suppress_urls") or []
    if not isinstance(suppress, list) or not all(isinstance(u, str) for u in suppress):
        raise InvalidGroupFile("'suppress_urls' must be a list of URLs")
    fields["suppress_urls"] = [u.strip() for u in suppress if u.strip()]
    warnings = tuple(f"unknown field '{k}' ignored" for k in sorted(set(data) - KNOWN))
    return GroupFile(group_id, fields, warnings)
