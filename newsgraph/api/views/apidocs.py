"""The API reference page (``/docs``), rendered from the app's own OpenAPI document.

FastAPI's stock ``/docs`` loads Swagger UI from a CDN; newsgraph fetches
nothing from the network, so this page lists the same OpenAPI document as
plain HTML (the machine-readable original is ``/openapi.json``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["ApiDocsContext", "apidocs_view"]


@dataclass(slots=True)
class Param:
    name: str
    where: str
    type: str
    required: bool
    description: str


@dataclass(slots=True)
class Operation:
    method: str
    path: str
    summary: str
    description: str
    params: list[Param]
    responses: list[tuple[str, str]]  # (status, schema name or description)


@dataclass(slots=True)
class SchemaDoc:
    name: str
    description: str
    fields: list[tuple[str, str, bool]]  # (field, type, required)


@dataclass(slots=True)
class ApiDocsContext:
    title: str
    version: str
    openapi_url: str
    operations: list[Operation]
    schemas: list[SchemaDoc]
    notes: list[str] = field(default_factory=list)


def _type(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in schema:
        return " | ".join(_type(s) for s in schema["anyOf"])
    if schema.get("type") == "array":
        return f"list[{_type(schema.get('items', {}))}]"
    if "const" in schema:
        return repr(schema["const"]).lower()
    if schema.get("type") == "object" and "additionalProperties" in schema:
        return f"dict[str, {_type(schema['additionalProperties'] or {})}]"
    return str(schema.get("type", "any"))


def apidocs_view(spec: dict[str, Any], openapi_url: str) -> ApiDocsContext:
    ops: list[Operation] = []
    for path, item in spec.get("paths", {}).items():
        for method, op in item.items():
            params = [Param(p["name"], p["in"], _type(p.get("schema", {})), bool(p.get("required")),
                            p.get("description") or p.get("schema", {}).get("description", ""))
                      for p in op.get("parameters", [])]
            responses = []
            for status, r in op.get("responses", {}).items():
                schema = r.get("content", {}).get("application/json", {}).get("schema")
                responses.append((status, _type(schema) if schema else r.get("description", "")))
            ops.append(Operation(method.upper(), path, op.get("summary", ""), op.get("description", ""),
                                 params, responses))
    schemas = []
    for name, s in sorted(spec.get("components", {}).get("schemas", {}).items()):
        required = set(s.get("required", []))
        fields = [(f, _type(fs), f in required) for f, fs in s.get("properties", {}).items()]
        schemas.append(SchemaDoc(name, s.get("description", ""), fields))
    info = spec.get("info", {})
    return ApiDocsContext(info.get("title", ""), info.get("version", ""), openapi_url, ops, schemas, [
        "Every HTML page also answers as JSON at the same URL with .json added "
        "(/search.json?q=…, /documents/{id}.json, /.json for the home page).",
        'Every JSON answer has "ok": true, or "ok": false with {"error": {"code", "message"}}.',
        "When the server has a token, send Authorization: Bearer <token> (or visit /?token=… once "
        "in a browser to set a cookie).",
    ])
