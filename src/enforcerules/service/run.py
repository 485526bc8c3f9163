"""Running the service under uvicorn, in one process or several workers.

With one worker the application is built here, so a rulebook that cannot be
resolved fails before the port is bound. Several workers are separate
processes (the GIL gives threads no parallelism for evaluation); each builds
its own application from the settings passed in the environment.
"""

from __future__ import annotations

import json
import os

import attrs
import uvicorn
from fastapi import FastAPI

from ..registry import Registry
from .app import create_app
from .limits import DEFAULT_MAX_BODY_BYTES

__all__ = ["ServeOptions", "app_from_environment", "serve"]

_ENV = "ENFORCERULES_SERVICE_OPTIONS"


@attrs.frozen
class ServeOptions:
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = attrs.field(default=1, validator=attrs.validators.ge(1))
    engine: str = "auto"
    max_body_bytes: int = attrs.field(default=DEFAULT_MAX_BODY_BYTES, validator=attrs.validators.ge(1))
    log_level: str = "info"
    access_log: bool = True


def app_from_environment() -> FastAPI:
    """The application of one worker process (uvicorn's factory)."""
    options = json.loads(os.environ[_ENV])
    return create_app(engine=options["engine"], max_body_bytes=options["max_body_bytes"])


def serve(options: ServeOptions, registry: Registry | None = None) -> None:
    """Serve until interrupted (SIGINT or SIGTERM end it gracefully)."""
    common = dict(host=options.host, port=options.port, log_level=options.log_level, access_log=options.access_log, server_header=False)
    if options.workers == 1:
        app = create_app(registry, engine=options.engine, max_body_bytes=options.max_body_bytes)
        uvicorn.run(app, **common)  # type: ignore[arg-type]
        return
    os.environ[_ENV] = json.dumps({"engine": options.engine, "max_body_bytes": options.max_body_bytes})
    create_app(registry, engine=options.engine, max_body_bytes=options.max_body_bytes)  # fail here, not in every worker
    uvicorn.run(f"{__name__}:app_from_environment", factory=True, workers=options.workers, **common)  # type: ignore[arg-type]
