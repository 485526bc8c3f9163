"""The HTTP decision service (``enforcerules serve``; needs ``enforcerules[service]``).

``GET /health``, ``GET /jurisdictions``, ``GET /jurisdictions/{id}/rules``,
``POST /jurisdictions/{id}/evaluate`` and ``POST /jurisdictions/{id}/cases/decide``;
docs/service.md describes them, the limits and the errors.
"""

from __future__ import annotations

from .app import create_app
from .limits import DEFAULT_MAX_BODY_BYTES
from .run import ServeOptions, serve

__all__ = ["DEFAULT_MAX_BODY_BYTES", "ServeOptions", "create_app", "serve"]
