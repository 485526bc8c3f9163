"""Latency of the decision service at a fixed request rate, on loopback.

Starts ``enforcerules serve`` on a free 127.0.0.1 port (or uses ``--url``,
which must be a loopback address), then sends requests open-loop: request
*i* is due at ``start + i / rate`` whether or not earlier ones have
answered, so a slow server shows up as latency rather than as a lower
request rate. Latency is counted from the moment a request was due
(``due→done``, which includes any delay of the client in sending it) and
from the moment it was sent (``sent→done``).

Two phases, each bounded in time and count:

* ``POST /jurisdictions/national/cases/decide`` — the cases of
  examples/national.json (with their units) in turn, at ``--rate``;
* ``POST /jurisdictions/national/evaluate`` — the whole of
  examples/national.json as of 2025-12-01, at ``--evaluate-rate``.

The CPU time the server processes and this client spent is reported per
request, to show where the time goes. Not a test: results are in
docs/performance.md.

    .venv/bin/python bench/service_load.py                     # 300 decide/s for 20 s, 10 evaluate/s for 10 s
    .venv/bin/python bench/service_load.py --rate 100 --duration 5 --evaluate-duration 0
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import json
import os
import resource
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "national.json"
MAX_REQUESTS = 100_000  # per phase, whatever the rate and duration
TIMEOUT = 10.0  # per request


def decide_bodies() -> list[bytes]:
    doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    units = {u["id"]: u for u in doc["units"]}
    return [json.dumps({"case": c, "unit": units[c["unit"]]}, ensure_ascii=False).encode() for c in doc["cases"]]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def loopback(url: str) -> bool:
    host = urllib.parse.urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@contextmanager
def server(workers: int, engine: str, access_log: bool) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    port = free_port()
    command = [sys.executable, "-m", "enforcerules.cli", "serve", "--port", str(port), "--workers", str(workers),
               "--engine", engine, "--log-level", "warning"] + ([] if access_log else ["--no-access-log"])
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONWARNINGS": "ignore"})
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(url + "/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"the server did not start: {' '.join(command)}")
            time.sleep(0.2)
        yield url, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


def process_tree(pid: int) -> list[int]:
    """*pid* and its descendants (uvicorn's workers), from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def cpu_seconds(pids: list[int]) -> float:
    """User plus system CPU time of *pids* (the ones still alive)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / tick


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def percentile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, max(0, round(q / 100 * len(sorted_values) + 0.5) - 1))
    return sorted_values[index]


class Pool:
    """Keep-alive HTTP/1.1 connections, one request at a time on each.

    A client of a few lines on asyncio streams: a general HTTP client spends
    more CPU per request than the service does, and on a 2-core machine that
    CPU is taken from the server being measured.
    """

    def __init__(self, host: str, port: int, size: int) -> None:
        self.host, self.port, self.size = host, port, size
        # Last in, first out: the connections kept busy stay warm, and the server's
        # keep-alive timeout (uvicorn: 5 s) closes only the ones left idle.
        self.idle: asyncio.LifoQueue[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = asyncio.LifoQueue()

    async def open(self) -> None:
        for _ in range(self.size):
            self.idle.put_nowait(await asyncio.open_connection(self.host, self.port))

    async def close(self) -> None:
        while not self.idle.empty():
            _, writer = self.idle.get_nowait()
            writer.close()

    def request(self, path: str, body: bytes) -> bytes:
        head = (f"POST {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\nContent-Type: application/json\r\n"
                f"Content-Length: {len(body)}\r\n\r\n")
        return head.encode() + body

    async def send(self, raw: bytes) -> tuple[float, int]:
        """Send one prepared request when a connection is free: when it went, and its status
        (0 if no answer within TIMEOUT or the connection failed)."""
        reader, writer = await self.idle.get()
        sent = asyncio.get_running_loop().time()
        try:
            if reader.at_eof() or writer.is_closing():  # closed by the server while idle, as any client would notice
                writer.close()
                reader, writer = await asyncio.open_connection(self.host, self.port)
            writer.write(raw)
            try:
                head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), TIMEOUT)
            except asyncio.IncompleteReadError as closed:
                if closed.partial:
                    raise
                # The server closed this idle connection just as the request went: resend once on a new one.
                writer.close()
                reader, writer = await asyncio.open_connection(self.host, self.port)
                writer.write(raw)
                head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), TIMEOUT)
            status = int(head.split(b" ", 2)[1])
            length = next(int(line.split(b":", 1)[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:"))
            await asyncio.wait_for(reader.readexactly(length), TIMEOUT)
        except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError, StopIteration):
            writer.close()  # a late answer must not be read as the next request's
            reader, writer = await asyncio.open_connection(self.host, self.port)
            status = 0
        self.idle.put_nowait((reader, writer))
        return sent, status


async def phase(pool: Pool, requests: list[bytes], rate: float, duration: float) -> dict[str, Any]:
    """Send ``rate × duration`` requests (at most MAX_REQUESTS) open-loop; their timings."""
    count = min(MAX_REQUESTS, int(rate * duration))
    loop = asyncio.get_running_loop()
    results: list[tuple[float, float, float, int]] = []  # due, sent, done, status
    start = loop.time() + 0.05

    async def one(i: int, due: float) -> None:
        sent, status = await pool.send(requests[i % len(requests)])
        results.append((due, sent, loop.time(), status))

    tasks = []
    for i in range(count):
        due = start + i / rate
        delay = due - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(one(i, due)))
    done, pending = await asyncio.wait(tasks, timeout=3 * TIMEOUT + 5)  # bounded: requests still open then count as failed
    for task in pending:
        task.cancel()
    ok = [r for r in results if 200 <= r[3] < 300]
    due_done = sorted((done - due) * 1000 for due, _, done, _ in ok)
    sent_done = sorted((done - sent) * 1000 for _, sent, done, _ in ok)
    span = max(r[2] for r in results) - start if results else float("nan")
    return {
        "requests": count, "ok": len(ok), "failed": count - len(ok),
        "statuses": sorted({r[3] for r in results}),
        "throughput": len(ok) / span,
        **{f"{name}_p{q}": percentile(values, q) for name, values in (("due", due_done), ("sent", sent_done)) for q in (50, 90, 99)},
        "due_max": due_done[-1] if due_done else float("nan"),
        "due_mean": statistics.fmean(due_done) if due_done else float("nan"),
    }


async def run(args: argparse.Namespace, url: str, server_pid: int | None) -> list[tuple[str, float, dict[str, Any]]]:
    parts = urllib.parse.urlsplit(url)
    pool = Pool(parts.hostname or "127.0.0.1", parts.port or 80, args.connections)
    await pool.open()
    plan = [("decide", "/jurisdictions/national/cases/decide", decide_bodies(), args.rate, args.duration),
            ("evaluate", "/jurisdictions/national/evaluate?as_of=2025-12-01", [EXAMPLE.read_bytes()], args.evaluate_rate, args.evaluate_duration)]
    out = []
    try:
        for name, path, bodies, rate, duration in plan:
            if duration <= 0 or rate <= 0:
                continue
            requests = [pool.request(path, b) for b in bodies]
            await phase(pool, requests, rate, min(args.warmup, duration))  # caches warm, the server's pages touched
            pids = process_tree(server_pid) if server_pid else []
            server_before, client_before = cpu_seconds(pids), own_cpu()
            stats = await phase(pool, requests, rate, duration)
            stats["server_cpu_ms_per_request"] = (cpu_seconds(pids) - server_before) * 1000 / max(1, stats["requests"]) if pids else float("nan")
            stats["client_cpu_ms_per_request"] = (own_cpu() - client_before) * 1000 / max(1, stats["requests"])
            out.append((name, rate, stats))
    finally:
        await pool.close()
    return out


def report(results: list[tuple[str, float, dict[str, Any]]], args: argparse.Namespace) -> None:
    print(f"workers={args.workers} engine={args.engine} connections={args.connections} access_log={args.access_log}")
    print("| endpoint | rate (req/s) | requests | ok | throughput (req/s) | p50 ms | p90 ms | p99 ms | max ms | "
          "p99 sent→done ms | server CPU ms/req | client CPU ms/req |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, rate, s in results:
        print(f"| {name} | {rate:g} | {s['requests']} | {s['ok']} | {s['throughput']:.1f} | {s['due_p50']:.2f} | {s['due_p90']:.2f} | "
              f"{s['due_p99']:.2f} | {s['due_max']:.2f} | {s['sent_p99']:.2f} | {s['server_cpu_ms_per_request']:.2f} | "
              f"{s['client_cpu_ms_per_request']:.2f} |")
        if s["failed"]:
            print(f"  {name}: {s['failed']} requests failed (statuses {s['statuses']}; 0 = no answer)")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--url", help="a running service on a loopback address (default: start one)")
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--engine", default="auto")
    p.add_argument("--access-log", action="store_true", help="keep uvicorn's access log on (off by default here)")
    p.add_argument("--rate", type=float, default=300, help="decide requests per second (default 300)")
    p.add_argument("--duration", type=float, default=20, help="decide phase seconds (default 20)")
    p.add_argument("--evaluate-rate", type=float, default=10, help="evaluate requests per second (default 10)")
    p.add_argument("--evaluate-duration", type=float, default=10, help="evaluate phase seconds (default 10; 0 skips)")
    p.add_argument("--warmup", type=float, default=2, help="seconds at the same rate before each measured phase")
    p.add_argument("--connections", type=int, default=32, help="keep-alive connections (default 32)")
    p.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = p.parse_args()
    if args.duration > 120 or args.evaluate_duration > 120:
        raise SystemExit("each phase is bounded to 120 s")
    if args.url:
        if not loopback(args.url):
            raise SystemExit(f"refusing {args.url}: the load test only targets loopback addresses")
        results = asyncio.run(run(args, args.url.rstrip("/"), None))
    else:
        with server(args.workers, args.engine, args.access_log) as (url, proc):
            results = asyncio.run(run(args, url, proc.pid))
    report(results, args)
    if args.json:
        args.json.write_text(json.dumps([{"endpoint": n, "rate": r, **s} for n, r, s in results], indent=2))


if __name__ == "__main__":
    main()
