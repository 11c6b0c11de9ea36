#!/usr/bin/env python3
"""Synthetic Xi'an-like city for the dataset/1 interchange format (see DATASET.md, DESIGN.md).

gen.py --seed N --persons P --days D --out DIR
Standard library + numpy + polars only.  Deterministic per seed.
"""
import argparse
import datetime as dt
import json
import os

import numpy as np
import polars as pl

DAY = 86400
HOUR = 3600
TZ = dt.timezone(dt.timedelta(hours=8))
START = int(dt.datetime(2026, 11, 11, 0, 0, 0, tzinfo=TZ).timestamp())

# module constants for independent generators
M_POP, M_PHONE, M_ACCT, M_SOCIAL, M_SERVICE, M_SMS, M_NET, M_TX, M_FRAUD, M_REPORT, M_LIST, M_NOTICE = range(101, 113)


def RNG(seed, mod):
    return np.random.default_rng([seed, mod])


# ---------------------------------------------------------------- city
DISTRICTS = ["610102", "610103", "610104", "610111", "610112", "610113", "610115", "610116", "610117", "610118", "610122"]
# 新城 碑林 莲湖 灞桥 未央 雁塔 临潼 长安 高陵 鄠邑 蓝田
SEGS = ["elder_alone", "elder_fam", "student", "migrant", "office", "trader", "tour", "rural", "homemaker"]
EA, EF, ST, MI, OF, TR, TO, RU, HM = range(9)
SEG_P = np.array([0.09, 0.09, 0.12, 0.14, 0.25, 0.07, 0.03, 0.12, 0.09])
SEG_DIST = np.array([
    # 新城 碑林 莲湖 灞桥 未央 雁塔 临潼 长安 高陵 鄠邑 蓝田
    [18, 22, 20, 8, 8, 12, 3, 4, 2, 2, 1],   # elder alone: old work-unit compounds
    [14, 14, 14, 10, 12, 16, 5, 7, 3, 3, 2],
    [1, 6, 2, 3, 4, 44, 1, 37, 1, 1, 0],     # students: 雁塔 / 长安 university towns
    [4, 4, 6, 14, 30, 28, 3, 8, 2, 1, 0],    # migrants: urban villages
    [10, 12, 12, 9, 18, 26, 3, 6, 2, 1, 1],
    [10, 12, 12, 10, 14, 16, 8, 8, 4, 3, 3],
    [0, 2, 1, 2, 0, 4, 85, 2, 0, 1, 3],      # tour businesses: 临潼
    [0, 0, 0, 12, 6, 2, 16, 30, 12, 12, 10],  # rural townships
    [10, 10, 10, 10, 16, 20, 5, 9, 4, 3, 3],
], dtype=float)
AGE_RANGE = {EA: (66, 92), EF: (62, 88), ST: (18, 25), MI: (19, 52), OF: (23, 58), TR: (28, 65), TO: (25, 60), RU: (18, 80), HM: (26, 62)}
WEALTH = {EA: 90000, EF: 70000, ST: 3000, MI: 15000, OF: 60000, TR: 90000, TO: 70000, RU: 25000, HM: 40000}

BANKS = ["ICBC", "CCB", "ABC", "BOC", "BOCOM", "PSBC", "XABANK", "CMB", "CITIC", "SXRCC"]
BANK_BIN = {"ICBC": ["622202", "621226"], "CCB": ["621700", "622700"], "ABC": ["622848", "623052"],
            "BOC": ["621661", "621785"], "BOCOM": ["622260", "622262"], "PSBC": ["621799", "622188"],
            "XABANK": ["623165", "622136"], "CMB": ["622588", "621483"], "CITIC": ["622690", "621771"],
            "SXRCC": ["621391", "623190"]}
BANK_SVC = {"ICBC": "95588", "CCB": "95533", "ABC": "95599", "BOC": "95566", "BOCOM": "95559", "PSBC": "95580",
            "XABANK": "4008696779", "CMB": "95555", "CITIC": "95558", "SXRCC": "96262"}
OUT_BANKS = ["GXRCC", "YNRCC", "FJRCC", "HNRCC", "SPDB", "CIB", "PAB", "CEB", "HXB", "CMBC"]
CHANNELS = ["mobile", "online", "counter", "atm", "third_party", "crypto_otc"]
CH_MOB, CH_ONL, CH_CNT, CH_ATM, CH_3P, CH_OTC = range(6)

# hour profiles (24 weights)
def _p(*pairs):
    a = np.full(24, 0.2)
    for h, w in pairs:
        a[h] = w
    return a
PROF = {
    "elder": _p((6, 2), (7, 5), (8, 7), (9, 8), (10, 8), (11, 6), (12, 3), (13, 2), (14, 3), (15, 5), (16, 6), (17, 5), (18, 6), (19, 7), (20, 6), (21, 3), (22, 1), (5, 1)),
    "student": _p((0, 2), (1, 1), (8, 1), (9, 2), (10, 3), (11, 3), (12, 5), (13, 4), (14, 3), (15, 3), (16, 3), (17, 4), (18, 5), (19, 6), (20, 7), (21, 8), (22, 8), (23, 5)),
    "worker": _p((6, 1), (7, 3), (8, 3), (9, 3), (10, 3), (11, 3), (12, 6), (13, 5), (14, 3), (15, 3), (16, 3), (17, 4), (18, 6), (19, 7), (20, 7), (21, 6), (22, 4), (23, 2)),
    "office": _p((8, 2), (9, 7), (10, 9), (11, 8), (12, 3), (13, 3), (14, 8), (15, 9), (16, 9), (17, 7), (18, 3), (19, 1)),
    "shop": _p((6, 2), (7, 4), (8, 5), (9, 5), (10, 5), (11, 7), (12, 9), (13, 6), (14, 4), (15, 4), (16, 5), (17, 7), (18, 9), (19, 8), (20, 6), (21, 4), (22, 2), (23, 1)),
    "market": _p((5, 1), (6, 4), (7, 8), (8, 9), (9, 8), (10, 6), (11, 5), (12, 4), (13, 3), (14, 3), (15, 3), (16, 5), (17, 7), (18, 7), (19, 4), (20, 2)),
    "meal": _p((10, 2), (11, 9), (12, 10), (13, 3), (16, 2), (17, 6), (18, 9), (19, 6), (20, 3), (21, 2), (22, 2), (23, 1)),
    "day": _p((8, 3), (9, 6), (10, 7), (11, 7), (12, 4), (13, 4), (14, 6), (15, 7), (16, 7), (17, 6), (18, 4), (19, 3), (20, 2)),
    "evening": _p((12, 2), (17, 3), (18, 5), (19, 9), (20, 10), (21, 8), (22, 4), (23, 1)),
    "dawn": _p((4, 2), (5, 8), (6, 9), (7, 5), (8, 2)),
    "online": _p((0, 4), (1, 1), (7, 1), (8, 2), (9, 3), (10, 4), (11, 4), (12, 6), (13, 5), (14, 4), (15, 4), (16, 4), (17, 4), (18, 5), (19, 7), (20, 9), (21, 10), (22, 9), (23, 6)),
    "d1111": _p((0, 40), (1, 12), (2, 3), (8, 2), (9, 3), (10, 4), (11, 4), (12, 6), (13, 5), (14, 4), (15, 4), (16, 4), (17, 4), (18, 5), (19, 7), (20, 9), (21, 10), (22, 12), (23, 14)),
    "morning": _p((6, 2), (7, 6), (8, 9), (9, 8), (10, 5), (11, 3)),
    "any": np.ones(24),
}
PNAMES = list(PROF)
PIDX = {n: i for i, n in enumerate(PNAMES)}
PCDF = np.array([np.cumsum(PROF[n]) / PROF[n].sum() for n in PNAMES])
SEG_PROF = np.array([PIDX[x] for x in ["elder", "elder", "student", "worker", "worker", "shop", "shop", "elder", "day"]])


def draw_ts(rng, day, prof):
    day = np.asarray(day, dtype=np.int64)
    n = len(day)
    if n == 0:
        return np.zeros(0, np.int64)
    prof = np.broadcast_to(np.asarray(prof), (n,))
    u = rng.random(n)
    h = np.minimum((u[:, None] > PCDF[prof]).sum(1), 23)
    return START + day * DAY + h * HOUR + rng.integers(0, HOUR, n)


def lognorm(rng, median, sigma, n):
    return np.exp(np.log(median) + sigma * rng.standard_normal(n))


# ---------------------------------------------------------------- registries
class Phones:
    def __init__(self, rng):
        self.rng = rng
        self.num, self.holder, self.kind, self.act = [], [], [], []
        self.used = set()
        self.idx = {}

    def draw(self, n, pats, probs=None):
        """pats: list of (prefix, ndigits)"""
        out = []
        while len(out) < n:
            m = n - len(out)
            k = self.rng.choice(len(pats), m, p=probs)
            r = self.rng.random(m)
            for ki, ri in zip(k.tolist(), r.tolist()):
                pre, nd = pats[ki]
                s = pre + str(int(ri * 10 ** nd)).zfill(nd)
                if s not in self.used:
                    self.used.add(s)
                    out.append(s)
        return out

    def add_nums(self, nums, kind, holder=None, act=None):
        n = len(nums)
        base = len(self.num)
        holder = [-1] * n if holder is None else list(np.asarray(holder).tolist())
        act = [-1] * n if act is None else list(np.asarray(act).tolist())
        for i, s in enumerate(nums):
            self.used.add(s)
            self.idx[s] = base + i
        self.num += list(nums)
        self.holder += holder
        self.kind += [kind] * n
        self.act += act
        return np.arange(base, base + n)

    def add(self, n, pats, kind, holder=None, act=None, probs=None):
        return self.add_nums(self.draw(n, pats, probs), kind, holder, act)

    def fixed(self, s, kind="service"):
        if s in self.idx:
            return self.idx[s]
        return int(self.add_nums([s], kind)[0])


class Accounts:
    def __init__(self, rng):
        self.rng = rng
        self.id, self.holder, self.bank, self.kind, self.opened = [], [], [], [], []
        self.used = set()

    def add(self, n, bank, kind, holder=None, opened=None, fmt=None):
        """bank: str or list of str per account"""
        banks = [bank] * n if isinstance(bank, str) else list(bank)
        ids = []
        r = self.rng.random((n, 2))
        for i in range(n):
            b = banks[i]
            while True:
                if b == "WXPAY":
                    s = "wx" + str(int(r[i, 0] * 1e14)).zfill(14)
                elif b == "ALIPAY":
                    s = "2088" + str(int(r[i, 0] * 1e12)).zfill(12)
                elif kind == "corporate":
                    s = "61" + str(int(r[i, 0] * 1e16)).zfill(16) + str(int(r[i, 1] * 100)).zfill(2)
                elif kind == "merchant":
                    s = "M" + b[:2] + str(int(r[i, 0] * 1e13)).zfill(13)
                else:
                    bins = BANK_BIN.get(b)
                    pre = bins[int(r[i, 1] * 2)] if bins else "62" + str(int(r[i, 1] * 10000)).zfill(4)
                    s = pre + str(int(r[i, 0] * 1e13)).zfill(13)
                if s not in self.used:
                    break
                r[i] = self.rng.random(2)
            self.used.add(s)
            ids.append(s)
        base = len(self.id)
        self.id += ids
        self.bank += banks
        self.kind += [kind] * n
        self.holder += ([-1] * n if holder is None else list(np.asarray(holder).tolist()))
        self.opened += ([-1] * n if opened is None else list(np.asarray(opened).tolist()))
        return np.arange(base, base + n)


class Vocab:
    def __init__(self):
        self.s, self.i = [], {}

    def __call__(self, s):
        if s not in self.i:
            self.i[s] = len(self.s)
            self.s.append(s)
        return self.i[s]

    def many(self, lst):
        return np.array([self(x) for x in lst])


class Ev:
    """event buffers with integer-coded columns"""
    def __init__(self):
        self.calls, self.sms, self.net, self.tx = [], [], [], []

    def call(self, ts, a, b, dur):
        n = len(ts)
        if n:
            self.calls.append((np.asarray(ts, np.int64), np.broadcast_to(np.asarray(a, np.int64), (n,)),
                               np.broadcast_to(np.asarray(b, np.int64), (n,)), np.broadcast_to(np.asarray(dur, np.int64), (n,))))

    def text(self, ts, a, b, dom):
        n = len(ts)
        if n:
            self.sms.append((np.asarray(ts, np.int64), np.broadcast_to(np.asarray(a, np.int64), (n,)),
                             np.broadcast_to(np.asarray(b, np.int64), (n,)), np.broadcast_to(np.asarray(dom, np.int64), (n,))))

    def netev(self, ts, num, kind, tgt):
        n = len(ts)
        if n:
            self.net.append((np.asarray(ts, np.int64), np.broadcast_to(np.asarray(num, np.int64), (n,)),
                             np.broadcast_to(np.asarray(kind, np.int64), (n,)), np.broadcast_to(np.asarray(tgt, np.int64), (n,))))

    def transfer(self, ts, a, b, cents, ch, loss=0):
        n = len(ts)
        if n:
            self.tx.append((np.asarray(ts, np.int64), np.broadcast_to(np.asarray(a, np.int64), (n,)),
                            np.broadcast_to(np.asarray(b, np.int64), (n,)), np.maximum(np.asarray(cents, np.int64), 1),
                            np.broadcast_to(np.asarray(ch, np.int64), (n,)), np.broadcast_to(np.asarray(loss, np.int64), (n,))))


def cat(bufs, k):
    if not bufs:
        return [np.zeros(0, np.int64) for _ in range(k)]
    return [np.concatenate([b[i] for b in bufs]).astype(np.int64) for i in range(k)]


def money(rng, median, sigma, n, lo=1.0, hi=1e7, round_to=None):
    a = np.clip(lognorm(rng, median, sigma, n), lo, hi)
    if round_to:
        a = np.maximum(np.round(a / round_to) * round_to, round_to)
    return np.round(a * 100).astype(np.int64)


