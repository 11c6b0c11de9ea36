"""Awareness lecture orders (宣防派单): a hotspot district's team is sent to lecture.

An order moves issued → accepted → delivered, forward only; delivery records the audience.
"""

from __future__ import annotations

from enum import StrEnum

from fanzha.warn.errors import StepNotAllowedError

#: Days an awareness team has to deliver the lecture after the order is issued.
DELIVERY_DAYS = 7


class OrderState(StrEnum):
    ISSUED = "issued"  # 已派单
    ACCEPTED = "accepted"  # 已接单
    DELIVERED = "delivered"  # 已宣讲


OPEN_STATES = frozenset({OrderState.ISSUED, OrderState.ACCEPTED})
_NEXT = {OrderState.ISSUED: OrderState.ACCEPTED, OrderState.ACCEPTED: OrderState.DELIVERED}


def advance(order_id: int, current: str, wanted: OrderState) -> OrderState:
    """The next state if `wanted` is it; otherwise the step is refused (409 at the API)."""
    state = OrderState(current)
    if _NEXT.get(state) is not wanted:
        raise StepNotAllowedError(f"order {order_id} is {state.value}, cannot become {wanted}")
    return wanted
