"""How much input a loader accepts before refusing it with a located error."""

from __future__ import annotations

import attrs

__all__ = ["Limits"]


def _positive(_inst: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"'{attribute.name}' must be a positive integer (got {value!r})")


@attrs.frozen
class Limits:
    """Bounds on one facts input; exceeding one raises :class:`~enforcerules.FactsError` naming it.

    - ``max_bytes``: size of a JSON document, or of each table file
      (default 8 GiB: about 40 M training records written as JSON);
    - ``max_depth``: containers nested inside one value that a rejection
      would echo (default 64; a valid document nests 4 deep);
    - ``max_records``: records in all sections together (default 100 M).
    """

    max_bytes: int = attrs.field(default=8 * 2**30, validator=_positive)
    max_depth: int = attrs.field(default=64, validator=_positive)
    max_records: int = attrs.field(default=100_000_000, validator=_positive)
