"""The duty console: server-rendered Jinja2 pages with htmx, Chinese by default, English too."""
