"""Time horizons and thresholds shared by the feature stages, named once."""

from __future__ import annotations

DAY = 86_400
#: A pair not in contact for this long counts as strangers again: the only pair state kept.
STRANGER_AFTER_S = 30 * DAY
#: An answered talk this long with a stranger engaged the person.
ENGAGED_S = 60
#: A domain or app seen in a week by at most this share of the city's residents (and at
#: least RARE_MIN_COUNT times) counts as rare: 30 sightings in a city of 20,000.
RARE_SHARE = 0.0015
RARE_MIN_COUNT = 5
#: Smaller first payments to a new payee are everyday shopping.
NEW_PAYEE_MIN_YUAN = 200.0
#: Days of history after which "never in contact" means strangers; before that, at the start
#: of a replay, friends look new. Features carry min(days replayed, this) so models can tell.
HISTORY_DAYS = 30.0
