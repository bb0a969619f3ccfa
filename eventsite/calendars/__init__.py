"""Community calendar (seed 002): groups' iCal feeds collected daily into one
calendar, served as JSON day views, an .ics feed and a sitemap."""
