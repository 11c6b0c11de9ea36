"""Why a warning operation was refused; the API turns these into 404 and 409 answers."""

from __future__ import annotations


class WarningNotFoundError(LookupError):
    """No such warning, or it belongs to a district the caller may not see."""


class StepNotAllowedError(ValueError):
    """The step would move the warning backwards, or its outcome is already recorded."""


class OrderNotFoundError(LookupError):
    """No such awareness order, or it belongs to a district the caller may not see."""
