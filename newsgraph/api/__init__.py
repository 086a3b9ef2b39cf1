"""The serve stage: the HTTP JSON API (OpenAPI) and the analyst web UI over one store.

``create_app(db_path, token=…)`` in ``app`` builds it; ``routes`` lists every
URL, ``views/`` holds one context-returning function per page kind, ``urls``
builds every link, ``security`` guards requests. Templates and static files
live in ``newsgraph/web``.
"""
