"""The public API: sorted, complete, importable."""

from __future__ import annotations

import enforcerules as er


def test_all_is_sorted_and_unique() -> None:
    assert er.__all__ == sorted(set(er.__all__))


def test_every_exported_name_exists() -> None:
    assert [name for name in er.__all__ if not hasattr(er, name)] == []


def test_every_public_class_in_init_is_exported() -> None:
    public = {n for n, v in vars(er).items() if not n.startswith("_") and isinstance(v, type)}
    assert public <= set(er.__all__)
