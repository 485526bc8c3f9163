"""docs/testing-plugins.md runs as written.

```bash`` blocks run in a shell from the repository root (with the venv's
``bin`` first on PATH), ```python`` blocks run in a fresh interpreter from
``docs/examples``; the ```text`` block after either must appear in its
output, line by line. A ```python <file>`` block must equal that file in
``docs/examples``. ```console`` blocks are illustrative and not run.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "testing-plugins.md"
EXAMPLES = ROOT / "docs" / "examples"
FENCE = re.compile(r"^```([a-z]*)[ ]?([^\n`]*)\n(.*?)^```$", re.M | re.S)


def _blocks() -> list[tuple[str, str, str, str | None]]:
    """(language, info, code, expected output) for each block of the guide."""
    found = [(m[1], m[2].strip(), m[3]) for m in FENCE.finditer(GUIDE.read_text(encoding="utf-8"))]
    out = []
    for i, (lang, info, code) in enumerate(found):
        if lang in ("bash", "python"):
            after = found[i + 1] if i + 1 < len(found) else None
            expected = after[2] if after and after[0] == "text" else None
            out.append((lang, info, code, expected))
    return out


BLOCKS = _blocks()


def test_the_guide_has_runnable_blocks() -> None:
    langs = [b[0] for b in BLOCKS]
    assert langs.count("bash") >= 2 and langs.count("python") >= 5


@pytest.mark.parametrize(("lang", "info", "code", "expected"), BLOCKS, ids=[f"{i}-{b[0]}" for i, b in enumerate(BLOCKS)])
def test_guide_block_runs_as_written(lang: str, info: str, code: str, expected: str | None) -> None:
    if info:  # the source of an example file, shown in full
        assert code == (EXAMPLES / info).read_text(encoding="utf-8")
        return
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    if lang == "bash":
        result = subprocess.run(["bash", "-euo", "pipefail", "-c", code], cwd=ROOT, env=env,
                                capture_output=True, text=True, timeout=600)
    else:
        result = subprocess.run([sys.executable, "-c", code], cwd=EXAMPLES, env={**env, "PYTHONPATH": str(EXAMPLES)},
                                capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    for line in (expected or "").splitlines():
        if line.strip():
            assert line.rstrip() in result.stdout, f"missing from output: {line!r}\n--- output ---\n{result.stdout}"
