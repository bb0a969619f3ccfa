"""Creating users. Sign-up is open (seed 000); a caller without an admin key
also gets, once, a member key bound to the new user."""
from __future__ import annotations

import uuid

from eventsite.api.keys import api_key_create
from eventsite.dynamo.models import iso_now

from ..models import User


def user_create(*, principal, data: dict) -> tuple[User, str | None]:
    user = User(data.get("userId") or str(uuid.uuid4()), name=data["name"], email=data.get("email"),
                createdAt=iso_now())
    user.save_new(f"A user with id {user.userId!r} already exists.")
    is_admin = getattr(principal, "is_admin", False)
    api_key = None if is_admin else api_key_create(role="member", name=f"self sign-up {user.userId}",
                                                    user_id=user.userId)[0]
    return user, api_key
