"""A longer fuzz campaign over the targets of :mod:`fuzz.targets`, with figures.

    python tests/fuzz/campaign.py cli --examples 50000

Runs hypothesis' generation for *examples* inputs (no shrinking, no example
database), records every outcome instead of stopping at the first failure,
and prints: inputs tried, crashes, tracebacks, silent losses (records in
that were neither loaded nor rejected), engine disagreements (an executor
answering differently from the Python oracle), wrong results (any other
property failed), and the first few failing inputs. ``--max-seconds`` (or Ctrl-C, or SIGTERM) ends it early
with the figures so far, and a progress line goes to stderr every ``--progress``
inputs. Exits 1 when any input was not clean. ``scripts/fuzz.sh`` runs it
per target.
"""

from __future__ import annotations

import argparse
import signal
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the tests folder, as under pytest

from fuzz.targets import TARGETS, Outcome, working_directory


class _TimeUp(Exception):
    """Raised inside the test function to end a campaign at its time budget."""


def campaign(name: str, examples: int, seed: int | None, show: int = 5, max_seconds: float | None = None,
             progress: int = 0) -> dict[str, Any]:
    target = TARGETS[name]
    figures: Counter[str] = Counter()
    failures: list[tuple[Any, Outcome]] = []
    started = time.monotonic()
    stopped = ""
    interrupted: list[int] = []  # Ctrl-C or SIGTERM: end between two inputs, with the figures so far

    def interrupt(signum: int, frame: Any) -> None:
        interrupted.append(signum)

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, interrupt)
    with tempfile.TemporaryDirectory(prefix=f"enforcerules-fuzz-{name}-") as tmp:
        sandbox = Path(tmp)
        target.setup(sandbox)

        @settings(max_examples=examples, deadline=None, database=None, phases=[Phase.generate],
                  suppress_health_check=list(HealthCheck))
        @given(target.inputs(sandbox))
        def one(value: Any) -> None:
            if interrupted or (max_seconds is not None and time.monotonic() - started > max_seconds):
                figures["time up"] = 1
                raise _TimeUp
            outcome = target.check(value, sandbox)
            figures["inputs"] += 1
            figures["crashes"] += bool(outcome.crash)
            figures["tracebacks"] += outcome.traceback
            figures["silent losses"] += bool(outcome.lost)
            figures["engine disagreements"] += bool(outcome.disagreement)
            figures["wrong"] += bool(outcome.wrong)
            if not outcome.clean and len(failures) < show:
                failures.append((value, outcome))
                if progress:  # at once, not only at the end: a long campaign's first failure can be acted on
                    print(f"  {name}: input {figures['inputs']}: {outcome.describe()}: {_shown(value)}", file=sys.stderr, flush=True)
            if progress and figures["inputs"] % progress == 0:
                print(f"  {name}: {dict(figures)} after {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)

        with working_directory(sandbox):
            if seed is not None:
                from hypothesis import seed as hypothesis_seed

                one = hypothesis_seed(seed)(one)
            try:
                one()
            except Exception:
                # hypothesis may fail while reporting the input that raised _TimeUp (a repr that raises)
                if not figures.pop("time up", 0):
                    raise
                stopped = "interrupted" if interrupted else f"stopped at the time budget of {max_seconds:g} s"
        elapsed = time.monotonic() - started
    return {"target": name, **{f: figures[f] for f in FIGURES}, "seconds": round(elapsed, 1), "failures": failures, "stopped": stopped}


#: The figures of one campaign, as printed; all but the first must be 0.
FIGURES = ("inputs", "crashes", "tracebacks", "silent losses", "engine disagreements", "wrong")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("target", choices=sorted(TARGETS))
    parser.add_argument("--examples", type=int, default=10_000, help="inputs to generate (default 10000)")
    parser.add_argument("--seed", type=int, default=None, help="hypothesis seed, for a repeatable campaign")
    parser.add_argument("--max-seconds", type=float, default=None, help="end early after this long, with the figures so far")
    parser.add_argument("--progress", type=int, default=0, help="print the figures to stderr every N inputs")
    args = parser.parse_args()
    result = campaign(args.target, args.examples, args.seed, max_seconds=args.max_seconds, progress=args.progress)
    stopped = f"; {result['stopped']}" if result["stopped"] else ""
    print(f"{result['target']:<10} inputs tried {result['inputs']:>8}   crashes {result['crashes']}   "
          f"tracebacks {result['tracebacks']}   silent losses {result['silent losses']}   "
          f"engine disagreements {result['engine disagreements']}   wrong results {result['wrong']}   ({result['seconds']} s{stopped})")
    for value, outcome in result["failures"]:
        print(f"    {outcome.describe()}: {_shown(value)}")
    return 0 if result["inputs"] and not any(result[f] for f in FIGURES[1:]) else 1


def _shown(value: Any, limit: int = 4000) -> str:
    """A failing input's repr, cut to *limit* characters (a repr may raise, or be huge)."""
    try:
        text = repr(value)
    except Exception as exc:
        text = f"<unprintable {type(value).__name__}: {type(exc).__name__}>"
    return text if len(text) <= limit else text[:limit] + f"… ({len(text)} characters)"


if __name__ == "__main__":
    raise SystemExit(main())
