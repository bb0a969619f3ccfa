"""One ComponentResource per concern: data, api, calendar, streams, notifications, monitoring."""
