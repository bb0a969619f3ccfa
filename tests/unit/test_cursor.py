"""Signed pagination cursors."""
import pytest

from eventsite.dynamo.cursor import InvalidCursor, decode_cursor, encode_cursor

KEY = {"eventId": {"S": "abc"}, "status": {"S": "active"}}


def test_round_trip():
    assert decode_cursor(encode_cursor(KEY, scope="/events?status=a"), scope="/events?status=a") == KEY


def test_tampered_cursor_is_rejected():
    token = encode_cursor(KEY, scope="s")
    for bad in (token[:-1] + ("A" if token[-1] != "A" else "B"), "x" + token, "", "garbage", "a:b:c"):
        with pytest.raises(InvalidCursor):
            decode_cursor(bad, scope="s")


def test_cursor_bound_to_scope():
    with pytest.raises(InvalidCursor):
        decode_cursor(encode_cursor(KEY, scope="one"), scope="two")


def test_cursor_is_opaque():
    assert "abc" not in encode_cursor(KEY, scope="s")
