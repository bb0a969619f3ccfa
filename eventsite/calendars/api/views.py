"""Calendar endpoints of seed 002 (public, read-only). Bad parameters are 400
in the error format; ETag/304 come from ConditionalGetMiddleware."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from django.conf import settings
from django.http import HttpResponse
from rest_framework.response import Response
from rest_framework.views import APIView

from eventsite.api.errors import BadRequest, NotFound
from eventsite.api.fields import is_valid_id
from eventsite.api.pagination import parse_limit
from eventsite.api.schema import OpenApiParameter, errors, extend_schema

from .. import exports, presenters, selectors
from ..services import site_today
from . import serializers as out

UPCOMING_DAYS = 14
STATE_PAGES = ("DC", "MD", "VA")
WEEK_PATTERN = re.compile(r"^(\d{4})-W(\d{2})$")


def _window_end(today: date) -> date:
    return today + timedelta(days=settings.CALENDAR["window_days"])


def _choice(request, name: str, allowed: tuple[str, ...]) -> str | None:
    value = request.query_params.get(name)
    if value is None:
        return None
    if value not in allowed:
        raise BadRequest(f"{name} must be one of {', '.join(allowed)}.", errors={name: ["Invalid choice."]})
    return value


class CalendarView(APIView):
    """Public reads, cacheable for five minutes."""

    authentication_classes: list = []
    permission_classes: list = []

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code == 200:
            response["Cache-Control"] = "public, max-age=300"
        return response


class EventsView(CalendarView):
    @extend_schema(parameters=[OpenApiParameter("state", str, enum=list(selectors.STATES)),
                               OpenApiParameter("location_type", str, enum=list(selectors.LOCATION_TYPES)),
                               OpenApiParameter("group_id", str),
                               OpenApiParameter("limit", int, description="1-1000, default 100")],
                   responses={200: out.EventListSerializer, **errors(400)})
    def get(self, request):
        group_id = request.query_params.get("group_id")
        if group_id is not None and not is_valid_id(group_id):
            raise BadRequest("group_id is not a valid group id.", errors={"group_id": ["Invalid."]})
        filters = {"state": _choice(request, "state", selectors.STATES),
                   "location_type": _choice(request, "location_type", selectors.LOCATION_TYPES),
                   "group_id": group_id}
        limit = parse_limit(request.query_params.get("limit"), default=100)
        today = site_today()
        items = selectors.calendar_events(start=today, end=_window_end(today), limit=limit, **filters)
        return Response({"events": [presenters.event_data(i) for i in items], "count": len(items),
                         "filters": filters})


class DaysView(CalendarView):
    location_type = "in_person"

    @extend_schema(parameters=[OpenApiParameter("days", int, description=f"1-60, default {UPCOMING_DAYS}")],
                   responses={200: out.DaysSerializer, **errors(400)})
    def get(self, request):
        days = parse_limit(request.query_params.get("days"), default=UPCOMING_DAYS, maximum=60)
        today = site_today()
        end = today + timedelta(days=days - 1)
        items = selectors.calendar_events(start=today, end=end, location_type=self.location_type)
        return Response({"days": presenters.day_views(items, today, end), "count": len(items),
                         "location_type": self.location_type})


class UpcomingView(DaysView):
    """Upcoming in-person events by day."""

    location_type = "in_person"


class VirtualView(DaysView):
    """Upcoming virtual events by day."""

    location_type = "virtual"


class WeekView(CalendarView):
    @extend_schema(responses={200: out.WeekSerializer, **errors(400)})
    def get(self, request, week_id: str):
        match = WEEK_PATTERN.match(week_id)
        try:
            start = date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1) if match else None
        except ValueError:
            start = None
        if start is None:
            raise BadRequest("The week must be written YYYY-Www, e.g. 2026-W49.", errors={"week_id": ["Invalid."]})
        end = start + timedelta(days=6)
        items = selectors.calendar_events(start=start, end=end)
        return Response({"week": week_id, "start_date": start.isoformat(), "end_date": end.isoformat(),
                         "days": presenters.day_views(items, start, end), "count": len(items)})


class LocationsView(CalendarView):
    @extend_schema(operation_id="calendar_locations", responses={200: out.LocationsSerializer})
    def get(self, request):
        today = site_today()
        counts = selectors.state_counts(start=today, end=_window_end(today))
        return Response({"states": counts, "total": sum(counts.values())})


class StateView(CalendarView):
    @extend_schema(operation_id="calendar_location_events", responses={200: out.StateEventsSerializer, **errors(400)})
    def get(self, request, state: str):
        if state.upper() not in STATE_PAGES:
            raise BadRequest("state must be DC, MD or VA.", errors={"state": ["Invalid choice."]})
        today = site_today()
        items = selectors.calendar_events(start=today, end=_window_end(today), state=state.upper())
        return Response({"state": state.upper(), "events": [presenters.event_data(i) for i in items],
                         "count": len(items)})


class GroupsView(CalendarView):
    @extend_schema(operation_id="calendar_groups", responses={200: out.GroupListSerializer})
    def get(self, request):
        groups = selectors.groups_active()
        return Response({"groups": [presenters.group_data(g) for g in groups], "count": len(groups)})


class GroupView(CalendarView):
    @extend_schema(operation_id="calendar_group", responses={200: out.GroupEventsSerializer, **errors(404)})
    def get(self, request, group_id: str):
        group = selectors.group_get_or_none(group_id)
        if group is None:
            raise NotFound(f"No group with id {group_id!r}.")
        today = site_today()
        items = selectors.calendar_events(start=today, end=_window_end(today), group_id=group_id)
        return Response({"group": presenters.group_data(group), "events": [presenters.event_data(i) for i in items],
                         "count": len(items)})


def _site_base(request) -> str:
    return settings.CALENDAR["site_url"].rstrip("/") or request.build_absolute_uri("/").rstrip("/")


def events_ics(request):
    today = site_today()
    items = selectors.calendar_events(start=today, end=_window_end(today))
    response = HttpResponse(exports.ics_document(items, now=datetime.now(timezone.utc)),
                            content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "public, max-age=300"
    return response


def sitemap_xml(request):
    today = site_today()
    paths = ["/api/events", "/api/events/upcoming", "/api/events/virtual", "/api/locations", "/api/groups",
             "/events.ics"]
    paths += [f"/api/locations/{s}" for s in STATE_PAGES]
    paths += [f"/api/events/week/{w}" for w in exports.week_ids(today, 8)]
    paths += [f"/api/groups/{g.group_id}" for g in selectors.groups_active()]
    response = HttpResponse(exports.sitemap_document(_site_base(request), paths, lastmod=today),
                            content_type="application/xml")
    response["Cache-Control"] = "public, max-age=3600"
    return response
