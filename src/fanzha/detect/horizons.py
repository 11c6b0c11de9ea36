"""Time horizons and thresholds shared by the feature stages, named once."""

from __future__ import annotations

DAY = 86_400
#: A pair not in contact for this long counts as strangers again: the only pair state kept.
STRANGER_AFTER_S = 30 * DAY
#: An answered talk this long with a stranger engaged the person.
ENGAGED_S = 60
#: A domain or app seen at most this many times city-wide in a week counts as rare.
RARE_TARGET_COUNT = 30
#: Smaller first payments to a new payee are everyday shopping.
NEW_PAYEE_MIN_YUAN = 200.0
