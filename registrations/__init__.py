"""Managed events, users, registrations and the waitlist (seeds 001 + 000)."""
