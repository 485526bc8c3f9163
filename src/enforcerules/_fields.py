"""attrs field helpers shared by the value classes: typed tuple fields."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

__all__ = ["as_tuple", "tuple_field", "tuple_of"]


def as_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """Converter: any iterable becomes a tuple (so declarations may pass lists)."""
    return tuple(value)


def tuple_of(kind: type | tuple[type, ...]) -> Any:
    """Validator: a tuple whose every member is an instance of *kind*."""
    return attrs.validators.deep_iterable(
        attrs.validators.instance_of(kind), attrs.validators.instance_of(tuple)
    )


def tuple_field(kind: type | tuple[type, ...], **kwargs: Any) -> Any:
    """A field holding a tuple of *kind*, empty by default."""
    kwargs.setdefault("default", ())
    return attrs.field(converter=as_tuple, validator=tuple_of(kind), **kwargs)
