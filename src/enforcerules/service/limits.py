"""The request size limit, enforced before a body is parsed.

A declared ``Content-Length`` over the limit is answered 413 at once; a
body sent without one (chunked) is counted as it arrives and refused with
413 as soon as it passes the limit, so an oversize body is never held whole.
"""

from __future__ import annotations

from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..findings import Rejection

from .errors import error_response

__all__ = ["BodyLimit", "DEFAULT_MAX_BODY_BYTES"]

#: 4 MiB: a facts document of some thousands of records.
DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024


class _TooLarge(Exception):
    pass


def _too_large(limit: int, size: int | str) -> Response:
    return error_response(413, "too_large", f"the request body exceeds the limit of {limit} bytes; split the facts or raise --max-body-bytes",
                          [Rejection("$", "body too large", size, f"at most {limit} bytes")])


class BodyLimit:
    """ASGI middleware refusing bodies larger than *limit* bytes with 413."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None:
            try:
                length = int(declared)
            except ValueError:
                length = -1
            if length < 0:
                text = declared.decode("latin-1")
                await error_response(400, "bad_request", f"Content-Length is not a byte count: {text!r}",
                                     [Rejection("header.content-length", "not a byte count", text, "a whole number")])(scope, receive, send)
                return
            if length > self.limit:
                await _too_large(self.limit, length)(scope, receive, send)
                return
        seen = 0
        started = False

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except _TooLarge:
            if started:  # the app answered before reading the whole body: nothing left to say
                return
            await _too_large(self.limit, f"more than {self.limit} bytes")(scope, receive, send)
