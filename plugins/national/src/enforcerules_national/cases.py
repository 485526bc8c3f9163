"""Case- and certificate-level rules of 国办发〔2023〕27号 (二（一）3, 二（二）3)."""

from __future__ import annotations

from enforcerules import Rule

RULES: tuple[Rule, ...] = ()
