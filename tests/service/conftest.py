"""Service fixtures: one application over the installed plugins, and a client for it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

import enforcerules as er
from enforcerules.service import create_app


@pytest.fixture(scope="session")
def registry() -> er.Registry:
    return er.Registry()


@pytest.fixture(scope="session")
def app(registry: er.Registry) -> FastAPI:
    return create_app(registry)


@pytest.fixture()
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
