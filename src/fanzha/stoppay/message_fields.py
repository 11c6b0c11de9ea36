"""The fields of a message dataclass with their resolved types.

`StopPaymentRequest` alone lists the fields of the request message; the stored row and the API
model are derived from it through these, so adding a field to the message is one edit there.
"""

from __future__ import annotations

import types
from dataclasses import dataclass, fields, is_dataclass
from functools import cache
from typing import get_args, get_type_hints


@dataclass(frozen=True)
class MessageField:
    """One field: `kind` is str, int, an enum or a nested part (a dataclass such as Officer)."""

    name: str
    kind: type
    optional: bool  # the field may be None (a part such as the assisting officer)

    @property
    def is_part(self) -> bool:
        return is_dataclass(self.kind)


@cache
def message_fields(message_type: type) -> tuple[MessageField, ...]:
    """The fields of `message_type` in declaration order, `X | None` read as an optional X."""
    hints = get_type_hints(message_type)
    found: list[MessageField] = []
    for field in fields(message_type):
        hint = hints[field.name]
        optional = isinstance(hint, types.UnionType) and type(None) in get_args(hint)
        kinds = [k for k in get_args(hint) if k is not type(None)] if optional else [hint]
        if len(kinds) != 1 or not isinstance(kinds[0], type):
            raise TypeError(f"{message_type.__name__}.{field.name}: unsupported type {hint}")
        found.append(MessageField(field.name, kinds[0], optional))
    return tuple(found)
