"""Hypothesis stateful test: register / cancel / change capacity against
DynamoDB Local, compared step by step with a simple in-memory model
(confirmed list + FIFO waitlist)."""
import uuid

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from eventsite.api.errors import Conflict, NotFound
from registrations import services
from registrations.models import Event, Registration, WaitlistEntry
from tests.integration.registration_harness import ADMIN, make_users

USERS = 8


class RegistrationMachine(RuleBasedStateMachine):
    @initialize(capacity=st.integers(0, 4))
    def create_event(self, capacity):
        self.event_id = f"sm-{uuid.uuid4().hex[:12]}"
        services.event_create(principal=ADMIN, data={
            "eventId": self.event_id, "title": "SM", "description": "", "date": "2030-01-01", "location": "DC",
            "capacity": capacity, "organizer": "o", "status": "active", "hasWaitlist": True})
        self.users = make_users(self.event_id, USERS)
        self.capacity = capacity
        self.confirmed: list[str] = []
        self.waitlist: list[str] = []

    def _fill(self):
        while self.waitlist and len(self.confirmed) < self.capacity:
            self.confirmed.append(self.waitlist.pop(0))

    @rule(index=st.integers(0, USERS - 1))
    def register(self, index):
        user = self.users[index]
        try:
            status = services.registration_create(principal=ADMIN, event_id=self.event_id, user_id=user)\
                .registration.status
        except Conflict:
            assert user in self.confirmed or user in self.waitlist
            return
        assert user not in self.confirmed and user not in self.waitlist
        if len(self.confirmed) < self.capacity:
            assert status == "confirmed"
            self.confirmed.append(user)
        else:
            assert status == "waitlisted"
            self.waitlist.append(user)

    @rule(index=st.integers(0, USERS - 1))
    def cancel(self, index):
        user = self.users[index]
        try:
            services.registration_cancel(principal=ADMIN, event_id=self.event_id, user_id=user)
        except NotFound:
            assert user not in self.confirmed and user not in self.waitlist
            return
        if user in self.confirmed:
            self.confirmed.remove(user)
            self._fill()
        else:
            self.waitlist.remove(user)

    @rule(capacity=st.integers(0, 6))
    def change_capacity(self, capacity):
        try:
            services.event_update(principal=ADMIN, event_id=self.event_id, data={"capacity": capacity})
        except Conflict:
            assert capacity < len(self.confirmed)
            return
        assert capacity >= len(self.confirmed)
        self.capacity = capacity
        self._fill()

    @invariant()
    def store_matches_model(self):
        if not hasattr(self, "event_id"):
            return
        event = Event.get(self.event_id, consistent_read=True)
        assert event.confirmedCount <= event.capacity == self.capacity
        assert (event.confirmedCount, event.waitlistCount) == (len(self.confirmed), len(self.waitlist))
        queue = [e.userId for e in WaitlistEntry.query(self.event_id, consistent_read=True)]
        assert queue == self.waitlist  # strict first-come-first-served order
        rows = {r.userId: r.status for r in Registration.scan(Registration.eventId == self.event_id,
                                                               consistent_read=True)}
        assert rows == {**{u: "confirmed" for u in self.confirmed}, **{u: "waitlisted" for u in self.waitlist}}


RegistrationMachine.TestCase.settings = settings(
    max_examples=40, stateful_step_count=25, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
test_registration_state_machine = RegistrationMachine.TestCase
