"""`enforcerules serve` as a user runs it: a real process on a free loopback port."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import enforcerules as er

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def call(url: str, body: bytes | None = None) -> tuple[int, Any]:
    request = urllib.request.Request(url, data=body, headers={"content-type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


@pytest.fixture(params=[1, 2], ids=["one-worker", "two-workers"])
def server(request: pytest.FixtureRequest) -> Iterator[str]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "enforcerules.cli", "serve", "--port", str(port), "--workers", str(request.param), "--max-body-bytes", "100000"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if call(base + "/health")[0] == 200:
                    break
            except OSError:
                pass
            assert proc.poll() is None, proc.stdout.read().decode() if proc.stdout else ""
            assert time.monotonic() < deadline, "the server did not answer within 60 s"
            time.sleep(0.2)
        yield base
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            code = proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise
        log = proc.stdout.read().decode() if proc.stdout else ""
        # uvicorn shuts down gracefully, then re-raises the signal so the exit status tells it
        assert code in (0, -signal.SIGTERM), log
        assert "Application shutdown complete" in log, log
        assert "Traceback" not in log, log


def test_the_real_server_decides_evaluates_and_refuses(server: str) -> None:
    status, health = call(server + "/health")
    assert status == 200 and health["jurisdictions"] >= 5
    status, decision = call(server + "/jurisdictions/national/cases/decide",
                            json.dumps({"case": {"id": "k1", "unit": "u1", "decided_on": "2024-05-10", "no_fault_proven": True}}).encode())
    assert status == 200 and decision["strongest"] == "shall_not_penalise"
    facts = (EXAMPLES / "national.json").read_bytes()
    status, report = call(server + "/jurisdictions/national/evaluate?as_of=2025-12-01", facts)
    assert status == 200
    assert report == er.Registry().evaluate("national", er.loads_facts(facts), dt.date(2025, 12, 1), engine=report["engine"]).to_json()
    status, error = call(server + "/jurisdictions/national/evaluate?as_of=2025-12-01", b" " * 100_001)
    assert status == 413 and error["error"] == "too_large"
    status, error = call(server + "/jurisdictions/national/cases/decide", b'{"case": {"id": "k1", "unit": "u1", "decided_on": "May"}}')
    assert status == 422 and error["errors"][0]["location"] == "$.case.decided_on"


def listening_addresses(port: int) -> set[str]:
    """The local addresses listening on *port*, from the kernel's socket tables."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.rsplit(":", 1)
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                found.add(address)
    return found


def test_the_server_listens_on_loopback_only_by_default(server: str) -> None:
    port = int(server.rsplit(":", 1)[1])
    assert listening_addresses(port) == {"0100007F"}  # 127.0.0.1, little-endian hex; no 0.0.0.0, no IPv6
