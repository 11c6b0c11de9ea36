"""How common a domain or app is in the city this week, as of each event.

Fraud rings use their own domains and apps, seen by few; everyday ones are seen by many.
Counts are causal sliding windows, so a ring's domain stays rare only while it is used rarely.
"""

from __future__ import annotations

import numpy as np

from fanzha.detect.city import City
from fanzha.detect.horizons import DAY, RARE_MIN_COUNT, RARE_SHARE
from fanzha.detect.windows import Int64Array, KeyedStream


def rare_targets(city: City) -> tuple[Int64Array, Int64Array]:
    """(per net event, per contact): 1 where the domain or app is rare city-wide this week.

    Domains count both link SMS and visits; contacts without a link get 0.
    """
    net, c = city.net, city.contacts
    net_key = city.net_sites()
    has_link = c.domain >= 0
    sms_key = c.domain[has_link]
    key = np.concatenate((net_key, sms_key))
    ts = np.concatenate((net.ts, c.ts[has_link]))
    seen = KeyedStream(key, ts, city.stream_origin, ones=np.ones(key.size))
    count = seen.at(key, ts).sum("ones", 7 * DAY)
    limit = max(RARE_MIN_COUNT, round(RARE_SHARE * city.persons.len()))
    rare = (count <= limit).astype(np.int64)
    rare_link = np.zeros(c.ts.size, dtype=np.int64)
    rare_link[has_link] = rare[net_key.size :]
    return rare[: net_key.size], rare_link
