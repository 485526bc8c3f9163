"""Structured JSON errors: every 4xx and 5xx answer has one shape (:class:`ErrorOut`).

A defect answers 500 with an incident number that is also in the server
log beside the traceback; no traceback, exception text or path reaches a
client.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..findings import Rejection
from .jsonout import json_response

__all__ = ["ApiError", "error_response", "install_error_handlers"]

log = logging.getLogger("enforcerules.service")

_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 413: "too_large", 415: "unsupported_media_type", 422: "invalid_request"}


class ApiError(Exception):
    """A request the service refuses, with the located reasons."""

    def __init__(self, status: int, error: str, errors: Sequence[Rejection], message: str = "") -> None:
        super().__init__(message or "; ".join(str(e) for e in errors))
        self.status, self.error, self.errors = status, error, tuple(errors)


def error_body(status: int, error: str, message: str, errors: Iterable[Rejection] = ()) -> dict[str, Any]:
    return {"status": status, "error": error, "message": message, "errors": [e.to_json() for e in errors]}


def error_response(status: int, error: str, message: str, errors: Iterable[Rejection] = (), headers: Mapping[str, str] | None = None) -> Response:
    return json_response(error_body(status, error, message, errors), status, dict(headers) if headers else None)


def _location(loc: Sequence[int | str]) -> str:
    """FastAPI's ``("query", "as_of")`` as ``query.as_of``; body paths as ``$.case.id``."""
    head, *rest = [str(p) for p in loc] or ["$"]
    if head == "body":
        return "$" + "".join(f"[{p}]" if p.isdigit() else f".{p}" for p in rest)
    return ".".join([head, *rest])


async def _api_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.error, str(exc), exc.errors)


async def _validation_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = [
        Rejection(_location(e.get("loc", ())), str(e.get("msg", "invalid")), _plain(e.get("input")), str(e.get("type", "")))
        for e in exc.errors()
    ]
    return error_response(422, "invalid_request", "; ".join(str(e) for e in errors), errors)


def _plain(value: Any) -> Any:
    return value if value is None or isinstance(value, (str, int, float, bool)) else repr(value)[:200]


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    message = exc.detail if isinstance(exc.detail, str) else "request refused"
    where = {404: Rejection("path", "no such endpoint", request.url.path, "an endpoint of /openapi.json"),
             405: Rejection("method", "not allowed here", request.method, (exc.headers or {}).get("Allow", "see /openapi.json"))}
    errors = [where[exc.status_code]] if exc.status_code in where else []
    return error_response(exc.status_code, _CODES.get(exc.status_code, "error"), message, errors, headers=exc.headers)


async def _defect(request: Request, exc: Exception) -> Response:
    incident = uuid.uuid4().hex[:12]
    log.error("incident %s: %s %s failed", incident, request.method, request.url.path, exc_info=exc)
    return error_response(500, "internal_error", f"internal error (incident {incident}); the server log has the details")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _defect)
