"""Amounts as the console shows them: fen to yuan with two decimals, as the dataset writes them."""

from __future__ import annotations


def yuan(fen: int | None) -> str:
    if fen is None:
        return ""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}{whole}.{cents:02d}"
