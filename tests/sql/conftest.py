"""A real PostgreSQL server for the SQL tests, started and stopped by scripts/postgres.sh."""

from __future__ import annotations

import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URI of a throwaway PostgreSQL server on 127.0.0.1 (one per test session)."""
    started = subprocess.run([str(ROOT / "scripts" / "postgres.sh"), "start", str(_free_port())],
                             capture_output=True, text=True, timeout=120)
    assert started.returncode == 0, started.stderr
    directory, uri = started.stdout.split()
    try:
        yield uri
    finally:
        subprocess.run([str(ROOT / "scripts" / "postgres.sh"), "stop", directory], check=True, timeout=120)


@pytest.fixture()
def postgres(postgres_server: str, request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh, empty database on the session's server for one test."""
    import adbc_driver_postgresql.dbapi as pg

    name = "t_" + "".join(ch if ch.isalnum() else "_" for ch in request.node.name.lower())[:50]
    with pg.connect(postgres_server, autocommit=True) as conn:  # CREATE DATABASE runs outside a transaction
        cur = conn.cursor()
        cur.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cur.execute(f'CREATE DATABASE "{name}"')
        cur.close()
    yield postgres_server.rsplit("/", 1)[0] + "/" + name
