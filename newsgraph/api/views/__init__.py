"""One module per page kind; each has one function that returns the page's context dataclass.

The same context is rendered by a Jinja template (the HTML page) and serialised
as ``{"ok": true, ...context}`` (the page's ``.json`` twin) by ``views.base``.
"""
