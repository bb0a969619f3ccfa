"""HTTP layer shared by every app: error format, exception handler, request
ids and Server-Timing, body limits, API-key authentication and roles."""
