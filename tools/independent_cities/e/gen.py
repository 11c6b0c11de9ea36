#!/usr/bin/env python3
"""Synthetic Chengdu-like city for the fanzha benchmark (format dataset/1).

Author persona: payment-platform risk analyst seconded to a city anti-fraud centre.
Usage: gen.py --seed N --persons P --days D --out DIR

Every module draws from its own random stream seeded from (seed, module name),
so adding traffic to one module never perturbs another.
"""
import argparse
import json
import math
import os
import resource
import sys
import time
import zlib
from datetime import datetime, timedelta, timezone

import numpy as np
import polars as pl

TZ = timezone(timedelta(hours=8))
START = datetime(2026, 7, 6, tzinfo=TZ)          # Monday, summer holidays started
T0 = int(START.timestamp())
DAY = 86400
HOUR = 3600
MIN = 60

CHANNELS = ["mobile", "online", "counter", "atm", "third_party", "crypto_otc"]
CH = {c: i for i, c in enumerate(CHANNELS)}


def stream(seed, name):
    return np.random.default_rng([seed, zlib.crc32(name.encode())])


# --------------------------------------------------------------------------------------
# Districts (code, weight, urban)
DISTRICTS = [
    ("510104", 8, 1), ("510105", 8, 1), ("510106", 10, 1), ("510107", 11, 1), ("510108", 9, 1),
    ("510116", 8, 1), ("510117", 6, 1), ("510112", 6, 1), ("510114", 7, 1), ("510115", 5, 1),
    ("510113", 3, 0), ("510118", 2, 0), ("510121", 3, 0), ("510129", 2, 0), ("510131", 1, 0),
    ("510181", 3, 0), ("510182", 3, 0), ("510183", 2, 0), ("510184", 2, 0), ("510185", 4, 0),
]
ND = len(DISTRICTS)
URBAN = np.array([d[2] for d in DISTRICTS], bool)

# Segments
(CHILD, PUPIL, COLLEGE, OFFICE, WORKER, MERCHANT, COURIER, DRIVER, SALES, FARMER, HOME,
 CIVIL, FINANCE, RETIREE) = range(14)
NSEG = 14

# Hour-of-day profiles (relative weights)
PROF_NAMES = ["work", "student", "elder", "meal", "night", "office_hours", "evening"]
_PROF = np.array([
    [1, .5, .3, .2, .2, .5, 2, 5, 8, 10, 10, 9, 8, 8, 9, 9, 9, 8, 8, 9, 8, 6, 4, 2],       # work
    [6, 4, 2, .8, .3, .3, .5, 1, 2.5, 5, 7, 8, 8, 7, 7, 7, 7, 7, 8, 10, 12, 12, 11, 9],    # student
    [.3, .2, .2, .3, .8, 3, 7, 9, 10, 10, 9, 7, 5, 6, 8, 8, 8, 8, 8, 7, 5, 3, 1, .5],      # elder
    [.8, .4, .2, .1, .1, .3, 1.5, 6, 7, 4, 3, 8, 12, 8, 3, 2.5, 3, 6, 10, 11, 7, 5, 3, 1.5],  # meal
    [8, 8, 7, 6, 5, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 4, 5, 6, 7, 8],             # night
    [0, 0, 0, 0, 0, 0, 0, .5, 6, 10, 10, 8, 3, 5, 10, 10, 9, 6, 1, 0, 0, 0, 0, 0],         # office hours
    [1, .3, .1, .1, .1, .2, .5, 1, 2, 2, 2, 2, 3, 2, 2, 2, 2, 3, 5, 8, 10, 10, 8, 4],      # evening
], float)
PROF = _PROF / _PROF.sum(1, keepdims=True)
P_WORK, P_STUDENT, P_ELDER, P_MEAL, P_NIGHT, P_OFFICE, P_EVENING = range(7)

SEG_PROF = np.array([P_STUDENT, P_STUDENT, P_STUDENT, P_WORK, P_WORK, P_MEAL, P_WORK, P_WORK,
                     P_WORK, P_ELDER, P_ELDER, P_WORK, P_WORK, P_ELDER])


def draw_secs(rng, prof):
    """Seconds within the day for each element, by hour profile index."""
    prof = np.asarray(prof)
    out = np.empty(len(prof), np.int64)
    for p in range(len(PROF)):
        m = prof == p
        k = int(m.sum())
        if k:
            h = rng.choice(24, size=k, p=PROF[p])
            out[m] = h * HOUR + rng.integers(0, HOUR, k)
    return out


def lognorm(rng, median, sigma, n):
    return np.exp(rng.normal(math.log(median), sigma, n))


def to_cents(x, round_to=1):
    """x in CNY -> integer cents; round_to in CNY (1 = whole yuan, 0.01 = cents)."""
    step = int(round(round_to * 100))
    c = np.maximum(np.round(np.asarray(x) * 100 / step).astype(np.int64) * step, step)
    return c


# --------------------------------------------------------------------------------------
class Numbers:
    def __init__(self):
        self.num, self.kind, self.holder, self.act = [], [], [], []
        self.index = {}

    def add(self, s, kind, holder=-1, act=None):
        if s in self.index:
            return self.index[s]
        i = len(self.num)
        self.index[s] = i
        self.num.append(s)
        self.kind.append(kind)
        self.holder.append(holder)
        self.act.append(act)
        return i

    def fresh(self, rng, prefixes, ndigits=8, lead=""):
        while True:
            p = prefixes[int(rng.integers(len(prefixes)))]
            s = lead + p + str(int(rng.integers(0, 10 ** ndigits))).zfill(ndigits)
            if s not in self.index:
                return s

    def __len__(self):
        return len(self.num)


class Accounts:
    def __init__(self):
        self.id, self.holder, self.bank, self.kind, self.opened = [], [], [], [], []
        self.index = {}

    def add(self, s, holder, bank, kind, opened):
        i = len(self.id)
        self.index[s] = i
        self.id.append(s)
        self.holder.append(holder)
        self.bank.append(bank)
        self.kind.append(kind)
        self.opened.append(opened)
        return i

    def fresh_id(self, rng, prefix, ndigits):
        while True:
            s = prefix + str(int(rng.integers(0, 10 ** min(ndigits, 18)))).zfill(min(ndigits, 18))
            if ndigits > 18:
                s += str(int(rng.integers(0, 10 ** (ndigits - 18)))).zfill(ndigits - 18)
            if s not in self.index:
                return s

    def __len__(self):
        return len(self.id)


MOBILE_PREFIX = ["134", "135", "136", "137", "138", "139", "150", "151", "152", "157", "158", "159",
                 "182", "183", "184", "187", "188", "198", "130", "131", "132", "155", "156", "185",
                 "186", "166", "175", "176", "133", "153", "180", "181", "189", "177", "173", "199",
                 "191", "192", "195", "178"]
VIRTUAL_PREFIX = ["170", "171", "162", "165", "167"]

# bank code, BIN prefix, total digits, service number, 106 port suffix
BANKS = [
    ("ICBC", "621226", 19, "95588"), ("CCB", "621700", 19, "95533"), ("ABC", "622848", 19, "95599"),
    ("BOC", "621661", 19, "95566"), ("BOCOM", "622262", 19, "95559"), ("CMB", "622588", 16, "95555"),
    ("PSBC", "621799", 19, "95580"), ("BOCD", "622439", 19, "96511"), ("SCRCU", "621457", 19, "96633"),
    ("CMBC", "622622", 16, "95568"), ("CIB", "622908", 18, "95561"), ("SPDB", "622521", 16, "95528"),
]
BANK_IDX = {b[0]: i for i, b in enumerate(BANKS)}
# main-card bank weights: young / middle / elderly / rural
BANK_W = {
    "young": [14, 14, 8, 8, 5, 18, 5, 8, 4, 5, 6, 5],
    "mid": [18, 18, 12, 10, 6, 10, 6, 8, 6, 2, 2, 2],
    "old": [10, 10, 15, 6, 3, 2, 20, 6, 26, 1, 0.5, 0.5],
}


# ======================================================================================
# People
class World:
    pass


def build_people(seed, P, W):
    rng = stream(seed, "people")
    dw = np.array([d[1] for d in DISTRICTS], float)
    dw /= dw.sum()
    htypes = ["single_young", "single_old", "couple_young", "couple_old", "family", "three_gen", "shared"]
    hw = np.array([.14, .07, .10, .12, .37, .15, .05])
    ages, sexes, hhs, dists, hhtype = [], [], [], [], []
    h = 0
    while len(ages) < P:
        t = int(rng.choice(7, p=hw))
        d = int(rng.choice(ND, p=dw))
        mem = []
        if t == 0:
            mem = [(int(rng.integers(19, 37)), int(rng.random() < .45))]
        elif t == 1:
            mem = [(int(rng.integers(60, 92)), int(rng.random() < .62))]
        elif t == 2:
            a = int(rng.integers(23, 39))
            mem = [(a, 0), (max(20, a + int(rng.integers(-4, 3))), 1)]
        elif t == 3:
            a = int(rng.integers(55, 86))
            mem = [(a, 0), (max(50, a + int(rng.integers(-5, 2))), 1)]
        elif t in (4, 5):
            a = int(rng.integers(28, 54))
            b = max(22, a + int(rng.integers(-5, 2)))
            mem = [(a, 0), (b, 1)] if rng.random() > .06 else [(b, 1)]
            nk = 1 if rng.random() < .55 else 2
            for _ in range(nk):
                ka = b - int(rng.integers(22, 37))
                if ka >= 0:
                    mem.append((ka, int(rng.random() < .48)))
            if t == 5:
                g = a + int(rng.integers(24, 33))
                mem.append((g, int(rng.random() < .55)))
                if rng.random() < .55:
                    mem.append((g + int(rng.integers(-4, 4)), 1 - mem[-1][1]))
        else:
            for _ in range(int(rng.integers(2, 4))):
                mem.append((int(rng.integers(18, 29)), int(rng.random() < .5)))
        for a, s in mem:
            ages.append(min(a, 98))
            sexes.append(s)
            hhs.append(h)
            dists.append(d)
            hhtype.append(t)
        h += 1
    age = np.array(ages[:P])
    sex = np.array(sexes[:P], np.int8)
    hh = np.array(hhs[:P])
    dist = np.array(dists[:P])
    hht = np.array(hhtype[:P])
    urban = URBAN[dist]
    n = P
    u = rng.random(n)
    seg = np.full(n, CHILD, np.int8)
    seg[(age >= 12) & (age < 18)] = PUPIL
    m = (age >= 18) & (age < 23)
    seg[m] = np.where(u[m] < .55, COLLEGE, WORKER)
    occ_u = [OFFICE, WORKER, MERCHANT, COURIER, DRIVER, SALES, FARMER, HOME, CIVIL, FINANCE]
    w_urb = np.array([.27, .23, .10, .05, .03, .045, .015, .11, .08, .05])
    w_rur = np.array([.10, .25, .10, .03, .03, .02, .27, .12, .06, .02])
    m = (age >= 23) & (age < 60)
    mu = m & urban
    seg[mu] = rng.choice(occ_u, size=int(mu.sum()), p=w_urb / w_urb.sum())
    mr = m & ~urban
    seg[mr] = rng.choice(occ_u, size=int(mr.sum()), p=w_rur / w_rur.sum())
    m = age >= 60
    seg[m] = RETIREE
    still = m & (age < 68) & (u < .2)
    seg[still] = np.where(urban[still], MERCHANT, FARMER)
    # savings (CNY): heavy tailed; elderly save most in cash deposits
    med = np.select([age < 18, seg == COLLEGE, age < 30, age < 45, age < 60],
                    [300, 2500, 15000, 45000, 80000], 90000).astype(float)
    med = np.where(seg == MERCHANT, med * 2.0, med)
    med = np.where(seg == FARMER, med * 0.5, med)
    sav = med * np.exp(rng.normal(0, 1.15, n))
    W.P = P
    W.age, W.sex, W.hh, W.dist, W.hht, W.urban, W.seg, W.savings = age, sex, hh, dist, hht, urban, seg, sav
    W.birth_year = 2026 - age - (rng.random(n) < .52)
    adult = age >= 18
    W.adult = adult
    # roles
    def pick(mask, frac, minimum=0):
        idx = np.flatnonzero(mask)
        k = min(len(idx), max(minimum, int(round(frac * len(idx)))))
        return np.sort(rng.choice(idx, size=k, replace=False)) if k else np.array([], int)
    W.landlords = pick((age >= 38) & (age < 80), .06, 1)
    W.groupbuy = pick((sex == 1) & (age >= 28) & (age < 62), .008, 1)
    W.daigou = pick((age >= 20) & (age < 42), .004, 1)
    W.otc = pick((age >= 22) & (age < 46) & (sex == 0), .0006, 1)
    W.goldbug = pick((age >= 40) & (age < 75), .004, 1)
    borrower = adult & (age < 58) & (rng.random(n) < np.where(seg == COLLEGE, .10, .14))
    W.borrower = borrower
    W.debtor = borrower & (rng.random(n) < .12)
    W.gamer = np.select([seg == PUPIL, seg == COLLEGE, (age >= 18) & (age < 36)], [.6, .45, .15], 0.02) > rng.random(n)
    hsize = np.bincount(hh)[hh]
    W.hsize = hsize
    W.dater = adult & (age < 56) & (rng.random(n) < np.where(hsize == 1, .22, .03))
    # insurance agents vs real estate agents among sales
    sales = np.flatnonzero(seg == SALES)
    W.sales_kind = {int(i): ("insurance" if rng.random() < .55 else "realty") for i in sales}
    # tenants: households renting
    hh_first = np.unique(hh, return_index=True)[1]
    ht = hht[hh_first]
    rent_p = np.select([ht == 0, ht == 2, ht == 6, ht == 4], [.7, .45, .9, .15], .03) * np.where(urban[hh_first], 1, .3)
    W.hh_tenant = rng.random(len(hh_first)) < rent_p
    W.nhh = len(hh_first)


# ======================================================================================
# Phones and service numbers
SERVICE_SHORT = ["10086", "10010", "10000", "12345", "12315", "95188", "95017", "95338", "95311",
                 "95546", "95554", "95543", "95118", "95519", "95511", "95500", "114", "95598",
                 "96777", "95522"]
# 106 ports: (brand, weight for codes, marketing domain or '')
PORTS = [
    ("tencent", 12, "qq.com"), ("alipay", 12, "alipay.com"), ("taobao", 8, "m.tb.cn"), ("jd", 6, "u.jd.com"),
    ("pdd", 6, "mobile.yangkeduo.com"), ("meituan", 7, "dpurl.cn"), ("eleme", 3, "ele.me"),
    ("douyin", 5, "v.douyin.com"), ("didi", 4, "didi.cn"), ("ctrip", 2, "ctrip.com"),
    ("12306", 2, "12306.cn"), ("cmcc", 6, "10086.cn"), ("unicom", 3, "10010.com"),
    ("telecom", 3, "189.cn"), ("cainiao", 5, "cainiao.com"), ("sf", 3, "sf-express.com"),
    ("bilibili", 2, "b23.tv"), ("weibo", 2, "t.cn"), ("xiaohongshu", 3, "xhslink.com"),
    ("kuaishou", 2, "v.kuaishou.com"), ("gov_tianfu", 1, "tfsmy.chengdu.gov.cn"),
    ("hospital", 1, "wx.scwchc.com"), ("boss", 1, "zhipin.com"), ("58", 1, "58.com"),
    ("jdfin", 1, "jr.jd.com"), ("fenqile", 1, "fenqile.com"), ("webank", 1, "webank.com"),
    ("ke", 1, "ke.com"), ("tmall", 3, "tmall.com"), ("dwz", 1, "dwz.cn"),
] + [("bank_" + b[0], 3, "") for b in BANKS]


def build_phones(seed, W, N):
    rng = stream(seed, "phones")
    P = W.P
    age, seg = W.age, W.seg
    p_has = np.select([age < 10, age < 12, age < 15, age < 18, age < 60, age < 70, age < 80],
                      [0, .2, .6, .85, .99, .95, .85], .6)
    has = rng.random(P) < p_has
    second = has & (((age >= 20) & (age < 56) & (rng.random(P) < .12)) |
                    (np.isin(seg, [COURIER, SALES, MERCHANT, DRIVER]) & (rng.random(P) < .45)))
    W.phone1 = np.full(P, -1, np.int64)
    W.phone2 = np.full(P, -1, np.int64)
    W.smart = has & ((age < 75) | (rng.random(P) < .45))        # smartphone users
    for i in np.flatnonzero(has):
        pref = VIRTUAL_PREFIX if rng.random() < .02 else MOBILE_PREFIX
        s = N.fresh(rng, pref)
        yrs = max(0.1, min(age[i] - 11, 20))
        if rng.random() < .04:
            act = -int(rng.integers(1, 60)) * DAY - int(rng.integers(0, DAY))   # new arrivals, new SIMs
        else:
            act = -int(rng.random() * yrs * 365 * DAY) - 60 * DAY
        if rng.random() < .05:
            act = None
        W.phone1[i] = N.add(s, "mobile", int(i), act)
    for i in np.flatnonzero(second):
        s = N.fresh(rng, MOBILE_PREFIX + VIRTUAL_PREFIX)
        act = -int(rng.integers(1, 900)) * DAY - int(rng.integers(0, DAY))
        if seg[i] in (COURIER, SALES) and rng.random() < .3:
            act = -int(rng.integers(HOUR, 20 * DAY))          # new job, new work SIM
        W.phone2[i] = N.add(s, "mobile", int(i), act)
    # household landlines (older households)
    W.landline = {}
    hh_old = np.unique(W.hh[age >= 55])
    for h in hh_old:
        if rng.random() < .25:
            W.landline[int(h)] = N.add(N.fresh(rng, ["8", "6"], 7, "028"), "landline", -1, None)
    # non-resident contacts: relatives/friends/classmates elsewhere (Sichuan exports labour)
    n_ext = int(P * 0.9)
    W.ext_contacts = np.array([N.add(N.fresh(rng, MOBILE_PREFIX), "mobile", -1,
                                     None if rng.random() < .9 else -int(rng.integers(30, 3000)) * DAY)
                               for _ in range(n_ext)], np.int64)
    W.svc = {s: N.add(s, "service", -1, None) for s in SERVICE_SHORT}
    W.bank_svc = np.array([N.add(b[3], "service", -1, None) for b in BANKS])
    W.ports = []
    for brand, w, dom in PORTS:
        s = "106" + str(int(rng.choice([5, 9, 9, 9, 8]))) + str(int(rng.integers(0, 10 ** 8))).zfill(8)
        if rng.random() < .4:
            s += str(int(rng.integers(0, 1000))).zfill(3)
        W.ports.append(N.add(s, "service", -1, None))
    W.ports = np.array(W.ports)
    W.port_w = np.array([p[1] for p in PORTS], float)
    W.port_dom = [p[2] for p in PORTS]
    W.bank_port = np.array([W.ports[[p[0] for p in PORTS].index("bank_" + b[0])] for b in BANKS])
    sc = P / 20000
    # ride-hailing / delivery privacy relay numbers (中间号): no holder, talk to strangers all day
    W.relay = np.array([N.add(N.fresh(rng, MOBILE_PREFIX), "mobile", -1, None)
                        for _ in range(max(30, int(500 * sc)))])
    # telemarketers: local landlines of companies and fresh mobiles
    tm = []
    for _ in range(max(5, int(60 * sc))):
        if rng.random() < .4:
            tm.append(N.add(N.fresh(rng, ["6", "8"], 7, "028"), "landline", -1, None))
        else:
            act = -int(rng.integers(1, 40)) * DAY if rng.random() < .4 else None
            tm.append(N.add(N.fresh(rng, MOBILE_PREFIX + VIRTUAL_PREFIX), "mobile", -1, act))
    W.telemkt = np.array(tm)
    dc = []
    for _ in range(max(3, int(18 * sc))):
        if rng.random() < .35:
            dc.append(N.add(N.fresh(rng, ["0755", "021", "0571", "020"], 8), "landline", -1, None))
        else:
            dc.append(N.add(N.fresh(rng, MOBILE_PREFIX + VIRTUAL_PREFIX), "mobile", -1, None))
    W.collectors = np.array(dc)
    # overseas relatives and business partners
    cc = [("+1", 10), ("+61", 9), ("+44", 10), ("+81", 10), ("+65", 8), ("+852", 8), ("+886", 9),
          ("+60", 9), ("+855", 9), ("+66", 9), ("+49", 11), ("+971", 9)]
    ov = []
    for _ in range(max(8, int(160 * sc))):
        c, L = cc[int(rng.integers(len(cc)))]
        ov.append(N.add(c + str(int(rng.integers(10 ** (L - 1), 10 ** L))), "overseas", -1, None))
    W.overseas = np.array(ov)
    # recruiters (summer jobs) and spam senders (gray ads, not fraud rings)
    W.recruiters = np.array([N.add(N.fresh(rng, MOBILE_PREFIX), "mobile", -1, -int(rng.integers(HOUR, 30 * DAY)) if rng.random() < .4 else None)
                             for _ in range(max(3, int(25 * sc)))])
    W.spammers = np.array([N.add(N.fresh(rng, MOBILE_PREFIX + VIRTUAL_PREFIX), "mobile", -1,
                                 -int(rng.integers(1, 20)) * DAY) for _ in range(max(2, int(8 * sc)))])
    W.emergency = N.add("12379", "service", -1, None)   # weather / emergency broadcast
    W.police = N.add("110", "service", -1, None)
    W.hotline = N.add("96110", "service", -1, None)


