"""API routers: one module per resource, all mounted under /api by `create_app`.

Incidents (issue 5) will get their own module here next to `events`.
"""