# ---------------------------------------------------------------- main build
def build(seed, P, D, out):
    END = START + D * DAY
    days = np.arange(D)
    wd = (2 + days) % 7                          # Monday=0; 11 Nov 2026 is a Wednesday
    weekend = (wd >= 5).astype(float)
    dom = 11 + days                              # day of month (only used while < 31)
    month_day = [(dt.datetime.fromtimestamp(START + d * DAY, TZ).day) for d in days]
    # 11.11 curves: online shopping, parcels, promo texts
    shop_mult = np.ones(D); shop_mult[0] = 4.0
    if D > 1: shop_mult[1] = 1.6
    if D > 2: shop_mult[2] = 1.3
    parcel_curve = [0.9, 1.8, 2.6, 2.9, 2.5, 2.0, 1.6, 1.3, 1.15]
    parcel_mult = np.array([parcel_curve[d] if d < len(parcel_curve) else 1.0 for d in days])
    promo_mult = np.ones(D); promo_mult[0] = 3.5
    if D > 1: promo_mult[1] = 1.8
    if D > 2: promo_mult[2] = 1.3

    ev = Ev()
    voc = Vocab()

    # ------------------------------------------------------------ people
    rng = RNG(seed, M_POP)
    seg = rng.choice(9, P, p=SEG_P / SEG_P.sum())
    dist = np.zeros(P, np.int64)
    age = np.zeros(P, np.int64)
    for s in range(9):
        m = np.where(seg == s)[0]
        w = SEG_DIST[s] / SEG_DIST[s].sum()
        dist[m] = rng.choice(len(DISTRICTS), len(m), p=w)
        lo, hi = AGE_RANGE[s]
        if s in (EA, EF, RU):
            a = lo + np.abs(rng.normal(0, (hi - lo) / 2.2, len(m)))
        else:
            a = rng.uniform(lo, hi + 1, len(m))
        age[m] = np.clip(a, lo, hi).astype(int)
    female_p = np.where(seg == EA, 0.64, np.where(seg == MI, 0.38, np.where(seg == HM, 0.8, 0.5)))
    sex = np.where(rng.random(P) < female_p, "F", "M")
    birth = 2026 - age - (rng.random(P) < 0.85).astype(int)
    elder = (seg == EA) | (seg == EF) | ((seg == RU) & (age >= 62))
    smart = np.where(elder, rng.random(P) < 0.62, True)
    courier = (seg == MI) & (rng.random(P) < 0.10)
    driver = ((seg == MI) | (seg == RU)) & (age < 55) & (rng.random(P) < 0.06) & ~courier
    agent = (seg == OF) & (rng.random(P) < 0.06)
    hseller = (seg == TR) & (rng.random(P) < 0.08)
    landlord = (((seg == RU) & np.isin(dist, [4, 5, 7, 3])) | (seg == HM)) & (rng.random(P) < 0.18) & (age >= 35)
    debtor = np.isin(seg, [MI, OF, TR, RU, HM]) & (age < 50) & (rng.random(P) < 0.05)
    abroad = (rng.random(P) < np.where(np.isin(seg, [EF, OF]), 0.05, 0.012))
    wealth = np.array([WEALTH[s] for s in seg]) * np.exp(0.8 * rng.standard_normal(P))

    # ------------------------------------------------------------ phones
    rng = RNG(seed, M_PHONE)
    ph = Phones(rng)
    MOB = [(p, 8) for p in ["134", "135", "136", "137", "138", "139", "150", "151", "152", "157", "158", "159", "182", "183", "187", "188", "198",
                            "130", "131", "132", "155", "156", "185", "186", "166", "176", "133", "153", "180", "181", "189", "177", "173", "199", "191"]]
    VIRT = [("170", 8), ("171", 8), ("162", 8), ("165", 8), ("167", 8)]
    XALAND = [("0298", 7), ("0296", 7)]
    act_old = START - (rng.uniform(30, 6000, P) * DAY).astype(np.int64)
    act_old = np.where(seg == ST, START - (rng.uniform(50, 900, P) * DAY).astype(np.int64), act_old)  # freshmen got new SIMs
    main_ph = ph.add(P, MOB, "mobile", holder=np.arange(P), act=act_old)
    has_work = ((seg == OF) | (seg == TR) | (seg == TO) | courier | agent) & (rng.random(P) < 0.25)
    wp = np.where(has_work)[0]
    work_ph = np.full(P, -1)
    work_ph[wp] = ph.add(len(wp), MOB, "mobile", holder=wp, act=START - (rng.uniform(20, 3000, len(wp)) * DAY).astype(np.int64))
    has_land = elder & (rng.random(P) < 0.4) & ~np.isin(dist, [7, 8, 9, 10])
    lp = np.where(has_land)[0]
    land_ph = np.full(P, -1)
    land_ph[lp] = ph.add(len(lp), XALAND, "landline", holder=lp, act=START - (rng.uniform(3000, 11000, len(lp)) * DAY).astype(np.int64))

    # ------------------------------------------------------------ accounts
    rng = RNG(seed, M_ACCT)
    ac = Accounts(rng)
    bank_w = np.array([18, 20, 14, 10, 6, 10, 8, 6, 3, 5], float)
    main_bank = rng.choice(len(BANKS), P, p=bank_w / bank_w.sum())
    main_bank = np.where(elder & (rng.random(P) < 0.35), BANKS.index("PSBC"), main_bank)
    main_bank = np.where((seg == RU) & (rng.random(P) < 0.5), BANKS.index("SXRCC"), main_bank)
    opened = START - (rng.uniform(60, 7000, P) * DAY).astype(np.int64)
    card = ac.add(P, [BANKS[b] for b in main_bank], "personal", holder=np.arange(P), opened=opened)
    has2 = (elder | (seg == OF) | (seg == TR)) & (rng.random(P) < 0.55)
    p2 = np.where(has2)[0]
    card2 = np.full(P, -1)
    card2[p2] = ac.add(len(p2), [BANKS[b] for b in rng.choice(len(BANKS), len(p2))], "personal", holder=p2,
                       opened=START - (rng.uniform(100, 8000, len(p2)) * DAY).astype(np.int64))
    wal_bank = np.where(rng.random(P) < 0.55, "WXPAY", "ALIPAY")
    pw = np.where(smart & (rng.random(P) < 0.96))[0]
    wallet = np.full(P, -1)
    wallet[pw] = ac.add(len(pw), [str(x) for x in wal_bank[pw]], "personal", holder=pw,
                        opened=START - (rng.uniform(100, 3000, len(pw)) * DAY).astype(np.int64))
    pay_acct = np.where(wallet >= 0, wallet, card)       # everyday paying account
    has_till = (seg == TR) | (seg == TO) | hseller
    tp = np.where(has_till)[0]
    till = np.full(P, -1)
    till[tp] = ac.add(len(tp), ["WXPAY" if x < 0.5 else "ALIPAY" for x in rng.random(len(tp))], "merchant", holder=tp,
                      opened=START - (rng.uniform(60, 3000, len(tp)) * DAY).astype(np.int64))
    # external (no local holder) accounts
    n_emp = max(6, P // 60)
    employers = ac.add(n_emp, [BANKS[b] for b in rng.choice(len(BANKS), n_emp)], "corporate")
    emp_paydom = rng.choice([5, 10, 13, 15, 18, 20, 25, 28], n_emp)
    socsec = ac.add(2, ["ICBC", "PSBC"], "corporate")
    heating = ac.add(2, ["CCB", "XABANK"], "corporate")
    utilities = ac.add(4, ["CCB", "ICBC", "XABANK", "ABC"], "corporate")   # grid, gas, water, telco
    insurer = ac.add(3, ["ICBC", "CCB", "CMB"], "corporate")
    consfin = ac.add(5, ["CMB", "CITIC", "PAB", "CIB", "SPDB"], "corporate")
    wholesale = ac.add(max(4, P // 250), [BANKS[b] for b in rng.choice(len(BANKS), max(4, P // 250))], "corporate")
    gold = ac.add(max(2, P // 5000), "ICBC", "merchant")
    meituan = ac.add(2, ["ALIPAY", "WXPAY"], "merchant")
    didi = ac.add(2, ["ALIPAY", "WXPAY"], "merchant")
    n_om = max(200, P // 6)
    online_m = ac.add(n_om, ["ALIPAY" if x < 0.6 else "WXPAY" for x in rng.random(n_om)], "merchant")
    om_w = 1.0 / np.arange(1, n_om + 1) ** 0.9
    om_w /= om_w.sum()
    n_ls = max(60, P // 40)
    local_m = ac.add(n_ls, ["WXPAY" if x < 0.6 else "ALIPAY" for x in rng.random(n_ls)], "merchant")
    local_m_dist = rng.choice(len(DISTRICTS), n_ls, p=SEG_DIST[OF] / SEG_DIST[OF].sum())

    # ------------------------------------------------------------ external numbers / services
    rng = RNG(seed, M_SERVICE)
    svc = {k: ph.fixed(v) for k, v in BANK_SVC.items()}
    bank106 = {b: ph.fixed("10695" + BANK_SVC[b][-3:] + str(1000 + i)) for i, b in enumerate(BANKS)}
    ops = [ph.fixed(x) for x in ["10086", "10010", "10000"]]
    plat106 = [ph.fixed(x) for x in ["1069095566100", "106550101954", "1069014500", "10690572001", "106980095188", "1069888095017", "106575500", "10690999517"]]
    courier106 = [ph.fixed(x) for x in ["95338", "95311", "95546", "95554", "95543", "95118", "1069033308118"]]
    gov106 = ph.fixed("12345")
    heat106 = ph.fixed("106903029888")
    debt106 = ph.fixed("10690878600")
    D_PLAT = ["m.tb.cn", "u.jd.com", "yangkeduo.com", "vip.com", "dewu.com", "s.click.taobao.com", "3.cn", "t.cn", "douyin.com", "meituan.com"]
    D_COUR = ["cainiao.com", "sf-express.com", "c.tb.cn", "jdl.com", ""]
    D_BANK = {b: d for b, d in zip(BANKS, ["icbc.com.cn", "ccb.com", "abchina.com", "boc.cn", "bankcomm.com", "psbc.com", "xacbank.com", "cmbchina.com", "citicbank.com", "sxnxs.com"])}
    D_LEGIT = {  # domain: weights for [elder, student, worker, office, shop, rural, home]
        "baidu.com": [6, 8, 8, 8, 7, 7, 8], "qq.com": [3, 9, 7, 8, 5, 5, 6], "weixin.qq.com": [8, 9, 9, 9, 9, 8, 9],
        "taobao.com": [1, 7, 5, 7, 5, 3, 8], "jd.com": [1, 5, 3, 6, 4, 2, 5], "pinduoduo.com": [3, 5, 7, 4, 5, 6, 8],
        "douyin.com": [6, 9, 9, 7, 7, 7, 8], "kuaishou.com": [4, 4, 8, 3, 6, 8, 5], "bilibili.com": [0.2, 9, 2, 4, 1, 1, 2],
        "weibo.com": [0.5, 6, 2, 5, 2, 1, 4], "zhihu.com": [0.2, 6, 1, 5, 1, 0.5, 2], "toutiao.com": [7, 2, 6, 5, 6, 7, 5],
        "12306.cn": [0.5, 3, 3, 2, 1, 1, 1], "xa.gov.cn": [1, 0.5, 0.5, 1, 1, 1, 1], "chsi.com.cn": [0, 2, 0, 0.2, 0, 0, 0],
        "xjtu.edu.cn": [0, 3, 0, 0.2, 0, 0, 0], "nwpu.edu.cn": [0, 2, 0, 0.1, 0, 0, 0], "ctrip.com": [0.2, 1, 0.5, 2, 1, 0.3, 1],
        "meituan.com": [0.5, 5, 3, 5, 3, 1, 4], "ele.me": [0.2, 4, 2, 3, 2, 0.5, 2], "amap.com": [1, 3, 5, 4, 4, 3, 3],
        "didiglobal.com": [0.3, 2, 2, 3, 1, 1, 2], "cctv.com": [5, 0.5, 1, 1, 2, 3, 2], "sina.com.cn": [2, 1, 1, 3, 1, 1, 1],
        "12333.gov.cn": [2, 0.3, 0.5, 0.5, 0.5, 1, 0.5], "ximalaya.com": [3, 1, 1, 2, 1, 2, 2], "kugou.com": [1, 4, 4, 2, 2, 3, 3],
        "icbc.com.cn": [1, 0.5, 1, 2, 2, 1, 1], "ccb.com": [1, 0.5, 1, 2, 2, 1, 1], "psbc.com": [2, 0.3, 1, 0.5, 1, 2, 1],
        "eastmoney.com": [1, 0.5, 0.5, 3, 2, 0.5, 1], "58.com": [0.2, 1, 5, 1, 1, 2, 1], "zhipin.com": [0, 3, 3, 2, 0.2, 1, 1],
        "ke.com": [0.3, 0.2, 1, 2, 1, 0.5, 2], "dianping.com": [0.3, 3, 1, 3, 2, 0.5, 2], "12123.gov.cn": [0.2, 0.3, 1, 2, 1, 1, 1],
        "miit.gov.cn": [0.1, 0.1, 0.1, 0.2, 0.1, 0.1, 0.1], "gjfzzx.cn": [0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3],
    }
    legit_dom = list(D_LEGIT)
    legit_dom_ids = voc.many(legit_dom)
    seg_dcls = np.array([0, 0, 1, 2, 3, 4, 4, 5, 6])
    dom_w = np.array([D_LEGIT[d] for d in legit_dom], float).T   # [7, ndom]
    dom_cdf = np.cumsum(dom_w, 1) / dom_w.sum(1, keepdims=True)
    shop_doms = voc.many(["taobao.com", "jd.com", "pinduoduo.com", "m.tb.cn", "vip.com", "dewu.com"])
    APPS_LEGIT = ["com.tencent.mm", "com.eg.android.AlipayGphone", "com.taobao.taobao", "com.jingdong.app.mall", "com.xunmeng.pinduoduo",
                  "com.ss.android.ugc.aweme", "com.smile.gifmaker", "com.sankuai.meituan", "me.ele", "com.sdu.didi.psnger",
                  "com.autonavi.minimap", "tv.danmaku.bili", "com.tencent.qqmusic", "com.icbc", "com.chinamworld.main", "cmb.pb",
                  "com.android.bankabc", "com.hicorenational.antifraud", "com.tencent.wemeet.app", "us.zoom.videomeetings",
                  "com.alibaba.android.rimet", "com.ss.android.lark", "com.cainiao.wireless", "com.achievo.vipshop", "com.shizhuang.duapp",
                  "com.eastmoney.android.berlin", "com.tmri.app.main", "com.MobileTicket", "com.kugou.android", "com.ss.android.article.lite",
                  "cn.gov.tax.its", "com.xiachufang", "com.tencent.mobileqq", "com.ximalaya.ting.android"]
    app_w = np.array([1, 1, 6, 4, 6, 3, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1, 1, 3, 1.5, 0.7, 1.2, 0.6, 3, 1.5, 1.5, 0.8, 0.6, 0.5, 0.8, 1, 0.3, 0.5, 0.5, 0.6])
    app_ids = voc.many(APPS_LEGIT)
    shop_app_mask = np.isin(np.arange(len(APPS_LEGIT)), [2, 3, 4, 22, 23, 24])

    # external number pools (counts scale with P)
    n_cour_ext = max(8, P // 180)
    cour_ext = ph.add(n_cour_ext, MOB, "mobile")
    cour_ext_dist = rng.integers(0, len(DISTRICTS), n_cour_ext)
    cour_res = np.where(courier)[0]
    relay = ph.add(max(10, P // 250), VIRT[:2] + MOB[:6], "voip")          # ride-hailing / food privacy numbers
    n_tm = max(4, P // 400)
    telemkt = ph.add(n_tm, XALAND + MOB + [("0755", 8), ("021", 8), ("4001", 6)], "landline")
    for i in telemkt:  # fix kinds: mobile-looking telemarketers are mobiles
        if ph.num[i][0] == "1" and not ph.num[i].startswith("400"):
            ph.kind[i] = "mobile"
    n_dc = max(3, P // 1500)
    debtcol = ph.add(n_dc, [("0755", 8), ("021", 8), ("0571", 8), ("170", 8), ("171", 8), ("138", 8), ("186", 8)], "landline")
    for i in debtcol:
        ph.kind[i] = "voip" if ph.num[i][:3] in ("170", "171") else ("mobile" if ph.num[i][0] == "1" else "landline")

    # ------------------------------------------------------------ social contacts (edges)
    rng = RNG(seed, M_SOCIAL)
    e_src, e_dst, e_w, e_typ, e_dp = [], [], [], [], []   # dst phone id, dst person (-1 ext)

    def add_edges(src, dstph, w, typ, dp):
        e_src.append(np.asarray(src)); e_dst.append(np.asarray(dstph)); e_w.append(np.asarray(w, float))
        e_typ.append(np.full(len(src), typ)); e_dp.append(np.asarray(dp))

    # neighbours in (district, segment) order -> friends
    key = dist * 10 + seg
    order = np.lexsort((rng.random(P), key))
    pos = np.empty(P, np.int64); pos[order] = np.arange(P)
    nf = 1 + rng.poisson(np.where(elder, 2.0, 3.5))
    src = np.repeat(np.arange(P), nf)
    off = rng.integers(1, 30, len(src)) * np.where(rng.random(len(src)) < 0.5, -1, 1)
    fpos = np.clip(pos[src] + off, 0, P - 1)
    dstp = order[fpos]
    ok = dstp != src
    add_edges(src[ok], main_ph[dstp[ok]], rng.uniform(0.5, 2, ok.sum()), 1, dstp[ok])
    # colleagues (office/trader/tour/migrant grouped into workplaces)
    wk = np.where(np.isin(seg, [OF, MI, TO]))[0]
    wid = rng.integers(0, max(1, len(wk) // 25), len(wk))
    o2 = wk[np.lexsort((rng.random(len(wk)), wid))]
    pos2 = np.empty(P, np.int64); pos2[o2] = np.arange(len(o2))
    nc = rng.integers(2, 7, len(wk))
    src = np.repeat(wk, nc)
    cp = np.clip(pos2[src] + rng.integers(-12, 13, len(src)), 0, len(o2) - 1)
    dstp = o2[cp]
    ok = dstp != src
    dph = np.where(work_ph[dstp[ok]] >= 0, work_ph[dstp[ok]], main_ph[dstp[ok]])
    add_edges(src[ok], dph, rng.uniform(0.5, 2.5, ok.sum()), 2, dstp[ok])
    # resident kin: elderly <-> adult child living in the city
    el = np.where(elder)[0]
    adults = np.where(np.isin(seg, [OF, HM, TR]) & (age >= 28) & (age <= 58))[0]
    hk = el[rng.random(len(el)) < 0.5]
    kid = adults[rng.integers(0, len(adults), len(hk))]
    elder_kid = np.full(P, -1); elder_kid[hk] = kid
    dph = np.where(land_ph[hk] >= 0, np.where(rng.random(len(hk)) < 0.4, land_ph[hk], main_ph[hk]), main_ph[hk])
    add_edges(kid, dph, rng.uniform(2, 4, len(hk)), 0, hk)
    add_edges(hk, main_ph[kid], rng.uniform(2, 4, len(hk)), 0, kid)
    # external family: children elsewhere (elderly), parents (students), hometown (migrants)
    nx = np.where(elder, rng.integers(0, 3, P), 0) + np.where(seg == ST, 1 + (rng.random(P) < 0.5), 0) \
        + np.where(seg == MI, 1 + rng.integers(0, 2, P), 0) + (rng.random(P) < 0.3)
    src = np.repeat(np.arange(P), nx)
    xfam = ph.add(len(src), MOB, "mobile")
    add_edges(src, xfam, rng.uniform(1.5, 3.5, len(src)), 3, np.full(len(src), -1))
    xfam_src = src.copy()
    # overseas relatives
    ab = np.where(abroad)[0]
    xab = ph.add(len(ab), [("+1", 10), ("+44", 10), ("+61", 9), ("+81", 10), ("+65", 8), ("+49", 11), ("+82", 10)], "overseas")
    add_edges(ab, xab, rng.uniform(1, 2, len(ab)), 5, np.full(len(ab), -1))
    # external others (clients, old classmates, suppliers)
    n_xo = max(50, int(P * 1.2))
    xo = ph.add(n_xo, MOB + XALAND, "mobile")
    for i in xo:
        if ph.num[i].startswith("029"):
            ph.kind[i] = "landline"
    nxo = rng.poisson(np.where(elder, 1.0, np.where(np.isin(seg, [TR, TO, OF]), 4.0, 2.0)))
    src = np.repeat(np.arange(P), nxo)
    add_edges(src, xo[rng.integers(0, n_xo, len(src))], rng.uniform(0.3, 1.5, len(src)), 4, np.full(len(src), -1))

    E_src = np.concatenate(e_src); E_dst = np.concatenate(e_dst); E_w = np.concatenate(e_w)
    E_typ = np.concatenate(e_typ); E_dp = np.concatenate(e_dp)
    o = np.argsort(E_src, kind="stable")
    E_src, E_dst, E_w, E_typ, E_dp = E_src[o], E_dst[o], E_w[o], E_typ[o], E_dp[o]
    cw = np.cumsum(E_w)
    starts = np.searchsorted(E_src, np.arange(P))
    ends = np.searchsorted(E_src, np.arange(P), side="right")
    has_e = ends > starts
    tot_before = np.where(starts > 0, cw[np.maximum(starts - 1, 0)], 0.0)
    tot = np.where(has_e, cw[np.maximum(ends - 1, 0)] - tot_before, 1.0)
    E_key = E_src + (cw - tot_before[E_src]) / tot[E_src]
    E_key[ends[has_e] - 1] = E_src[ends[has_e] - 1] + 1.0

    # social calls: per person-day counts
    out_rate = np.array([1.3, 1.5, 1.6, 2.0, 2.6, 2.8, 3.0, 1.5, 1.8])[seg]
    day_f = np.where(weekend > 0, 1.15, 1.0)
    cnt = rng.poisson(out_rate[:, None] * day_f[None, :] * has_e[:, None])
    pi = np.repeat(np.arange(P * D), cnt.ravel())
    cp, cd = pi // D, pi % D
    u = rng.random(len(cp))
    ei = np.minimum(np.searchsorted(E_key, cp + u), len(E_key) - 1)
    typ = E_typ[ei]
    is_wk = weekend[cd] > 0
    # work calls on weekends are rarer: move most to family/friends re-draw by rejecting half
    keep = ~((typ == 2) & is_wk & (rng.random(len(cp)) < 0.7))
    cp, cd, ei, typ = cp[keep], cd[keep], ei[keep], typ[keep]
    prof = np.where(typ == 2, PIDX["office"], np.where(typ == 5, PIDX["morning"], SEG_PROF[seg[cp]]))
    ts = draw_ts(rng, cd, prof)
    med = np.array([150, 100, 70, 300, 60, 900])[typ]
    med = np.where((typ == 3) & elder[cp], 420, med)
    dur = lognorm(rng, 1, 1.0, len(cp)) * med
    ans = rng.random(len(cp)) < np.where(typ == 4, 0.75, 0.86)
    dur = np.where(ans, np.clip(dur, 3, 7200), 0).astype(np.int64)
    own = np.where((typ == 2) & (work_ph[cp] >= 0), work_ph[cp], main_ph[cp])
    own = np.where(elder[cp] & (land_ph[cp] >= 0) & (rng.random(len(cp)) < 0.35), land_ph[cp], own)
    other = E_dst[ei]
    inc = (E_dp[ei] < 0) & (rng.random(len(cp)) < np.where(typ == 3, np.where(elder[cp] | (seg[cp] == ST), 0.7, 0.5), 0.5))
    ev.call(ts, np.where(inc, other, own), np.where(inc, own, other), dur)
    # the weekly Sunday/Saturday evening call from children working elsewhere
    xm = elder[xfam_src] | (seg[xfam_src] == ST)
    xs, xd = xfam_src[xm], xfam[xm]
    for d in days[wd >= 5]:
        k = rng.random(len(xs)) < 0.45
        t = draw_ts(rng, np.full(k.sum(), d), PIDX["evening"])
        dd = np.clip(lognorm(rng, 600, 0.7, k.sum()), 30, 5400).astype(np.int64)
        dd = np.where(rng.random(k.sum()) < 0.1, 0, dd)
        tgt = np.where(land_ph[xs[k]] >= 0, land_ph[xs[k]], main_ph[xs[k]])
        ev.call(t, xd[k], tgt, dd)

    # ------------------------------------------------------------ service traffic (calls)
    rng = RNG(seed, M_SERVICE + 50)
    # parcels (11.11): courier calls + pickup texts
    prate = np.array([0.08, 0.15, 0.45, 0.18, 0.5, 0.25, 0.25, 0.1, 0.6])[seg] * smart
    cnt = rng.poisson(prate[:, None] * parcel_mult[None, :])
    pi = np.repeat(np.arange(P * D), cnt.ravel())
    pp, pd_ = pi // D, pi % D
    n = len(pp)
    # courier serving recipient's district: resident courier if any in the district, else external
    cr_dist = dist[cour_res] if len(cour_res) else np.zeros(0, int)
    use_res = rng.random(n) < 0.5
    cid = np.empty(n, np.int64)
    for dI in range(len(DISTRICTS)):
        m = dist[pp] == dI
        rc = cour_res[cr_dist == dI]
        ec = cour_ext[cour_ext_dist == dI]
        if len(ec) == 0:
            ec = cour_ext
        pool_r = main_ph[rc] if len(rc) else ph_arr(ec)
        mr = m & use_res
        me = m & ~use_res
        cid[mr] = pool_r[rng.integers(0, len(pool_r), mr.sum())]
        cid[me] = ec[rng.integers(0, len(ec), me.sum())]
    ts = draw_ts(rng, pd_, PIDX["day"])
    campus = (seg[pp] == ST)
    mc = (rng.random(n) < np.where(campus, 0.1, 0.45))
    dur = np.where(rng.random(n) < 0.78, np.clip(lognorm(rng, 25, 0.6, n), 4, 300), 0).astype(np.int64)
    ev.call(ts[mc], cid[mc], main_ph[pp[mc]], dur[mc])
    ms = rng.random(n) < 0.8
    cdom = voc.many(D_COUR)
    cd_pick = rng.integers(0, len(D_COUR), n)
    cdom_i = np.where(np.array(D_COUR)[cd_pick] == "", -1, cdom[cd_pick])
    c106 = np.array(courier106)[rng.integers(0, len(courier106), n)]
    ev.text(ts[ms] + rng.integers(60, 3 * HOUR, ms.sum()), c106[ms], main_ph[pp[ms]], cdom_i[ms])
    parcels_pp = np.bincount(pp, minlength=P)
    # food delivery and ride-hailing through privacy relay numbers
    frate = np.array([0.02, 0.05, 0.55, 0.3, 0.6, 0.15, 0.1, 0.05, 0.35])[seg] * smart
    cnt = rng.poisson(frate[:, None] * np.ones(D)[None, :])
    pi = np.repeat(np.arange(P * D), cnt.ravel())
    fp, fd = pi // D, pi % D
    n = len(fp)
    fts = draw_ts(rng, fd, PIDX["meal"])
    mc = rng.random(n) < 0.3
    rl = relay[rng.integers(0, len(relay), n)]
    ev.call(fts[mc] + rng.integers(600, 2400, mc.sum()), rl[mc], main_ph[fp[mc]],
            np.where(rng.random(mc.sum()) < 0.9, rng.integers(8, 60, mc.sum()), 0))
    ev.transfer(fts, pay_acct[fp], meituan[rng.integers(0, 2, n)], money(rng, 32, 0.5, n, 8, 400), CH_3P)
    rrate = np.array([0.03, 0.05, 0.2, 0.08, 0.3, 0.1, 0.1, 0.03, 0.15])[seg] * smart
    cnt = rng.poisson(rrate[:, None] * np.where(weekend > 0, 1.2, 1.0)[None, :])
    pi = np.repeat(np.arange(P * D), cnt.ravel())
    rp, rd = pi // D, pi % D
    n = len(rp)
    rts = draw_ts(rng, rd, PIDX["worker"])
    mc = rng.random(n) < 0.4
    rl = relay[rng.integers(0, len(relay), n)]
    inc = rng.random(n) < 0.7
    a_ = np.where(inc, rl, main_ph[rp]); b_ = np.where(inc, main_ph[rp], rl)
    ev.call(rts[mc], a_[mc], b_[mc], np.where(rng.random(mc.sum()) < 0.85, rng.integers(8, 90, mc.sum()), 0))
    ev.transfer(rts + rng.integers(900, 3600, n), pay_acct[rp], didi[rng.integers(0, 2, n)], money(rng, 28, 0.6, n, 9, 300), CH_3P)
    # resident drivers call passengers through relay too
    dv = np.where(driver)[0]
    for d in days:
        k = rng.poisson(6, len(dv))
        s = np.repeat(dv, k)
        t = draw_ts(rng, np.full(len(s), d), PIDX["worker"])
        ev.call(t, main_ph[s], relay[rng.integers(0, len(relay), len(s))], rng.integers(0, 80, len(s)))

    # telemarketers: many short calls to many people (look-alike)
    def spray_pool(weights):
        w = weights / weights.sum()
        return np.cumsum(w)
    tm_w = np.array([1.0, 1.0, 0.6, 0.8, 1.6, 1.6, 1.2, 0.8, 1.2])[seg]
    tm_cdf = spray_pool(tm_w)
    for d in days:
        k = rng.poisson(np.where(weekend[d] > 0, 12, 35), n_tm)
        s = np.repeat(telemkt, k)
        tgt = np.searchsorted(tm_cdf, rng.random(len(s)))
        t = draw_ts(rng, np.full(len(s), d), PIDX["office"])
        a = rng.random(len(s)) < 0.38
        dd = np.where(a, np.clip(lognorm(rng, 22, 0.9, len(s)), 2, 900), 0).astype(np.int64)
        ev.call(t, s, main_ph[tgt], dd)
    # estate / insurance agents (residents) dialing clients
    ag = np.where(agent)[0]
    for d in days:
        k = rng.poisson(np.where(weekend[d] > 0, 10, 18), len(ag))
        s = np.repeat(ag, k)
        tgt = np.searchsorted(tm_cdf, rng.random(len(s)))
        t = draw_ts(rng, np.full(len(s), d), PIDX["day"])
        a = rng.random(len(s)) < 0.55
        dd = np.where(a, np.clip(lognorm(rng, 70, 1.0, len(s)), 3, 2400), 0).astype(np.int64)
        own = np.where(work_ph[s] >= 0, work_ph[s], main_ph[s])
        ev.call(t, own, main_ph[tgt], dd)
    # legal health-product sellers: regular long calls with elderly clients (look-alike)
    hs = np.where(hseller)[0]
    el_smart = np.where(elder)[0]
    hs_clients = {}
    hs_buy = []
    for h in hs.tolist():
        cl = el_smart[rng.integers(0, len(el_smart), rng.integers(15, 45))]
        hs_clients[h] = cl
    for d in days:
        for h in hs.tolist():
            cl = hs_clients[h]
            k = rng.poisson(7 if weekend[d] == 0 else 4)
            c = cl[rng.integers(0, len(cl), k)]
            t = draw_ts(rng, np.full(k, d), PIDX["day"])
            dd = np.where(rng.random(k) < 0.8, np.clip(lognorm(rng, 420, 0.9, k), 20, 4800), 0).astype(np.int64)
            tgtph = np.where(land_ph[c] >= 0, land_ph[c], main_ph[c])
            inc = rng.random(k) < 0.2
            ev.call(t, np.where(inc, tgtph, main_ph[h]), np.where(inc, main_ph[h], tgtph), dd)
            b = rng.random(k) < 0.05
            for ci, ti in zip(c[b].tolist(), t[b].tolist()):
                hs_buy.append((ti + int(rng.integers(1800, 2 * DAY)), ci, h))
    for ti, ci, h in hs_buy:
        amt = int(rng.choice([198, 398, 680, 980, 1280, 1980, 2980])) * 100
        ch = CH_CNT if wallet[ci] < 0 else CH_3P
        frm = pay_acct[ci]
        ev.transfer([ti], [frm], [till[h]], [amt], ch)
    # debt collectors: repeated calls to debtors, many unanswered (look-alike)
    dbt = np.where(debtor)[0]
    for d in days:
        k = rng.poisson(np.where(weekend[d] > 0, 0.8, 1.6), len(dbt))
        s = np.repeat(dbt, k)
        t = draw_ts(rng, np.full(len(s), d), PIDX["day"])
        a = rng.random(len(s)) < 0.35
        dd = np.where(a, np.clip(lognorm(rng, 50, 0.9, len(s)), 3, 900), 0).astype(np.int64)
        ev.call(t, debtcol[rng.integers(0, n_dc, len(s))], main_ph[s], dd)
        m = rng.random(len(dbt)) < 0.3
        ev.text(draw_ts(rng, np.full(m.sum(), d), PIDX["day"]), debt106, main_ph[dbt[m]], voc("huanbei-kf.com"))
    # bank hotlines and operators
    cnt = rng.poisson(np.full((P, D), 0.012))
    pi = np.repeat(np.arange(P * D), cnt.ravel())
    bp, bd = pi // D, pi % D
    hot = np.array([svc[BANKS[b]] for b in main_bank])
    ev.call(draw_ts(rng, bd, PIDX["day"]), main_ph[bp], hot[bp], np.clip(lognorm(rng, 240, 0.7, len(bp)), 20, 2400).astype(np.int64))
    cnt = rng.poisson(np.full((P, D), 0.004))
    pi = np.repeat(np.arange(P * D), cnt.ravel())
    bp, bd = pi // D, pi % D
    ev.call(draw_ts(rng, bd, PIDX["office"]), hot[bp], main_ph[bp], np.where(rng.random(len(bp)) < 0.6, rng.integers(20, 200, len(bp)), 0))

    # ------------------------------------------------------------ SMS (everyday)
    rng = RNG(seed, M_SMS)
    plat = np.array(plat106)
    # verification codes
    vr = np.where(smart, np.array([0.1, 0.2, 0.8, 0.5, 0.7, 0.5, 0.5, 0.3, 0.6])[seg], 0.02)
    cnt = rng.poisson(vr[:, None] * shop_mult[None, :] ** 0.5)
    pi = np.repeat(np.arange(P * D), cnt.ravel())
    sp, sd = pi // D, pi % D
    ev.text(draw_ts(rng, sd, PIDX["online"]), plat[rng.integers(0, len(plat), len(sp))], main_ph[sp], -1)
    # 11.11 promotions with links
    pr = np.where(smart, 0.35, 0.05)
    cnt = rng.poisson(pr[:, None] * promo_mult[None, :])
    pi = np.repeat(np.arange(P * D), cnt.ravel())
    sp, sd = pi // D, pi % D
    pdm = voc.many(D_PLAT)[rng.integers(0, len(D_PLAT), len(sp))]
    prof = np.where(sd == 0, PIDX["d1111"], PIDX["online"])
    st = draw_ts(rng, sd, prof)
    ev.text(st, plat[rng.integers(0, len(plat), len(sp))], main_ph[sp], pdm)
    click = rng.random(len(sp)) < 0.07
    ev.netev(st[click] + rng.integers(5, 1800, click.sum()), main_ph[sp[click]], 1, pdm[click])
    # operator notices, government / heating notices, person-to-person texts
    m = rng.random(P) < 0.35
    ev.text(draw_ts(rng, rng.integers(0, D, m.sum()), PIDX["day"]), np.array(ops)[rng.integers(0, 3, m.sum())], main_ph[m], -1)
    m = rng.random(P) < 0.1
    ev.text(draw_ts(rng, rng.integers(0, D, m.sum()), PIDX["day"]), gov106, main_ph[m], np.where(rng.random(m.sum()) < 0.5, voc("xa.gov.cn"), -1))
    compound = np.isin(dist, [0, 1, 2, 4, 5]) & np.isin(seg, [EA, EF, OF, HM])
    hd = min(3, D - 1)
    m = compound & (rng.random(P) < 0.6)
    ev.text(draw_ts(rng, rng.integers(0, hd + 1, m.sum()), PIDX["day"]), heat106, main_ph[m], np.where(rng.random(m.sum()) < 0.5, voc("xaheating.com"), -1))
    cnt = rng.poisson(np.where(elder, 0.08, 0.04)[:, None] * np.ones(D)[None, :])
    pi = np.repeat(np.arange(P * D), cnt.ravel())
    sp, sd = pi // D, pi % D
    ei = np.minimum(np.searchsorted(E_key, sp + rng.random(len(sp))), len(E_key) - 1)
    inc = E_dp[ei] < 0
    ev.text(draw_ts(rng, sd, SEG_PROF[seg[sp]]), np.where(inc, E_dst[ei], main_ph[sp]), np.where(inc, main_ph[sp], E_dst[ei]), -1)

    # ------------------------------------------------------------ net (everyday)
    rng = RNG(seed, M_NET)
    vrate = np.where(smart, np.array([1.5, 2.0, 9.0, 5.0, 6.0, 3.5, 3.5, 2.5, 5.0])[seg], 0.0)
    cnt = rng.poisson(vrate[:, None] * np.ones(D)[None, :])
    pi = np.repeat(np.arange(P * D), cnt.ravel())
    np_, nd = pi // D, pi % D
    cls = seg_dcls[seg[np_]]
    di = (rng.random(len(np_))[:, None] > dom_cdf[cls]).sum(1)
    tgt = legit_dom_ids[np.minimum(di, len(legit_dom) - 1)]
    # 11.11: part of visits go to shopping sites
    sh = rng.random(len(np_)) < (0.25 * (shop_mult[nd] - 1) / 3)
    tgt = np.where(sh, shop_doms[rng.integers(0, len(shop_doms), len(np_))], tgt)
    ev.netev(draw_ts(rng, nd, np.where(nd == 0, PIDX["d1111"], SEG_PROF[seg[np_]])), main_ph[np_], 1, tgt)
    irate = np.where(smart, np.where(seg == ST, 0.08, 0.03), 0.0)
    cnt = rng.poisson(irate[:, None] * (1 + (shop_mult[None, :] - 1) * 0.5))
    pi = np.repeat(np.arange(P * D), cnt.ravel())
    ip, idd = pi // D, pi % D
    aw = app_w / app_w.sum()
    ai = rng.choice(len(APPS_LEGIT), len(ip), p=aw)
    ev.netev(draw_ts(rng, idd, PIDX["online"]), main_ph[ip], 0, app_ids[ai])

    # ------------------------------------------------------------ transfers (everyday)
    rng = RNG(seed, M_TX)
    # retail: local shops / market stalls / online (11.11)
    lrate = np.array([0.7, 0.8, 2.2, 1.6, 2.0, 0.9, 0.9, 0.8, 2.0])[seg] * np.where(smart, 1.0, 0.15)
    cnt = rng.poisson(lrate[:, None] * np.where(weekend > 0, 1.15, 1.0)[None, :])
    pi = np.repeat(np.arange(P * D), cnt.ravel())
    lp_, ld = pi // D, pi % D
    n = len(lp_)
    tills = np.where(has_till & (seg != TO) & ~hseller)[0]
    t_dist = dist[tills]
    to = np.empty(n, np.int64)
    use_stall = rng.random(n) < 0.45
    for dI in range(len(DISTRICTS)):
        m = dist[lp_] == dI
        tl = till[tills[t_dist == dI]]
        lm = local_m[local_m_dist == dI]
        if len(lm) == 0:
            lm = local_m
        if len(tl) == 0:
            tl = lm
        ms = m & use_stall
        to[ms] = tl[rng.integers(0, len(tl), ms.sum())]
        me = m & ~use_stall
        to[me] = lm[rng.integers(0, len(lm), me.sum())]
    lts = draw_ts(rng, ld, np.where(use_stall, PIDX["market"], PIDX["shop"]))
    ev.transfer(lts, pay_acct[lp_], to, money(rng, 22, 0.9, n, 1, 3000), np.where(wallet[lp_] >= 0, CH_3P, CH_MOB))
    orate = np.array([0.05, 0.15, 0.5, 0.3, 0.6, 0.3, 0.3, 0.1, 0.7])[seg] * smart
    cnt = rng.poisson(orate[:, None] * shop_mult[None, :])
    pi = np.repeat(np.arange(P * D), cnt.ravel())
    op, od = pi // D, pi % D
    n = len(op)
    omi = online_m[np.searchsorted(np.cumsum(om_w), rng.random(n)).clip(0, n_om - 1)]
    ots = draw_ts(rng, od, np.where(od == 0, PIDX["d1111"], PIDX["online"]))
    med = np.where(od == 0, 160, 80)
    ev.transfer(ots, pay_acct[op], omi, (money(rng, 1, 1.0, n, 0.05, 300) * med).clip(100, 3000000), CH_3P)
    online_cnt = np.bincount(op[od <= 3], minlength=P)
    # tourists paying tour businesses (many new external payers), incl. cash deposits by traders
    tob = np.where(seg == TO)[0]
    for d in days:
        k = rng.poisson(np.where(weekend[d] > 0, 30, 14), len(tob))
        s = np.repeat(tob, k)
        payers = ac.add(len(s), ["WXPAY" if x < 0.5 else "ALIPAY" for x in rng.random(len(s))], "personal")
        ev.transfer(draw_ts(rng, np.full(len(s), d), PIDX["day"]), payers, till[s], money(rng, 60, 0.9, len(s), 5, 5000), CH_3P)
    trd = np.where(seg == TR)[0]
    for d in days:
        b = trd[rng.random(len(trd)) < 0.6]   # dawn wholesale purchases
        ev.transfer(draw_ts(rng, np.full(len(b), d), PIDX["dawn"]), card[b], wholesale[rng.integers(0, len(wholesale), len(b))],
                    money(rng, 1800, 0.8, len(b), 200, 60000, 10), CH_MOB)
        c = trd[rng.random(len(trd)) < 0.25]  # till sweep to card, cash deposit
        ev.transfer(draw_ts(rng, np.full(len(c), d), PIDX["evening"]), till[c], card[c], money(rng, 1500, 0.7, len(c), 100, 40000), CH_3P)
        c = trd[rng.random(len(trd)) < 0.12]
        ev.transfer(draw_ts(rng, np.full(len(c), d), PIDX["day"]), -np.ones(len(c), int), card[c], money(rng, 3000, 0.7, len(c), 100, 50000, 100), CH_CNT)
    # salaries (pay day moves to Friday when on a weekend)
    office_emp = rng.integers(0, n_emp, P)
    wage_p = np.where(np.isin(seg, [OF, MI]) | ((seg == RU) & (age < 60)) | ((seg == HM) & (rng.random(P) < 0.3)))[0]
    for d in days:
        real = month_day[d]
        pay_today = np.zeros(n_emp, bool)
        for e in range(n_emp):
            pdm_ = int(emp_paydom[e])
            if wd[d] < 5 and real == pdm_:
                pay_today[e] = True
            if wd[d] == 4 and real < pdm_ <= real + 2:
                pay_today[e] = True
        pp_ = wage_p[pay_today[office_emp[wage_p]]]
        amt = np.where(seg[pp_] == OF, money(rng, 7500, 0.45, len(pp_), 2500, 60000), money(rng, 4800, 0.35, len(pp_), 2000, 20000))
        ev.transfer(START + d * DAY + 9 * HOUR + rng.integers(0, 3 * HOUR, len(pp_)), employers[office_emp[pp_]], card[pp_], amt, CH_ONL)
        # migrants send money home after pay day
        mm = pp_[(seg[pp_] == MI) & (rng.random(len(pp_)) < 0.5)]
        ev.transfer(START + d * DAY + rng.integers(12 * HOUR, 23 * HOUR, len(mm)), card[mm],
                    ac.add(len(mm), [BANKS[b] for b in rng.choice(len(BANKS), len(mm))], "personal"),
                    money(rng, 2000, 0.4, len(mm), 500, 10000, 100), CH_MOB)
    # pensions on the 12th, then cash withdrawal at the counter / ATM
    pens = np.where(elder)[0]
    for d in days:
        if month_day[d] != 12:
            continue
        acct = np.where(card2[pens] >= 0, card2[pens], card[pens])
        amt = money(rng, 3600, 0.35, len(pens), 1500, 15000)
        pt = START + d * DAY + 6 * HOUR + rng.integers(0, 3 * HOUR, len(pens))
        ev.transfer(pt, socsec[(rng.random(len(pens)) < 0.5).astype(int)], acct, amt, CH_ONL)
        w = rng.random(len(pens)) < 0.45
        wt = pt[w] + (rng.uniform(0.1, min(4, D - d), w.sum()) * DAY).astype(np.int64)
        ev.transfer(wt, acct[w], -1, money(rng, 1500, 0.5, w.sum(), 200, 10000, 100), np.where(rng.random(w.sum()) < 0.6, CH_CNT, CH_ATM))
    # rent to urban-village landlords
    ll = np.where(landlord)[0]
    ten = np.where((seg == MI) | ((seg == ST) & (rng.random(P) < 0.1)) | ((seg == OF) & (age < 32) & (rng.random(P) < 0.3)))[0]
    if len(ll):
        due = rng.integers(1, 29, len(ten))
        lord = ll[rng.integers(0, len(ll), len(ten))]
        for d in days:
            t = ten[due == month_day[d]]
            lo_ = lord[due == month_day[d]]
            ev.transfer(draw_ts(rng, np.full(len(t), d), PIDX["evening"]), pay_acct[t], card[lo_], money(rng, 750, 0.35, len(t), 300, 3000, 50), CH_3P)
    # family transfers: children elsewhere -> elderly; parents -> students; red envelopes among contacts
    xfam_acct = {}
    fr = np.where(elder, 0.03, np.where(seg == ST, 0.06, 0.0))
    cnt = rng.poisson(fr[:, None] * np.ones(D)[None, :])
    pi = np.repeat(np.arange(P * D), cnt.ravel())
    fp, fd = pi // D, pi % D
    srcacc = ac.add(len(fp), [BANKS[b] for b in rng.choice(len(BANKS), len(fp))], "personal")
    ev.transfer(draw_ts(rng, fd, PIDX["evening"]), srcacc, np.where(wallet[fp] >= 0, wallet[fp], card[fp]),
                money(rng, 1000, 0.6, len(fp), 100, 20000, 100), CH_MOB)
    cnt = rng.poisson(np.where(smart, 0.12, 0.0)[:, None] * np.ones(D)[None, :])
    pi = np.repeat(np.arange(P * D), cnt.ravel())
    rp_, rd_ = pi // D, pi % D
    ei = np.minimum(np.searchsorted(E_key, rp_ + rng.random(len(rp_))), len(E_key) - 1)
    okk = (E_dp[ei] >= 0)
    rp_, rd_, q = rp_[okk], rd_[okk], E_dp[ei][okk]
    amt = np.where(rng.random(len(rp_)) < 0.3, rng.choice([52000, 6660, 8800, 20000, 10000, 5000], len(rp_)), money(rng, 60, 1.0, len(rp_), 1, 5000))
    ev.transfer(draw_ts(rng, rd_, SEG_PROF[seg[rp_]]), pay_acct[rp_], pay_acct[q], amt, CH_3P)
    # elderly child in the city sends money; elderly give grandchildren money
    ek = np.where(elder_kid >= 0)[0]
    m = ek[rng.random(len(ek)) < 0.05 * D / 9]
    ev.transfer(draw_ts(rng, rng.integers(0, D, len(m)), PIDX["evening"]), pay_acct[elder_kid[m]], card[m], money(rng, 800, 0.5, len(m), 100, 10000, 100), CH_MOB)
    # heating fee season (heating starts 15 Nov): compound households pay the heating company
    m = np.where(compound & (rng.random(P) < 0.25 * min(1.0, D / 9)))[0]
    ch = np.where(wallet[m] >= 0, CH_3P, CH_CNT)
    ev.transfer(draw_ts(rng, rng.integers(0, D, len(m)), PIDX["day"]), pay_acct[m], heating[rng.integers(0, 2, len(m))],
                (rng.uniform(60, 115, len(m)) * 23.4 * 100).astype(np.int64), ch)
    # utilities, loans, insurance, wallet top-ups, gold buying (elderly gold fever), big own-account moves
    def per_pd(rate):
        c = rng.poisson(rate[:, None] * np.ones(D)[None, :])
        pi = np.repeat(np.arange(P * D), c.ravel())
        return pi // D, pi % D
    up, ud = per_pd(np.full(P, 0.05))
    ev.transfer(draw_ts(rng, ud, PIDX["day"]), pay_acct[up], utilities[rng.integers(0, 4, len(up))], money(rng, 100, 0.6, len(up), 10, 2000, 10), CH_3P)
    up, ud = per_pd(np.where(debtor, 0.08, np.where(np.isin(seg, [OF, MI, HM]), 0.02, 0.0)))
    ev.transfer(draw_ts(rng, ud, PIDX["day"]), card[up], consfin[rng.integers(0, 5, len(up))], money(rng, 1200, 0.6, len(up), 100, 20000), CH_MOB)
    up, ud = per_pd(np.where(debtor, 0.03, 0.004))   # loan disbursements (new credit) -> look-alike to borrowing before a scam payment
    ev.transfer(draw_ts(rng, ud, PIDX["day"]), consfin[rng.integers(0, 5, len(up))], card[up], money(rng, 8000, 0.6, len(up), 500, 80000, 100), CH_ONL)
    up, ud = per_pd(np.where(agent, 0, 0.003))
    ev.transfer(draw_ts(rng, ud, PIDX["day"]), card[up], insurer[rng.integers(0, 3, len(up))], money(rng, 6000, 0.7, len(up), 500, 100000, 100), CH_MOB)
    up, ud = per_pd(np.where(wallet >= 0, 0.1, 0.0))
    ev.transfer(draw_ts(rng, ud, PIDX["online"]), card[up], wallet[up], money(rng, 500, 0.7, len(up), 50, 20000, 50), CH_3P)
    up, ud = per_pd(np.where(elder | (seg == TR), 0.006, 0.002))
    ev.transfer(draw_ts(rng, ud, PIDX["day"]), card[up], gold[rng.integers(0, len(gold), len(up))], money(rng, 15000, 0.8, len(up), 2000, 300000, 100),
                np.where(elder[up], CH_CNT, CH_MOB))
    up, ud = per_pd(np.where(card2 >= 0, 0.01, 0.0))   # fixed deposit matures / moved between own cards
    ev.transfer(draw_ts(rng, ud, PIDX["day"]), card2[up], card[up], money(rng, 30000, 0.9, len(up), 1000, 500000, 1000), np.where(elder[up], CH_CNT, CH_MOB))
    up, ud = per_pd(np.where(elder, 0.01, 0.015))
    ev.transfer(draw_ts(rng, ud, PIDX["day"]), card[up], -1, money(rng, 800, 0.7, len(up), 100, 20000, 100), np.where(rng.random(len(up)) < 0.5, CH_ATM, CH_CNT))

    # ------------------------------------------------------------ fraud
    fraud = simulate_fraud(seed, P, D, END, ph, ac, voc, ev, dict(
        seg=seg, age=age, sex=sex, elder=elder, smart=smart, dist=dist, wealth=wealth, main_ph=main_ph, land_ph=land_ph,
        card=card, card2=card2, wallet=wallet, pay_acct=pay_acct, online_cnt=online_cnt, consfin=consfin,
        MOB=MOB, VIRT=VIRT, XALAND=XALAND, hs_clients=hs_clients, elder_kid=elder_kid, local_m=local_m, online_m=online_m,
        has_till=has_till, till=till, gold=gold))
    fraud["P"] = P
    fraud["persons"] = dict(dist=dist, birth=birth, sex=sex)
    fraud["special"] = dict(telemkt=telemkt, debtcol=debtcol, relay=relay, cour_ext=cour_ext)

    # ------------------------------------------------------------ assemble
    write_all(seed, P, D, END, out, ph, ac, voc, ev, fraud, BANKS, bank106)


def ph_arr(x):
    return np.asarray(x)


# ================================================================ fraud
SCAMS = ["task_rebate", "game_trading", "fake_credit", "fake_cs_refund", "fake_police", "fake_relative", "fake_boss",
         "investment", "romance_investment", "fake_loan", "elderly_health_pension"]
# targets per 1000 person-days
SCAM_RATE = dict(task_rebate=0.55, game_trading=0.12, fake_credit=0.13, fake_cs_refund=0.38, fake_police=0.2, fake_relative=0.12,
                 fake_boss=0.06, investment=0.2, romance_investment=0.12, fake_loan=0.26, elderly_health_pension=0.12)
RING_GROUPS = [["task_rebate", "game_trading"], ["fake_cs_refund", "fake_credit"], ["fake_police", "fake_relative", "fake_boss"],
               ["investment", "romance_investment"], ["fake_loan"], ["elderly_health_pension"]]
SYL = ["hui", "jin", "tong", "da", "xin", "fu", "rong", "bao", "an", "kang", "zhong", "hua", "tai", "feng", "yun", "sheng", "ying", "li",
       "shun", "heng", "ding", "cai", "yi", "le", "mei", "jia", "tian", "xing", "long", "hong"]
DOM_STEM = {"task_rebate": ["jianzhi", "dianzan", "shuadan", "renwu"], "game_trading": ["gamejy", "zhanghao", "pifu", "yxjy"],
            "fake_credit": ["zhengxin", "xiufu", "zhuxiao", "xyk"], "fake_cs_refund": ["tuikuan", "kefu", "lipei", "jd-kf", "tb-kf"],
            "fake_police": ["ajcx", "qingcha", "gaj", "spp", "tongji"], "fake_relative": ["bzj", "baoshi"], "fake_boss": ["bangong"],
            "investment": ["touzi", "licai", "gupiao", "jijin", "waihui"], "romance_investment": ["qukuai", "usdt", "huangjin", "qihuo"],
            "fake_loan": ["daikuan", "jiekuan", "edu", "xyd"], "elderly_health_pension": ["yanglao", "kangyang", "baojian"]}
TLDS = [".com", ".cc", ".top", ".vip", ".xyz", ".cn", ".net", ".shop", ".icu", ".club"]


class Ring:
    pass


def simulate_fraud(seed, P, D, END, ph, ac, voc, ev, w):
    rng = RNG(seed, M_FRAUD)
    seg, age, sex, elder = w["seg"], w["age"], w["sex"], w["elder"]
    main_ph, card, card2, wallet = w["main_ph"], w["card"], w["card2"], w["wallet"]
    MOB, VIRT = w["MOB"], w["VIRT"]
    female = sex == "F"
    num_role = {}          # phone id -> role
    acc_role = {}          # account id -> role
    fraud_dom, fraud_app = [], []
    targets = []           # dicts
    spray_calls, spray_sms = [], []
    calls, sms, net, tx = [], [], [], []   # python tuples
    loss_acc_for = {}      # person -> list of mule_1 paid

    def C(t, a, b, d):
        calls.append((int(t), int(a), int(b), int(d)))

    def S(t, a, b, dm):
        sms.append((int(t), int(a), int(b), int(dm)))

    def N(t, n, k, tg):
        if cur_smart[0]:
            net.append((int(t), int(n), int(k), int(tg)))
    cur_smart = [True]

    def T(t, a, b, c, ch, loss=0):
        tx.append((int(t), int(a), int(b), int(max(c, 1)), int(ch), int(loss)))

    # ---- rings
    scale = max(1, int(round(P / 10000)))
    rings = []
    for gi, grp in enumerate(RING_GROUPS):
        for k in range(scale):
            r = Ring()
            r.id = len(rings)
            r.types = grp
            r.lines = {}
            r.mules = {1: [], 2: [], 3: [], 4: []}
            stems = sum((DOM_STEM[t] for t in grp), [])
            r.doms = []
            for _ in range(int(rng.integers(3, 7))):
                s = str(rng.choice(stems)) + "-" + "".join(rng.choice(SYL, 2)) + str(rng.choice(TLDS))
                r.doms.append(voc(s))
            r.apps = []
            for _ in range(int(rng.integers(1, 4))):
                a = "com." + "".join(rng.choice(SYL, 2)) + "." + str(rng.choice(["app", "pro", "trade", "vip", "task", "android"]))
                r.apps.append(voc(a))
            r.local_sim = 0.35 if "elderly_health_pension" in grp else 0.12
            r.overseas_cc = [("+855", 8), ("+95", 9), ("+63", 10), ("+84", 9), ("+60", 9), ("+66", 9)][int(rng.integers(0, 6))]
            rings.append(r)
    by_type = {t: [r for r in rings if t in r.types] for t in SCAMS}

    card_farm = np.where(((seg == MI) | (seg == RU) | (seg == ST)) & (age < 45))[0]
    mule_holders = np.where(((seg == ST) | (seg == MI)) & (age < 32))[0]
    SLOT = {"sim": 2 * DAY, "virt": 3 * DAY, "over": 4 * DAY, "spoof": DAY // 2}

    def line(r, kind, t):
        k = (kind, int((t - START + DAY * 10) // SLOT[kind]))
        if k not in r.lines:
            nlines = 2
            if kind == "sim":
                nums = ph.draw(nlines, MOB)
                hold = [int(card_farm[rng.integers(0, len(card_farm))]) if rng.random() < r.local_sim else -1 for _ in nums]
                act = [int(t - rng.uniform(1, 25) * DAY) if h >= 0 else -1 for h in hold]
                ids = ph.add_nums(nums, "mobile", hold, act)
            elif kind == "virt":
                ids = ph.add(nlines, VIRT, "voip")
            elif kind == "over":
                ids = ph.add(nlines, [r.overseas_cc], "overseas")
            else:   # spoofed: displays as an official-looking Xi'an landline (or a '+' prefixed one)
                ids = ph.add(nlines, [("02986", 6), ("02987", 6), ("02988", 6)], "landline", probs=[0.45, 0.35, 0.2])
            r.lines[k] = ids
            for i in ids:
                num_role[int(i)] = "spoofed" if kind == "spoof" else "line"
        return int(r.lines[k][int(rng.integers(0, len(r.lines[k])))])

    def new_mule(r, level, t):
        if level == 1 and rng.random() < 0.3:
            h = int(mule_holders[rng.integers(0, len(mule_holders))])
            a = ac.add(1, BANKS[int(rng.integers(0, len(BANKS)))], "personal", holder=[h], opened=[int(t - rng.uniform(3, 90) * DAY)])[0]
        elif level == 1 and "elderly_health_pension" in r.types and rng.random() < 0.6:
            a = ac.add(1, BANKS[int(rng.integers(0, len(BANKS)))], "corporate")[0]   # shell company
        else:
            b = OUT_BANKS[int(rng.integers(0, len(OUT_BANKS)))] if rng.random() < 0.6 else BANKS[int(rng.integers(0, len(BANKS)))]
            a = ac.add(1, b, "personal")[0]
        co = level == 4 or (level == 2 and rng.random() < 0.35) or (level == 3 and rng.random() < 0.5)
        acc_role[int(a)] = "cashout" if co else {1: "mule_1", 2: "mule_2", 3: "mule_3"}[level]
        cap_ = int(rng.integers(2, 7)) if level == 1 else int(rng.integers(4, 14)) * (2 if co else 1)
        m = {"a": int(a), "t0": t, "uses": 0, "cap": cap_, "life": rng.uniform(0.5, 3) * DAY * (1 if level == 1 else 2)}
        r.mules[level].append(m)
        if level == 1 and rng.random() < 0.4 and r.mules[2]:
            T(t - rng.integers(600, 6 * HOUR), r.mules[2][-1]["a"], a, int(rng.integers(1, 100)), CH_MOB)   # card test
        return m

    def mule(r, level, t):
        cur = [m for m in r.mules[level][-3:] if m["uses"] < m["cap"] and t - m["t0"] < m["life"] and m["t0"] <= t]
        m = cur[int(rng.integers(0, len(cur)))] if cur and rng.random() < 0.85 else new_mule(r, level, t)
        m["uses"] += 1
        return m["a"]

    def launder(r, t, src, cents, level):
        """forward money received at account src (level) down the chain"""
        if acc_role.get(src) == "cashout":
            t2 = t + int(lognorm(rng, 25 * 60, 0.8, 1)[0])
            u = rng.random()
            if cents < 6000000 and u < 0.5:
                left = cents
                while left > 0:
                    c = min(left, int(rng.integers(5000, 19999)) * 100)
                    T(t2, src, -1, c, CH_ATM)
                    left -= c
                    t2 += int(rng.integers(60, 600))
            elif u < 0.8:
                T(t2, src, -1, cents, CH_OTC)
            elif u < 0.9:
                T(t2, src, -1, cents, CH_CNT)
            else:
                T(t2, src, -1, cents, CH_ONL)
            return
        k = 1 if cents < 1000000 else int(rng.integers(1, 4))
        keep = cents * (rng.uniform(0.005, 0.02) if level == 1 else 0.0)
        rest = int(cents - keep)
        parts = rng.dirichlet(np.ones(k) * 3) * rest
        parts = np.floor(parts).astype(np.int64)
        parts[-1] += rest - parts.sum()
        delay = lognorm(rng, (7 if level == 1 else 18) * 60, 0.9, 1)[0]
        t2 = t + int(max(60, delay))
        for c in parts.tolist():
            if c <= 0:
                continue
            nxt = level + 1
            dst = mule(r, nxt, t2)
            T(t2, src, dst, c, CH_ONL if rng.random() < 0.6 else CH_MOB)
            launder(r, t2, dst, c, nxt)
            t2 += int(rng.integers(20, 300))

    # ---- choose targets
    def elig(t):
        a = age
        if t == "task_rebate":
            wt = np.array([0.02, 0.05, 3, 2, 1.5, 0.5, 0.5, 1, 3])[seg] * np.where(female, 1.5, 1) * (a < 50)
        elif t == "game_trading":
            wt = np.where(seg == ST, 5, np.where((a < 28) & np.isin(seg, [MI, OF]), 1, 0))
        elif t == "fake_credit":
            wt = np.array([0, 0, 2, 1.5, 3, 0.5, 0.5, 0.5, 1])[seg] * ((a >= 20) & (a < 36))
        elif t == "fake_cs_refund":
            wt = np.array([0.1, 0.6, 2, 1, 3, 1, 1, 0.5, 3])[seg] * (0.3 + w["online_cnt"])
        elif t == "fake_police":
            wt = np.array([3, 2, 1, 0.5, 1, 0.5, 0.5, 0.8, 1])[seg] * 1.0
        elif t == "fake_relative":
            wt = elder * (1 + (a >= 72)) * 3.0
        elif t == "fake_boss":
            wt = np.array([0, 0, 0, 0, 3, 1, 1, 0, 0])[seg] * ((a >= 25) & (a < 52))
        elif t == "investment":
            wt = np.array([0.3, 1, 0, 0.2, 2, 2, 1.5, 0.5, 1.5])[seg] * ((a >= 30) & (a < 70))
        elif t == "romance_investment":
            wt = np.array([0, 0.2, 0.1, 1, 2, 1.5, 1, 0.8, 1])[seg] * ((a >= 26) & (a < 58))
        elif t == "fake_loan":
            wt = np.array([0, 0, 0.3, 3, 1, 2, 1, 1.5, 1])[seg] * ((a >= 20) & (a < 56))
        else:
            wt = elder * np.where(seg == EA, 5.0, 2.0) * (a >= 62)
        return np.asarray(wt, float) * w["smart"].astype(float) ** (0 if t in ("fake_police", "fake_relative", "elderly_health_pension") else 1)

    taken = np.zeros(P, bool)
    plan = []
    for t in SCAMS:
        n = int(rng.poisson(SCAM_RATE[t] * P * D / 1000))
        wt = elig(t) * ~taken
        if n == 0 or wt.sum() == 0:
            continue
        n = min(n, int((wt > 0).sum()))
        ps = rng.choice(P, n, replace=False, p=wt / wt.sum())
        taken[ps] = True
        if t == "fake_cs_refund":   # mostly in the days right after 11.11
            dw = np.array([1.0, 2.5, 3.0, 3.0, 2.5, 2.0, 1.5, 1.2, 1.0] + [0.8] * max(0, D - 9))[:D]
        else:
            dw = np.ones(D)
        dday = rng.choice(D, n, p=dw / dw.sum())
        for p_, d_ in zip(ps.tolist(), dday.tolist()):
            plan.append((t, p_, d_))
    # process in order of start day for coherent line/mule rotation
    starts = []
    for t, p_, d_ in plan:
        prof = {"fake_police": "day", "fake_relative": "day", "elderly_health_pension": "day", "fake_boss": "office",
                "fake_cs_refund": "day", "romance_investment": "evening", "game_trading": "student"}.get(t, "worker")
        starts.append(int(draw_ts(rng, [d_], PIDX[prof])[0]))
    order = np.argsort(np.array(starts), kind="stable") if starts else []
    non_t = np.where(~taken)[0]

    for oi in order:
        st, p, d0 = plan[oi]
        t0 = starts[oi]
        r = by_type[st][int(rng.integers(0, len(by_type[st])))]
        v = int(main_ph[p])
        cur_smart[0] = bool(w["smart"][p])
        vph = int(w["land_ph"][p]) if (elder[p] and w["land_ph"][p] >= 0 and st in ("fake_police", "fake_relative", "elderly_health_pension") and rng.random() < 0.5) else v
        vcard = int(card[p])
        vsave = int(card2[p]) if card2[p] >= 0 else vcard
        vwal = int(wallet[p]) if wallet[p] >= 0 else vcard
        cap = max(2000.0, float(w["wealth"][p]))
        rec = {"p": p, "type": st, "first": None, "losses": []}
        rdom = r.doms[int(rng.integers(0, len(r.doms)))]
        rapp = r.apps[int(rng.integers(0, len(r.apps)))]
        meeting = voc("com.tencent.wemeet.app") if rng.random() < 0.6 else voc("us.zoom.videomeetings")

        def first(t):
            if t < START:
                return
            if rec["first"] is None or t < rec["first"]:
                rec["first"] = t

        def pay(t, amt_yuan, acct=None, ch=None):
            if amt_yuan >= 1000 and amt_yuan % 100 and rng.random() < 0.75:
                amt_yuan = float(int(amt_yuan // 100) * 100)
            c = int(round(amt_yuan * 100))
            if c <= 0 or t >= END:
                return
            acct = vcard if acct is None else acct
            if ch is None:
                ch = CH_3P if acct == vwal and wallet[p] >= 0 else (CH_CNT if elder[p] and rng.random() < 0.6 else CH_MOB)
            m1 = mule(r, 1, t)
            T(t, acct, m1, c, ch, 1)
            rec["losses"].append((t, c, m1))
            launder(r, t, m1, c, 1)

        def spray_call(t, line_id, k):
            tg = non_t[rng.integers(0, len(non_t), k)]
            tt = t + rng.integers(-4 * HOUR, 4 * HOUR, k)
            a_ = rng.random(k) < 0.4
            dd = np.where(a_, rng.integers(2, 45, k), 0)
            for x, y, z in zip(tt.tolist(), tg.tolist(), dd.tolist()):
                if START <= x:
                    C(x, line_id, main_ph[y], z)

        def spray_sms(t, line_id, k, dm):
            tg = non_t[rng.integers(0, len(non_t), k)]
            tt = t - rng.integers(0, 900, k)
            for x, y in zip(tt.tolist(), tg.tolist()):
                if START <= x:
                    S(x, line_id, main_ph[y], dm)

        def hook_sms(t):
            ln = line(r, "sim" if rng.random() < 0.6 else "over", t)
            S(t, ln, v, rdom)
            first(t)
            spray_sms(t, ln, int(rng.poisson(25)), rdom)
            tv = t + int(rng.integers(30, 1800))
            N(tv, v, 1, rdom)
            return tv

        def hook_call(t, kinds, dur_med=240):
            kind = kinds[int(rng.integers(0, len(kinds)))]
            ln = line(r, kind, t)
            spray_call(t, ln, int(rng.poisson(10)))
            # sometimes missed first, then answered
            if rng.random() < 0.3:
                tm = t - int(rng.integers(300, 3600))
                C(tm, ln, vph, 0)
                first(tm)
            d = int(np.clip(lognorm(rng, dur_med, 0.6, 1)[0], 60, 7200))
            C(t, ln, vph, d)
            first(t)
            return ln, t + d

        t = t0
        if st == "task_rebate":
            u = rng.random()
            if u < 0.5:
                t = hook_sms(t)
            elif u < 0.8:
                ln, t = hook_call(t, ["virt", "over"], 90)
            else:
                N(t, v, 1, rdom); first(t)
            fraud_dom.append(rdom)
            if rng.random() < 0.35:
                rec_done(rec, targets); continue
            t += int(rng.integers(300, 3600))
            N(t, v, 0, rapp); fraud_app.append(rapp)
            amts = [rng.choice([100, 150, 200, 300]), rng.choice([500, 800, 1000, 1288]), rng.choice([3000, 5000, 6800]),
                    rng.choice([10000, 15000, 20000]), rng.choice([30000, 50000])]
            spent = 0
            for i, a in enumerate(amts):
                if spent + a > cap * 1.3 or (i >= 1 and rng.random() < 0.18):
                    break
                pay(t, a, vwal if a < 5000 else vcard)
                spent += a
                if i < 2:   # rebates to build trust
                    m1 = rec["losses"][-1][2] if rec["losses"] else mule(r, 1, t)
                    T(t + int(rng.integers(300, 1500)), m1, vwal, int(a * rng.uniform(1.05, 1.3) * 100), CH_MOB)
                t += int(lognorm(rng, 40 * 60, 1.0, 1)[0]) + (DAY if rng.random() < 0.15 else 0)
                if rng.random() < 0.3:
                    C(t - 600, line(r, "virt", t), v, int(rng.integers(60, 600)))
        elif st == "game_trading":
            N(t, v, 1, rdom); first(t); fraud_dom.append(rdom)
            ln, t = hook_call(t + int(rng.integers(300, 1800)), ["virt"], 300)
            if rng.random() < 0.3:
                rec_done(rec, targets); continue
            for i, a in enumerate([rng.choice([300, 500, 680]), rng.choice([800, 1000, 1500]), rng.choice([2000, 3000]), rng.choice([3000, 5000])]):
                if (i >= 1 and rng.random() < 0.3) or a > cap * 1.5:
                    break
                t += int(rng.integers(300, 2400))
                pay(t, a, vwal)
                C(t + 60, ln, v, int(rng.integers(60, 900)))
        elif st in ("fake_credit", "fake_cs_refund"):
            ln, tend = hook_call(t, ["virt", "virt", "over", "spoof", "sim"], 600 if st == "fake_credit" else 420)
            if rng.random() < 0.3:
                rec_done(rec, targets); continue
            t += 120
            if rng.random() < 0.6:
                N(t, v, 0, meeting)
            if rng.random() < 0.7:
                N(t + 60, v, 1, rdom); fraud_dom.append(rdom)
            # long call (line kept busy) while money moves
            C(tend + 30, ln, v, int(rng.integers(1800, 5400)))
            t = tend + 600
            if rng.random() < 0.45:   # borrow on consumer-loan apps first
                lo = int(rng.choice([5000, 10000, 20000, 30000]))
                T(t, int(w["consfin"][int(rng.integers(0, 5))]), vcard, lo * 100, CH_ONL)
                cap += lo
                t += int(rng.integers(120, 900))
            if rng.random() < 0.3:
                pay(t, float(rng.choice([1, 10, 100])), vcard)
                t += int(rng.integers(60, 600))
            total = min(cap, float(lognorm(rng, 25000, 0.8, 1)[0]))
            k = int(rng.integers(1, 5))
            for a in np.maximum(1, np.round(rng.dirichlet(np.ones(k) * 2) * total / 100) * 100).tolist():
                pay(t, a, vcard)
                t += int(rng.integers(180, 1500))
        elif st in ("fake_police", "fake_relative", "fake_boss"):
            if st == "fake_boss":
                ln = line(r, "sim", t)
                S(t, ln, v, -1); first(t)
                t += int(rng.integers(600, 3 * HOUR))
                if rng.random() < 0.25:
                    rec_done(rec, targets); continue
                C(t, v, ln, 0)
                total = min(cap, float(rng.choice([19800, 35000, 48000, 50000, 80000])))
                for a in ([total] if rng.random() < 0.6 else [total / 2, total / 2]):
                    t += int(rng.integers(300, 1800))
                    pay(t, round(a), vcard, CH_MOB)
            elif st == "fake_relative":
                ln, t = hook_call(t, ["sim", "virt"], 300)
                if rng.random() < 0.3:
                    rec_done(rec, targets); continue
                ln2 = line(r, "virt", t)
                C(t + int(rng.integers(300, 1200)), ln2, vph, int(rng.integers(180, 900)))
                t += int(rng.integers(1200, 2 * HOUR))
                a = min(cap, float(rng.choice([5000, 8000, 10000, 20000, 30000, 50000])))
                if rng.random() < 0.25:   # cash handed to a "friend" sent to collect it
                    T(t, vsave, -1, int(a * 100), CH_CNT, 1)
                    rec["losses"].append((t, int(a * 100), -1))
                else:
                    pay(t, a, vsave)
                if rng.random() < 0.3:
                    t += DAY + int(rng.integers(0, 4 * HOUR))
                    C(t - 1800, ln, vph, int(rng.integers(120, 600)))
                    pay(t, min(cap, a), vsave)
            else:
                kind = "spoof" if rng.random() < 0.55 else "over"
                ln, tend = hook_call(t, [kind], 420)
                if rng.random() < 0.3:
                    rec_done(rec, targets); continue
                ln2 = line(r, "spoof", tend) if rng.random() < 0.7 else line(r, "over", tend)
                busy = int(rng.integers(1800, 6000))
                C(tend + 60, ln2, vph, busy)
                kid = int(w["elder_kid"][p])
                if kid >= 0:
                    for _ in range(int(rng.integers(1, 4))):
                        C(tend + 60 + int(rng.integers(60, busy)), int(main_ph[kid]), vph, 0)
                N(tend + 600, v, 1, rdom); fraud_dom.append(rdom)
                if rng.random() < 0.5:
                    N(tend + 900, v, 0, rapp if rng.random() < 0.5 else meeting)
                    fraud_app.append(rapp)
                t = tend + int(rng.integers(1800, 4 * HOUR))
                if rng.random() < 0.4:
                    pay(t, 1.0, vcard); t += int(rng.integers(120, 900))
                total = min(cap * rng.uniform(0.5, 1.0), float(lognorm(rng, 80000, 0.9, 1)[0]))
                days_n = 1 if rng.random() < 0.6 else 2
                for dd in range(days_n):
                    part = total / days_n
                    if vsave != vcard and rng.random() < 0.5:
                        T(t - 600, vsave, vcard, int(part * 100), CH_CNT)
                    k = int(rng.integers(1, 4))
                    for a in np.maximum(100, np.round(rng.dirichlet(np.ones(k) * 2) * part / 100) * 100).tolist():
                        pay(t, a, vcard)
                        t += int(rng.integers(300, 2400))
                    C(t + 300, ln2, vph, int(rng.integers(600, 3600)))
                    t += DAY - int(rng.integers(0, 3 * HOUR))
        elif st in ("investment", "romance_investment"):
            if st == "investment":
                if rng.random() < 0.6:
                    t = hook_sms(t)
                else:
                    ln, t = hook_call(t, ["sim", "virt"], 180)
            else:
                ln = line(r, "over" if rng.random() < 0.6 else "sim", t)
                C(t, ln, v, int(rng.integers(600, 3600))); first(t)
            lnh = line(r, "over" if st == "romance_investment" else "sim", t)
            groom = rng.uniform(1, 6) if st == "investment" else rng.uniform(2, 9)
            tt = t
            while tt < t + groom * DAY:
                tt += int(rng.uniform(0.4, 1.2) * DAY)
                tc = START + ((tt - START) // DAY) * DAY + int(rng.integers(19 * HOUR, 23 * HOUR))
                inc = rng.random() < 0.7
                C(tc, lnh if inc else v, v if inc else lnh, int(np.clip(lognorm(rng, 1200, 0.7, 1)[0], 60, 7200)))
            t = int(t + groom * DAY)
            if rng.random() < 0.3:
                rec_done(rec, targets); continue
            N(t, v, 1, rdom); N(t + 300, v, 0, rapp)
            fraud_dom.append(rdom); fraud_app.append(rapp)
            a0 = min(cap * 0.3, float(rng.choice([5000, 10000, 20000])))
            pay(t + 1800, max(a0, 1000), vcard)
            t += int(rng.uniform(1, 3) * DAY)
            m1 = rec["losses"][-1][2] if rec["losses"] else mule(r, 1, t)
            T(t, m1, vcard, int(a0 * rng.uniform(0.1, 0.3) * 100), CH_ONL)   # "profit" withdrawal
            t += int(rng.uniform(0.5, 2) * DAY)
            big = min(cap * 1.2, float(lognorm(rng, 100000, 0.8, 1)[0]))
            k = int(rng.integers(1, 4))
            for a in np.maximum(1000, np.round(rng.dirichlet(np.ones(k) * 2) * big / 1000) * 1000).tolist():
                if cap > 100000 or rng.random() < 0.5:
                    pass
                pay(t, a, vcard)
                t += int(rng.uniform(0.1, 1.5) * DAY)
        elif st == "fake_loan":
            if rng.random() < 0.65:
                t = hook_sms(t)
            else:
                ln, t = hook_call(t, ["virt", "sim"], 150)
            fraud_dom.append(rdom)
            N(t + int(rng.integers(60, 900)), v, 0, rapp); fraud_app.append(rapp)
            if rng.random() < 0.35:
                rec_done(rec, targets); continue
            ln = line(r, "virt", t)
            t += int(rng.integers(1800, 6 * HOUR))
            C(t, ln, v, int(rng.integers(200, 1200)))
            fees = [rng.choice([1888, 2000, 2999, 3000, 5000]), rng.choice([4000, 6000, 8000]), rng.choice([10000, 15000, 20000])]
            for i, a in enumerate(fees):
                if i >= 1 and rng.random() < 0.45:
                    break
                pay(t + int(rng.integers(300, 1200)), min(a, cap), vwal if a < 3000 else vcard)
                t += int(rng.integers(2 * HOUR, 20 * HOUR))
                C(t, ln, v, int(rng.integers(120, 900)))
        else:  # elderly_health_pension
            ln, t = hook_call(t, ["sim", "sim", "virt"], 480)
            ndays = int(rng.integers(2, 8))
            for k in range(ndays):
                tc = START + ((t - START) // DAY + k + 1) * DAY + int(rng.integers(9 * HOUR, 17 * HOUR))
                C(tc, ln, vph, int(np.clip(lognorm(rng, 900, 0.6, 1)[0], 60, 5400)))
            if rng.random() < 0.35:
                rec_done(rec, targets); continue
            t = START + ((t - START) // DAY + ndays + 1) * DAY + int(rng.integers(9 * HOUR, 16 * HOUR))
            a = min(cap * 0.8, float(rng.choice([9800, 19800, 36000, 58000, 100000])))
            parts = [a] if rng.random() < 0.6 else [a * 0.3, a * 0.7]
            for x in parts:
                pay(t, round(x), vsave, CH_CNT if rng.random() < 0.7 else CH_MOB)
                t += int(rng.uniform(0.2, 2) * DAY)
        rec_done(rec, targets)

    rings_sms = None
    return dict(targets=targets, calls=calls, sms=sms, net=net, tx=tx, num_role=num_role, acc_role=acc_role,
                fraud_dom=fraud_dom, fraud_app=fraud_app, rings=rings)


def rec_done(rec, targets):
    targets.append(rec)


# ================================================================ assembly / output
def fmt_ts(ts):
    return pl.from_epoch(pl.Series(np.asarray(ts, np.int64) + 8 * HOUR), time_unit="s").dt.strftime("%Y-%m-%dT%H:%M:%S+08:00")


def fmt_amt(c):
    s = pl.Series(np.asarray(c, np.int64))
    return (s // 100).cast(pl.Utf8) + "." + (s % 100).cast(pl.Utf8).str.zfill(2)


def nullif(s, mask):
    """s where mask else null"""
    return pl.DataFrame({"s": s, "m": pl.Series(np.asarray(mask, bool))}).select(
        pl.when(pl.col("m")).then(pl.col("s")).otherwise(None).alias(s.name or "s")).to_series()


def take(series, idx):
    idx = np.asarray(idx, np.int64)
    return nullif(series.gather(pl.Series(np.maximum(idx, 0))), idx >= 0)


def ids(prefix, n):
    return pl.Series([prefix] * n, dtype=pl.Utf8) + pl.Series(np.arange(n)).cast(pl.Utf8).str.zfill(8)


def write_csv(df, path):
    df.write_csv(path, include_header=True, quote_style="necessary")


def write_all(seed, P, D, END, out, ph, ac, voc, ev, fr, BANKS_, bank106):
    os.makedirs(os.path.join(out, "lists"), exist_ok=True)
    os.makedirs(os.path.join(out, "labels"), exist_ok=True)
    rng = RNG(seed, M_NOTICE)
    if fr["calls"]:
        a = np.array(fr["calls"], np.int64); ev.call(a[:, 0], a[:, 1], a[:, 2], a[:, 3])
    if fr["sms"]:
        a = np.array(fr["sms"], np.int64); ev.text(a[:, 0], a[:, 1], a[:, 2], a[:, 3])
    if fr["net"]:
        a = np.array(fr["net"], np.int64); ev.netev(a[:, 0], a[:, 1], a[:, 2], a[:, 3])
    if fr["tx"]:
        a = np.array(fr["tx"], np.int64); ev.transfer(a[:, 0], a[:, 1], a[:, 2], a[:, 3], a[:, 4], a[:, 5])

    def clip_sort(*cols):
        ts = cols[0]
        m = (ts >= START) & (ts < END)
        cols = [c[m] for c in cols]
        o = np.argsort(cols[0], kind="stable")
        return [c[o] for c in cols]

    tts, tfr, tto, tc, tch, tloss = clip_sort(*cat(ev.tx, 6))
    acc_holder = np.array(ac.holder)
    acc_bank = np.array(ac.bank)
    acc_b106 = np.array([bank106.get(b, -1) for b in ac.bank])
    ph_holder = np.array(ph.holder)
    ph_kind = np.array(ph.kind)
    first_mob = np.full(P, -1)
    mob = np.where((ph_holder >= 0) & (ph_kind == "mobile"))[0]
    first_mob[ph_holder[mob[::-1]]] = mob[::-1]     # lowest id wins = main phone
    # ---- labels
    loss_idx = np.where(tloss == 1)[0]
    loss_by_p = {}
    for i in loss_idx.tolist():
        loss_by_p.setdefault(int(acc_holder[tfr[i]]), []).append(i)
    tg = []
    for rec in sorted(fr["targets"], key=lambda r: (r["first"] if r["first"] is not None else 0, r["p"])):
        if rec["first"] is None or rec["first"] >= END:
            continue
        li = loss_by_p.get(rec["p"], [])
        rec["loss_ts"] = min((int(tts[i]) for i in li), default=None)
        rec["last_loss"] = max((int(tts[i]) for i in li), default=None)
        rec["loss_c"] = sum(int(tc[i]) for i in li)
        rec["paid"] = []
        for i in li:
            if tto[i] >= 0 and int(tto[i]) not in rec["paid"]:
                rec["paid"].append(int(tto[i]))
        tg.append(rec)
    has_loss = np.array([r["loss_c"] > 0 for r in tg], bool)
    # ---- victim reports (delayed, partial, with mistakes) + non-fraud dispute reports
    rr = RNG(seed, M_REPORT)
    REP_P = dict(task_rebate=0.45, game_trading=0.35, fake_credit=0.55, fake_cs_refund=0.6, fake_police=0.6, fake_relative=0.6,
                 fake_boss=0.8, investment=0.45, romance_investment=0.4, fake_loan=0.4, elderly_health_pension=0.3)
    acc_kind = np.array(ac.kind)
    reps = []   # (ts, person, [acct ids], cents, is_fraud, rec)
    # innocent payees each person used (for mistaken paid_to)
    for rec in tg:
        if rec["loss_c"] <= 0 or rr.random() >= REP_P[rec["type"]]:
            continue
        el = rec["type"] in ("fake_police", "fake_relative", "elderly_health_pension")
        # realise: quick after the last loss, or after family finds out (elderly: days)
        med = 6 * HOUR if el else 2 * HOUR
        delay = float(lognorm(rr, med, 1.3, 1)[0])
        if rr.random() < 0.25:
            delay = float(rr.uniform(600, 3600))          # golden half hour: some report at once
        if rr.random() < 0.15 and len(rec["paid"]) > 1:
            base = rec["loss_ts"] + int(rr.integers(300, 1800))   # reported in the middle of it
        else:
            base = rec["last_loss"]
        t = int(base + delay)
        hod = ((t - START) // HOUR) % 24
        if hod < 7 and delay > 3600:
            t += int((8 - hod) * HOUR + rr.integers(0, 2 * HOUR))   # waits for the morning to go to the station
        if t >= END:
            continue
        paid = [a for a in rec["paid"] if rr.random() < 0.85] or rec["paid"][:1]
        if not paid:
            continue          # cash handed over only: no payee account to report in this format
        u = rr.random()
        if u < 0.06:
            paid = paid + [int(rr.choice(np.where(acc_holder == rec["p"])[0]))]   # own account by mistake
        elif u < 0.11:
            mine = np.where((tfr >= 0) & (tto >= 0) & (tloss == 0) & (tts < t) & (acc_holder[np.maximum(tfr, 0)] == rec["p"]))[0]
            if len(mine):
                paid = paid + [int(tto[mine[-1]])]                         # a legit payee mixed up
        c = rec["loss_c"]
        v = rr.random()
        if v < 0.25:
            c = max(100, int(round(c / 100000.0)) * 100000 if c > 100000 else int(round(c / 10000.0)) * 10000)
        elif v < 0.33:
            c = int(c * rr.uniform(0.5, 0.95)) // 100 * 100      # forgets a payment / nets out rebates
        elif v < 0.38:
            c = int(c * rr.uniform(1.05, 1.5)) // 100 * 100      # adds fees, loans, cash
        reps.append((t, rec["p"], paid, max(c, 100), True, rec))
    # disputes: a legit purchase reported as fraud (shop did not deliver / quarrel with a trader)
    nd = int(rr.poisson(max(1.0, 0.12 * len(reps) + P * D / 1000 * 0.03)))
    cand = np.where((tfr >= 0) & (tto >= 0) & (tloss == 0) & (tc >= 20000) & (acc_holder[np.maximum(tfr, 0)] >= 0)
                    & np.isin(acc_kind[np.maximum(tto, 0)], ["merchant", "personal"]) & (acc_holder[np.maximum(tto, 0)] != acc_holder[np.maximum(tfr, 0)]))[0]
    tgt_p = {r["p"] for r in tg}
    for i in (rr.choice(cand, min(nd, len(cand)), replace=False).tolist() if len(cand) else []):
        p = int(acc_holder[tfr[i]])
        if p in tgt_p:
            continue
        t = int(tts[i] + rr.uniform(2 * HOUR, 3 * DAY))
        hod = ((t - START) // HOUR) % 24
        if hod < 8 or hod > 21:
            t += int(((32 - hod) % 24) * HOUR + rr.integers(0, 3 * HOUR))
        if t < END:
            reps.append((t, p, [int(tto[i])], int(tc[i] * rr.choice([1.0, 1.0, 1.2])), False, None))
    reps.sort(key=lambda x: (x[0], x[1]))
    # the victim phones 110 / the consumer line before going to the station
    c110, c12315 = ph.fixed("110"), ph.fixed("12315")
    for t, p, paid, c, isf, rec in reps:
        mp = int(first_mob[p])
        if isf and rr.random() < 0.6:
            lo = max(int(rec["last_loss"]) + 60, t - 3 * HOUR)
            ev.call([int(rr.integers(lo, t - 59)) if lo < t - 60 else t - 60], [mp], [c110], [int(rr.integers(40, 400))])
        elif not isf and rr.random() < 0.4:
            ev.call([t - int(rr.integers(600, 6 * HOUR))], [mp], [c12315], [int(rr.integers(60, 600))])
    ph_holder = np.array(ph.holder)
    ph_kind = np.array(ph.kind)
    # bank notice texts for card movements of local holders
    for side in (tfr, tto):
        idx = np.where(side >= 0)[0]
        acc = side[idx]
        h = acc_holder[acc]
        b = acc_b106[acc]
        sel = (h >= 0) & (b >= 0) & (tc[idx] >= 5000) & (rng.random(len(idx)) < 0.85)
        ii = idx[sel]
        rcv = first_mob[h[sel]]
        ev.text(tts[ii] + rng.integers(2, 40, len(ii)), b[sel], rcv, -1)

    cts, ca, cb, cd = clip_sort(*cat(ev.calls, 4))
    sts, sa, sb, sdm = clip_sort(*cat(ev.sms, 4))
    nts, nn, nk, nt = clip_sort(*cat(ev.net, 4))

    NUM = pl.Series(ph.num, dtype=pl.Utf8)
    VOC = pl.Series(voc.s, dtype=pl.Utf8)
    ACC = pl.Series(ac.id, dtype=pl.Utf8)
    PIDS = pl.Series([f"P{i:06d}" for i in range(P)], dtype=pl.Utf8)

    write_csv(pl.DataFrame({"event_id": ids("C", len(cts)), "ts": fmt_ts(cts), "caller": take(NUM, ca),
                            "callee": take(NUM, cb), "duration_s": pl.Series(cd)}), os.path.join(out, "calls.csv"))
    write_csv(pl.DataFrame({"event_id": ids("S", len(sts)), "ts": fmt_ts(sts), "sender": take(NUM, sa),
                            "receiver": take(NUM, sb), "url_domain": take(VOC, sdm)}), os.path.join(out, "sms.csv"))
    write_csv(pl.DataFrame({"event_id": ids("N", len(nts)), "ts": fmt_ts(nts), "number": take(NUM, nn),
                            "kind": pl.Series(np.where(nk == 0, "app_install", "url_visit")), "target": take(VOC, nt)}),
              os.path.join(out, "net.csv"))
    tx_ids = ids("T", len(tts))
    write_csv(pl.DataFrame({"event_id": tx_ids, "ts": fmt_ts(tts), "from_account": take(ACC, tfr), "to_account": take(ACC, tto),
                            "amount": fmt_amt(tc), "channel": pl.Series(np.array(CHANNELS)[tch])}),
              os.path.join(out, "transfers.csv"))

    # ---- registries (external numbers/accounts only if seen)
    seen_ph = np.zeros(len(ph.num), bool)
    for arr in (ca, cb, sa, sb, nn):
        seen_ph[arr] = True
    seen_comm = seen_ph.copy()
    seen_ph |= ph_holder >= 0
    pid = np.where(seen_ph)[0]
    act = np.array(ph.act)[pid]
    write_csv(pl.DataFrame({"number": NUM.gather(pl.Series(pid)), "holder_person_id": take(PIDS, ph_holder[pid]),
                            "kind": pl.Series(ph_kind[pid]), "activated_at": nullif(fmt_ts(np.maximum(act, 0)), act >= 0)}),
              os.path.join(out, "phones.csv"))
    used_acc = np.zeros(len(ac.id), bool)
    used_acc[tfr[tfr >= 0]] = True
    used_acc[tto[tto >= 0]] = True
    aid = np.where(used_acc | (acc_holder >= 0))[0]
    opn = np.array(ac.opened)[aid]
    write_csv(pl.DataFrame({"account_id": ACC.gather(pl.Series(aid)), "holder_person_id": take(PIDS, acc_holder[aid]),
                            "bank": pl.Series(acc_bank[aid]), "kind": pl.Series(np.array(ac.kind)[aid]),
                            "opened_at": nullif(fmt_ts(np.maximum(opn, 0)), opn >= 0)}),
              os.path.join(out, "accounts.csv"))
    pers = fr["persons"]
    write_csv(pl.DataFrame({"person_id": PIDS, "district": pl.Series(np.array(DISTRICTS)[pers["dist"]]),
                            "birth_year": pl.Series(pers["birth"]), "sex": pl.Series(pers["sex"])}),
              os.path.join(out, "persons.csv"))

    # ---- labels
    write_csv(pl.DataFrame({
        "person_id": pl.Series([f"P{r['p']:06d}" for r in tg], dtype=pl.Utf8),
        "scam_type": pl.Series([r["type"] for r in tg], dtype=pl.Utf8),
        "first_contact_ts": fmt_ts(np.array([r["first"] for r in tg], np.int64)),
        "first_loss_ts": nullif(fmt_ts(np.array([r["loss_ts"] or START for r in tg], np.int64)), has_loss),
        "loss_amount": nullif(fmt_amt(np.array([max(r["loss_c"], 1) for r in tg], np.int64)), has_loss),
    }), os.path.join(out, "labels", "targets.csv"))
    write_csv(pl.DataFrame({"event_id": tx_ids.gather(pl.Series(loss_idx, dtype=pl.Int64))}), os.path.join(out, "labels", "losses.csv"))
    # number roles from actual use
    in_calls = np.zeros(len(ph.num), bool)
    in_calls[ca] = True; in_calls[cb] = True
    fnum = {i: ("spoofed" if r == "spoofed" else ("caller" if in_calls[i] else "sms_sender"))
            for i, r in fr["num_role"].items() if seen_comm[i]}
    nr = sorted((ph.num[i], r) for i, r in fnum.items())
    write_csv(pl.DataFrame({"number": pl.Series([x[0] for x in nr], dtype=pl.Utf8), "role": pl.Series([x[1] for x in nr], dtype=pl.Utf8)}),
              os.path.join(out, "labels", "numbers.csv"))
    facc = {i: r for i, r in fr["acc_role"].items() if used_acc[i]}
    arl = sorted((ac.id[i], r) for i, r in facc.items())
    write_csv(pl.DataFrame({"account_id": pl.Series([x[0] for x in arl], dtype=pl.Utf8), "role": pl.Series([x[1] for x in arl], dtype=pl.Utf8)}),
              os.path.join(out, "labels", "accounts.csv"))
    used_voc = np.zeros(len(voc.s), bool)
    used_voc[sdm[sdm >= 0]] = True
    used_voc[nt] = True
    fdom = sorted({i for i in fr["fraud_dom"] if used_voc[i]}, key=lambda i: voc.s[i])
    fapp = sorted({i for i in fr["fraud_app"] if used_voc[i]}, key=lambda i: voc.s[i])
    write_csv(pl.DataFrame({"value": pl.Series([voc.s[i] for i in fdom], dtype=pl.Utf8)}), os.path.join(out, "labels", "domains.csv"))
    write_csv(pl.DataFrame({"value": pl.Series([voc.s[i] for i in fapp], dtype=pl.Utf8)}), os.path.join(out, "labels", "apps.csv"))

    write_csv(pl.DataFrame({
        "report_id": pl.Series([f"R{i:06d}" for i in range(len(reps))], dtype=pl.Utf8),
        "ts": fmt_ts(np.array([x[0] for x in reps], np.int64)),
        "person_id": pl.Series([f"P{x[1]:06d}" for x in reps], dtype=pl.Utf8),
        "paid_to": pl.Series([";".join(ac.id[a] for a in x[2]) for x in reps], dtype=pl.Utf8),
        "claimed_amount": fmt_amt(np.array([x[3] for x in reps], np.int64)),
    }), os.path.join(out, "reports.csv"))

    # ---- known-bad lists: partial, late, some wrong
    rl = RNG(seed, M_LIST)
    first_use = {}

    def fu(keys, ts):
        o = np.argsort(ts, kind="stable")
        k, t = keys[o], ts[o]
        u, fi = np.unique(k, return_index=True)
        return dict(zip(u.tolist(), t[fi].tolist()))
    fu_num = fu(np.concatenate([ca, sa]), np.concatenate([cts, sts]))
    fu_dom = fu(np.concatenate([sdm[sdm >= 0], nt]), np.concatenate([sts[sdm >= 0], nts]))
    fu_acc = fu(np.concatenate([tfr[tfr >= 0], tto[tto >= 0]]), np.concatenate([tts[tfr >= 0], tts[tto >= 0]]))
    L = {"numbers": {}, "domains": {}, "apps": {}, "accounts": {}}

    def put(lst, val, t, src):
        t = int(t)
        if t >= END:
            return
        old = L[lst].get(val)
        if old is None or t < old[0]:
            L[lst][val] = (t, src)
    # reports -> case numbers and paid_to accounts listed by police
    victim_lines = {}
    fset = set(fnum)
    fmask = np.zeros(len(ph.num), bool)
    fmask[list(fset)] = True
    for a_, b_ in ((ca, cb), (cb, ca), (sa, sb)):
        m = fmask[a_] & (ph_holder[b_] >= 0)
        for x, y in zip(a_[m].tolist(), ph_holder[b_[m]].tolist()):
            victim_lines.setdefault(y, [])
            if x not in victim_lines[y]:
                victim_lines[y].append(x)
    for t, p, paid, c, isf, rec in reps:
        for a in paid:
            if rl.random() < 0.9:
                put("accounts", ac.id[a], t + rl.integers(600, 5400), "police_case")
        if isf:
            for x in victim_lines.get(p, []):
                if rl.random() < 0.7:
                    put("numbers", ph.num[x], t + rl.integers(1800, 4 * HOUR), "police_case")
    for i in sorted(fnum):
        t0 = fu_num.get(i)
        if t0 is None:
            continue
        u = rl.random()
        if u < 0.05:
            put("numbers", ph.num[i], START - rl.uniform(1, 60) * DAY, "nafc")        # reused old line
        elif u < 0.4:
            put("numbers", ph.num[i], t0 + lognorm(rl, 1.5 * DAY, 0.8, 1)[0], "miit_12321" if rl.random() < 0.6 else "operator")
    for i in fdom:
        t0 = fu_dom.get(i)
        u = rl.random()
        if u < 0.1:
            put("domains", voc.s[i], START - rl.uniform(1, 30) * DAY, "nafc")
        elif u < 0.6 and t0 is not None:
            put("domains", voc.s[i], t0 + lognorm(rl, 12 * HOUR, 0.9, 1)[0], "nafc" if rl.random() < 0.5 else "security_vendor")
    for i in fapp:
        t0 = fu_dom.get(i)
        u = rl.random()
        if u < 0.08:
            put("apps", voc.s[i], START - rl.uniform(1, 30) * DAY, "nafc")
        elif u < 0.45 and t0 is not None:
            put("apps", voc.s[i], t0 + lognorm(rl, DAY, 0.9, 1)[0], "nafc")
    # banks report fast in-out mule accounts; some old mule cards were already known
    for i in sorted(facc):
        t0 = fu_acc.get(i)
        if t0 is None:
            continue
        u = rl.random()
        if u < 0.04:
            put("accounts", ac.id[i], START - rl.uniform(1, 90) * DAY, "bank")
        elif u < 0.25:
            put("accounts", ac.id[i], t0 + lognorm(rl, 18 * HOUR, 0.9, 1)[0], "bank")
    # errors: innocent lines reported as harassment, a legit domain, a meeting app, innocent accounts
    sp = fr["special"]
    pool = np.concatenate([sp["telemkt"], sp["debtcol"], sp["relay"], sp["cour_ext"]])
    pool = pool[seen_comm[pool]]
    for i in rl.choice(pool, min(len(pool), max(1, int(round(0.04 * max(len(L["numbers"]), 10))))), replace=False).tolist():
        put("numbers", ph.num[i], START + rl.uniform(0, D) * DAY, "user_report")
    put("domains", "huanbei-kf.com", START + rl.uniform(0, D) * DAY, "security_vendor")
    if rl.random() < 0.5:
        put("apps", "us.zoom.videomeetings", START + rl.uniform(0, D) * DAY, "province")
    inn = np.where((acc_kind == "personal") & (acc_holder >= 0) & used_acc & ~np.isin(np.arange(len(ac.id)), list(facc)))[0]
    for i in rl.choice(inn, min(len(inn), max(1, len(facc) // 40)), replace=False).tolist():
        put("accounts", ac.id[i], START + rl.uniform(0, D) * DAY, "bank")
    for lst in L:
        rows = sorted(((t, v, s_) for v, (t, s_) in L[lst].items()))
        write_csv(pl.DataFrame({"value": pl.Series([r[1] for r in rows], dtype=pl.Utf8),
                                "listed_at": fmt_ts(np.array([r[0] for r in rows], np.int64)),
                                "source": pl.Series([r[2] for r in rows], dtype=pl.Utf8)}),
                  os.path.join(out, "lists", lst + ".csv"))

    meta = {"format": "dataset/1", "start": dt.datetime.fromtimestamp(START, TZ).isoformat(),
            "end": dt.datetime.fromtimestamp(END, TZ).isoformat(), "seed": seed,
            "note": f"synthetic Xi'an-like city (gen_h): {P} persons, {D} days from 2026-11-11 (11.11 shopping festival)"}
    with open(os.path.join(out, "meta.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f, ensure_ascii=False)
        f.write("\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--persons", type=int, default=2000)
    ap.add_argument("--days", type=int, default=9)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    build(a.seed, a.persons, a.days, a.out)


if __name__ == "__main__":
    main()
