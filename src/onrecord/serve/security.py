"""What keeps untrusted articles and untrusted clients in their place.

- :class:`SecurityHeaders`: a Content-Security-Policy without inline scripts on every response, plus the usual
  ``nosniff`` / ``same-origin`` referrer / no-framing headers, and a same-origin check on writes (a page on another site
  cannot make a browser post into a store served on loopback).
- :class:`BodyLimit`: request bodies over the limit get a clear 413, whether or not ``Content-Length`` is sent.
- :func:`reject_unknown_query`: an API query parameter the endpoint does not take is refused, not ignored.
- :func:`require_token`: write endpoints need ``Authorization: Bearer <token>`` when the app has a token
  (``onrecord serve`` sets one whenever it binds a non-loopback address).
"""
from __future__ import annotations

import hmac
import ipaddress
import json
from urllib.parse import urlsplit

from fastapi import Request
from pydantic import BaseModel

from ..errors import CrossOriginRefused, RequestError, TokenRequired, TooLarge

#: Scripts and styles only from this origin; article data reaches pages as JSON, never as markup.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
#: Swagger UI sets style attributes in its markup; scripts stay external-only there too.
CSP_DOCS = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")

UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def is_loopback(host: str) -> bool:
    """Whether binding ``host`` keeps the server on this machine.

    Example:
        >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("0.0.0.0")
        (True, True, False)
    """
    host = host.strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


async def _send_json(send, status: int, body: dict, headers: list[tuple[bytes, bytes]] = ()) -> None:
    payload = json.dumps(body).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode()), *headers],
        }
    )
    await send({"type": "http.response.body", "body": payload})


class SecurityHeaders:
    """Pure ASGI middleware: security headers on every response, same-origin check on writes."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        csp = CSP_DOCS if scope["path"] == "/docs" else CSP
        extra = [
            (b"content-security-policy", csp.encode()),
            (b"x-content-type-options", b"nosniff"),
            # not no-referrer: with it, browsers send "Origin: null" on our own forms and the same-origin check fails
            (b"referrer-policy", b"same-origin"),
            (b"x-frame-options", b"DENY"),
        ]
        if scope["method"] in UNSAFE_METHODS and not _same_origin(scope):
            refused = CrossOriginRefused("cross-origin write refused: post from a page of this server, or from a script without an Origin header")
            return await _send_json(send, refused.http_status, {"detail": refused.message, "code": refused.code}, extra)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _same_origin(scope) -> bool:
    """Browsers send ``Origin`` on cross-site posts; scripts and curl usually send none, which is fine."""
    headers = dict(scope.get("headers") or [])
    origin = headers.get(b"origin")
    if origin is None or origin == b"null":
        return origin is None
    host = headers.get(b"host", b"").decode("latin-1").lower()
    return urlsplit(origin.decode("latin-1")).netloc.lower() == host


class BodyTooLarge(Exception):
    pass


class BodyLimit:
    """Pure ASGI middleware: a 413 with a JSON reason for bodies over ``max_bytes``."""

    def __init__(self, app, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    def _reject(self, send):
        error = TooLarge(f"request body over the limit of {self.max_bytes} bytes; send a shorter article or raise --max-body")
        return _send_json(send, error.http_status, {"detail": error.message, "code": error.code})

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_bytes:
            return await self._reject(send)
        received = 0
        started = False

        async def counting_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:  # chunked uploads announce no length
                    raise BodyTooLarge
            return message

        async def tracking_send(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await self._reject(send)


def bearer_token(request: Request) -> str | None:
    """The token from ``Authorization: Bearer …`` (API clients) or the ``token`` cookie (the web forms)."""
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value:
        return value.strip()
    return request.cookies.get("onrecord_token")


def require_token(request: Request) -> None:
    """FastAPI dependency for write endpoints: 401 unless the app has no token or the right one was sent."""
    expected: str | None = request.app.state.token
    if expected is None:
        return
    given = bearer_token(request)
    if given is None or not hmac.compare_digest(given.encode(), expected.encode()):
        raise TokenRequired(
            "this server needs a token for writes: send 'Authorization: Bearer <token>' (printed by onrecord serve)",
            headers={"WWW-Authenticate": "Bearer"},
        )


def reject_unknown_query(request: Request) -> None:
    """FastAPI dependency of the API: a query parameter the endpoint does not take is a 422, not silently ignored
    (``?limt=5`` would otherwise answer 50 items)."""
    route = request.scope.get("route")
    if route is None or not request.query_params:
        return
    known = _query_names(route.dependant)
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        raise RequestError(f"unknown query parameter(s) {', '.join(map(repr, unknown))}; this endpoint takes: {', '.join(sorted(known)) or 'none'}")


def _query_names(dependant) -> set[str]:
    """The query parameter names a route takes, its dependencies' included."""
    names = set()
    for param in dependant.query_params:
        model = getattr(param, "type_", None) or getattr(getattr(param, "field_info", None), "annotation", None)
        if isinstance(model, type) and issubclass(model, BaseModel):  # a query model: its fields are the parameters
            names |= {field.alias or name for name, field in model.model_fields.items()}
        else:
            names.add(param.alias)
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names
