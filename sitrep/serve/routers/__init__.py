"""API routers: one module per resource, all mounted under /api by `create_app`.

`incidents` reads the incidents that sitrep.store.incidents keeps (issue 5).
"""