# ======================================================================================
# Accounts, employers, merchants, corporates
def build_accounts(seed, W, A):
    rng = stream(seed, "accounts")
    P, age, seg = W.P, W.age, W.seg

    def card(i, bank, opened, kind="personal"):
        b = BANKS[bank]
        return A.add(A.fresh_id(rng, b[1], b[2] - 6), int(i) if i is not None else -1, b[0], kind, opened)

    def wallet(i, which, opened):
        if which == "wx":
            return A.add(A.fresh_id(rng, "wxp", 14), int(i) if i is not None else -1, "TENPAY", "personal", opened)
        return A.add(A.fresh_id(rng, "2088", 12), int(i) if i is not None else -1, "ALIPAY", "personal", opened)

    W.card1 = np.full(P, -1, np.int64)
    W.card2 = np.full(P, -1, np.int64)
    W.wx = np.full(P, -1, np.int64)
    W.ali = np.full(P, -1, np.int64)
    W.till = np.full(P, -1, np.int64)
    for i in range(P):
        a = age[i]
        if a < 12:
            continue
        grp = "young" if a < 35 else ("mid" if a < 60 else "old")
        w = np.array(BANK_W[grp], float)
        if not W.urban[i]:
            w[BANK_IDX["SCRCU"]] += 15
            w[BANK_IDX["PSBC"]] += 8
        w /= w.sum()
        yrs = max(0.2, a - 16)
        if a >= 16:
            opened = None if rng.random() < .03 else -int(rng.random() * yrs * 365 * DAY) - 30 * DAY
            W.card1[i] = card(i, int(rng.choice(len(BANKS), p=w)), opened)
            if a >= 20 and rng.random() < (.55 if a < 60 else .35):
                W.card2[i] = card(i, int(rng.choice(len(BANKS), p=w)), -int(rng.random() * yrs * 365 * DAY) - 10 * DAY)
        pw = .95 if a < 60 else (.7 if a < 75 else .35)
        if W.phone1[i] >= 0 and rng.random() < (pw if a >= 16 else .55):
            W.wx[i] = wallet(i, "wx", None if rng.random() < .3 else -int(rng.random() * min(yrs, 11) * 365 * DAY) - DAY)
        if W.phone1[i] >= 0 and a >= 18 and rng.random() < (.8 if a < 50 else .4):
            W.ali[i] = wallet(i, "ali", -int(rng.random() * min(yrs, 15) * 365 * DAY) - DAY)
    # merchants (shop tills)
    sectors = ["restaurant", "noodles", "hotpot", "grocery", "fruit", "teahouse", "barber", "pharmacy",
               "clothing", "hardware", "bakery", "phone_repair", "mahjong", "milk_tea"]
    W.till_sector = {}
    for i in np.flatnonzero(seg == MERCHANT):
        acq = ["TENPAY", "ALIPAY", "LAKALA"][int(rng.choice(3, p=[.55, .3, .15]))]
        W.till[i] = A.add(A.fresh_id(rng, "16", 8) if acq == "TENPAY" else A.fresh_id(rng, "8211", 11),
                          int(i), acq, "merchant", -int(rng.integers(60, 3000)) * DAY)
        W.till_sector[int(i)] = sectors[int(rng.integers(len(sectors)))]
    W.tills = np.flatnonzero(W.till >= 0)
    # gold shops: a few local merchant accounts (owner-run) + chain
    ng = max(2, int(round(P / 4000)))
    W.gold_shops = [A.add(A.fresh_id(rng, "16", 8), -1, "TENPAY", "merchant", -int(rng.integers(300, 3000)) * DAY)
                    for _ in range(ng)]
    W.gold_shops.append(A.add(A.fresh_id(rng, "4402", 15), -1, "ICBC", "corporate", None))

    def corp(bank="CCB", local=True, opened=None):
        pre = "5100" if local else "4403"
        return A.add(A.fresh_id(rng, pre, 15), -1, bank, "corporate", opened)

    # employers
    workers = np.flatnonzero(np.isin(seg, [OFFICE, WORKER, CIVIL, FINANCE, SALES]))
    ne = max(6, P // 55)
    ew = 1.0 / np.arange(1, ne + 1) ** 1.1
    ew /= ew.sum()
    W.employer = np.full(P, -1, np.int64)
    W.employer[workers] = rng.choice(ne, size=len(workers), p=ew)
    W.emp_acc = np.array([corp(BANKS[int(rng.integers(len(BANKS)))][0], True, -int(rng.integers(300, 6000)) * DAY)
                          for _ in range(ne)])
    W.emp_payday = rng.choice([5, 8, 8, 10, 10, 10, 12, 15, 15, 20, 25, 28, 30], size=ne)
    W.emp_civil = rng.random(ne) < .15
    W.ne = ne
    # government / big organisations
    W.social_sec = corp("CCB", True, -4000 * DAY)
    names_local = ["hospital_w", "hospital_h", "hospital_3", "hospital_dist", "school_train1", "school_train2",
                   "school_train3", "state_grid", "gas", "water", "realty_agency1", "realty_agency2",
                   "developer1", "developer2", "car_dealer1", "car_dealer2", "car_dealer3", "wholesale1",
                   "wholesale2", "wholesale3", "chain_grocery", "chain_pharmacy", "long_rent", "game_platform_local"]
    W.corp = {n: corp(BANKS[int(rng.integers(len(BANKS)))][0], True, -int(rng.integers(500, 8000)) * DAY) for n in names_local}
    names_ext = ["taobao", "tmall", "jd", "pdd", "meituan", "douyin_shop", "ctrip", "12306", "didi", "sf_pay",
                 "game_trade_jym", "game_trade_pxb", "tencent_games", "netease_games", "mihoyo",
                 "securities1", "securities2", "fund_ant", "fund_tiantian", "insurer_pingan", "insurer_life",
                 "meituan_rider_pay", "sf_courier_pay", "didi_driver_pay", "telecom_topup", "supplier_daigou1",
                 "supplier_daigou2", "wholesale_ext", "xianyu_escrow"]
    W.corp.update({n: corp(BANKS[int(rng.integers(len(BANKS)))][0], False, None) for n in names_ext})
    W.lenders = {n: corp(b, False, None) for n, b in [("jd_finance", "CMBC"), ("mybank_jiebei", "CIB"),
                                                      ("webank_weilidai", "SPDB"), ("fenqile", "CMB"),
                                                      ("duxiaoman", "BOC"), ("bocd_consumer", "BOCD"),
                                                      ("mashang_cf", "CCB"), ("zhongyin_cf", "BOC")]}
    W.lender_list = list(W.lenders.values())
    W.wm = {b[0]: corp(b[0], True, None) for b in BANKS[:8]}     # banks' wealth-management products
    # external personal accounts: relatives, strangers across China (Xianyu buyers, game trades)
    n_ext = max(300, int(P * .25))
    W.ext_personal = np.array([card(None, int(rng.integers(len(BANKS))), None) if rng.random() < .6
                               else wallet(None, "wx" if rng.random() < .6 else "ali", None) for _ in range(n_ext)])
    # landlords' extra card for rent collection (some)
    W.opened_min = 0


# ======================================================================================
class Strs:
    def __init__(self):
        self.s, self.index = [], {}

    def add(self, s):
        if s in self.index:
            return self.index[s]
        self.index[s] = len(self.s)
        self.s.append(s)
        return self.index[s]


class Events:
    def __init__(self):
        self.calls, self.sms, self.net, self.tr = [], [], [], []

    def add_calls(self, ts, a, b, d):
        self.calls.append((np.asarray(ts, np.int64), np.asarray(a, np.int64), np.asarray(b, np.int64),
                           np.asarray(d, np.int64)))

    def add_sms(self, ts, a, b, dom):
        self.sms.append((np.asarray(ts, np.int64), np.asarray(a, np.int64), np.asarray(b, np.int64),
                         np.asarray(dom, np.int64)))

    def add_net(self, ts, num, kind, tgt):
        self.net.append((np.asarray(ts, np.int64), np.asarray(num, np.int64), np.asarray(kind, np.int64),
                         np.asarray(tgt, np.int64)))

    def add_tr(self, ts, f, t, cents, ch, cat, loss=None):
        n = len(np.atleast_1d(ts))
        self.tr.append((np.asarray(ts, np.int64), np.asarray(f, np.int64), np.asarray(t, np.int64),
                        np.asarray(cents, np.int64), np.broadcast_to(np.asarray(ch, np.int64), (n,)).copy(),
                        np.broadcast_to(np.asarray(cat, np.int64), (n,)).copy(),
                        np.zeros(n, bool) if loss is None else np.asarray(loss, bool)))


# popular web domains: name, weight young / middle / old
HEAD_DOMAINS = [
    ("baidu.com", 10, 10, 8), ("qq.com", 10, 8, 5), ("weixin.qq.com", 8, 8, 8), ("taobao.com", 8, 10, 5),
    ("jd.com", 6, 8, 3), ("tmall.com", 5, 6, 2), ("pinduoduo.com", 4, 6, 6), ("douyin.com", 10, 8, 8),
    ("bilibili.com", 12, 3, .5), ("weibo.com", 8, 5, 1), ("zhihu.com", 7, 4, .5), ("xiaohongshu.com", 9, 5, 1),
    ("kuaishou.com", 5, 5, 6), ("toutiao.com", 3, 6, 8), ("sina.com.cn", 2, 4, 4), ("163.com", 4, 4, 2),
    ("sohu.com", 1, 3, 3), ("ifeng.com", 1, 3, 4), ("meituan.com", 6, 6, 2), ("dianping.com", 4, 4, 1),
    ("ele.me", 4, 3, 1), ("ctrip.com", 3, 4, 1), ("12306.cn", 3, 3, 1), ("amap.com", 4, 4, 2),
    ("alipay.com", 4, 5, 2), ("icbc.com.cn", .5, 2, 2), ("ccb.com", .5, 2, 2), ("cmbchina.com", 1, 2, .5),
    ("10086.cn", 1, 2, 2), ("chengdu.gov.cn", .3, 1, 2), ("sc.gov.cn", .2, .8, 1),
    ("tfsmy.chengdu.gov.cn", .5, 1, 1), ("chsi.com.cn", 3, .2, 0), ("gaokao.cn", 2.5, .5, .1),
    ("mihoyo.com", 4, .5, 0), ("pvp.qq.com", 5, 1, 0), ("game.163.com", 2, .5, 0), ("steampowered.com", 2, .5, 0),
    ("jiaoyimao.com", 1.2, .2, 0), ("pxb7.com", 1, .2, 0), ("zhipin.com", 3, 2, .2), ("58.com", 1, 2, 1),
    ("ke.com", .5, 2, .5), ("anjuke.com", .5, 2, .5), ("dongchedi.com", .5, 2, .5), ("autohome.com.cn", .5, 2, .5),
    ("eastmoney.com", .5, 3, 2), ("10jqka.com.cn", .5, 3, 2), ("xueqiu.com", .5, 2, .5), ("csdn.net", 2, 1.5, 0),
    ("github.com", 1, .5, 0), ("youku.com", 2, 2, 2), ("iqiyi.com", 3, 3, 3), ("v.qq.com", 3, 3, 3),
    ("ximalaya.com", 1, 2, 3), ("cctv.com", .5, 2, 4), ("people.com.cn", .2, 1, 2), ("xinhuanet.com", .2, 1, 2),
    ("haodf.com", .5, 2, 3), ("wx.scwchc.com", .2, 1, 1), ("jiayuan.com", .2, .6, .1), ("zhenai.com", .2, .6, .1),
    ("soulapp.cn", 2, .5, 0), ("baike.baidu.com", 3, 3, 2), ("tieba.baidu.com", 3, 1, .3),
    ("wenku.baidu.com", 3, 1, 0), ("fanqienovel.com", 2, 3, 3), ("qidian.com", 2, 1, .2), ("hupu.com", 2, 1, .2),
    ("dewu.com", 2, 1, 0), ("vip.com", 1, 2, 1), ("suning.com", .5, 1, 1), ("binance.com", .3, .1, 0),
    ("okx.com", .3, .1, 0), ("m.tb.cn", 2, 2, 1), ("t.cn", 1, 1, .5), ("b23.tv", 2, .3, 0),
    ("v.douyin.com", 3, 3, 3), ("sf-express.com", .5, 1, .5), ("cainiao.com", .5, 1, .5),
    ("jr.jd.com", .3, .6, .1), ("fenqile.com", .5, .3, 0), ("webank.com", .2, .4, .1),
]
HEAD_APPS = [
    ("com.tencent.mm", 1, 1, 2), ("com.ss.android.ugc.aweme", 3, 3, 3), ("com.smile.gifmaker", 2, 2, 3),
    ("com.xunmeng.pinduoduo", 2, 3, 3), ("com.taobao.taobao", 2, 2, 1), ("com.jingdong.app.mall", 1.5, 2, 1),
    ("com.sankuai.meituan", 2, 2, 1), ("me.ele", 1, 1, .3), ("com.sdu.didi.psnger", 1, 1, .5),
    ("com.autonavi.minimap", 1, 1, .5), ("tv.danmaku.bili", 3, .5, 0), ("com.xingin.xhs", 3, 1.5, .2),
    ("com.tencent.tmgp.sgame", 4, .8, 0), ("com.miHoYo.Yuanshen", 3, .3, 0), ("com.miHoYo.hkrpg", 2, .2, 0),
    ("com.tencent.tmgp.pubgmhd", 3, .5, 0), ("com.netease.party", 1, .2, 0), ("com.tencent.lolm", 2, .3, 0),
    ("com.jym.mall", 1, .2, 0), ("com.pxb7.app", .6, .1, 0), ("com.hpbr.bosszhipin", 2, 1.5, .1),
    ("com.wuba", .5, 1, .3), ("com.tencent.wemeet", .8, 1.5, .1), ("com.ss.android.lark", .5, 1, 0),
    ("com.alibaba.android.rimet", .8, 2, .1), ("us.zoom.videomeetings", .2, .3, 0),
    ("com.oray.sunlogin.application", .2, .4, .05), ("com.teamviewer.teamviewer.market.mobile", .05, .1, 0),
    ("com.hicorenational.antifraud", .8, 1.5, 1), ("com.jd.jrapp", .4, .8, .1), ("com.lexin.fenqile", .6, .4, 0),
    ("com.webank.wemoney", .3, .5, .1), ("com.duxiaoman.finance", .2, .4, .1), ("com.eg.android.AlipayGphone", .5, .8, .5),
    ("com.hexin.plat.android", .3, 1, .6), ("com.eastmoney.android.berlin", .2, .8, .5), ("cn.futu.trader", .2, .4, 0),
    ("com.binance.dev", .15, .05, 0), ("com.okinc.okex.gp", .1, .03, 0), ("com.p1.mobile.putong", .6, .3, 0),
    ("cn.soulapp.android", .8, .2, 0), ("com.jiayuan.app", .1, .3, .05), ("com.zhenai.android", .1, .3, .05),
    ("com.v2ray.ang", .3, .1, 0), ("com.github.kr328.clash", .2, .1, 0), ("com.ximalaya.ting.android", .3, .6, .6),
    ("com.tencent.qqlive", 1, 1, 1), ("com.qiyi.video", 1, 1, 1), ("com.dragon.read", .5, 1, 1.5),
    ("com.kugou.android", 1, .5, .3), ("com.ss.android.article.lite", .3, 1, 2.5), ("com.ss.android.ugc.aweme.lite", .5, 1.5, 3),
    ("com.kuaishou.nebula", .5, 1.5, 3), ("com.MobileTicket", .5, .5, .2), ("com.sinovatech.unicom.ui", .2, .5, .5),
    ("com.greenpoint.android.mc10086.activity", .2, .5, .8), ("cn.gov.tax.its", .1, .5, .1), ("com.tfsmy.app", .2, .6, .3),
    ("com.icbc", .2, .6, .5), ("com.chinamworld.main", .2, .6, .5), ("com.android.bankabc", .2, .5, .5),
    ("cmb.pb", .5, .5, .1), ("com.yitong.mbank.psbc", .1, .3, .6), ("com.tencent.mobileqq", 2, .5, .1),
]
SYL = ["xin", "hao", "tian", "yun", "jia", "mei", "long", "feng", "shu", "cheng", "rong", "jin", "da", "xiao",
       "bao", "le", "kang", "fu", "hua", "ming", "shan", "hui", "zhi", "tong", "an", "bei", "qi", "wan",
       "guo", "min", "sheng", "yi", "you", "ke", "ji", "xing", "pin", "tao", "wu", "lin", "hong", "lu"]
TLDS = [".com", ".cn", ".com.cn", ".net", ".top", ".xyz", ".vip", ".cc", ".site", ".shop", ".org", ".club"]
TLD_W = np.array([50, 20, 8, 5, 5, 3, 2, 2, 2, 2, 1, 1], float)


def rand_name(rng, k=None):
    k = k or int(rng.integers(2, 4))
    return "".join(SYL[int(rng.integers(len(SYL)))] for _ in range(k))


def build_catalog(seed, W, S):
    rng = stream(seed, "catalog")
    W.dom_idx = np.array([S.add(d[0]) for d in HEAD_DOMAINS])
    W.dom_w = np.array([d[1:] for d in HEAD_DOMAINS], float).T     # 3 x n
    tail = set()
    while len(tail) < 1500:
        tld = TLDS[int(rng.choice(len(TLDS), p=TLD_W / TLD_W.sum()))]
        nm = rand_name(rng) + (str(int(rng.integers(10, 99))) if rng.random() < .1 else "")
        if rng.random() < .15:
            nm = rand_name(rng, 1) + "-" + rand_name(rng, 2)
        tail.add(nm + tld)
    W.tail_dom = np.array([S.add(d) for d in sorted(tail)])
    rng.shuffle(W.tail_dom)
    W.app_idx = np.array([S.add(a[0]) for a in HEAD_APPS])
    W.app_w = np.array([a[1:] for a in HEAD_APPS], float).T
    tail = set()
    while len(tail) < 600:
        tail.add("com." + rand_name(rng, 2) + "." + rand_name(rng, 1 + int(rng.random() < .5)))
    W.tail_app = np.array([S.add(a) for a in sorted(tail)])
    rng.shuffle(W.tail_app)
    W.gray_dom = np.array([S.add(rand_name(rng, 2) + str(int(rng.integers(100, 999))) + [".top", ".cc", ".xyz", ".com"][i % 4])
                           for i in range(20)])
    W.port_dom_idx = np.array([S.add(d) if d else -1 for d in W.port_dom])


def zipf_pick(rng, n, size, a=1.0):
    w = 1.0 / np.arange(1, n + 1) ** a
    c = np.cumsum(w)
    return np.minimum(np.searchsorted(c, rng.random(size) * c[-1]), n - 1)


def day_arrays(rng, rate_per_day, D, weekend_mult=None):
    """rate_per_day: array per entity. Returns entity index and day arrays of events."""
    n = len(rate_per_day)
    lam = np.repeat(rate_per_day[None, :], D, 0)
    if weekend_mult is not None:
        for d in range(D):
            if d % 7 >= 5:
                lam[d] *= weekend_mult
    cnt = rng.poisson(lam)                       # D x n
    tot = cnt.sum()
    day = np.repeat(np.repeat(np.arange(D), n), cnt.ravel())
    ent = np.repeat(np.tile(np.arange(n), D), cnt.ravel())
    return ent, day


# ======================================================================================
# Everyday telecom: contacts graph, calls, SMS, net events
def build_contacts(seed, W):
    rng = stream(seed, "contacts")
    P = W.P
    holders = np.flatnonzero(W.phone1 >= 0)
    seg, age = W.seg, W.age
    lam = np.array([3, 8, 14, 16, 10, 18, 8, 10, 25, 7, 9, 14, 12, 7], float)[seg[holders]]
    k = rng.poisson(lam)
    src = np.repeat(holders, k)
    m = len(src)
    u = rng.random(m)
    dst = holders[rng.integers(0, len(holders), m)]
    # same-district pools
    order = holders[np.argsort(W.dist[holders], kind="stable")]
    dcount = np.bincount(W.dist[order], minlength=ND)
    dstart = np.concatenate([[0], np.cumsum(dcount)[:-1]])
    sd = W.dist[src]
    loc = u < .6
    dst[loc] = order[dstart[sd[loc]] + (rng.random(loc.sum()) * dcount[sd[loc]]).astype(int)]
    # age homophily
    band = np.minimum(age // 6, 16)
    order_a = holders[np.argsort(band[holders], kind="stable")]
    acount = np.bincount(band[order_a], minlength=17)
    astart = np.concatenate([[0], np.cumsum(acount)[:-1]])
    young = np.isin(seg[src], [PUPIL, COLLEGE])
    ah = (rng.random(m) < np.where(young, .55, .2))
    sb = band[src]
    ok = ah & (acount[sb] > 0)
    dst[ok] = order_a[astart[sb[ok]] + (rng.random(ok.sum()) * acount[sb[ok]]).astype(int)]
    key = 1 + rng.random(m)
    # coworkers
    emp = W.employer
    empl = holders[emp[holders] >= 0]
    order_e = empl[np.argsort(emp[empl], kind="stable")]
    ecount = np.bincount(emp[order_e], minlength=W.ne)
    estart = np.concatenate([[0], np.cumsum(ecount)[:-1]])
    kc = rng.poisson(4, len(empl))
    csrc = np.repeat(empl, kc)
    ce = emp[csrc]
    cdst = order_e[estart[ce] + (rng.random(len(csrc)) * ecount[ce]).astype(int)]
    ckey = .8 + rng.random(len(csrc))
    # household
    oh = holders[np.argsort(W.hh[holders], kind="stable")]
    hs, hd = [], []
    for off in range(1, 7):
        a, b = oh[:-off], oh[off:]
        same = W.hh[a] == W.hh[b]
        hs.append(a[same])
        hd.append(b[same])
    hs = np.concatenate(hs)
    hd = np.concatenate(hd)
    hkey = rng.random(len(hs)) * .3
    S_ = np.concatenate([src, dst, csrc, cdst, hs, hd])
    D_ = np.concatenate([dst, src, cdst, csrc, hd, hs])
    K_ = np.concatenate([key, key + rng.random(m) * .5, ckey, ckey + .1, hkey, hkey])
    keep = S_ != D_
    S_, D_, K_ = S_[keep], D_[keep], K_[keep]
    # dedupe keeping the smallest key
    o = np.lexsort((K_, D_, S_))
    S_, D_, K_ = S_[o], D_[o], K_[o]
    first = np.ones(len(S_), bool)
    first[1:] = (S_[1:] != S_[:-1]) | (D_[1:] != D_[:-1])
    S_, D_, K_ = S_[first], D_[first], K_[first]
    dnum = W.phone1[D_]
    # external contacts (family working in Guangdong/Zhejiang, classmates elsewhere)
    le = np.select([age[holders] >= 60, seg[holders] == COLLEGE, age[holders] < 18], [3, 6, 1], 4).astype(float)
    ke = rng.poisson(le)
    esrc = np.repeat(holders, ke)
    edst = W.ext_contacts[zipf_pick(rng, len(W.ext_contacts), len(esrc), .3)]
    ekey = np.where(age[esrc] >= 55, .35 + rng.random(len(esrc)) * .5, 1 + rng.random(len(esrc)))
    S_ = np.concatenate([S_, esrc])
    N_ = np.concatenate([dnum, edst])
    K_ = np.concatenate([K_, ekey])
    o = np.lexsort((K_, S_))
    W.c_src, W.c_num, W.c_key = S_[o], N_[o], K_[o]
    cnt = np.bincount(W.c_src, minlength=P)
    W.c_off = np.concatenate([[0], np.cumsum(cnt)])
    W.c_deg = cnt
    W.ext_edges = (esrc, edst)


def pick_contact(rng, W, persons, skew=2.2):
    deg = W.c_deg[persons]
    r = (deg * rng.random(len(persons)) ** skew).astype(np.int64)
    ok = deg > 0
    out = np.full(len(persons), -1, np.int64)
    out[ok] = W.c_num[W.c_off[persons[ok]] + np.minimum(r[ok], deg[ok] - 1)]
    return out


def answer_and_duration(rng, n, p_ans, median, sigma, cap=10800):
    ans = rng.random(n) < p_ans
    dur = np.clip(lognorm(rng, median, sigma, n), 1, cap).astype(np.int64)
    return np.where(ans, dur, 0)


def everyday_calls(seed, W, E, D):
    rng = stream(seed, "calls")
    P = W.P
    seg, age = W.seg, W.age
    holders = np.flatnonzero(W.phone1 >= 0)
    rate = np.array([.4, 1.4, 2.8, 4.8, 3.4, 6.5, 4, 4.5, 6.5, 2.4, 3.0, 4.2, 4.2, 2.2])[seg[holders]]
    rate = rate * np.exp(rng.normal(-.18, .6, len(holders)))
    wk = np.where(np.isin(seg[holders], [OFFICE, CIVIL, FINANCE]), .65, 1.05)
    ent, day = day_arrays(rng, rate, D, wk)
    pers = holders[ent]
    callee = pick_contact(rng, W, pers)
    ok = callee >= 0
    pers, day, callee = pers[ok], day[ok], callee[ok]
    n = len(pers)
    caller = W.phone1[pers].copy()
    two = (W.phone2[pers] >= 0) & (rng.random(n) < .25)
    caller[two] = W.phone2[pers[two]]
    # older households sometimes ring from the landline
    ll = np.array([W.landline.get(int(h), -1) for h in W.hh[pers]]) if W.landline else np.full(n, -1)
    use_ll = (ll >= 0) & (age[pers] >= 55) & (rng.random(n) < .35)
    caller[use_ll] = ll[use_ll]
    ts = day * DAY + draw_secs(rng, SEG_PROF[seg[pers]])
    med = np.where(age[pers] >= 55, 110, np.where(age[pers] < 18, 60, 70))
    ans = rng.random(n) < .8
    dur = np.where(ans, np.clip(np.exp(rng.normal(np.log(med), 1.1)), 1, 10800).astype(np.int64), 0)
    E.add_calls(ts, caller, callee, dur)
    # redial after no answer
    rd = (~ans) & (rng.random(n) < .4)
    E.add_calls(ts[rd] + rng.integers(40, 600, rd.sum()), caller[rd], callee[rd],
                answer_and_duration(rng, int(rd.sum()), .6, 60, 1.0))
    # callbacks (callee returns a missed call)
    cb = (~ans) & (~rd) & (rng.random(n) < .35)
    E.add_calls(ts[cb] + rng.integers(300, 7200, cb.sum()), callee[cb], caller[cb],
                answer_and_duration(rng, int(cb.sum()), .85, 70, 1.0))
    # external relatives and friends ringing in
    esrc, edst = W.ext_edges
    r = np.where(age[esrc] >= 55, .45, .18)
    e, d = day_arrays(rng, r, D, 1.3)
    m = len(e)
    ts = d * DAY + draw_secs(rng, np.full(m, P_EVENING))
    E.add_calls(ts, edst[e], W.phone1[esrc[e]], answer_and_duration(rng, m, .85, 150, 1.1))
    # residents calling services (bank, operator, 12345 hotline)
    svc_list = np.array(list(W.svc.values()) + list(W.bank_svc))
    ad = holders[age[holders] >= 18]
    e, d = day_arrays(rng, np.full(len(ad), .06), D, .7)
    p = ad[e]
    bank_of = np.array([BANK_IDX[W.A.bank[c]] if c >= 0 else 0 for c in W.card1[p]], np.int64)
    tgt = np.where(rng.random(len(p)) < .5, W.bank_svc[bank_of], svc_list[rng.integers(0, len(svc_list), len(p))])
    E.add_calls(d * DAY + draw_secs(rng, np.full(len(p), P_OFFICE)), W.phone1[p], tgt,
                answer_and_duration(rng, len(p), .93, 200, .8))
    # banks / insurers / operator calling customers (marketing, card activation)
    e, d = day_arrays(rng, np.full(len(ad), .02), D, .3)
    p = ad[e]
    src = np.where(rng.random(len(p)) < .6, W.bank_svc[rng.integers(0, len(W.bank_svc), len(p))],
                   np.array([W.svc["95511"], W.svc["95519"], W.svc["10086"], W.svc["10010"]])[rng.integers(0, 4, len(p))])
    E.add_calls(d * DAY + draw_secs(rng, np.full(len(p), P_OFFICE)), src, W.phone1[p],
                answer_and_duration(rng, len(p), .55, 45, .8))
    # delivery riders / ride-hailing drivers via privacy relay numbers
    rr = np.where((age[holders] >= 16) & (age[holders] < 50), .35, .12)
    e, d = day_arrays(rng, rr, D, 1.15)
    p = holders[e]
    relay = W.relay[rng.integers(0, len(W.relay), len(p))]
    ts = d * DAY + draw_secs(rng, np.full(len(p), P_MEAL))
    E.add_calls(ts, relay, W.phone1[p], answer_and_duration(rng, len(p), .85, 25, .7))
    e, d = day_arrays(rng, rr * .3, D, 1.15)
    p = holders[e]
    E.add_calls(d * DAY + draw_secs(rng, np.full(len(p), P_MEAL)), W.phone1[p],
                W.relay[rng.integers(0, len(W.relay), len(p))], answer_and_duration(rng, len(p), .9, 35, .7))
    # couriers calling recipients in their district
    cour = np.flatnonzero((seg == COURIER) & (W.phone1 >= 0))
    if len(cour):
        e, d = day_arrays(rng, np.exp(rng.normal(np.log(30), .4, len(cour))), D, .8)
        c = cour[e]
        ph = np.where(W.phone2[c] >= 0, W.phone2[c], W.phone1[c])
        order = holders[np.argsort(W.dist[holders], kind="stable")]
        dcount = np.bincount(W.dist[order], minlength=ND)
        dstart = np.concatenate([[0], np.cumsum(dcount)[:-1]])
        dd = W.dist[c]
        tgtp = order[dstart[dd] + (rng.random(len(c)) * dcount[dd]).astype(int)]
        far = rng.random(len(c)) < .2
        tgtp[far] = holders[rng.integers(0, len(holders), far.sum())]
        E.add_calls(d * DAY + draw_secs(rng, np.full(len(c), P_OFFICE)) + rng.integers(-3600, 3600, len(c)),
                    ph, W.phone1[tgtp], answer_and_duration(rng, len(c), .75, 22, .6))
    # insurance agents (long calls, older clients, repeat) and realty agents (many short)
    for i, kind in W.sales_kind.items():
        if W.phone1[i] < 0:
            continue
        ph = W.phone2[i] if W.phone2[i] >= 0 else W.phone1[i]
        if kind == "insurance":
            cand = holders[(age[holders] >= 35)]
            clients = cand[rng.integers(0, len(cand), int(rng.integers(40, 150)))]
            n = int(rng.poisson(12 * D))
            cl = clients[zipf_pick(rng, len(clients), n, .7)]
            d = rng.integers(0, D, n)
            E.add_calls(d * DAY + draw_secs(rng, np.full(n, P_OFFICE)), np.full(n, ph), W.phone1[cl],
                        answer_and_duration(rng, n, .6, 200, 1.0, 5400))
        else:
            n = int(rng.poisson(22 * D))
            cand = holders[(age[holders] >= 24) & (age[holders] < 62)]
            cl = cand[rng.integers(0, len(cand), n)]
            d = rng.integers(0, D, n)
            E.add_calls(d * DAY + draw_secs(rng, np.full(n, P_WORK)), np.full(n, ph), W.phone1[cl],
                        answer_and_duration(rng, n, .5, 35, .9))
    # telemarketers (loans, courses, property, broadband): many strangers, many hang-ups
    cand = holders[(age[holders] >= 20) & (age[holders] < 68)]
    sc = W.P / 20000
    e, d = day_arrays(rng, np.exp(rng.normal(np.log(110), .5, len(W.telemkt))), D, .35)
    n = len(e)
    cl = cand[rng.integers(0, len(cand), n)]
    ans = rng.random(n) < .35
    dur = np.where(rng.random(n) < .6, rng.integers(2, 15, n), np.clip(lognorm(rng, 60, .8, n), 15, 900).astype(np.int64))
    E.add_calls(d * DAY + draw_secs(rng, np.full(n, P_OFFICE)), W.telemkt[e], W.phone1[cl], np.where(ans, dur, 0))
    # debt collectors: debtors get hammered, some of their contacts too
    debt = np.flatnonzero(W.debtor & (W.phone1 >= 0))
    if len(debt):
        e, d = day_arrays(rng, np.full(len(debt), 2.5), D, .6)
        n = len(e)
        E.add_calls(d * DAY + draw_secs(rng, np.full(n, P_WORK)), W.collectors[rng.integers(0, len(W.collectors), n)],
                    W.phone1[debt[e]], answer_and_duration(rng, n, .3, 70, .8))
        harass = debt[rng.random(len(debt)) < .3]
        if len(harass):
            vict = pick_contact(rng, W, np.repeat(harass, 3), 1.0)
            vict = vict[vict >= 0]
            e, d = day_arrays(rng, np.full(len(vict), .4), D, .6)
            n = len(e)
            E.add_calls(d * DAY + draw_secs(rng, np.full(n, P_WORK)), W.collectors[rng.integers(0, len(W.collectors), n)],
                        vict[e], answer_and_duration(rng, n, .55, 40, .8))
    # overseas relatives (students abroad, workers in Cambodia/Malaysia, emigrated children)
    rel = holders[age[holders] >= 40]
    links = []
    for o in W.overseas:
        for _ in range(1 + int(rng.random() < .4)):
            links.append((o, rel[int(rng.integers(len(rel)))]))
    lo = np.array([l[0] for l in links])
    lp = np.array([l[1] for l in links])
    e, d = day_arrays(rng, np.full(len(lo), .3), D, 1.4)
    n = len(e)
    E.add_calls(d * DAY + draw_secs(rng, np.full(n, P_EVENING)), lo[e], W.phone1[lp[e]],
                answer_and_duration(rng, n, .8, 700, .8, 7200))
    e, d = day_arrays(rng, np.full(len(lo), .12), D, 1.4)
    n = len(e)
    E.add_calls(d * DAY + draw_secs(rng, np.full(n, P_EVENING)), W.phone1[lp[e]], lo[e],
                answer_and_duration(rng, n, .7, 500, .8, 7200))
    W.overseas_links = (lo, lp)
    # a son or niece working away switched to a new SIM: new number, long calls with an older parent
    old = holders[age[holders] >= 58]
    k = max(3, int(len(old) * .03))
    par = old[rng.choice(len(old), size=k, replace=False)]
    N = W.N
    newn = np.array([N.add(N.fresh(rng, MOBILE_PREFIX), "mobile", -1,
                           -int(rng.integers(HOUR, 12 * DAY)) if rng.random() < .5 else None) for _ in range(k)])
    first = rng.integers(0, max(1, D - 1), k)
    for j in range(k):
        n = int(rng.integers(1, 2 * D))
        d = np.minimum(first[j] + rng.integers(0, D, n), D - 1)
        inb = rng.random(n) < .7
        E.add_calls(d * DAY + draw_secs(rng, np.full(n, P_EVENING)), np.where(inb, newn[j], W.phone1[par[j]]),
                    np.where(inb, W.phone1[par[j]], newn[j]), answer_and_duration(rng, n, .9, 900, .8, 7200))
    # recruiters ringing students and young jobseekers (summer jobs)
    yj = holders[(age[holders] >= 17) & (age[holders] < 30)]
    e, d = day_arrays(rng, np.full(len(W.recruiters), 30.0), D, .5)
    n = len(e)
    E.add_calls(d * DAY + draw_secs(rng, np.full(n, P_OFFICE)), W.recruiters[e], W.phone1[yj[rng.integers(0, len(yj), n)]],
                answer_and_duration(rng, n, .7, 100, .8))


def everyday_sms(seed, W, E, D):
    rng = stream(seed, "sms")
    age = W.age
    holders = np.flatnonzero(W.phone1 >= 0)
    smart = W.smart[holders]
    # verification codes from 106 ports
    r = np.where(smart, np.where(age[holders] < 40, 3.2, np.where(age[holders] < 60, 2.2, .9)), .2)
    e, d = day_arrays(rng, r * np.exp(rng.normal(0, .5, len(holders))), D)
    n = len(e)
    pw = W.port_w / W.port_w.sum()
    port = rng.choice(len(W.ports), size=n, p=pw)
    E.add_sms(d * DAY + draw_secs(rng, SEG_PROF[W.seg[holders[e]]]), W.ports[port], W.phone1[holders[e]], np.full(n, -1))
    # marketing / notices with links
    e, d = day_arrays(rng, np.full(len(holders), 1.6), D, 1.2)
    n = len(e)
    port = rng.choice(len(W.ports), size=n, p=pw)
    dom = W.port_dom_idx[port]
    dom = np.where(rng.random(n) < .7, dom, -1)
    E.add_sms(d * DAY + draw_secs(rng, np.full(n, P_WORK)), W.ports[port], W.phone1[holders[e]], dom)
    # person to person
    e, d = day_arrays(rng, np.where(age[holders] >= 50, .35, .15), D)
    p = holders[e]
    rc = pick_contact(rng, W, p)
    ok = rc >= 0
    p, d, rc = p[ok], d[ok], rc[ok]
    n = len(p)
    share = np.array([W.dom_idx[[d_[0] for d_ in HEAD_DOMAINS].index(x)] for x in
                      ["m.tb.cn", "v.douyin.com", "b23.tv", "t.cn", "weixin.qq.com"]])
    dom = np.where(rng.random(n) < .06, share[rng.integers(0, len(share), n)], -1)
    E.add_sms(d * DAY + draw_secs(rng, SEG_PROF[W.seg[p]]), W.phone1[p], rc, dom)
    # gray spam senders (fake invoices, gambling and loan ads): bulk, not a fraud ring
    e, d = day_arrays(rng, np.full(len(W.spammers), 300.0 * max(W.P / 20000, .15) / max(len(W.spammers) / 8, .25)), D)
    n = len(e)
    rcp = holders[rng.integers(0, len(holders), n)]
    dom = np.where(rng.random(n) < .5, W.gray_dom[rng.integers(0, len(W.gray_dom), n)], -1)
    E.add_sms(d * DAY + draw_secs(rng, np.full(n, P_WORK)), W.spammers[e], W.phone1[rcp], dom)
    # heat-wave warning broadcast (Wednesday afternoon)
    if D >= 3:
        rc = holders[rng.random(len(holders)) < .92]
        E.add_sms(2 * DAY + 14 * HOUR + rng.integers(0, 5400, len(rc)), np.full(len(rc), W.emergency),
                  W.phone1[rc], np.full(len(rc), -1))


def everyday_net(seed, W, E, D):
    rng = stream(seed, "net")
    age = W.age
    sm = np.flatnonzero(W.smart & (W.phone1 >= 0))
    a = age[sm]
    grp = np.where(a < 30, 0, np.where(a < 58, 1, 2))
    r = np.select([a < 18, a < 23, a < 36, a < 58], [24, 28, 20, 13], 5) * np.exp(rng.normal(-.2, .7, len(sm)))
    e, d = day_arrays(rng, r, D, 1.15)
    p = sm[e]
    g = grp[e]
    n = len(p)
    tgt = np.empty(n, np.int64)
    tail = rng.random(n) < .18
    tgt[tail] = W.tail_dom[zipf_pick(rng, len(W.tail_dom), int(tail.sum()), 1.05)]
    for gi in range(3):
        m = (~tail) & (g == gi)
        w = W.dom_w[gi] / W.dom_w[gi].sum()
        tgt[m] = W.dom_idx[rng.choice(len(w), size=int(m.sum()), p=w)]
    ts = d * DAY + draw_secs(rng, SEG_PROF[W.seg[p]])
    E.add_net(ts, W.phone1[p], np.ones(n, np.int64), tgt)
    # app installs
    r = np.select([a < 18, a < 30, a < 58], [.16, .12, .05], .015)
    r = r * np.where(W.gamer[sm], 1.6, 1)
    e, d = day_arrays(rng, r, D, 1.3)
    p = sm[e]
    g = grp[e]
    n = len(p)
    tgt = np.empty(n, np.int64)
    tail = rng.random(n) < .2
    tgt[tail] = W.tail_app[zipf_pick(rng, len(W.tail_app), int(tail.sum()), 1.0)]
    for gi in range(3):
        m = (~tail) & (g == gi)
        w = W.app_w[gi] / W.app_w[gi].sum()
        tgt[m] = W.app_idx[rng.choice(len(w), size=int(m.sum()), p=w)]
    E.add_net(d * DAY + draw_secs(rng, SEG_PROF[W.seg[p]]), W.phone1[p], np.zeros(n, np.int64), tgt)
    # dating-app users keep visiting dating sites
    dat = np.flatnonzero(W.dater & W.smart & (W.phone1 >= 0))
    e, d = day_arrays(rng, np.full(len(dat), 1.5), D)
    n = len(e)
    dd = np.array([W.dom_idx[[x[0] for x in HEAD_DOMAINS].index(s)] for s in ["jiayuan.com", "zhenai.com", "soulapp.cn"]])
    E.add_net(d * DAY + draw_secs(rng, np.full(n, P_EVENING)), W.phone1[dat[e]], np.ones(n, np.int64),
              dd[rng.integers(0, 3, n)])


# ======================================================================================
# Everyday money
CAT = {n: i for i, n in enumerate([
    "qr", "online_shop", "till_settle", "red_packet", "topup", "payroll", "rent", "utility", "loan_out",
    "loan_repay", "pension", "cash_out", "house", "car", "hospital", "tuition", "gift", "groupbuy_in",
    "groupbuy_out", "daigou_in", "daigou_out", "otc_in", "otc_out", "gold", "game_trade", "self_move",
    "wm_buy", "wm_redeem", "family", "supplier", "customer_in", "gig_pay", "xianyu", "cash_in",
    "mortgage", "ext_in", "gold_sell", "ring", "ring_launder", "ring_rebate", "victim_self", "victim_loan"])}


def payer_acc(rng, W, p, wallet_pref=.62):
    u = rng.random(len(p))
    wx, ali, c1 = W.wx[p], W.ali[p], W.card1[p]
    out = np.where((u < wallet_pref) & (wx >= 0), wx, -1)
    out = np.where((out < 0) & (u < .93) & (ali >= 0), ali, out)
    out = np.where(out < 0, np.where(c1 >= 0, c1, np.where(wx >= 0, wx, ali)), out)
    return out


def chan_for(W, acc, rng=None, counter_p=None):
    bank = W.acc_is_wallet[np.maximum(acc, 0)]
    ch = np.where(bank, CH["third_party"], CH["mobile"])
    return ch


def everyday_money(seed, W, E, D):
    rng = stream(seed, "money")
    P, age, seg = W.P, W.age, W.seg
    A = W.A
    dates = [START + timedelta(days=d) for d in range(D)]
    dom_of = np.array([dt.day for dt in dates])
    wd_of = np.array([dt.weekday() for dt in dates])
    has_acc = (W.card1 >= 0) | (W.wx >= 0) | (W.ali >= 0)
    spend = np.flatnonzero(has_acc & (age >= 12))
    a = age[spend]
    # --- QR payments at neighbourhood shops
    r = np.select([a < 18, a < 60], [.9, 2.2], 1.1) * np.exp(rng.normal(-.1, .45, len(spend)))
    e, d = day_arrays(rng, r, D, 1.15)
    p = spend[e]
    n = len(p)
    tills = W.tills
    tdist = W.dist[tills]
    o = np.argsort(tdist, kind="stable")
    tills_s = tills[o]
    tc = np.bincount(tdist, minlength=ND)
    ts0 = np.concatenate([[0], np.cumsum(tc)[:-1]])
    pd_ = W.dist[p]
    pop = rng.random(n) ** 1.7
    to = np.full(n, W.corp["chain_grocery"], np.int64)
    has_t = tc[pd_] > 0
    loc = has_t & (rng.random(n) < .85)
    to[loc] = W.till[tills_s[ts0[pd_[loc]] + (pop[loc] * tc[pd_[loc]]).astype(int)]]
    chain = ~loc & (rng.random(n) < .5)
    to[chain] = W.corp["chain_pharmacy"]
    frm = payer_acc(rng, W, p)
    amt = lognorm(rng, 24, .9, n)
    cents = np.where(rng.random(n) < .5, to_cents(amt, 1), to_cents(amt, .01))
    ts = d * DAY + draw_secs(rng, np.full(n, P_MEAL))
    E.add_tr(ts, frm, to, cents, chan_for(W, frm), CAT["qr"])
    # --- T+1 settlement of shop tills to the owner's card (early morning)
    is_till = np.zeros(len(A), bool)
    is_till[W.till[tills]] = True
    m = is_till[to]
    key = to[m] * D + d[m]
    tot = np.bincount(key, weights=cents[m])
    nz = np.flatnonzero(tot > 0)
    till_acc, tday = nz // D, nz % D
    owner = W.acc_holder[till_acc]
    dst = W.card1[owner]
    ok = dst >= 0
    E.add_tr((tday[ok] + 1) * DAY + rng.integers(HOUR, 4 * HOUR, ok.sum()), till_acc[ok], dst[ok],
             np.floor(tot[nz][ok] * .994).astype(np.int64), CH["third_party"], CAT["till_settle"])
    # merchants also bank their cash takings now and then
    mer = np.flatnonzero((seg == MERCHANT) & (W.card1 >= 0))
    e, d = day_arrays(rng, np.full(len(mer), .25), D, .5)
    n = len(e)
    E.add_tr(d * DAY + draw_secs(rng, np.full(n, P_OFFICE)), np.full(n, -1), W.card1[mer[e]],
             to_cents(lognorm(rng, 3000, .7, n), 100), np.where(rng.random(n) < .6, CH["counter"], CH["atm"]), CAT["cash_in"])
    # --- online shopping
    shops = np.array([W.corp[k] for k in ["taobao", "tmall", "jd", "pdd", "meituan", "douyin_shop", "ctrip", "12306", "didi"]])
    sw = np.array([20, 10, 14, 16, 18, 8, 2, 2, 6], float)
    r = np.select([a < 18, a < 60], [.15, .4], .08)
    e, d = day_arrays(rng, r, D, 1.2)
    p = spend[e]
    n = len(p)
    frm = payer_acc(rng, W, p, .5)
    E.add_tr(d * DAY + draw_secs(rng, SEG_PROF[seg[p]]), frm, shops[rng.choice(len(shops), size=n, p=sw / sw.sum())],
             to_cents(lognorm(rng, 70, 1.0, n), .01), chan_for(W, frm), CAT["online_shop"])
    # --- red packets and small transfers between contacts
    hold = np.flatnonzero((W.phone1 >= 0) & has_acc & (age >= 14))
    e, d = day_arrays(rng, np.where(age[hold] >= 60, .12, .25), D, 1.6)
    p = hold[e]
    rc = pick_contact(rng, W, p, 1.8)
    rp = np.where(rc >= 0, W.num_holder[np.maximum(rc, 0)], -1)
    ok = rp >= 0
    p, d, rp = p[ok], d[ok], rp[ok]
    dst = np.where(W.wx[rp] >= 0, W.wx[rp], np.where(W.ali[rp] >= 0, W.ali[rp], W.card1[rp]))
    ok = dst >= 0
    p, d, dst = p[ok], d[ok], dst[ok]
    n = len(p)
    fixed = np.array([6.66, 8.88, 10, 20, 50, 66, 88, 100, 168, 200, 520, 1000])
    fw = np.array([6, 8, 6, 10, 14, 8, 8, 12, 3, 8, 2, 2], float)
    amt = np.where(rng.random(n) < .6, fixed[rng.choice(len(fixed), size=n, p=fw / fw.sum())], lognorm(rng, 150, 1.0, n))
    frm = payer_acc(rng, W, p, .85)
    E.add_tr(d * DAY + draw_secs(rng, np.full(n, P_EVENING)), frm, dst, to_cents(amt, .01), chan_for(W, frm), CAT["red_packet"])
    # with relatives/friends outside the city
    ad = np.flatnonzero(has_acc & (age >= 18))
    for direction in (0, 1):
        e, d = day_arrays(rng, np.full(len(ad), .04), D, 1.3)
        p = ad[e]
        n = len(p)
        ext = W.ext_personal[rng.integers(0, len(W.ext_personal), n)]
        own = payer_acc(rng, W, p, .6)
        amt = to_cents(lognorm(rng, 500, 1.0, n), 1)
        ts = d * DAY + draw_secs(rng, np.full(n, P_EVENING))
        if direction == 0:
            E.add_tr(ts, own, ext, amt, chan_for(W, own), CAT["family"])
        else:
            E.add_tr(ts, ext, own, amt, chan_for(W, ext), CAT["ext_in"])
    # --- wallet top-ups and withdrawals (own accounts)
    both = np.flatnonzero((W.card1 >= 0) & ((W.wx >= 0) | (W.ali >= 0)))
    e, d = day_arrays(rng, np.full(len(both), .12), D)
    p = both[e]
    n = len(p)
    wal = np.where(W.wx[p] >= 0, W.wx[p], W.ali[p])
    E.add_tr(d * DAY + draw_secs(rng, SEG_PROF[seg[p]]), W.card1[p], wal, to_cents(lognorm(rng, 300, .9, n), 1), CH["mobile"], CAT["topup"])
    e, d = day_arrays(rng, np.full(len(both), .04), D)
    p = both[e]
    n = len(p)
    wal = np.where(W.wx[p] >= 0, W.wx[p], W.ali[p])
    E.add_tr(d * DAY + draw_secs(rng, SEG_PROF[seg[p]]), wal, W.card1[p], to_cents(lognorm(rng, 900, 1.0, n), .01), CH["third_party"], CAT["topup"])
    # own card to own card (paying a credit card, moving savings): looks like consolidation
    two = np.flatnonzero((W.card1 >= 0) & (W.card2 >= 0))
    e, d = day_arrays(rng, np.full(len(two), .015), D)
    p = two[e]
    n = len(p)
    fw_ = rng.random(n) < .5
    E.add_tr(d * DAY + draw_secs(rng, np.full(n, P_WORK)), np.where(fw_, W.card2[p], W.card1[p]),
             np.where(fw_, W.card1[p], W.card2[p]), to_cents(lognorm(rng, 8000, 1.1, n), 1),
             np.where(rng.random(n) < .85, CH["mobile"], CH["counter"]), CAT["self_move"])
    # --- payroll
    emp_pay = []
    for emp in range(W.ne):
        pd = int(W.emp_payday[emp])
        for d in range(D):
            dt = dates[d]
            due = (dt.day == pd and dt.weekday() < 5) or (dt.weekday() == 4 and pd in (dt.day + 1, dt.day + 2))
            if due:
                emp_pay.append((emp, d))
    staff = np.flatnonzero((W.employer >= 0) & (W.card1 >= 0))
    base = np.select([seg[staff] == OFFICE, seg[staff] == CIVIL, seg[staff] == FINANCE, seg[staff] == SALES], [7500, 7200, 7800, 5200], 4800)
    sal = base * np.exp(rng.normal(0, .38, len(staff)))
    sal = np.where(seg[staff] == SALES, sal * np.exp(rng.normal(0, .5, len(staff))), sal)
    by_emp = {}
    for k, s in enumerate(staff):
        by_emp.setdefault(int(W.employer[s]), []).append(k)
    for emp, d in emp_pay:
        ks = np.array(by_emp.get(emp, []), int)
        if not len(ks):
            continue
        t0 = d * DAY + int(rng.integers(9 * HOUR, 15 * HOUR))
        n = len(ks)
        E.add_tr(t0 + np.sort(rng.integers(0, 1800, n)), np.full(n, W.emp_acc[emp]), W.card1[staff[ks]],
                 to_cents(sal[ks], .01), CH["online"], CAT["payroll"])
        # the employer's own funding arrives before payday
        E.add_tr(np.array([t0 - int(rng.integers(HOUR, 20 * HOUR))]), np.array([-1]), np.array([W.emp_acc[emp]]),
                 np.array([int(to_cents(sal[ks].sum() * 1.05, 1)[()])]), CH["online"], CAT["customer_in"])
    # employers trade: customers pay in, suppliers paid out (weekdays)
    suppliers = np.array([W.corp[k] for k in ["wholesale1", "wholesale2", "wholesale3", "wholesale_ext", "taobao", "jd"]] + list(W.emp_acc))
    e, d = day_arrays(rng, np.exp(rng.normal(0, .8, W.ne)) * 1.2, D, .1)
    n = len(e)
    to = suppliers[rng.integers(0, len(suppliers), n)]
    frm = W.emp_acc[e]
    ok = to != frm
    E.add_tr((d * DAY + draw_secs(rng, np.full(n, P_OFFICE)))[ok], frm[ok], to[ok], to_cents(lognorm(rng, 25000, 1.2, n), .01)[ok], CH["online"], CAT["supplier"])
    e, d = day_arrays(rng, np.exp(rng.normal(0, .8, W.ne)) * 1.5, D, .2)
    n = len(e)
    E.add_tr(d * DAY + draw_secs(rng, np.full(n, P_OFFICE)), np.full(n, -1), W.emp_acc[e], to_cents(lognorm(rng, 30000, 1.2, n), .01), CH["online"], CAT["customer_in"])
    # gig workers paid weekly (Tuesday) by platforms
    gig = np.flatnonzero(np.isin(seg, [COURIER, DRIVER]) & (W.card1 >= 0))
    for d in range(D):
        if wd_of[d] == 1 and len(gig):
            n = len(gig)
            src = np.where(seg[gig] == DRIVER, W.corp["didi_driver_pay"],
                           np.where(rng.random(n) < .6, W.corp["meituan_rider_pay"], W.corp["sf_courier_pay"]))
            E.add_tr(d * DAY + rng.integers(10 * HOUR, 18 * HOUR, n), src, W.card1[gig],
                     to_cents(lognorm(rng, 1800, .4, n), .01), CH["online"], CAT["gig_pay"])
    # --- pensions: early-morning batch posting (a legitimate 02:00-06:00 pattern)
    ret = np.flatnonzero(((age >= 60) | ((age >= 55) & (W.sex == 1))) & (W.card1 >= 0) & np.isin(seg, [RETIREE, FARMER, HOME, MERCHANT]))
    urb_pension = W.urban[ret] & (rng.random(len(ret)) < .85)
    for d in range(D):
        for flag, day_of_month in ((True, 8), (False, 10)):
            if dom_of[d] != day_of_month:
                continue
            grp = ret[urb_pension == flag]
            n = len(grp)
            amt = lognorm(rng, 3300 if flag else 260, .3 if flag else .4, n)
            ts = d * DAY + rng.integers(2 * HOUR, 6 * HOUR, n)
            E.add_tr(ts, np.full(n, W.social_sec), W.card1[grp], to_cents(amt, .01), CH["online"], CAT["pension"])
            w = rng.random(n) < .4
            k = int(w.sum())
            E.add_tr(ts[w] + rng.integers(3 * HOUR, 3 * DAY, k), W.card1[grp[w]], np.full(k, -1),
                     to_cents(np.minimum(lognorm(rng, 1200, .6, k), amt[w] * 2 + 500), 100),
                     np.where(rng.random(k) < .55, CH["counter"], CH["atm"]), CAT["cash_out"])
    # general ATM withdrawals
    cards = np.flatnonzero(W.card1 >= 0)
    e, d = day_arrays(rng, np.where(age[cards] >= 55, .04, .02), D)
    n = len(e)
    E.add_tr(d * DAY + draw_secs(rng, np.full(n, P_WORK)), W.card1[cards[e]], np.full(n, -1),
             to_cents(lognorm(rng, 800, .8, n), 100), np.where(rng.random(n) < .8, CH["atm"], CH["counter"]), CAT["cash_out"])
    # --- rent
    hh_members = {}
    for i in np.flatnonzero((age >= 18) & (W.card1 >= 0)):
        hh_members.setdefault(int(W.hh[i]), []).append(int(i))
    tenants = [h for h in np.flatnonzero(W.hh_tenant) if int(h) in hh_members]
    lw = 1.0 / np.arange(1, len(W.landlords) + 1) ** .8
    lw /= lw.sum()
    for h in tenants:
        due = int(rng.integers(1, 29))
        quarterly = rng.random() < .15
        if quarterly and rng.random() > .33:
            continue
        for d in range(D):
            if dom_of[d] == due:
                payer = hh_members[h][0]
                amt = float(lognorm(rng, 2100, .35, 1)[0]) * (3 if quarterly else 1)
                ts = (d + int(rng.random() < .2)) * DAY + int(draw_secs(rng, [P_EVENING])[0])
                if rng.random() < .12:
                    dst = W.corp["long_rent"]
                else:
                    ll = int(W.landlords[int(rng.choice(len(W.landlords), p=lw))])
                    dst = W.card1[ll] if W.card1[ll] >= 0 else W.wx[ll]
                    if dst < 0 or ll == payer:
                        continue
                frm = payer_acc(rng, W, np.array([payer]), .4)
                E.add_tr([ts], frm, [dst], to_cents([amt], 1), chan_for(W, frm), CAT["rent"])
    # landlords service mortgages from the rent
    lls = W.landlords[W.card1[W.landlords] >= 0]
    for ll in lls:
        due = int(rng.integers(1, 29))
        for d in range(D):
            if dom_of[d] == due:
                b = BANK_IDX[A.bank[W.card1[ll]]]
                dst = W.wm[BANKS[b][0]] if BANKS[b][0] in W.wm else W.lenders["bocd_consumer"]
                E.add_tr([d * DAY + int(rng.integers(1 * HOUR, 8 * HOUR))], [W.card1[ll]], [dst],
                         to_cents(lognorm(rng, 4500, .5, 1), .01), CH["online"], CAT["mortgage"])
    # --- utilities
    utils = np.array([W.corp[k] for k in ["state_grid", "gas", "water", "telecom_topup"]])
    e, d = day_arrays(rng, np.full(len(ad), .035), D)
    p = ad[e]
    n = len(p)
    frm = payer_acc(rng, W, p, .5)
    E.add_tr(d * DAY + draw_secs(rng, SEG_PROF[seg[p]]), frm, utils[rng.integers(0, 4, n)], to_cents(lognorm(rng, 110, .7, n), .01), chan_for(W, frm), CAT["utility"])
    # --- licensed consumer loans: disbursements and repayments
    bor = np.flatnonzero(W.borrower & (W.card1 >= 0))
    lend = np.array(W.lender_list)
    e, d = day_arrays(rng, np.full(len(bor), .012), D)
    n = len(e)
    E.add_tr(d * DAY + draw_secs(rng, np.full(n, P_WORK)), lend[rng.integers(0, len(lend), n)], W.card1[bor[e]],
             to_cents(lognorm(rng, 5000, .8, n), 100), CH["online"], CAT["loan_out"])
    due = rng.integers(1, 29, len(bor))
    bl = rng.integers(0, len(lend), len(bor))
    for d in range(D):
        m = (due == dom_of[d]) & ~(W.debtor[bor] & (rng.random(len(bor)) < .8))
        n = int(m.sum())
        E.add_tr(d * DAY + rng.integers(6 * HOUR, 23 * HOUR, n), W.card1[bor[m]], lend[bl[m]],
                 to_cents(lognorm(rng, 950, .6, n), .01), CH["online"], CAT["loan_repay"])
    # --- big first-time payments to strangers that are legitimate
    sc = P / 20000 * D / 7
    cand = np.flatnonzero((age >= 26) & (age < 70) & (W.card1 >= 0))

    def big(n, dst_fn, med, sigma, cat, prof=P_OFFICE, consolidate=.0):
        if n <= 0:
            return
        p = cand[rng.integers(0, len(cand), n)]
        d = rng.integers(0, D, n)
        ts = d * DAY + draw_secs(rng, np.full(n, prof))
        amt = to_cents(lognorm(rng, med, sigma, n), 1)
        dst = dst_fn(n)
        ch = rng.choice([CH["mobile"], CH["online"], CH["counter"]], size=n, p=[.5, .2, .3])
        con = (rng.random(n) < consolidate) & (W.card2[p] >= 0)
        k = int(con.sum())
        E.add_tr(ts[con] - rng.integers(HOUR, 2 * DAY, k), W.card2[p[con]], W.card1[p[con]],
                 (amt[con] * rng.uniform(.4, 1.0, k)).astype(np.int64) // 100 * 100, CH["mobile"], CAT["self_move"])
        E.add_tr(ts, W.card1[p], dst, amt, ch, cat)

    seller_pool = np.concatenate([W.card1[cand], W.ext_personal])
    big(rng.poisson(22 * sc), lambda n: np.where(rng.random(n) < .5, rng.choice([W.corp["realty_agency1"], W.corp["realty_agency2"], W.corp["developer1"], W.corp["developer2"]], n),
                                                 seller_pool[rng.integers(0, len(seller_pool), n)]), 80000, .7, CAT["house"], consolidate=.6)
    big(rng.poisson(14 * sc), lambda n: rng.choice([W.corp["car_dealer1"], W.corp["car_dealer2"], W.corp["car_dealer3"]], n), 60000, .6, CAT["car"], consolidate=.4)
    big(rng.poisson(70 * sc), lambda n: rng.choice([W.corp["hospital_w"], W.corp["hospital_h"], W.corp["hospital_3"], W.corp["hospital_dist"]], n), 6000, 1.0, CAT["hospital"], P_WORK, .2)
    big(rng.poisson(110 * sc), lambda n: rng.choice([W.corp["school_train1"], W.corp["school_train2"], W.corp["school_train3"]], n), 3800, .6, CAT["tuition"], P_EVENING)
    big(rng.poisson(30 * sc), lambda n: seller_pool[rng.integers(0, len(seller_pool), n)], 15000, .8, CAT["gift"], P_EVENING)
    # --- group-buy leaders (团长): neighbours pay in small sums, supplier paid the same afternoon
    for gl in W.groupbuy:
        acc = W.wx[gl] if W.wx[gl] >= 0 else (W.ali[gl] if W.ali[gl] >= 0 else W.card1[gl])
        if acc < 0:
            continue
        pool = hold[W.dist[hold] == W.dist[gl]]
        if len(pool) < 5:
            pool = hold
        cust = pool[rng.integers(0, len(pool), int(rng.integers(30, 90)))]
        for d in range(D):
            n = int(rng.poisson(14))
            if not n:
                continue
            c = cust[rng.integers(0, len(cust), n)]
            frm = payer_acc(rng, W, c, .9)
            amt = to_cents(lognorm(rng, 36, .7, n), .01)
            ts = d * DAY + rng.integers(7 * HOUR, 12 * HOUR, n)
            ok = frm != acc
            E.add_tr(ts[ok], frm[ok], np.full(int(ok.sum()), acc), amt[ok], chan_for(W, frm[ok]), CAT["groupbuy_in"])
            sup = [W.corp["wholesale1"], W.corp["wholesale2"], W.corp["wholesale_ext"]][int(rng.integers(3))]
            E.add_tr([d * DAY + int(rng.integers(13 * HOUR, 17 * HOUR))], [acc], [sup],
                     [max(100, int(amt[ok].sum() * rng.uniform(.82, .92)))], chan_for(W, np.array([acc])), CAT["groupbuy_out"])
    # --- daigou / WeChat resellers
    for dg in W.daigou:
        acc = W.wx[dg] if W.wx[dg] >= 0 else W.card1[dg]
        if acc < 0:
            continue
        for d in range(D):
            n = int(rng.poisson(5))
            if n:
                frm = np.where(rng.random(n) < .6, W.ext_personal[rng.integers(0, len(W.ext_personal), n)],
                               payer_acc(rng, W, hold[rng.integers(0, len(hold), n)], .9))
                amt = to_cents(lognorm(rng, 600, .8, n), .01)
                ok = frm != acc
                E.add_tr((d * DAY + draw_secs(rng, np.full(n, P_EVENING)))[ok], frm[ok], np.full(int(ok.sum()), acc), amt[ok],
                         chan_for(W, frm[ok]), CAT["daigou_in"])
                if d % 2 == 1:
                    E.add_tr([d * DAY + int(rng.integers(10 * HOUR, 22 * HOUR))], [acc],
                             [W.corp["supplier_daigou1" if rng.random() < .5 else "supplier_daigou2"]],
                             [max(100, int(amt.sum() * 1.6))], chan_for(W, np.array([acc])), CAT["daigou_out"])
    # --- OTC USDT dealers (gray but not a fraud ring): big sums in and out, all hours
    for od in W.otc:
        accs = [x for x in (W.card1[od], W.card2[od]) if x >= 0]
        if not accs:
            continue
        for d in range(D):
            n = int(rng.poisson(9))
            if not n:
                continue
            acc = np.array(accs)[rng.integers(0, len(accs), n)]
            amt = to_cents(np.minimum(lognorm(rng, 12000, .9, n), 200000), 1)
            ts = d * DAY + draw_secs(rng, np.full(n, P_NIGHT))
            E.add_tr(ts, W.ext_personal[rng.integers(0, len(W.ext_personal), n)], acc, amt, CH["mobile"], CAT["otc_in"])
            out_ext = rng.random(n) < .6
            tt = ts + rng.integers(5 * MIN, 6 * HOUR, n)
            E.add_tr(tt, acc, np.where(out_ext, W.ext_personal[rng.integers(0, len(W.ext_personal), n)], -1),
                     (amt * rng.uniform(.9, 1.1, n)).astype(np.int64) // 100 * 100,
                     np.where(out_ext, CH["mobile"], CH["crypto_otc"]), CAT["otc_out"])
    # --- gold buying (summer gold rush among aunties) and gold recycling
    gs = np.array(W.gold_shops)
    buyers = np.flatnonzero((age >= 40) & (age < 78) & (W.card1 >= 0))
    e, d = day_arrays(rng, np.where(W.sex[buyers] == 1, .002, .0007), D, 1.8)
    p = buyers[e]
    n = len(p)
    E.add_tr(d * DAY + draw_secs(rng, np.full(n, P_WORK)), W.card1[p], gs[rng.integers(0, len(gs), n)],
             to_cents(lognorm(rng, 7000, .7, n), 1), np.where(rng.random(n) < .7, CH["mobile"], CH["counter"]), CAT["gold"])
    gb = W.goldbug[W.card1[W.goldbug] >= 0]
    e, d = day_arrays(rng, np.full(len(gb), .45), D)
    n = len(e)
    E.add_tr(d * DAY + draw_secs(rng, np.full(n, P_WORK)), W.card1[gb[e]], gs[rng.integers(0, len(gs), n)],
             to_cents(lognorm(rng, 12000, .6, n), 1), CH["mobile"], CAT["gold"])
    e, d = day_arrays(rng, np.full(len(buyers), .0005), D)
    n = len(e)
    E.add_tr(d * DAY + draw_secs(rng, np.full(n, P_WORK)), gs[rng.integers(0, len(gs), n)], W.card1[buyers[e]],
             to_cents(lognorm(rng, 6000, .6, n), .01), CH["mobile"], CAT["gold_sell"])
    # --- game trading between players (summer): platform escrow or direct to strangers
    gm = np.flatnonzero(W.gamer & has_acc)
    e, d = day_arrays(rng, np.full(len(gm), .07), D, 1.4)
    p = gm[e]
    n = len(p)
    mode = rng.random(n)
    own = payer_acc(rng, W, p, .8)
    ext = W.ext_personal[rng.integers(0, len(W.ext_personal), n)]
    plat = np.where(rng.random(n) < .6, W.corp["game_trade_jym"], W.corp["game_trade_pxb"])
    amt = to_cents(np.minimum(lognorm(rng, 150, 1.0, n), 8000), 1)
    ts = d * DAY + draw_secs(rng, np.full(n, P_STUDENT))
    frm = np.where(mode < .5, own, np.where(mode < .75, own, np.where(mode < .9, plat, ext)))
    to = np.where(mode < .5, plat, np.where(mode < .75, ext, own))
    E.add_tr(ts, frm, to, amt, chan_for(W, frm), CAT["game_trade"])
    W.game_p2p = (ts[(mode >= .5) & (mode < .75)], p[(mode >= .5) & (mode < .75)], to[(mode >= .5) & (mode < .75)],
                  amt[(mode >= .5) & (mode < .75)])
    # second-hand sales
    yg = np.flatnonzero((age >= 18) & (age < 45) & (W.ali >= 0))
    e, d = day_arrays(rng, np.full(len(yg), .015), D)
    n = len(e)
    E.add_tr(d * DAY + draw_secs(rng, np.full(n, P_EVENING)), np.full(n, W.corp["xianyu_escrow"]), W.ali[yg[e]],
             to_cents(lognorm(rng, 150, 1.0, n), .01), CH["third_party"], CAT["xianyu"])
    # --- wealth management, stock accounts
    inv = np.flatnonzero((age >= 30) & (age < 75) & (W.card1 >= 0))
    for cat, rate in (("wm_buy", .008), ("wm_redeem", .005)):
        e, d = day_arrays(rng, np.full(len(inv), rate), D, .1)
        p = inv[e]
        n = len(p)
        bk = np.array([A.bank[c] for c in W.card1[p]])
        wm = np.array([W.wm.get(b, W.corp["fund_ant"]) for b in bk])
        wm = np.where(rng.random(n) < .25, np.array([W.corp["securities1"], W.corp["securities2"], W.corp["fund_tiantian"]])[rng.integers(0, 3, n)], wm)
        amt = to_cents(lognorm(rng, 40000, .9, n), 100)
        ts = d * DAY + draw_secs(rng, np.full(n, P_OFFICE))
        if cat == "wm_buy":
            E.add_tr(ts, W.card1[p], wm, amt, np.where(rng.random(n) < .8, CH["mobile"], CH["counter"]), CAT[cat])
        else:
            E.add_tr(ts, wm, W.card1[p], amt, CH["online"], CAT[cat])


# ======================================================================================
# Fraud rings
# expected engaged targets per day per 20,000 residents, and the chance an engaged target pays
SCAMS = {
    "task_rebate":        (7.0, .55),
    "fake_shopping":      (1.5, .70),
    "game_trading":       (2.0, .60),
    "fake_investment":    (3.0, .60),
    "romance":            (1.4, .55),
    "fake_customer_service": (3.8, .45),
    "fake_credit_repair": (1.0, .45),
    "impersonate_police": (2.4, .40),
    "fake_loan":          (3.3, .55),
    "impersonate_boss":   (2.0, .50),
}
RINGS = [
    dict(name="mekong_tasks", types={"task_rebate": .8, "fake_shopping": 1.0}, call_kinds={"local_sim": .35, "ext_mobile": .4, "virtual": .25},
         call_conc=2, sms_conc=3, life=(1, 3), m1_kinds={"local_rent": .35, "ext_personal": .45, "merchant_qr": .2},
         cash_kinds={"crypto": .6, "atm": .4}, dom_style="task"),
    dict(name="gamer_hunters", types={"task_rebate": .2, "game_trading": 1.0}, call_kinds={"virtual": .5, "ext_mobile": .5},
         call_conc=1, sms_conc=1, life=(2, 4), m1_kinds={"local_rent": .3, "ext_personal": .7}, cash_kinds={"atm": .5, "crypto": .5}, dom_style="game"),
    dict(name="golden_bull", types={"fake_investment": 1.0, "romance": 1.0}, call_kinds={"ext_mobile": .5, "voip": .3, "local_sim": .2},
         call_conc=2, sms_conc=1, life=(2, 5), m1_kinds={"corporate_shell": .45, "ext_personal": .45, "local_rent": .1},
         cash_kinds={"crypto": .5, "gold": .25, "counter": .25}, dom_style="invest"),
    dict(name="refund_desk", types={"fake_customer_service": 1.0, "fake_credit_repair": 1.0}, call_kinds={"voip": .4, "overseas": .25, "virtual": .2, "local_sim": .15},
         call_conc=3, sms_conc=0, life=(1, 2), m1_kinds={"ext_personal": .6, "local_rent": .3, "merchant_qr": .1}, cash_kinds={"atm": .5, "crypto": .5}, dom_style="cs"),
    dict(name="blue_shield", types={"impersonate_police": 1.0}, call_kinds={"overseas": .55, "voip": .45},
         call_conc=2, sms_conc=0, life=(1, 3), m1_kinds={"ext_personal": .7, "corporate_shell": .3}, cash_kinds={"crypto": .7, "counter": .3}, dom_style="police"),
    dict(name="easy_credit", types={"fake_loan": 1.0}, call_kinds={"virtual": .6, "ext_mobile": .4},
         call_conc=1, sms_conc=3, life=(1, 3), m1_kinds={"local_rent": .45, "ext_personal": .55}, cash_kinds={"atm": .7, "crypto": .3}, dom_style="loan"),
    dict(name="new_number_boss", types={"impersonate_boss": 1.0}, call_kinds={"ext_mobile": .6, "local_sim": .4},
         call_conc=1, sms_conc=1, life=(1, 2), m1_kinds={"corporate_shell": .4, "ext_personal": .6}, cash_kinds={"crypto": .5, "gold": .5}, dom_style="boss"),
]
SCAM_CONTACT_HOURS = {  # hour profile for first contact
    "task_rebate": P_EVENING, "fake_shopping": P_EVENING, "game_trading": P_STUDENT, "fake_investment": P_OFFICE,
    "romance": P_EVENING, "fake_customer_service": P_WORK, "fake_credit_repair": P_OFFICE,
    "impersonate_police": P_OFFICE, "fake_loan": P_WORK, "impersonate_boss": P_OFFICE,
}


def scam_fit(W, typ):
    a, s, seg = W.age, W.sex, W.seg
    ok = (W.phone1 >= 0).astype(float)
    f = np.ones(W.P)
    if typ == "task_rebate":
        f = np.select([a < 16, a < 23, a < 36, a < 46], [0, 2.5, 2.5, 1.2], .25) * np.where(s == 1, 1.6, 1) * np.where(seg == HOME, 2, 1)
    elif typ == "fake_shopping":
        f = np.select([a < 16, a < 46], [0, 1.5], .3)
    elif typ == "game_trading":
        f = np.where(W.gamer, 3.0, 0) * np.select([a < 11, a < 18, a < 24], [0, 2.5, 1.5], .3)
    elif typ == "fake_investment":
        f = np.select([a < 28, a < 40, a < 60, a < 72], [.2, 1.5, 2.5, 1.2], .2) * np.clip(W.savings / 50000, .2, 4)
    elif typ == "romance":
        f = np.select([a < 25, a < 56], [.1, 1.0], .1) * np.where(W.hsize == 1, 3, .5) * np.where(W.dater, 5, 1)
    elif typ in ("fake_customer_service", "fake_credit_repair"):
        f = np.select([a < 18, a < 36, a < 50], [.05, 2.0, 1.2], .3)
        if typ == "fake_credit_repair":
            f = f * np.where(W.borrower | (seg == COLLEGE), 3, .5)
    elif typ == "impersonate_police":
        f = np.select([a < 18, a < 32, a < 55, a < 85], [0, 1.5, .5, 1.8], .3) * np.where((a < 32) & (s == 1), 1.5, 1)
    elif typ == "fake_loan":
        f = np.select([a < 20, a < 46], [0, 1.5], .2) * np.where(W.borrower, 3, 1) * np.where(W.savings < 20000, 1.5, .6)
    elif typ == "impersonate_boss":
        f = np.where(seg == FINANCE, 12.0, np.where(seg == MERCHANT, 1.5, np.where((a >= 45) & (a < 80), .6, .05)))
    need_smart = typ in ("task_rebate", "fake_shopping", "game_trading", "fake_investment", "romance", "fake_loan")
    if need_smart:
        ok = ok * W.smart
    return f * ok


class RingSim:
    def __init__(self, seed, W, N, A, S, E, D):
        self.rng = stream(seed, "rings")
        self.W, self.N, self.A, self.S, self.E, self.D = W, N, A, S, E, D
        self.calls, self.sms, self.net, self.tr = [], [], [], []
        self.acc_role = {}          # account -> role
        self.acc_ring = {}
        self.line_role = {}         # number -> 'caller'/'sms_sender'
        self.line_ring = {}
        self.domains, self.apps = {}, {}   # idx -> ring
        self.targets = []           # dicts
        self.used_people = set()
        self.loss_tr = []           # indices into self.tr that are losses
        self.sc = W.P / 20000

    # ---------------- assets
    def new_line(self, ring, kind, t_start, role):
        rng, N, W = self.rng, self.N, self.W
        act = t_start - int(rng.integers(HOUR, 6 * DAY))
        if kind == "local_sim":
            # a SIM bought from a resident (card seller): registered locally
            cands = np.flatnonzero((W.age >= 18) & (W.age < 70) & np.isin(W.seg, [COLLEGE, WORKER, FARMER, HOME, RETIREE]))
            seller = int(cands[int(rng.integers(len(cands)))])
            num = N.add(N.fresh(rng, MOBILE_PREFIX), "mobile", seller, act)
        elif kind == "ext_mobile":
            num = N.add(N.fresh(rng, MOBILE_PREFIX), "mobile", -1, None if rng.random() < .7 else act)
        elif kind == "virtual":
            num = N.add(N.fresh(rng, VIRTUAL_PREFIX), "mobile", -1, None if rng.random() < .5 else act)
        elif kind == "voip":
            area = ["0898", "0871", "0591", "0755", "0769", "0851", "0931"][int(rng.integers(7))]
            num = N.add(N.fresh(rng, [area], 8), "voip", -1, None)
        else:
            cc, L = [("+855", 9), ("+63", 10), ("+95", 9), ("+60", 9), ("+856", 10), ("+84", 9), ("+1", 10)][int(rng.integers(7))]
            num = N.add(cc + str(int(rng.integers(10 ** (L - 1), 10 ** L))), "overseas", -1, None)
        self.line_role[num] = role
        self.line_ring[num] = ring["name"]
        return num

    def setup(self):
        rng, S, D = self.rng, self.S, self.D
        for ring in RINGS:
            ring["lines"] = {"call": [], "sms": []}
            for role, conc in (("call", ring["call_conc"]), ("sms", ring["sms_conc"])):
                for slot in range(conc):
                    t = -int(rng.random() * ring["life"][1] * DAY)
                    while t < (D + 4) * DAY:
                        life = int(rng.uniform(*ring["life"]) * DAY)
                        if role == "call":
                            ks = list(ring["call_kinds"])
                            kind = ks[int(rng.choice(len(ks), p=np.array([ring["call_kinds"][k] for k in ks])))]
                        else:
                            kind = "ext_mobile" if rng.random() < .7 else ("virtual" if rng.random() < .6 else "local_sim")
                        ring["lines"][role].append([t, t + life, None, kind, "caller" if role == "call" else "sms_sender"])
                        t += life + int(rng.integers(0, 8 * HOUR))
            # domains rotate every 2-4 days; apps are steadier
            ring["doms"] = []
            t = -int(rng.random() * 3 * DAY)
            while t < (D + 4) * DAY:
                life = int(rng.uniform(2, 4.5) * DAY)
                ring["doms"].append([t, t + life, self.fraud_domain(ring["dom_style"])])
                t += life
            ring["apps"] = [self.fraud_app(ring["dom_style"]) for _ in range(1 + int(rng.random() < .5))]
            ring["mule1"], ring["mule2"], ring["mule3"], ring["cash"], ring["payout"] = [], [], [], [], []

    def fraud_domain(self, style):
        rng = self.rng
        while True:
            n = str(int(rng.integers(1, 999)))
            r = rand_name(rng, 2)
            d = {
                "task": [f"dy-dianzan{n}.top", f"tb-fanli{n}.vip", f"{r}renwu.cc", f"qun-{r}.top", f"jz{n}-{r}.xyz"],
                "game": [f"jiaoyimao-{r}.com", f"pxb7-{n}.cc", f"{r}game-trade.top", f"wzry-jy{n}.vip"],
                "invest": [f"{r}-capital.com", f"hdgj{n}.vip", f"ustock-{r}.cc", f"{r}gold{n}.top", f"im-{r}.site"],
                "cs": [f"kf-{r}{n}.cn", f"refund-{r}.top", f"jd-bzj{n}.cc", f"zxxf-{r}.com"],
                "police": [f"gjjcy-ajcx{n}.top", f"sfga-{r}.com", f"zfw{n}-qc.cc", f"{r}anquan.vip"],
                "loan": [f"{r}dai.vip", f"jiekuan-{r}.cc", f"{r}jie{n}.top", f"wd-{r}.xyz"],
                "boss": [f"{r}-oa.top", f"qq-{r}{n}.cc"],
            }[style]
            x = d[int(rng.integers(len(d)))]
            if x not in self.S.index:
                i = self.S.add(x)
                self.domains[i] = style
                return i

    def fraud_app(self, style):
        rng = self.rng
        while True:
            r = rand_name(rng, 2)
            d = {"task": [f"com.{r}.renwu", f"com.{r}im.chat", f"com.bx{r}.app"],
                 "game": [f"com.{r}.jiaoyi"], "invest": [f"com.{r}.trader", f"com.{r}.gold", f"com.{r}.futures"],
                 "cs": [f"com.{r}.kefu", f"com.{r}.meeting"], "police": [f"com.{r}.anquan", f"com.{r}.jcy"],
                 "loan": [f"com.{r}.daikuan", f"com.{r}.jiekuan"], "boss": [f"com.{r}.oa"]}[style]
            x = d[int(rng.integers(len(d)))]
            if x not in self.S.index:
                i = self.S.add(x)
                self.apps[i] = style
                return i

    def line(self, ring, role, t):
        L = ring["lines"][role] or ring["lines"]["call"]
        act = [l for l in L if l[0] <= t < l[1]]
        if not act:
            act = [min(L, key=lambda l: abs(l[0] - t))]
        l = act[int(self.rng.integers(len(act)))]
        if l[2] is None:
            l[2] = self.new_line(ring, l[3], l[0], l[4])
        return l[2]

    def domain(self, ring, t):
        for a, b, d in ring["doms"]:
            if a <= t < b:
                return d
        return ring["doms"][-1][2]

    def new_acc(self, ring, kind, role):
        rng, A, W = self.rng, self.A, self.W
        opened = -int(rng.integers(5, 120)) * DAY
        if kind == "local_rent":
            cands = np.flatnonzero((W.age >= 18) & (W.age < 65) & np.isin(W.seg, [COLLEGE, WORKER, HOME, FARMER]))
            h = -1
            rh = ring.setdefault("renter_hh", [])
            if rh and rng.random() < .4:      # card farmer goes back to the same flat / village
                hh = rh[int(rng.integers(len(rh)))]
                mates = [int(i) for i in np.flatnonzero(W.hh == hh) if W.age[i] >= 18 and int(i) not in self.used_people]
                if mates:
                    h = mates[0]
            for _ in range(50):
                if h >= 0:
                    break
                x = int(cands[int(rng.integers(len(cands)))])
                if x not in self.used_people:
                    h = x
            if h < 0:
                h = int(cands[0])
            rh.append(int(W.hh[h]))
            self.used_people.add(h)
            if W.card2[h] >= 0 and rng.random() < .3 and W.card2[h] not in self.acc_role:
                acc = int(W.card2[h])            # a dormant second card lent out
            else:
                b = BANKS[int(rng.integers(len(BANKS)))]
                acc = A.add(A.fresh_id(rng, b[1], b[2] - 6), h, b[0], "personal", opened)
        elif kind == "ext_personal":
            if rng.random() < .75:
                b = BANKS[int(rng.integers(len(BANKS)))]
                acc = A.add(A.fresh_id(rng, b[1], b[2] - 6), -1, b[0], "personal", None if rng.random() < .6 else opened)
            else:
                acc = A.add(A.fresh_id(rng, "2088", 12), -1, "ALIPAY", "personal", None)
        elif kind == "merchant_qr":
            acc = A.add(A.fresh_id(rng, "8211", 11), -1, ["LAKALA", "ALIPAY", "TENPAY"][int(rng.integers(3))], "merchant", opened)
        else:  # corporate shell
            b = BANKS[int(rng.integers(len(BANKS)))]
            acc = A.add(A.fresh_id(rng, "4403" if rng.random() < .5 else "3301", 15), -1, b[0], "corporate", opened - 60 * DAY)
        self.acc_role[acc] = role
        self.acc_ring[acc] = ring["name"]
        return acc

    def mule1(self, ring, t):
        pool = [m for m in ring["mule1"] if m["uses"] < m["max"] and not (m["burn"] is not None and m["burn"] <= t)]
        if not pool or (len(pool) < 3 and self.rng.random() < .3):
            ks = list(ring["m1_kinds"])
            kind = ks[int(self.rng.choice(len(ks), p=np.array([ring["m1_kinds"][k] for k in ks])))]
            m = dict(acc=self.new_acc(ring, kind, "mule_1"), uses=0, max=int(self.rng.integers(2, 7)), burn=None)
            ring["mule1"].append(m)
            pool = [m]
        m = pool[int(self.rng.integers(len(pool)))]
        m["uses"] += 1
        return m

    def upper(self, ring, level):
        key = {2: "mule2", 3: "mule3"}[level]
        target = {2: 4, 3: 3}[level]
        if len(ring[key]) < target and (not ring[key] or self.rng.random() < .35):
            kind = "local_rent" if (level == 2 and self.rng.random() < .2) else "ext_personal"
            ring[key].append(self.new_acc(ring, kind, "mule_%d" % level))
        return ring[key][int(self.rng.integers(len(ring[key])))]

    def cashout(self, ring):
        if len(ring["cash"]) < 3 and (not ring["cash"] or self.rng.random() < .3):
            method = list(ring["cash_kinds"])[int(self.rng.choice(len(ring["cash_kinds"]), p=np.array(list(ring["cash_kinds"].values()))))]
            kind = "local_rent" if method in ("atm", "gold") and self.rng.random() < .6 else "ext_personal"
            ring["cash"].append((self.new_acc(ring, kind, "cashout"), method))
        return ring["cash"][int(self.rng.integers(len(ring["cash"])))]

    # ---------------- event helpers
    def call(self, t, a, b, dur):
        self.calls.append((int(t), int(a), int(b), int(dur)))

    def text(self, t, a, b, dom=-1):
        self.sms.append((int(t), int(a), int(b), int(dom)))

    def visit(self, t, num, dom):
        self.net.append((int(t), int(num), 1, int(dom)))

    def install(self, t, num, app):
        self.net.append((int(t), int(num), 0, int(app)))

    def transfer(self, t, f, to, cents, ch, cat, loss=False):
        cents = int(cents)
        if cents <= 0:
            return None
        self.tr.append((int(t), int(f), int(to), cents, int(ch), int(cat), bool(loss)))
        return len(self.tr) - 1

    def ch_of(self, acc):
        return CH["third_party"] if self.A.bank[acc] in ("TENPAY", "ALIPAY", "LAKALA") else CH["mobile"]

    # ---------------- laundering
    def launder(self, ring, acc, cents, t, level):
        rng = self.rng
        if cents < 5000:      # under 50 yuan: left sitting (small task deposits feed rebates)
            return
        if level == 1:
            delay = np.clip(lognorm(rng, 7 * MIN, .8, 1)[0], 60, 3 * HOUR)
            k = int(rng.choice([1, 2, 3], p=[.5, .35, .15]))
            keep = 1 - rng.uniform(0, .015)
            nxt = [(self.upper(ring, 2), 2) for _ in range(k)]
        elif level == 2:
            delay = np.clip(lognorm(rng, 20 * MIN, .9, 1)[0], 120, 8 * HOUR)
            keep = 1 - rng.uniform(0, .01)
            if rng.random() < .55:
                nxt = [(self.upper(ring, 3), 3) for _ in range(1 + int(rng.random() < .4))]
            else:
                nxt = [(None, 4) for _ in range(1 + int(rng.random() < .4))]
        elif level == 3:
            delay = np.clip(lognorm(rng, 30 * MIN, .9, 1)[0], 120, 10 * HOUR)
            keep = 1.0
            nxt = [(None, 4)]
        else:
            return self.cash_out(ring, acc, cents, t)
        total = int(cents * keep) // 100 * 100
        if total <= 0:
            return
        w = rng.dirichlet(np.ones(len(nxt)) * 3)
        parts = (w * total).astype(np.int64) // 100 * 100
        parts[0] += total - parts.sum()
        t1 = t + int(delay)
        for (dst, lv), c in zip(nxt, parts):
            if c <= 0:
                continue
            if dst is None:
                dst, method = self.cashout(ring)
            if dst == acc:
                continue
            i = self.transfer(t1, acc, dst, c, self.ch_of(acc), CAT["ring_launder"])
            if i is not None:
                self.launder(ring, dst, int(c), t1, lv)
            t1 += int(rng.integers(20, 400))

    def cash_out(self, ring, acc, cents, t):
        rng = self.rng
        method = dict(ring["cash"]).get(acc, "crypto")
        if method == "atm":
            rem = cents
            tt = t + int(rng.integers(5 * MIN, 90 * MIN))
            while rem >= 100000:
                c = min(rem, int(rng.integers(50, 200)) * 10000) // 10000 * 10000
                self.transfer(tt, acc, -1, c, CH["atm"], CAT["ring_launder"])
                rem -= c
                tt += int(rng.integers(2 * MIN, 25 * MIN))
        elif method == "crypto":
            tt = t + int(np.clip(lognorm(rng, 15 * MIN, .8, 1)[0], 60, 4 * HOUR))
            c = cents // 100 * 100
            k = 1 + int(c > 5000000 and rng.random() < .6)
            for j in range(k):
                self.transfer(tt + j * int(rng.integers(60, 900)), acc, -1, c // k // 100 * 100, CH["crypto_otc"], CAT["ring_launder"])
        elif method == "counter":
            day = t // DAY
            tt = t + int(rng.integers(30 * MIN, 3 * HOUR))
            h = (tt % DAY) / HOUR
            if h < 9 or h > 16.5:
                tt = (day + (1 if h > 16.5 else 0)) * DAY + int(rng.integers(9 * HOUR, 11 * HOUR))
            self.transfer(tt, acc, -1, cents // 10000 * 10000, CH["counter"], CAT["ring_launder"])
        else:  # gold bars bought at local shops
            rem = cents
            tt = t + int(rng.integers(30 * MIN, 4 * HOUR))
            while rem >= 500000:
                c = min(rem, int(rng.integers(5000, 60000)) * 100)
                shop = self.W.gold_shops[int(rng.integers(len(self.W.gold_shops)))]
                self.transfer(tt, acc, shop, c // 100 * 100, CH["mobile"], CAT["ring_launder"])
                rem -= c
                tt += int(rng.integers(10 * MIN, 90 * MIN))

    def payout_acc(self, ring, t):
        if not ring["payout"]:
            acc = self.upper(ring, 2)
            ring["payout"].append(acc)
            for d in range(-1, self.D + 1):
                self.transfer(d * DAY + int(self.rng.integers(7 * HOUR, 9 * HOUR)), -1, acc,
                              int(self.rng.integers(20000, 60000)) * 100, CH["online"], CAT["ring"])
        return ring["payout"][0]

    # ---------------- victims
    def v_accounts(self, v):
        W = self.W
        main = W.card1[v] if W.card1[v] >= 0 else (W.wx[v] if W.wx[v] >= 0 else W.ali[v])
        wal = W.wx[v] if W.wx[v] >= 0 else (W.ali[v] if W.ali[v] >= 0 else main)
        return int(main), int(wal)

    def pay(self, T, ring, src, t, cents, ch=None, fixed_mule=None):
        m = fixed_mule or self.mule1(ring, t)
        acc = m["acc"]
        if ch is None:
            ch = self.ch_of(src)
        i = self.transfer(t, src, acc, cents, ch, CAT["ring"], loss=True)
        if i is None:
            return m
        T["losses"].append(i)
        T["paid"].append(acc)
        T["amount"] += int(cents)
        T["last_loss"] = t
        self.launder(ring, acc, int(cents), t, 1)
        return m

    def take_loans(self, T, v, acc, t, total_yuan):
        """Victim borrows from licensed lenders to pay the scammer (apps installed, money lands)."""
        rng, W = self.rng, self.W
        num = W.phone1[v]
        apps = ["com.jd.jrapp", "com.webank.wemoney", "com.lexin.fenqile", "com.duxiaoman.finance", "com.eg.android.AlipayGphone"]
        k = 1 + int(total_yuan > 20000) + int(total_yuan > 60000)
        got = 0
        for j in range(k):
            t += int(rng.integers(2 * MIN, 15 * MIN))
            if rng.random() < .6:
                self.install(t, num, self.S.index[apps[int(rng.integers(len(apps)))]])
            c = int(min(total_yuan / k * rng.uniform(.7, 1.2), 50000)) // 100 * 10000
            if c > 0:
                lender = W.lender_list[int(rng.integers(len(W.lender_list)))]
                self.transfer(t + int(rng.integers(60, 600)), lender, acc, c, CH["online"], CAT["victim_loan"])
                got += c
        return t + 600, got

    def consolidate(self, v, main, t, frac=1.0):
        """Victim pulls savings together into one card (other card, wealth products)."""
        rng, W = self.rng, self.W
        got = 0
        if W.card2[v] >= 0 and W.card2[v] != main and W.card2[v] not in self.acc_role:
            c = int(W.savings[v] * rng.uniform(.2, .5) * frac) * 100 // 100 * 100
            if c > 0:
                self.transfer(t, W.card2[v], main, c, CH["counter"] if W.age[v] >= 60 and rng.random() < .5 else CH["mobile"], CAT["victim_self"])
                got += c
                t += int(rng.integers(5 * MIN, 40 * MIN))
        if W.age[v] >= 35 and rng.random() < .5 and main == W.card1[v]:
            b = self.A.bank[main]
            wm = W.wm.get(b, W.corp["fund_ant"])
            c = int(W.savings[v] * rng.uniform(.2, .5) * frac) * 100 // 10000 * 10000
            if c > 0:
                self.transfer(t, wm, main, c, CH["online"], CAT["victim_self"])
                got += c
                t += int(rng.integers(5 * MIN, 60 * MIN))
        if W.wx[v] >= 0 and W.wx[v] != main and rng.random() < .4:
            c = int(rng.uniform(200, 3000)) * 100
            self.transfer(t, W.wx[v], main, c, CH["third_party"], CAT["victim_self"])
            got += c
        return t, got

    def journey(self, ring, typ, v, t0, loses):
        rng, W = self.rng, self.W
        num = int(W.phone1[v])
        T = dict(person=v, type=typ, ring=ring["name"], first_contact=t0, losses=[], paid=[], amount=0,
                 last_loss=None, payer=v, lines=set())
        main, wal = self.v_accounts(v)
        if main < 0:
            loses = False
        budget = float(W.savings[v]) * rng.uniform(.4, 1.1)
        dom = self.domain(ring, t0)
        app = ring["apps"][int(rng.integers(len(ring["apps"])))]

        def cline(t):
            x = self.line(ring, "call", t)
            T["lines"].add(x)
            return x

        def sline(t):
            x = self.line(ring, "sms", t)
            T["lines"].add(x)
            return x

        t = t0
        if typ == "task_rebate":
            mode = rng.random()
            if mode < .45:
                self.text(t, sline(t), num, dom)
                t += int(rng.integers(MIN, 90 * MIN))
                self.visit(t, num, dom)
            elif mode < .65:
                self.call(t, cline(t), num, int(rng.integers(60, 300)))
                t += int(rng.integers(5 * MIN, 60 * MIN))
                self.visit(t, num, dom)
            else:
                self.visit(t, num, dom)
            t += int(rng.integers(3 * MIN, 30 * MIN))
            self.install(t, num, app)
            if not loses:
                if rng.random() < .5:
                    self.visit(t + int(rng.integers(HOUR, 20 * HOUR)), num, dom)
                return T
            payout = self.payout_acc(ring, t)
            t += int(rng.integers(10 * MIN, 2 * HOUR))
            for _ in range(1 + int(rng.random() < .6)):
                c = int(rng.integers(30, 200)) * 100
                self.visit(t - int(rng.integers(30, 300)), num, dom)
                self.pay(T, ring, wal, t, c)
                t += int(rng.integers(8 * MIN, 40 * MIN))
                self.transfer(t, payout, wal, int(c * rng.uniform(1.15, 1.4)), CH["third_party"], CAT["ring_rebate"])
                t += int(rng.integers(20 * MIN, 3 * HOUR))
            if rng.random() < .25:
                return T                      # stopped after the taster tasks
            c = int(rng.integers(800, 3000)) * 100
            self.pay(T, ring, main, t, c)
            t += int(rng.integers(10 * MIN, 60 * MIN))
            if rng.random() < .6:
                self.transfer(t, payout, main, int(c * rng.uniform(1.2, 1.35)), CH["mobile"], CAT["ring_rebate"])
                t += int(rng.integers(HOUR, 20 * HOUR))
            base = rng.uniform(3000, 10000)
            spent = 0
            if budget < 15000 and rng.random() < .35:
                t, got = self.take_loans(T, v, main, t, rng.uniform(5000, 30000))
                budget += got / 100
            for k in range(int(rng.integers(1, 5))):
                amt = min(base, max(budget - spent, 500))
                self.visit(t - int(rng.integers(30, 600)), num, dom)
                self.pay(T, ring, main, t, int(amt) * 100)
                spent += amt
                base *= rng.uniform(1.6, 2.8)
                t += int(rng.integers(15 * MIN, 3 * HOUR))
                if spent >= budget:
                    break
        elif typ == "fake_shopping":
            if rng.random() < .25:
                self.text(t, sline(t), num, dom)
                t += int(rng.integers(MIN, 3 * HOUR))
            self.visit(t, num, dom)
            if not loses:
                return T
            t += int(rng.integers(5 * MIN, 2 * HOUR))
            for k in range(1 + int(rng.random() < .35)):
                self.pay(T, ring, wal, t, int(lognorm(rng, 600, .7, 1)[0] + 50) * 100)
                t += int(rng.integers(HOUR, 30 * HOUR))
        elif typ == "game_trading":
            self.visit(t, num, dom)
            if rng.random() < .3:
                t += int(rng.integers(5 * MIN, 60 * MIN))
                self.call(t, cline(t), num, int(rng.integers(120, 900)))
            if not loses:
                return T
            src = wal
            if W.age[v] < 18 and rng.random() < .5 or src < 0:
                par = [int(i) for i in np.flatnonzero(W.hh == W.hh[v]) if W.age[i] >= 30 and (W.wx[i] >= 0 or W.card1[i] >= 0)]
                if par:
                    p = par[0]
                    src = int(W.wx[p] if W.wx[p] >= 0 else W.card1[p])
                    T["payer"] = p
            if src < 0:
                return T
            t += int(rng.integers(10 * MIN, 90 * MIN))
            for c in [rng.uniform(100, 800), rng.uniform(300, 3000), rng.uniform(500, 5000)][: int(rng.integers(1, 4))]:
                self.visit(t - int(rng.integers(60, 600)), num, dom)
                self.pay(T, ring, src, t, int(c) * 100)
                t += int(rng.integers(10 * MIN, 2 * HOUR))
        elif typ in ("fake_investment", "romance"):
            if typ == "romance":
                if W.dater[v]:
                    self.visit(t - int(rng.integers(HOUR, DAY)), num, W.dom_idx[[x[0] for x in HEAD_DOMAINS].index("jiayuan.com")])
                self.call(t, cline(t), num, int(rng.integers(300, 2400)))
                chat = dom
                self.visit(t + int(rng.integers(10 * MIN, 2 * HOUR)), num, chat)
            elif rng.random() < .6:
                self.call(t, cline(t), num, int(rng.integers(120, 700)))
            else:
                self.text(t, sline(t), num, dom)
            # grooming: nightly chats / advisor calls
            days = int(rng.integers(1, 3))
            last = t
            for d in range(days):
                tt = (t // DAY + d + 1) * DAY + int(rng.integers(19 * HOUR, 23 * HOUR))
                self.call(tt, cline(tt), num, int(rng.integers(600, 3600)))
                self.visit(tt + int(rng.integers(60, 3000)), num, self.domain(ring, tt))
                last = tt + 3600
            t = (t // DAY + days) * DAY + int(draw_secs(rng, [P_EVENING if typ == "romance" else P_OFFICE])[0])
            if t <= last:
                t += DAY
            dom = self.domain(ring, t)
            self.visit(t, num, dom)
            self.install(t + int(rng.integers(2 * MIN, 20 * MIN)), num, app)
            if not loses:
                return T
            t += int(rng.integers(20 * MIN, 3 * HOUR))
            self.pay(T, ring, main, t, int(rng.uniform(5000, 30000)) * 100, None)
            t += int(rng.integers(2 * HOUR, 10 * HOUR))
            payout = self.payout_acc(ring, t)
            self.transfer(t, payout, main, int(T["amount"] * rng.uniform(.08, .2)), CH["mobile"], CAT["ring_rebate"])
            t += int(rng.integers(6 * HOUR, 30 * HOUR))
            t, got = self.consolidate(v, main, t)
            if rng.random() < .3:
                t, g2 = self.take_loans(T, v, main, t, rng.uniform(20000, 100000))
                got += g2
            budget = budget + got / 100
            amt = rng.uniform(30000, 120000)
            spent = 0
            for k in range(int(rng.integers(1, 4))):
                a = min(amt, max(budget - spent, 5000))
                ch = CH["counter"] if W.age[v] >= 58 and rng.random() < .4 else None
                self.call(t - int(rng.integers(5 * MIN, 40 * MIN)), cline(t), num, int(rng.integers(300, 1800)))
                self.pay(T, ring, main, t, int(a) * 100, ch)
                spent += a
                amt *= rng.uniform(1.2, 2.5)
                t += int(rng.integers(2 * HOUR, 30 * HOUR))
                if spent >= budget:
                    break
        elif typ in ("fake_customer_service", "fake_credit_repair"):
            line = cline(t)
            dur = int(rng.integers(600, 2700)) if loses or rng.random() < .4 else int(rng.integers(70, 400))
            self.call(t, line, num, dur)
            if rng.random() < .3:       # victim calls back the "customer service" number
                self.call(t + dur + int(rng.integers(60, 900)), num, line, int(rng.integers(60, 600)))
            mt = ["com.tencent.wemeet", "com.oray.sunlogin.application", None][int(rng.choice(3, p=[.5, .25, .25]))]
            tt = t + int(rng.integers(2 * MIN, 8 * MIN))
            if W.smart[v]:
                self.install(tt, num, self.S.index[mt] if mt else app)
                self.visit(tt + int(rng.integers(60, 600)), num, dom)
            if not loses:
                return T
            t = tt + int(rng.integers(5 * MIN, 20 * MIN))
            if rng.random() < .45:
                self.pay(T, ring, main, t, int(rng.integers(1, 100)) * 100)     # "verification" test payment
                t += int(rng.integers(2 * MIN, 10 * MIN))
            got = 0
            if rng.random() < .7:
                t, got = self.take_loans(T, v, main, t, rng.uniform(8000, 60000))
            budget = min(budget, float(W.savings[v]) * .6) + got / 100
            line2 = cline(t)
            self.call(t - int(rng.integers(60, 300)), line2, num, int(rng.integers(1800, 5400)))
            for k in range(int(rng.integers(2, 6))):
                a = min(rng.uniform(3000, 30000), max(budget, 1000))
                self.pay(T, ring, main, t, int(a) * 100)
                budget -= a
                t += int(rng.integers(4 * MIN, 30 * MIN))
                if budget <= 0:
                    break
        elif typ == "impersonate_police":
            self.call(t, cline(t), num, int(rng.integers(120, 600)))
            t += int(rng.integers(5 * MIN, 40 * MIN))
            line2 = cline(t)
            self.call(t, line2, num, int(rng.integers(1800, 7200)))
            if W.smart[v]:
                self.visit(t + int(rng.integers(5 * MIN, 20 * MIN)), num, dom)
                self.install(t + int(rng.integers(20 * MIN, 40 * MIN)), num, app if rng.random() < .6 else self.S.index["com.tencent.wemeet"])
            if not loses:
                return T
            t += int(rng.integers(HOUR, 20 * HOUR))
            if rng.random() < .15:
                t = (t // DAY + 1) * DAY + int(rng.integers(HOUR, 5 * HOUR))      # coached to act at night
            self.call(t - int(rng.integers(10 * MIN, 60 * MIN)), line2, num, int(rng.integers(3600, 10800)))
            t, got = self.consolidate(v, main, t, 1.2)
            budget = float(W.savings[v]) * rng.uniform(.6, 1.0) + got / 100
            if budget < 30000 and rng.random() < .6:      # told to borrow to "prove" the funds are clean
                t, g2 = self.take_loans(T, v, main, t, rng.uniform(20000, 80000))
                budget += g2 / 100
            for k in range(int(rng.integers(1, 4))):
                a = budget * rng.uniform(.3, .7) if k < 2 else budget
                a = max(a, 3000)
                ch = CH["counter"] if W.age[v] >= 55 and rng.random() < .6 else None
                self.pay(T, ring, main, t, int(a) * 100, ch)
                budget -= a
                t += int(rng.integers(20 * MIN, 8 * HOUR))
                if budget < 3000:
                    break
        elif typ == "fake_loan":
            if rng.random() < .7:
                self.text(t, sline(t), num, dom)
                t += int(rng.integers(2 * MIN, 5 * HOUR))
                self.visit(t, num, dom)
            else:
                self.call(t, cline(t), num, int(rng.integers(60, 400)))
                t += int(rng.integers(5 * MIN, HOUR))
                self.visit(t, num, dom)
            self.install(t + int(rng.integers(2 * MIN, 15 * MIN)), num, app)
            if not loses:
                return T
            t += int(rng.integers(30 * MIN, 5 * HOUR))
            fees = [rng.uniform(800, 5000), rng.uniform(2000, 10000), rng.uniform(1000, 4000), rng.uniform(3000, 12000)]
            if budget < 3000 and rng.random() < .35:
                t, got = self.take_loans(T, v, main, t, rng.uniform(5000, 20000))
                budget += got / 100
            for k in range(int(rng.integers(1, 5))):
                self.call(t - int(rng.integers(3 * MIN, 20 * MIN)), cline(t), num, int(rng.integers(120, 600)))
                self.pay(T, ring, main, t, int(min(fees[k], max(budget, 500))) * 100)
                budget -= fees[k]
                t += int(rng.integers(20 * MIN, 6 * HOUR))
                if budget <= 0:
                    break
        elif typ == "impersonate_boss":
            if rng.random() < .65:
                self.text(t, sline(t), num, -1)
            else:
                self.call(t, cline(t), num, int(rng.integers(30, 180)))
            if not loses:
                return T
            t += int(rng.integers(15 * MIN, 2 * HOUR))
            if W.seg[v] == FINANCE and W.employer[v] >= 0:
                src = int(W.emp_acc[W.employer[v]])
                for k in range(1 + int(rng.random() < .35)):
                    self.pay(T, ring, src, t, int(lognorm(rng, 90000, .7, 1)[0]) * 100, CH["online"])
                    t += int(rng.integers(20 * MIN, 2 * HOUR))
            else:
                self.pay(T, ring, main, t, int(min(lognorm(rng, 12000, .7, 1)[0], max(budget, 2000))) * 100)
        return T

    # ---------------- the week
    def run(self):
        import copy
        global RINGS
        RINGS = copy.deepcopy(RINGS)
        rng, W, D = self.rng, self.W, self.D
        self.setup()
        chosen = set()
        fits = {typ: scam_fit(W, typ) for typ in SCAMS}
        plan = []
        for typ, (rate, ploss) in SCAMS.items():
            rings = [r for r in RINGS if typ in r["types"]]
            rw = np.array([r["types"][typ] for r in rings])
            for d in range(D):
                for _ in range(int(rng.poisson(rate * self.sc))):
                    ring = rings[int(rng.choice(len(rings), p=rw / rw.sum()))]
                    t0 = d * DAY + int(draw_secs(rng, [SCAM_CONTACT_HOURS[typ]])[0])
                    plan.append((t0, typ, ring["name"], ploss))
        if not any(True for _ in plan):
            plan.append((int(rng.integers(9 * HOUR, 20 * HOUR)), "fake_customer_service", "refund_desk", 1.0))
        plan.sort()
        byname = {r["name"]: r for r in RINGS}
        nloss = 0
        for k, (t0, typ, rn, ploss) in enumerate(plan):
            f = fits[typ].copy()
            if chosen:
                f[np.fromiter(chosen, int)] = 0
            if f.sum() <= 0:
                continue
            v = int(rng.choice(W.P, p=f / f.sum()))
            chosen.add(v)
            loses = rng.random() < ploss
            if k == len(plan) - 1 and nloss == 0:
                loses = True
            T = self.journey(byname[rn], typ, v, t0, loses)
            if not T["losses"] and W.smart[v] and rng.random() < .15:
                self.install(t0 + int(rng.integers(HOUR, 30 * HOUR)), W.phone1[v], self.S.index["com.hicorenational.antifraud"])
            nloss += bool(T["losses"])
            self.targets.append(T)
        self.chosen = chosen
        self.noise()

    def noise(self):
        """Contacts that go nowhere: unanswered calls, hang-ups, ignored texts, curious clicks."""
        rng, W, D = self.rng, self.W, self.D
        holders = np.flatnonzero(W.phone1 >= 0)
        for ring in RINGS:
            types = list(ring["types"])
            fit = sum(scam_fit(W, t) for t in types)[holders] + .3
            fit = fit / fit.sum()
            for role, per_day in (("call", 35), ("sms", 170)):
                for l in ring["lines"][role]:
                    a, b = max(l[0], 0), min(l[1], D * DAY)
                    if b <= a:
                        continue
                    n = int(rng.poisson(per_day * self.sc * (b - a) / DAY))
                    if not n:
                        continue
                    if l[2] is None:
                        l[2] = self.new_line(ring, l[3], l[0], l[4])
                    ts = a + rng.integers(0, b - a, n)
                    h = (ts % DAY) // HOUR
                    ts = np.where((h < 8) | (h > 21), ts - (h - 14) * HOUR, ts)
                    ts = np.clip(ts, 0, D * DAY - 1)
                    rc = holders[rng.choice(len(holders), size=n, p=fit)]
                    if role == "call":
                        u = rng.random(n)
                        dur = np.where(u < .5, 0, np.where(u < .88, rng.integers(2, 20, n), rng.integers(20, 200, n)))
                        for x in range(n):
                            self.call(ts[x], l[2], W.phone1[rc[x]], dur[x])
                    else:
                        for x in range(n):
                            dm = self.domain(ring, ts[x]) if ring["dom_style"] != "boss" else -1
                            self.text(ts[x], l[2], W.phone1[rc[x]], dm)
                            if dm >= 0 and W.smart[rc[x]] and rng.random() < .004:
                                self.visit(ts[x] + int(rng.integers(30, 3 * HOUR)), W.phone1[rc[x]], dm)

    def flush(self):
        E = self.E
        if self.calls:
            c = np.array(self.calls, np.int64)
            E.add_calls(c[:, 0], c[:, 1], c[:, 2], c[:, 3])
        if self.sms:
            c = np.array(self.sms, np.int64)
            E.add_sms(c[:, 0], c[:, 1], c[:, 2], c[:, 3])
        if self.net:
            c = np.array(self.net, np.int64)
            E.add_net(c[:, 0], c[:, 1], c[:, 2], c[:, 3])
        if self.tr:
            ts = np.array([x[0] for x in self.tr], np.int64)
            E.add_tr(ts, [x[1] for x in self.tr], [x[2] for x in self.tr], [x[3] for x in self.tr],
                     [x[4] for x in self.tr], [x[5] for x in self.tr], [x[6] for x in self.tr])
        self.tr_offset = sum(len(x[0]) for x in E.tr) - len(self.tr)


# ======================================================================================
# Bank notifications derived from the ledger
def bank_sms(seed, W, E, tr, D):
    rng = stream(seed, "bank_sms")
    A = W.A
    bank_idx = np.array([BANK_IDX.get(b, -1) for b in A.bank])
    holder = np.array(A.holder)
    kind_personal = np.array([k == "personal" for k in A.kind])
    ph = np.where(holder >= 0, W.phone1[np.maximum(holder, 0)], -1)
    ts, f, t, ch = tr["ts"], tr["f"], tr["t"], tr["ch"]
    for side, p_alert in ((f, .85), (t, .7)):
        ok = side >= 0
        s = np.where(ok, side, 0)
        m = ok & (bank_idx[s] >= 0) & (ph[s] >= 0) & kind_personal[s] & (rng.random(len(ts)) < p_alert)
        E.add_sms(ts[m] + rng.integers(2, 40, m.sum()), W.bank_svc[bank_idx[s[m]]], ph[s[m]], np.full(int(m.sum()), -1))
    ok = f >= 0
    s = np.where(ok, f, 0)
    m = ok & (bank_idx[s] >= 0) & (ph[s] >= 0) & np.isin(ch, [CH["mobile"], CH["online"]]) & (rng.random(len(ts)) < .25)
    E.add_sms(ts[m] - rng.integers(20, 120, m.sum()), W.bank_port[bank_idx[s[m]]], ph[s[m]], np.full(int(m.sum()), -1))


# ======================================================================================
# Victim reports (and a few disputes that are not fraud)
REALIZE = {  # median hours from last payment to realising, sigma
    "task_rebate": (4, 1.0), "fake_shopping": (40, .8), "game_trading": (8, 1.0), "fake_investment": (60, .9),
    "romance": (50, 1.0), "fake_customer_service": (2, 1.2), "fake_credit_repair": (3, 1.2),
    "impersonate_police": (14, 1.1), "fake_loan": (6, 1.0), "impersonate_boss": (3, 1.0),
}


def make_reports(seed, W, R, D):
    rng = stream(seed, "reports")
    A = W.A
    end = D * DAY
    reports = []   # (ts, person, [acc], cents, target_idx or -1)
    for k, T in enumerate(R.targets):
        ls = [i for i in T["losses"] if R.tr[i][0] < end]
        if not ls:
            continue
        amt = sum(R.tr[i][3] for i in ls)
        last = max(R.tr[i][0] for i in ls)
        p = {"fake_investment": .45, "romance": .45, "impersonate_boss": .8}.get(T["type"], .6) + (.15 if amt > 5000000 else 0)
        if rng.random() > p:
            continue
        med, sg = REALIZE[T["type"]]
        ts = last + int(lognorm(rng, med * HOUR, sg, 1)[0]) + int(lognorm(rng, 1.5 * HOUR, 1.0, 1)[0])
        if ts >= end:
            continue
        person = T["person"]
        if T["payer"] != person and rng.random() < .6:
            person = T["payer"]
        elif W.age[person] >= 65 and rng.random() < .3:
            kin = [int(i) for i in np.flatnonzero(W.hh == W.hh[person]) if 25 <= W.age[i] < 60]
            if kin:
                person = kin[0]
        paid = []
        for i in ls:
            a = R.tr[i][2]
            if a not in paid:
                paid.append(a)
        if len(paid) > 1 and rng.random() < .25:
            paid = paid[: int(rng.integers(1, len(paid)))]          # only remembers the first cards
        if rng.random() < .06:
            own = W.wx[T["payer"]] if W.wx[T["payer"]] >= 0 else W.card1[T["payer"]]
            if own >= 0 and own not in paid:
                paid.append(int(own))                                  # writes down own account by mistake
        u = rng.random()
        if u < .62:
            claim = amt
        elif u < .8:
            claim = int(math.ceil(amt / 100000)) * 100000
        elif u < .9:
            claim = int(amt * rng.uniform(1.03, 1.3)) // 100 * 100         # counts loan interest, fees
        else:
            claim = max(100, int(amt * rng.uniform(.5, .95)) // 100 * 100)  # nets out rebates / forgets a payment
        reports.append((ts, person, paid, claim, k))
    # disputes that reach the police but are not telecom fraud
    ts_g, p_g, to_g, amt_g = W.game_p2p
    nd = int(rng.poisson(max(.5, len(reports) * .12)))
    if len(ts_g):
        for j in rng.choice(len(ts_g), size=min(nd, len(ts_g)), replace=False):
            t = int(ts_g[j]) + int(rng.integers(HOUR, 2 * DAY))
            if 0 <= t < end:
                reports.append((t, int(p_g[j]), [int(to_g[j])], int(amt_g[j]), -1))
    reports.sort(key=lambda r: (r[0], r[1]))
    return reports


# ======================================================================================
# Known-bad lists
def make_lists(seed, W, N, A, S, R, reports, seen, D):
    rng = stream(seed, "lists")
    end = D * DAY
    L = {"numbers": [], "domains": [], "apps": [], "accounts": []}
    seen_num, first_num, seen_acc, first_acc, seen_str, first_str, num_calls = seen
    listed = {k: set() for k in L}

    def put(kind, value, t, src):
        if t < end and value not in listed[kind]:
            listed[kind].add(value)
            L[kind].append((int(t), value, src))

    # reports trigger listings of the victim's contact lines, domains and accounts
    for ts, person, paid, claim, k in reports:
        for a in paid:
            put("accounts", A.id[a], ts + int(rng.integers(10 * MIN, 3 * HOUR)), "police_report")
        if k >= 0:
            T = R.targets[k]
            for x in T["lines"]:
                if x in seen_num and rng.random() < .85:
                    put("numbers", N.num[x], ts + int(rng.integers(20 * MIN, 6 * HOUR)), "police_report")
    for x, role in sorted(R.line_role.items()):
        if x not in seen_num:
            continue
        f = first_num[x]
        if rng.random() < .08:
            put("numbers", N.num[x], min(f, 0) - int(rng.integers(HOUR, 20 * DAY)), "miit_case_db")
        elif num_calls.get(x, 0) >= 25 and rng.random() < .4:
            put("numbers", N.num[x], f + int(rng.integers(12 * HOUR, 60 * HOUR)), "operator_model")
        elif rng.random() < .15:
            put("numbers", N.num[x], f + int(rng.integers(2 * HOUR, 3 * DAY)), "user_mark")
    # innocent numbers marked by users (telemarketing, debt collection)
    for x in list(W.telemkt[: max(1, len(W.telemkt) // 5)]) + list(W.collectors[:2]) + list(W.relay[:1]):
        put("numbers", N.num[x], int(rng.integers(-200 * DAY, end)), "user_mark")
    # stale: numbers from old cases, some of them since recycled to new subscribers
    act = np.array([a if a is not None else -10 ** 9 for a in N.act])
    recent = [i for i in range(len(N.num)) if N.holder[i] >= 0 and -75 * DAY < act[i] < 0 and N.kind[i] == "mobile"
              and i not in R.line_role]
    for i in rng.choice(recent, size=min(len(recent), max(2, int(15 * R.sc))), replace=False) if recent else []:
        put("numbers", N.num[i], int(act[i]) - int(rng.integers(100, 400)) * DAY, "miit_case_db")
    for _ in range(max(3, int(40 * R.sc))):
        s = N.fresh(rng, MOBILE_PREFIX + VIRTUAL_PREFIX) if rng.random() < .7 else "+855" + str(int(rng.integers(10 ** 8, 10 ** 9)))
        put("numbers", s, -int(rng.integers(20, 400)) * DAY, "miit_case_db")
    # domains and apps
    for x, style in sorted(R.domains.items()):
        if x not in seen_str:
            continue
        f = first_str[x]
        u = rng.random()
        if u < .25:
            put("domains", S.s[x], min(f, 0) - int(rng.integers(HOUR, 10 * DAY)), "miit_case_db")
        elif u < .7:
            put("domains", S.s[x], f + int(rng.integers(6 * HOUR, 72 * HOUR)), "vendor_feed")
    for x, style in sorted(R.apps.items()):
        if x not in seen_str:
            continue
        f = first_str[x]
        u = rng.random()
        if u < .3:
            put("apps", S.s[x], min(f, 0) - int(rng.integers(DAY, 30 * DAY)), "miit_case_db")
        elif u < .65:
            put("apps", S.s[x], f + int(rng.integers(DAY, 4 * DAY)), "vendor_feed")
    for _ in range(max(3, int(25 * R.sc))):
        put("domains", rand_name(rng, 2) + str(int(rng.integers(1, 999))) + [".top", ".vip", ".cc", ".xyz"][int(rng.integers(4))],
            -int(rng.integers(10, 300)) * DAY, "miit_case_db")
        put("apps", "com." + rand_name(rng, 2) + "." + ["renwu", "licai", "daikuan", "kefu"][int(rng.integers(4))],
            -int(rng.integers(10, 300)) * DAY, "miit_case_db")
    for x in W.tail_dom[-3:]:
        put("domains", S.s[x], int(rng.integers(-30 * DAY, end)), "vendor_feed")
    put("apps", "com.v2ray.ang", -int(rng.integers(5, 90)) * DAY, "vendor_feed")
    # accounts
    for a, role in sorted(R.acc_role.items()):
        if a not in seen_acc:
            continue
        f = first_acc[a]
        u = rng.random()
        if role in ("mule_2", "mule_3", "cashout") and u < .15:
            put("accounts", A.id[a], min(f, 0) - int(rng.integers(DAY, 60 * DAY)), "other_city_case")
        elif u < .35:
            put("accounts", A.id[a], f + int(rng.integers(HOUR, 2 * DAY)), "bank_model")
    fp = list(W.otc) + list(W.groupbuy[:3]) + list(W.daigou[:2])
    for p in fp:
        acc = W.card1[p] if W.card1[p] >= 0 else W.wx[p]
        if acc >= 0 and acc in seen_acc and rng.random() < .5:
            put("accounts", A.id[acc], first_acc[acc] + int(rng.integers(HOUR, 3 * DAY)), "bank_model")
    for _ in range(max(3, int(40 * R.sc))):
        b = BANKS[int(rng.integers(len(BANKS)))]
        put("accounts", b[1] + str(int(rng.integers(0, 10 ** (b[2] - 6)))).zfill(b[2] - 6), -int(rng.integers(20, 500)) * DAY, "other_city_case")
    return L


# ======================================================================================
# Output
def ts_series(x):
    x = np.asarray(x, np.int64)
    return pl.from_epoch(pl.Series("t", x + T0 + 8 * HOUR), time_unit="s").dt.strftime("%Y-%m-%dT%H:%M:%S+08:00")


def ts_opt(vals):
    arr = np.array([v if v is not None else 0 for v in vals], np.int64)
    s = ts_series(arr)
    mask = pl.Series([v is None for v in vals])
    return pl.select(pl.when(mask).then(None).otherwise(s)).to_series()


def amt_series(c):
    c = pl.Series("c", np.asarray(c, np.int64))
    return (c // 100).cast(pl.String) + "." + (c % 100).cast(pl.String).str.zfill(2)


def gather(strings, idx):
    s = pl.Series("s", list(strings) + [None], dtype=pl.String)
    idx = np.asarray(idx, np.int64)
    return s.gather(np.where(idx < 0, len(strings), idx))


def ids(prefix, n, width=8):
    return pl.lit(prefix) + pl.Series("i", np.arange(1, n + 1)).cast(pl.String).str.zfill(width)


def collect(chunks, k):
    if not chunks:
        return [np.array([], np.int64) for _ in range(k)]
    return [np.concatenate([c[j] for c in chunks]) for j in range(k)]


def window_sort(cols, end):
    ts = cols[0]
    m = (ts >= 0) & (ts < end)
    cols = [c[m] for c in cols]
    o = np.argsort(cols[0], kind="stable")
    return [c[o] for c in cols], np.flatnonzero(m)[o]


def write_csv(df, path):
    df.write_csv(path, include_header=True, line_terminator="\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--persons", type=int, default=20000)
    ap.add_argument("--days", type=int, default=7)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    t_start = time.time()
    seed, P, D = args.seed, args.persons, args.days
    end = D * DAY
    W, N, A, S, E = World(), Numbers(), Accounts(), Strs(), Events()
    build_people(seed, P, W)
    build_phones(seed, W, N)
    build_accounts(seed, W, A)
    W.A, W.N = A, N
    W.num_holder = np.array(N.holder, np.int64)
    W.acc_is_wallet = np.array([b in ("TENPAY", "ALIPAY", "LAKALA") for b in A.bank])
    W.acc_holder = np.array(A.holder, np.int64)
    build_catalog(seed, W, S)
    build_contacts(seed, W)
    everyday_calls(seed, W, E, D)
    everyday_sms(seed, W, E, D)
    everyday_net(seed, W, E, D)
    everyday_money(seed, W, E, D)
    R = RingSim(seed, W, N, A, S, E, D)
    R.run()
    n_before = sum(len(x[0]) for x in E.tr)
    R.flush()
    # ---- transfers
    tr_cols = collect(E.tr, 7)
    hr = (tr_cols[0] % DAY) // HOUR
    late = (tr_cols[4] == CH["counter"]) & ((hr < 9) | (hr >= 17))
    tr_cols[4][late & (tr_cols[1] >= 0) & (tr_cols[2] >= 0)] = CH["mobile"]
    tr_cols[4][late & ((tr_cols[1] < 0) | (tr_cols[2] < 0))] = CH["atm"]
    ring_global = np.arange(len(R.tr)) + n_before
    (tts, tf, tt, tc, tch, tcat, tloss), torig = window_sort(tr_cols, end)
    # orig index -> output position
    pos_of = np.full(len(tr_cols[0]), -1, np.int64)
    pos_of[torig] = np.arange(len(torig))
    bank_sms(seed, W, E, dict(ts=tts, f=tf, t=tt, ch=tch), D)
    cols = collect(E.calls, 4)
    cols = [c[cols[1] != cols[2]] for c in cols]
    (cts, ca, cb, cd), _ = window_sort(cols, end)
    cols = collect(E.sms, 4)
    cols = [c[cols[1] != cols[2]] for c in cols]
    (sts, sa, sb, sdm), _ = window_sort(cols, end)
    (nts, nn, nk, ntg), _ = window_sort(collect(E.net, 4), end)
    # ---- what was seen
    num_df = pl.DataFrame({"n": np.concatenate([ca, cb, sa, sb, nn]), "t": np.concatenate([cts, cts, sts, sts, nts])})
    g = num_df.group_by("n").agg(pl.col("t").min()).sort("n")
    first_num = dict(zip(g["n"].to_list(), g["t"].to_list()))
    seen_num = set(first_num)
    cc = pl.DataFrame({"n": ca}).group_by("n").len().sort("n")
    num_calls = dict(zip(cc["n"].to_list(), cc["len"].to_list()))
    acc_df = pl.DataFrame({"a": np.concatenate([tf, tt]), "t": np.concatenate([tts, tts])}).filter(pl.col("a") >= 0)
    g = acc_df.group_by("a").agg(pl.col("t").min()).sort("a")
    first_acc = dict(zip(g["a"].to_list(), g["t"].to_list()))
    seen_acc = set(first_acc)
    str_df = pl.DataFrame({"s": np.concatenate([sdm, ntg]), "t": np.concatenate([sts, nts])}).filter(pl.col("s") >= 0)
    g = str_df.group_by("s").agg(pl.col("t").min()).sort("s")
    first_str = dict(zip(g["s"].to_list(), g["t"].to_list()))
    seen_str = set(first_str)
    reports = make_reports(seed, W, R, D)
    rr = stream(seed, "report_calls")
    rc = [(r[0] - int(rr.integers(5 * MIN, 3 * HOUR)), W.phone1[r[1]], W.police if rr.random() < .7 else W.hotline,
           int(rr.integers(60, 600))) for r in reports if W.phone1[r[1]] >= 0]
    if rc:
        rc = np.array(rc, np.int64)
        cols = [np.concatenate([a, b]) for a, b in zip((cts, ca, cb, cd), (rc[:, 0], rc[:, 1], rc[:, 2], rc[:, 3]))]
        (cts, ca, cb, cd), _ = window_sort(cols, end)
    lists = make_lists(seed, W, N, A, S, R, reports, (seen_num, first_num, seen_acc, first_acc, seen_str, first_str, num_calls), D)
    # ---- write
    out = args.out
    os.makedirs(os.path.join(out, "lists"), exist_ok=True)
    os.makedirs(os.path.join(out, "labels"), exist_ok=True)
    meta = {"format": "dataset/1", "start": START.isoformat(), "end": (START + timedelta(days=D)).isoformat(),
            "seed": seed, "note": f"gen_e synthetic Chengdu-like city, {P} persons, {D} days (summer holidays); "
                                  "payment-platform risk analyst's model of everyday life, look-alikes and fraud rings"}
    with open(os.path.join(out, "meta.json"), "w") as fh:
        json.dump(meta, fh, ensure_ascii=False)
        fh.write("\n")
    write_csv(pl.DataFrame({
        "person_id": [f"P{i + 1:06d}" for i in range(P)],
        "district": [DISTRICTS[d][0] for d in W.dist],
        "birth_year": W.birth_year.astype(np.int64),
        "sex": np.where(W.sex == 0, "M", "F"),
    }), os.path.join(out, "persons.csv"))
    pid = [f"P{i + 1:06d}" for i in range(P)]
    write_csv(pl.DataFrame({
        "number": N.num,
        "holder_person_id": gather(pid, N.holder),
        "kind": N.kind,
        "activated_at": ts_opt(N.act),
    }), os.path.join(out, "phones.csv"))
    write_csv(pl.DataFrame({
        "account_id": A.id,
        "holder_person_id": gather(pid, A.holder),
        "bank": A.bank,
        "kind": A.kind,
        "opened_at": ts_opt(A.opened),
    }), os.path.join(out, "accounts.csv"))
    n = len(cts)
    write_csv(pl.DataFrame({"event_id": pl.select(ids("C", n)).to_series(), "ts": ts_series(cts),
                            "caller": gather(N.num, ca), "callee": gather(N.num, cb), "duration_s": cd}),
              os.path.join(out, "calls.csv"))
    n = len(sts)
    write_csv(pl.DataFrame({"event_id": pl.select(ids("S", n)).to_series(), "ts": ts_series(sts),
                            "sender": gather(N.num, sa), "receiver": gather(N.num, sb), "url_domain": gather(S.s, sdm)}),
              os.path.join(out, "sms.csv"))
    n = len(nts)
    write_csv(pl.DataFrame({"event_id": pl.select(ids("N", n)).to_series(), "ts": ts_series(nts),
                            "number": gather(N.num, nn), "kind": np.where(nk == 0, "app_install", "url_visit"),
                            "target": gather(S.s, ntg)}), os.path.join(out, "net.csv"))
    n = len(tts)
    tr_ids = pl.select(ids("T", n)).to_series()
    write_csv(pl.DataFrame({"event_id": tr_ids, "ts": ts_series(tts), "from_account": gather(A.id, tf),
                            "to_account": gather(A.id, tt), "amount": amt_series(tc),
                            "channel": np.array(CHANNELS)[tch]}), os.path.join(out, "transfers.csv"))
    write_csv(pl.DataFrame({
        "report_id": [f"R{i + 1:06d}" for i in range(len(reports))],
        "ts": ts_series([r[0] for r in reports]) if reports else pl.Series([], dtype=pl.String),
        "person_id": [pid[r[1]] for r in reports],
        "paid_to": [";".join(A.id[a] for a in r[2]) for r in reports],
        "claimed_amount": amt_series([r[3] for r in reports]) if reports else pl.Series([], dtype=pl.String),
    }, schema={"report_id": pl.String, "ts": pl.String, "person_id": pl.String, "paid_to": pl.String, "claimed_amount": pl.String}),
        os.path.join(out, "reports.csv"))
    for kind, rows in lists.items():
        rows = sorted(rows, key=lambda r: (r[0], r[1]))
        write_csv(pl.DataFrame({"value": [r[1] for r in rows],
                                "listed_at": ts_series([r[0] for r in rows]) if rows else pl.Series([], dtype=pl.String),
                                "source": [r[2] for r in rows]},
                               schema={"value": pl.String, "listed_at": pl.String, "source": pl.String}),
                  os.path.join(out, "lists", kind + ".csv"))
    # ---- labels
    trows = []
    n_losers, total_loss = 0, 0
    for T in R.targets:
        ls = [i for i in T["losses"] if R.tr[i][0] < end]
        amt = sum(R.tr[i][3] for i in ls)
        first = min((R.tr[i][0] for i in ls), default=None)
        trows.append((T["first_contact"], pid[T["person"]], T["type"], first, amt))
        if ls:
            n_losers += 1
            total_loss += amt
    trows.sort(key=lambda r: (r[0], r[1]))
    write_csv(pl.DataFrame({
        "person_id": [r[1] for r in trows], "scam_type": [r[2] for r in trows],
        "first_contact_ts": ts_series([r[0] for r in trows]),
        "first_loss_ts": ts_opt([r[3] for r in trows]),
        "loss_amount": pl.select(pl.when(pl.Series([r[4] > 0 for r in trows])).then(amt_series([max(r[4], 1) for r in trows])).otherwise(None)).to_series(),
    }), os.path.join(out, "labels", "targets.csv"))
    nrows = sorted((N.num[x], role) for x, role in R.line_role.items() if x in seen_num)
    write_csv(pl.DataFrame({"number": [r[0] for r in nrows], "role": [r[1] for r in nrows]},
                           schema={"number": pl.String, "role": pl.String}), os.path.join(out, "labels", "numbers.csv"))
    arows = sorted((A.id[a], role) for a, role in R.acc_role.items() if a in seen_acc)
    write_csv(pl.DataFrame({"account_id": [r[0] for r in arows], "role": [r[1] for r in arows]},
                           schema={"account_id": pl.String, "role": pl.String}), os.path.join(out, "labels", "accounts.csv"))
    drows = sorted(S.s[x] for x in R.domains if x in seen_str)
    write_csv(pl.DataFrame({"value": drows}, schema={"value": pl.String}), os.path.join(out, "labels", "domains.csv"))
    aprows = sorted(S.s[x] for x in R.apps if x in seen_str)
    write_csv(pl.DataFrame({"value": aprows}, schema={"value": pl.String}), os.path.join(out, "labels", "apps.csv"))
    loss_pos = np.sort(pos_of[ring_global[[i for i, x in enumerate(R.tr) if x[6]]]]) if R.tr else np.array([], int)
    loss_pos = loss_pos[loss_pos >= 0]
    write_csv(pl.DataFrame({"event_id": tr_ids.gather(loss_pos) if len(loss_pos) else pl.Series([], dtype=pl.String)},
                           schema={"event_id": pl.String}), os.path.join(out, "labels", "losses.csv"))
    # ---- sanity figures
    roles = {}
    for _, r in arows:
        roles[r] = roles.get(r, 0) + 1
    nroles = {}
    for _, r in nrows:
        nroles[r] = nroles.get(r, 0) + 1
    by_type = {}
    for r in trows:
        x = by_type.setdefault(r[2], [0, 0, 0])
        x[0] += 1
        x[1] += r[4] > 0
        x[2] += r[4]
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"persons {P}  phones {len(N)}  accounts {len(A)}")
    print(f"calls {len(cts)}  sms {len(sts)}  net {len(nts)}  transfers {len(tts)}  reports {len(reports)}")
    print("lists: " + "  ".join(f"{k} {len(v)}" for k, v in lists.items()))
    print(f"targets {len(trows)}  losers {n_losers}  total loss {total_loss / 100:,.2f} CNY  loss transfers {len(loss_pos)}")
    for k, v in sorted(by_type.items()):
        print(f"   {k:24s} targets {v[0]:4d}  losers {v[1]:4d}  loss {v[2] / 100:14,.2f}")
    print(f"labelled numbers {len(nrows)} {nroles}  accounts {len(arows)} {roles}  domains {len(drows)}  apps {len(aprows)}")
    print(f"runtime {time.time() - t_start:.1f}s  max RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()
