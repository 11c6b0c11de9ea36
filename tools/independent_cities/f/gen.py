#!/usr/bin/env python3
"""Synthetic prefecture-city generator (dataset/1), author F.

A Baoding-like northern prefecture: old urban core, new high-rise town, university
town, factory zone and four rural counties.  Everyday life first; fraud rings play
out through the same calls, SMS, net events and transfers.

CLI: gen.py --seed N --persons P --days D --out DIR
Only numpy, polars and the standard library.
"""
import argparse
import json
import os
import sys
import time
import zlib
from datetime import datetime, timedelta, timezone

import numpy as np
import polars as pl

TZ = timezone(timedelta(hours=8))
START_DT = datetime(2026, 8, 1, 0, 0, 0, tzinfo=TZ)   # Saturday
T0 = int(START_DT.timestamp())
MIN, HOUR, DAY = 60, 3600, 86400


def stream(seed, name):
    """Independent random stream per (seed, module name)."""
    return np.random.default_rng([int(seed), zlib.crc32(name.encode())])


# --------------------------------------------------------------------------
# static world tables
# --------------------------------------------------------------------------
# district code, type, population weight
DISTRICTS = [
    ("130681", "core", 0.17),      # old urban core, many elderly, shops, hospital
    ("130682", "newtown", 0.16),   # new high-rise district, young families, mortgages
    ("130683", "unitown", 0.09),   # university town + urban village landlords
    ("130684", "factory", 0.12),   # factory zone, migrant workers, night shifts
    ("130691", "rural", 0.13),     # plain county, vegetables
    ("130692", "rural", 0.12),     # orchard county (August peaches, purchasing agents)
    ("130693", "rural", 0.11),     # hill county, oldest population
    ("130694", "rural", 0.10),     # lake county
]
ND = len(DISTRICTS)
DCODE = [d[0] for d in DISTRICTS]
DTYPE = [d[1] for d in DISTRICTS]
ORCHARD = 5
HILL = 6

# occupations
(O_CHILD, O_PUPIL, O_UNI, O_FACTORY, O_OFFICE, O_SHOP, O_FARMER, O_RETIRED, O_RURALOLD,
 O_HOME, O_DRIVER, O_JOBLESS, O_SALES, O_AGENT) = range(14)
OCC_NAMES = ["child", "pupil", "uni", "factory", "office", "shop", "farmer", "retired",
             "ruralold", "home", "driver", "jobless", "sales", "agent"]

# hour-of-day profiles (relative weights)
PROF = {
    "elder":   [0.2, 0.1, 0.05, 0.05, 0.2, 1, 3, 5, 7, 7, 6, 5, 3, 2, 3, 5, 6, 6, 5, 4, 2.5, 1, .4, .2],
    "adult":   [.5, .2, .1, .05, .05, .2, 1, 3, 5, 6, 6, 6, 5, 4, 5, 6, 6, 6, 6, 6, 5, 3.5, 2, 1],
    "young":   [2, 1.2, .6, .3, .2, .2, .5, 1.5, 3, 4, 4.5, 5, 5, 4, 4.5, 5, 5, 5, 5.5, 6.5, 7, 7, 6, 4],
    "biz":     [0, 0, 0, 0, 0, 0, .1, .5, 4, 7, 7, 6, 3, 4, 6, 7, 6, 4, 1, .3, .1, 0, 0, 0],
    "evening": [.3, .1, 0, 0, 0, .1, .3, .8, 1, 1, 1, 1.5, 3, 2, 1, 1, 1, 1.5, 3, 5, 6, 5, 3, 1],
    "night":   [3, 3, 2.5, 2, 1.5, 1, 1, 1, 1, 1, 1, 2, 3, 3, 2, 2, 2, 3, 4, 5, 5, 5, 4, 3],
    "market":  [.5, 1, 2, 5, 7, 6, 4, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 3, 3, 2, 1, .5, .3, .3],
    "shop":    [0, 0, 0, 0, .1, .5, 2, 4, 5, 5, 5, 6, 6, 5, 5, 5, 5, 6, 7, 7, 5, 3, 1, .3],
    "bank":    [0, 0, 0, 0, 0, 0, 0, 0, 0, 6, 7, 7, 5, 3, 5, 6, 5, 2, 0, 0, 0, 0, 0, 0],
}
PROF_NAMES = list(PROF)
PROF_P = np.array([np.array(PROF[k]) / sum(PROF[k]) for k in PROF_NAMES])
PID = {k: i for i, k in enumerate(PROF_NAMES)}

MOBILE_PREFIX = ["130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150",
                 "151", "152", "155", "156", "157", "158", "159", "166", "173", "176", "177",
                 "178", "180", "181", "182", "183", "185", "186", "187", "188", "189", "191",
                 "195", "198", "199"]
VIRTUAL_PREFIX = ["170", "171", "162", "165", "167"]

BANKS_URBAN = [("ICBC", .2), ("CCB", .17), ("ABC", .13), ("BOC", .12), ("BCM", .07), ("CMB", .08),
               ("PSBC", .08), ("HEBBANK", .06), ("BDBANK", .05), ("HBRCU", .04)]
BANKS_RURAL = [("PSBC", .3), ("HBRCU", .3), ("ABC", .2), ("CCB", .08), ("ICBC", .07), ("BOC", .05)]
BANK_BIN = {"ICBC": "622202", "CCB": "621700", "ABC": "622848", "BOC": "621661", "BCM": "622262",
            "CMB": "621483", "PSBC": "621799", "HEBBANK": "622167", "BDBANK": "623191",
            "HBRCU": "622358", "CITIC": "622690", "SPDB": "622521"}
BANK_SMS = {"ICBC": "95588", "CCB": "95533", "ABC": "95599", "BOC": "95566", "BCM": "95559",
            "CMB": "95555", "PSBC": "95580", "HEBBANK": "95557", "BDBANK": "96368",
            "HBRCU": "96369", "CITIC": "95558", "SPDB": "95528"}
CHANNELS = ["mobile", "online", "counter", "atm", "third_party", "crypto_otc"]
CH = {c: i for i, c in enumerate(CHANNELS)}

LEGIT_DOMAINS_TOP = [
    "baidu.com", "qq.com", "taobao.com", "douyin.com", "jd.com", "pinduoduo.com", "weibo.com",
    "kuaishou.com", "bilibili.com", "163.com", "sohu.com", "toutiao.com", "meituan.com",
    "zhihu.com", "xiaohongshu.com", "iqiyi.com", "ctrip.com", "12306.cn", "sina.com.cn",
    "alipay.com", "tmall.com", "dianping.com", "ele.me", "58.com", "ke.com", "autohome.com.cn",
    "eastmoney.com", "10jqka.com.cn", "gov.cn", "hebei.gov.cn", "bd.gov.cn", "chsi.com.cn",
    "zhaopin.com", "bosszhipin.com", "51job.com", "icbc.com.cn", "ccb.com", "abchina.com",
    "95599.cn", "psbc.com", "10086.cn", "189.cn", "cainiao.com", "sf-express.com",
    "pingan.com", "chinalife.com.cn", "haodf.com", "jiankang.com", "xuexi.cn", "t.cn", "dwz.cn",
    "m.tb.cn", "3.cn", "url.cn", "zuoyebang.com", "tencent.com", "ximalaya.com", "vip.com",
    "dewu.com", "sf-zhixing.cn", "mi.com", "huawei.com", "yangkeduo.com", "hbzwfw.gov.cn",
    "12333.gov.cn", "chsi.cn", "bdu.edu.cn", "bdrmyy.cn", "hebeu.edu.cn", "okx.com",
]
SHORTLINK = ["t.cn", "dwz.cn", "url.cn", "m.tb.cn", "3.cn"]
LEGIT_APPS_TOP = [
    "com.tencent.mm", "com.eg.android.AlipayGphone", "com.ss.android.ugc.aweme",
    "com.smile.gifmaker", "com.xunmeng.pinduoduo", "com.taobao.taobao", "com.jingdong.app.mall",
    "com.sankuai.meituan", "com.tencent.mobileqq", "com.ss.android.article.news",
    "com.kuaishou.nebula", "com.ss.android.ugc.aweme.lite", "com.autonavi.minimap",
    "com.baidu.searchbox", "com.tencent.qqlive", "com.qiyi.video", "tv.danmaku.bili",
    "com.xingin.xhs", "com.hicorenational.antifraud", "com.icbc", "com.chinamworld.main",
    "com.android.bankabc", "com.chinamworld.bocmbci", "com.yitong.mbank.psbc",
    "com.cmbchina.psbc", "cn.gov.tax.its", "com.hebei.rs12333", "cn.gov.mca.yibao",
    "com.tencent.wemeet.app", "us.zoom.videomeetings", "com.alibaba.android.rimet",
    "com.ss.android.lark", "com.hexin.plat.android", "com.eastmoney.android.berlin",
    "com.jd.jrapp", "com.hmbank.jiebei", "com.yy.hiyo", "com.didi.passenger",
    "com.sdu.didi.psnger", "com.wuba", "com.lianjia.beike", "com.hpbr.bosszhipin",
    "com.zhaopin.social", "com.sf.activity", "com.cainiao.wireless", "com.tencent.tmgp.sgame",
    "com.miHoYo.Yuanshen", "com.ximalaya.ting.android", "com.quark.browser", "com.UCMobile",
    "com.zuoyebang.knowledge", "cn.xuexi.android", "com.dragon.read", "com.kmxs.reader",
    "com.okinc.okex.gp", "com.binance.dev", "com.netease.cloudmusic", "com.sankuai.meituan.takeoutnew",
    "com.ss.android.ugc.livelite", "com.yixia.xiaokaxiu", "com.jifen.qukan", "com.xiaomi.shop",
]
LEGIT_DOMAIN_ZIPF = 1.15
LEGIT_APP_ZIPF = 1.25

SYL = ["ba", "bao", "bei", "chang", "cheng", "da", "de", "dong", "fa", "fu", "gao", "guo", "hai",
       "hao", "he", "hong", "hua", "ji", "jia", "jin", "jing", "kang", "le", "li", "long", "mei",
       "min", "ning", "ping", "qi", "qian", "qing", "rui", "sheng", "shi", "tai", "tian", "tong",
       "wan", "wei", "xin", "xing", "yang", "yi", "yu", "yuan", "zhi", "zhong", "zi", "an"]


class Reg:
    """Registry of numbers or accounts (parallel python lists)."""

    def __init__(self):
        self.id = []
        self.holder = []
        self.kind = []
        self.t = []          # activation/open epoch seconds, or None
        self.extra = []      # bank for accounts, '' for numbers
        self.index = {}

    def add(self, ident, holder, kind, t, extra=""):
        i = len(self.id)
        self.id.append(ident)
        self.holder.append(holder)
        self.kind.append(kind)
        self.t.append(t)
        self.extra.append(extra)
        self.index[ident] = i
        return i

    def __len__(self):
        return len(self.id)


class World:
    pass


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------
def sample_hours(rng, prof_ids):
    prof_ids = np.asarray(prof_ids)
    h = np.zeros(len(prof_ids), dtype=np.int64)
    for p in np.unique(prof_ids):
        m = prof_ids == p
        h[m] = rng.choice(24, size=int(m.sum()), p=PROF_P[p])
    return h


def day_weights(D, weekend=1.0):
    w = np.ones(D)
    for d in range(D):
        if d % 7 in (0, 1):      # day 0 is Saturday
            w[d] = weekend
    return w / w.sum()


def sample_ts(rng, n, prof, D, weekend=1.0, days=None):
    if days is None:
        days = rng.choice(D, size=n, p=day_weights(D, weekend))
    if np.isscalar(prof):
        prof = np.full(n, prof)
    h = sample_hours(rng, prof)
    return T0 + days.astype(np.int64) * DAY + h * HOUR + rng.integers(0, HOUR, n)


def lognorm(rng, median, sigma, n=None):
    return median * np.exp(sigma * rng.standard_normal(n))


def rand_digits(rng, k):
    return "".join(str(x) for x in rng.integers(0, 10, k))


def new_mobile(rng, reg, prefixes=MOBILE_PREFIX):
    while True:
        s = prefixes[rng.integers(len(prefixes))] + rand_digits(rng, 8)
        if s not in reg.index:
            return s


def new_landline(rng, reg, area="0312"):
    while True:
        s = area + str(rng.integers(2, 9)) + rand_digits(rng, 10 - len(area))
        if s not in reg.index:
            return s


OVERSEAS_LEN = {"+855": 9, "+63": 10, "+95": 9, "+60": 9, "+66": 9, "+852": 8, "+81": 10,
                "+65": 8, "+971": 9, "+1": 10, "+61": 9, "+82": 10, "+44": 10, "+84": 9, "+886": 9}


def new_overseas(rng, reg, cc):
    while True:
        s = cc + str(rng.integers(1, 10)) + rand_digits(rng, OVERSEAS_LEN[cc] - 1)
        if s not in reg.index:
            return s


def new_card(rng, areg, bank, length=19):
    while True:
        s = BANK_BIN.get(bank, "622000") + rand_digits(rng, length - 6)
        if s not in areg.index:
            return s


def pick_bank(rng, rural):
    tab = BANKS_RURAL if rural else BANKS_URBAN
    p = np.array([w for _, w in tab])
    return tab[rng.choice(len(tab), p=p / p.sum())][0]


def syl_name(rng, k):
    return "".join(SYL[i] for i in rng.integers(0, len(SYL), k))


# --------------------------------------------------------------------------
# 1. population: households, persons, away relatives
# --------------------------------------------------------------------------
def make_household(rng, dt):
    """members: list of (age, sex, tag); away: list of (age, sex, rel, abroad)."""
    m, away = [], []
    r = rng.random()
    tri = lambda a, c, b: int(rng.triangular(a, c, b))

    def away_kids(nmin, nmax, amin, amax, p=0.75):
        for _ in range(rng.integers(nmin, nmax + 1)):
            if rng.random() < p:
                away.append((int(rng.integers(amin, amax + 1)), int(rng.random() < .5), "child",
                             rng.random() < 0.025))

    def couple(amin, amax):
        a = int(rng.integers(amin, amax + 1))
        m.append((a, 0, "h"))
        m.append((max(18, a - int(rng.integers(-1, 5))), 1, "w"))
        return a

    if dt == "core":
        if r < 0.16:
            m.append((tri(66, 76, 94), int(rng.random() < .7), "old"))
            away_kids(1, 3, 35, 60, .7)
        elif r < 0.38:
            a = couple(63, 88)
            away_kids(1, 3, a - 38, a - 24, .65)
        elif r < 0.70:
            a = couple(30, 50)
            for _ in range(rng.integers(1, 3)):
                m.append((int(rng.integers(1, 18)), int(rng.random() < .5), "kid"))
            if rng.random() < .25:
                m.append((tri(58, 68, 84), int(rng.random() < .65), "gp"))
        elif r < 0.86:
            a = couple(46, 62)
            away_kids(1, 1, a - 32, a - 22, .75)
        else:
            m.append((int(rng.integers(22, 39)), int(rng.random() < .45), "single"))
    elif dt == "newtown":
        if r < 0.55:
            a = couple(27, 41)
            for _ in range(rng.integers(1, 3)):
                m.append((int(rng.integers(0, 11)), int(rng.random() < .5), "kid"))
            if rng.random() < .35:
                m.append((tri(53, 60, 73), int(rng.random() < .8), "gp"))
        elif r < 0.75:
            couple(24, 35)
        elif r < 0.90:
            m.append((int(rng.integers(22, 36)), int(rng.random() < .45), "single"))
        else:
            a = couple(45, 60)
            away_kids(1, 1, a - 30, a - 21, .5)
    elif dt == "unitown":
        if r < 0.70:
            sex = int(rng.random() < .5)
            for _ in range(4):
                m.append((int(rng.integers(18, 24)), sex, "stu"))
        elif r < 0.88:
            couple(28, 56)
            if rng.random() < .6:
                m.append((int(rng.integers(1, 18)), int(rng.random() < .5), "kid"))
        else:
            a = couple(56, 80)
            away_kids(1, 2, a - 35, a - 22, .5)
            m[0] = (m[0][0], m[0][1], "landlord")
    elif dt == "factory":
        if r < 0.45:
            m.append((int(rng.integers(18, 41)), int(rng.random() < .35), "worker"))
            if rng.random() < .8:
                away.append((int(rng.integers(42, 66)), int(rng.random() < .5), "parent", False))
        elif r < 0.75:
            couple(24, 46)
            if rng.random() < .7:
                m.append((int(rng.integers(0, 15)), int(rng.random() < .5), "kid"))
        elif r < 0.88:
            a = couple(60, 85) if rng.random() < .6 else None
            if a is None:
                m.append((tri(62, 72, 90), int(rng.random() < .65), "old"))
            away_kids(1, 2, 30, 55, .5)
        else:
            couple(21, 30)
    else:  # rural
        old_shift = 0.08 if False else 0.0
        if r < 0.19 + old_shift:
            m.append((tri(64, 75, 94), int(rng.random() < .62), "old"))
            away_kids(1, 3, 35, 62, .8)
        elif r < 0.43:
            a = couple(60, 88)
            away_kids(1, 3, a - 38, a - 24, .75)
        elif r < 0.63:
            n_gp = rng.integers(1, 3)
            a = int(rng.integers(54, 79))
            m.append((a, int(rng.random() < .55) if n_gp == 1 else 0, "gp"))
            if n_gp == 2:
                m.append((a - int(rng.integers(-1, 4)), 1, "gp"))
            for _ in range(rng.integers(1, 3)):
                m.append((int(rng.integers(2, 16)), int(rng.random() < .5), "kid"))
            pa = int(rng.integers(27, 43))
            away.append((pa, 0, "parent", rng.random() < .02))
            if rng.random() < .8:
                away.append((pa - 2, 1, "parent", False))
        elif r < 0.81:
            couple(34, 56)
            if rng.random() < .7:
                m.append((int(rng.integers(9, 19)), int(rng.random() < .5), "kid"))
            if rng.random() < .3:
                m.append((tri(66, 75, 90), int(rng.random() < .6), "gp"))
            if rng.random() < .25:   # husband works away in Beijing
                away.append((m[0][0], 0, "spouse", False))
                m.pop(0)
        else:
            a = couple(45, 63)
            away_kids(1, 2, a - 32, a - 20, .8)
    return m, away


def build_population(w, rng):
    P = w.P
    dw = np.array([d[2] for d in DISTRICTS])
    dw = dw / dw.sum()
    age, sex, dist, hh, tag = [], [], [], [], []
    away = []   # (hh, age, sex, rel, abroad)
    h = 0
    while len(age) < P:
        d = int(rng.choice(ND, p=dw))
        dt = DTYPE[d]
        if d == HILL and rng.random() < 0.3:   # hill county: extra old households
            mem, aw = [(int(rng.triangular(66, 78, 95)), int(rng.random() < .6), "old")], []
            aw.append((int(rng.integers(38, 60)), int(rng.random() < .5), "child", False))
        else:
            mem, aw = make_household(rng, dt)
        if not mem:
            continue
        for a, s, t in mem:
            age.append(a); sex.append(s); dist.append(d); hh.append(h); tag.append(t)
        for a, s, rel, ab in aw:
            away.append((h, a, s, rel, ab))
        h += 1
    w.age = np.array(age[:P]); w.sex = np.array(sex[:P]); w.dist = np.array(dist[:P])
    w.hh = np.array(hh[:P]); w.tag = np.array(tag[:P], dtype=object)
    w.n_hh = int(w.hh.max()) + 1
    w.away = [a for a in away if a[0] < w.n_hh]
    w.by_year = 2026 - w.age - (rng.random(P) < 0.6).astype(int)
    # occupations
    occ = np.full(P, O_JOBLESS)
    rural = np.array([DTYPE[d] == "rural" for d in w.dist])
    dtyp = np.array([DTYPE[d] for d in w.dist])
    u = rng.random(P)
    for i in range(P):
        a = w.age[i]
        if w.tag[i] == "stu":
            occ[i] = O_UNI
        elif a < 6:
            occ[i] = O_CHILD
        elif a < 18:
            occ[i] = O_PUPIL
        elif a >= 60 and (a >= 63 or u[i] < .5):
            occ[i] = O_RURALOLD if rural[i] else O_RETIRED
            if rural[i] and a < 72 and rng.random() < .35:
                occ[i] = O_FARMER
        else:
            x = rng.random()
            f = w.sex[i] == 1
            if rural[i]:
                cuts = [(.40, O_FARMER), (.55, O_FACTORY), (.63, O_DRIVER), (.70, O_SHOP),
                        (.76, O_OFFICE), (.78, O_SALES), (.80 if w.dist[i] == ORCHARD else .785, O_AGENT),
                        (.90 if f and a < 42 else .81, O_HOME), (1.0, O_JOBLESS)]
            elif dtyp[i] == "factory":
                cuts = [(.55, O_FACTORY), (.63, O_OFFICE), (.70, O_SHOP), (.77, O_DRIVER),
                        (.79, O_SALES), (.88 if f and a < 42 else .80, O_HOME), (1.0, O_JOBLESS)]
            else:
                cuts = [(.36, O_OFFICE), (.46, O_FACTORY), (.57, O_SHOP), (.64, O_DRIVER),
                        (.665, O_SALES), (.76 if f and a < 42 else .68, O_HOME), (1.0, O_JOBLESS)]
            for c, o in cuts:
                if x < c:
                    occ[i] = o
                    break
    w.occ = occ
    w.rural = rural
    w.night = (occ == O_FACTORY) & (rng.random(P) < 0.3)
    # savings (CNY): what a person could be talked out of
    med = np.select([occ == O_RETIRED, occ == O_RURALOLD, occ == O_UNI, occ == O_PUPIL,
                     occ == O_SHOP, occ == O_OFFICE, occ == O_FARMER],
                    [90000, 25000, 4000, 800, 120000, 110000, 40000], 50000)
    w.savings = lognorm(rng, 1.0, 0.9, P) * med
    # caller profile
    prof = np.full(P, PID["adult"])
    prof[(occ == O_RETIRED) | (occ == O_RURALOLD)] = PID["elder"]
    prof[(occ == O_UNI) | (occ == O_PUPIL) | ((w.age < 30) & (occ != O_FACTORY))] = PID["young"]
    prof[w.night] = PID["night"]
    w.prof = prof
    w.pid = [f"P{i+1:06d}" for i in range(P)]
    # household member lists
    order = np.argsort(w.hh, kind="stable")
    w.hh_members = [[] for _ in range(w.n_hh)]
    for i in order:
        w.hh_members[w.hh[i]].append(int(i))


# --------------------------------------------------------------------------
# 2. phones and accounts
# --------------------------------------------------------------------------
def build_phones(w, rng):
    P = w.P
    N = w.N = Reg()
    a = w.age
    p_phone = np.select([a < 10, a < 13, a < 16, a < 18, a < 65, a < 75, a < 85],
                        [0, .25, .55, .85, .985, .9, .72], .45)
    has = rng.random(P) < p_phone
    w.smart = has & (rng.random(P) < np.select([a < 65, a < 75], [1.0, .62], .3))
    w.phone = np.full(P, -1)
    w.phone2 = np.full(P, -1)
    yrs = rng.exponential(5.0, P) + 0.1
    recent = (w.occ == O_FACTORY) & (rng.random(P) < 0.12)    # migrant workers' new local SIMs
    recent |= (w.occ == O_UNI) & (rng.random(P) < 0.08)
    for i in range(P):
        if not has[i]:
            continue
        t_act = T0 - int(yrs[i] * 365 * DAY) if not recent[i] else T0 - int(rng.integers(3, 60)) * DAY
        w.phone[i] = N.add(new_mobile(rng, N), i, "mobile", t_act)
        if 22 <= a[i] <= 58 and rng.random() < (0.3 if w.occ[i] in (O_SHOP, O_SALES, O_AGENT) else 0.1):
            w.phone2[i] = N.add(new_mobile(rng, N), i, "mobile",
                                T0 - int(rng.exponential(2.0) * 365 * DAY) - DAY)
    # landlines for old households
    w.landline = np.full(w.n_hh, -1)
    for h in range(w.n_hh):
        mem = w.hh_members[h]
        if not mem:
            continue
        oldest = max(mem, key=lambda i: a[i])
        if a[oldest] >= 60:
            pl_ = 0.35 if DTYPE[w.dist[oldest]] == "core" else 0.18
            if rng.random() < pl_:
                w.landline[h] = N.add(new_landline(rng, N), oldest, "landline",
                                      T0 - int(rng.integers(8, 30)) * 365 * DAY)
    # away relatives: external numbers, no holder
    w.away_num = []
    for (h, aa, s, rel, ab) in w.away:
        if ab:
            cc = ["+81", "+65", "+971", "+1", "+61", "+82", "+60"][rng.integers(7)]
            n = N.add(new_overseas(rng, N, cc), None, "overseas", None)
        else:
            t_act = T0 - int(rng.exponential(4) * 365 * DAY) - DAY
            if rng.random() < 0.06:        # grandchild / child with a brand new number this week
                t_act = T0 + int(rng.integers(0, max(1, w.D - 1)) * DAY + rng.integers(8, 20) * HOUR)
            n = N.add(new_mobile(rng, N), None, "mobile", t_act)
        w.away_num.append(n)
    # service short codes
    w.svc = {}
    for code in ["95588", "95533", "95599", "95566", "95559", "95555", "95580", "95557", "96368",
                 "96369", "95558", "95528", "10086", "10010", "10000", "12345", "12381", "96110",
                 "95598", "12333", "95511", "95519", "95338", "95311", "95543", "95546", "95188",
                 "95017", "95118", "95106", "10085"]:
        w.svc[code] = N.add(code, None, "service", None)
    # 106 SMS ports (e-commerce, couriers, verification, government)
    w.ports = []
    for k in range(60):
        s = "106" + str(rng.choice([90, 91, 92, 55, 57, 58, 59])) + rand_digits(rng, int(rng.integers(6, 10)))
        if s in N.index:
            continue
        w.ports.append(N.add(s, None, "service", None))
    w.ports = np.array(w.ports)
    # courier relay (privacy) numbers: virtual-operator mobiles, no local holder, young
    w.relay = np.array([N.add(new_mobile(rng, N, VIRTUAL_PREFIX), None, "mobile",
                              T0 - int(rng.integers(5, 200)) * DAY) for _ in range(max(8, P // 400))])
    # telemarketers: call-centre landlines + company SIMs, some brand-new
    w.tele = []
    for k in range(max(6, P // 350)):
        x = rng.random()
        if x < 0.45:
            n = N.add(new_landline(rng, N, ["0312", "010", "0311", "022"][rng.integers(4)]), None,
                      "landline", None)
        else:
            act = T0 - int(rng.integers(1, 40)) * DAY if rng.random() < .5 else T0 - int(rng.integers(60, 900)) * DAY
            n = N.add(new_mobile(rng, N), None, "mobile", act)
        w.tele.append(n)
    w.tele = np.array(w.tele)
    # debt collectors: out-of-province mobiles, often new
    w.collect = np.array([N.add(new_mobile(rng, N), None, "mobile",
                                T0 - int(rng.integers(2, 120)) * DAY) for _ in range(max(3, P // 1500))])
    # hospital / clinic landlines, recruiters, estate agents
    w.hosp = np.array([N.add(new_landline(rng, N), None, "landline", None) for _ in range(max(2, P // 4000))])
    w.recruit = np.array([N.add(new_mobile(rng, N), None, "mobile",
                                T0 - int(rng.integers(5, 400)) * DAY) for _ in range(max(3, P // 2500))])
    # external friends / former classmates / business contacts
    w.ext_friend = np.array([N.add(new_mobile(rng, N), None, "mobile",
                                   T0 - int(rng.exponential(4) * 365 * DAY) - DAY)
                             if rng.random() > 0.05 else
                             N.add(new_overseas(rng, N, ["+82", "+81", "+65", "+60", "+66", "+852", "+1", "+971", "+84"][rng.integers(9)]),
                                   None, "overseas", None)
                             for _ in range(max(50, P // 4))])
    # local businesses' landlines (restaurants, clinics)
    w.shop_land = np.array([N.add(new_landline(rng, N), None, "landline", None) for _ in range(max(5, P // 300))])


def build_accounts(w, rng):
    P = w.P
    A = w.A = Reg()
    a = w.age
    w.acct = np.full(P, -1)
    w.acct2 = np.full(P, -1)
    w.merch = np.full(P, -1)
    ncards = np.where(a >= 18, 1 + rng.poisson(np.where(a >= 60, 0.3, 0.8)), (a >= 12) * (rng.random(P) < .15))
    for i in range(P):
        if ncards[i] == 0:
            continue
        banks = []
        for k in range(min(int(ncards[i]), 4)):
            b = pick_bank(rng, w.rural[i])
            if b in banks:
                continue
            banks.append(b)
            opened = T0 - int((rng.exponential(6) + 0.05) * 365 * DAY)
            j = A.add(new_card(rng, A, b), i, "personal", opened, b)
            if k == 0:
                w.acct[i] = j
            elif w.acct2[i] < 0:
                w.acct2[i] = j
    # merchant tills (shops, stalls, village shops / agency points, salespeople's companies)
    shops = np.where(((w.occ == O_SHOP) | (w.occ == O_AGENT)) & (w.acct >= 0))[0]
    w.shop_type = {}
    for i in shops:
        dt = DTYPE[w.dist[i]]
        if w.occ[i] == O_AGENT:
            typ = "agent"
        elif dt == "rural":
            typ = ["village", "village", "village_agent", "stall", "restaurant", "pharmacy"][rng.integers(6)]
        else:
            typ = ["grocery", "stall", "restaurant", "restaurant", "pharmacy", "salon", "phone",
                   "gold" if dt == "core" else "grocery", "wholesale"][rng.integers(9)]
        w.shop_type[int(i)] = typ
        if typ != "agent":
            b = pick_bank(rng, w.rural[i])
            w.merch[i] = A.add(new_card(rng, A, b), int(i), "merchant",
                               T0 - int((rng.exponential(4) + .1) * 365 * DAY), b)
    w.merchants = np.array([i for i in shops if w.merch[i] >= 0], dtype=int)
    w.merch_by_dist = [w.merchants[w.dist[w.merchants] == d] for d in range(ND)]
    mt = np.array([w.shop_type[int(i)] for i in w.merchants]) if len(w.merchants) else np.array([])
    w.gold_shops = w.merchants[mt == "gold"] if len(mt) else np.array([], dtype=int)
    w.agent_points = [w.merchants[(mt == "village_agent") & (w.dist[w.merchants] == d)] for d in range(ND)]
    # away relatives' external cards
    w.away_acct = []
    for k, (h, aa, s, rel, ab) in enumerate(w.away):
        b = pick_bank(rng, False)
        w.away_acct.append(A.add(new_card(rng, A, b), None, "personal",
                                 T0 - int((rng.exponential(5) + .1) * 365 * DAY), b))

    # organisations
    def corp(name_bank, kind="corporate", holder=None, opened_years=8):
        b = name_bank
        return A.add(new_card(rng, A, b, 17), holder, kind, T0 - int((rng.exponential(opened_years) + .5) * 365 * DAY), b)

    w.pension_fund = corp("ICBC")
    w.rural_pension = corp("PSBC")
    w.hospitals = [corp("CCB") for _ in range(max(2, P // 6000))]
    w.university = corp("BOC")
    w.schools = [corp(pick_bank(rng, False)) for _ in range(max(2, P // 4000))]
    w.developers = [corp(pick_bank(rng, False)) for _ in range(max(2, P // 8000))]
    w.car_dealers = [corp(pick_bank(rng, False), "merchant") for _ in range(max(2, P // 8000))]
    w.utility = [corp("ICBC"), corp("CCB")]
    w.loan_acct = {b: corp(b) for b in ["ICBC", "CCB", "ABC", "BOC", "PSBC", "HBRCU"]}
    w.brokers = [corp(b) for b in ["CITIC", "CMB", "ICBC"]]
    w.insurers = [corp(b) for b in ["ICBC", "CCB", "BOC"]]
    w.wedding_hotels = [corp(pick_bank(rng, False), "merchant") for _ in range(max(2, P // 8000))]

    def ext_merchant(prefix, n):
        out = []
        for _ in range(n):
            while True:
                s = prefix + rand_digits(rng, 16 - len(prefix))
                if s not in A.index:
                    break
            out.append(A.add(s, None, "merchant", None, "ALIPAY" if prefix.startswith("2088") else "TENPAY"))
        return out

    w.platforms = ext_merchant("2088", max(30, P // 300)) + ext_merchant("1600", max(20, P // 500))
    w.platform_payout = [corp("CMB") for _ in range(3)]           # riders' platforms
    w.loan_platforms = [corp(b) for b in ["CMB", "CITIC", "SPDB", "ICBC"]]
    w.wholesalers = [A.add(new_card(rng, A, pick_bank(rng, False)), None, "merchant",
                           T0 - int(rng.integers(300, 4000)) * DAY, "ICBC") for _ in range(max(10, P // 800))]
    w.fruit_buyers = [A.add(new_card(rng, A, pick_bank(rng, False)), None,
                            "corporate" if rng.random() < .4 else "personal",
                            T0 - int(rng.integers(100, 3000)) * DAY, "CCB") for _ in range(max(4, P // 2500))]
    w.gold_dealers = [A.add(new_card(rng, A, pick_bank(rng, False), 17), None, "merchant",
                            T0 - int(rng.integers(200, 3000)) * DAY, "BOC") for _ in range(3)]
    w.ext_personal = [A.add(new_card(rng, A, pick_bank(rng, False)), None, "personal",
                            T0 - int(rng.integers(60, 4000)) * DAY, "ICBC") for _ in range(max(30, P // 200))]
    # employers: local firms, small private companies have a local legal representative
    workers = np.where(np.isin(w.occ, [O_FACTORY, O_OFFICE]) & (w.acct >= 0))[0]
    n_emp = max(4, len(workers) // 45)
    w.employers = []
    emp_of = np.full(P, -1)
    fac = workers[w.occ[workers] == O_FACTORY]
    off = workers[w.occ[workers] == O_OFFICE]
    n_fac = max(2, n_emp // 3)
    for j in range(n_emp):
        factory = j < n_fac
        holder = None
        if not factory and rng.random() < 0.5 and len(off):
            holder = int(off[rng.integers(len(off))])
        acc = corp(pick_bank(rng, False), "corporate", holder)
        payday = int(rng.choice([1, 5, 8, 10, 15, 20, 25], p=[.15, .2, .1, .25, .15, .05, .1]))
        w.employers.append({"acc": acc, "payday": payday, "factory": factory, "members": []})
    if len(fac):
        emp_of[fac] = rng.integers(0, n_fac, len(fac)) if n_fac > 0 else 0
    if len(off):
        # heavy tailed employer sizes
        ws = rng.pareto(1.2, n_emp - n_fac) + 1
        emp_of[off] = n_fac + rng.choice(n_emp - n_fac, size=len(off), p=ws / ws.sum())
    for i in workers:
        w.employers[emp_of[i]]["members"].append(int(i))
    w.emp_of = emp_of
    # accountants (can pay from the employer's account): first office member of small firms
    w.accountant = {}
    for j, e in enumerate(w.employers):
        if not e["factory"] and 0 < len(e["members"]) <= 60:
            cands = [i for i in e["members"] if w.age[i] >= 24 and w.sex[i] == 1] or e["members"]
            w.accountant[cands[0]] = e["acc"]


# --------------------------------------------------------------------------
# event sinks
# --------------------------------------------------------------------------
class Sink:
    def __init__(self, cols):
        self.cols = cols
        self.parts = {c: [] for c in cols}

    def add(self, **kw):
        n = None
        for c in self.cols:
            v = kw[c]
            if np.isscalar(v):
                continue
            n = len(v)
        if n is None or n == 0:
            return
        for c in self.cols:
            v = kw[c]
            self.parts[c].append(np.full(n, v, dtype=np.int64) if np.isscalar(v) else np.asarray(v, dtype=np.int64))

    def add_rows(self, rows):
        if not rows:
            return
        arr = np.array(rows, dtype=np.int64)
        for k, c in enumerate(self.cols):
            self.parts[c].append(arr[:, k])

    def get(self):
        return {c: (np.concatenate(v) if v else np.zeros(0, dtype=np.int64)) for c, v in self.parts.items()}


class Strings:
    def __init__(self):
        self.s = []
        self.index = {}

    def get(self, s):
        i = self.index.get(s)
        if i is None:
            i = len(self.s)
            self.s.append(s)
            self.index[s] = i
        return i


def build_strings(w, rng):
    w.DOM = Strings()
    w.APP = Strings()
    for d in LEGIT_DOMAINS_TOP:
        w.DOM.get(d)
    tlds = [".com", ".cn", ".com.cn", ".net", ".top", ".xyz", ".cc", ".vip", ".org", ".shop"]
    tp = np.array([.35, .25, .1, .08, .07, .05, .03, .03, .02, .02])
    n_tail = max(300, w.P // 30)
    while len(w.DOM.s) < len(LEGIT_DOMAINS_TOP) + n_tail:
        name = syl_name(rng, int(rng.integers(2, 4)))
        if rng.random() < .25:
            name += str(rng.integers(1, 999))
        w.DOM.get(name + tlds[rng.choice(len(tlds), p=tp)])
    w.legit_dom = np.arange(len(w.DOM.s))
    for a in LEGIT_APPS_TOP:
        w.APP.get(a)
    n_tail = max(150, w.P // 80)
    while len(w.APP.s) < len(LEGIT_APPS_TOP) + n_tail:
        x = rng.random()
        if x < .2:
            w.APP.get("uni.UNI" + "".join("0123456789ABCDEF"[k] for k in rng.integers(0, 16, 7)))
        elif x < .6:
            w.APP.get("com." + syl_name(rng, 2) + "." + syl_name(rng, 1))
        else:
            w.APP.get("cn." + syl_name(rng, 2) + ".app")
    w.legit_app = np.arange(len(w.APP.s))
    w.sms_dom = np.array([w.DOM.index[d] for d in
                          ["taobao.com", "jd.com", "pinduoduo.com", "meituan.com", "10086.cn", "189.cn",
                           "95599.cn", "ctrip.com", "12306.cn", "vip.com", "t.cn", "dwz.cn", "m.tb.cn",
                           "3.cn", "url.cn", "kuaishou.com", "ele.me", "cainiao.com", "pingan.com",
                           "chinalife.com.cn", "dewu.com", "yangkeduo.com", "58.com"]])


def zipf_pick(rng, n_items, n, a):
    w_ = 1.0 / np.arange(1, n_items + 1) ** a
    return rng.choice(n_items, size=n, p=w_ / w_.sum())


# --------------------------------------------------------------------------
# 3. contact graph and everyday telecom traffic
# --------------------------------------------------------------------------
def age_band(a):
    return np.digitize(a, [18, 30, 45, 60])


def build_contacts(w, rng):
    P, D = w.P, w.D
    ids = np.where(w.phone >= 0)[0]
    band = age_band(w.age)
    med = np.select([w.occ[ids] == O_UNI, w.age[ids] < 18, w.age[ids] >= 65,
                     np.isin(w.occ[ids], [O_SHOP, O_SALES, O_AGENT, O_DRIVER])], [14, 6, 5, 22], 9)
    k = np.clip(lognorm(rng, 1.0, 0.75, len(ids)) * med, 1, 300).astype(int)
    src = np.repeat(ids, k)
    dst = np.empty_like(src)
    r = rng.random(len(src))
    mode = np.where(r < 0.55, 0, np.where(r < 0.8, 1, 2))    # 0 same district+band, 1 same district, 2 anywhere
    key_src = w.dist[src] * 5 + band[src]
    key_all = w.dist[ids] * 5 + band[ids]
    for key in np.unique(key_src):
        m = (mode == 0) & (key_src == key)
        pool = ids[key_all == key]
        if len(pool) < 2:
            mode[m] = 1
            continue
        dst[m] = pool[rng.integers(0, len(pool), int(m.sum()))]
    for d in range(ND):
        m = (mode == 1) & (w.dist[src] == d)
        pool = ids[w.dist[ids] == d]
        dst[m] = pool[rng.integers(0, len(pool), int(m.sum()))]
    m = mode == 2
    dst[m] = ids[rng.integers(0, len(ids), int(m.sum()))]
    # colleagues: swap some edges of employees to same employer
    emp = w.emp_of[src]
    m = (emp >= 0) & (rng.random(len(src)) < 0.35)
    for j in np.unique(emp[m]):
        mm = m & (emp == j)
        mem = np.array([i for i in w.employers[j]["members"] if w.phone[i] >= 0])
        if len(mem) > 1:
            dst[mm] = mem[rng.integers(0, len(mem), int(mm.sum()))]
    keep = src != dst
    src, dst = src[keep], dst[keep]
    a, b = np.minimum(src, dst), np.maximum(src, dst)
    pair = np.unique(a.astype(np.int64) * P + b)
    w.f_a = (pair // P).astype(np.int64)
    w.f_b = (pair % P).astype(np.int64)
    w.f_rate = lognorm(rng, 0.035, 1.0, len(pair))     # calls/day a->b; b->a 0.8x
    # household pairs
    ha, hb, hr = [], [], []
    for h in range(w.n_hh):
        mem = [i for i in w.hh_members[h] if w.phone[i] >= 0]
        for x in range(len(mem)):
            for y in range(x + 1, len(mem)):
                i, j = mem[x], mem[y]
                spouse = abs(int(w.age[i]) - int(w.age[j])) < 10
                ha.append(i); hb.append(j); hr.append(0.45 if spouse else 0.25)
    w.h_a, w.h_b, w.h_r = np.array(ha, dtype=np.int64), np.array(hb, dtype=np.int64), np.array(hr)


def gen_calls(w, rng):
    P, D = w.P, w.D
    C = w.calls
    ph = w.phone

    def emit(src_num, dst_num, n_per, prof, ans_p, dur_med, dur_sig, weekend=1.0, act_src=None):
        n_per = np.asarray(n_per)
        tot = int(n_per.sum())
        if tot == 0:
            return
        s = np.repeat(src_num, n_per)
        d = np.repeat(dst_num, n_per)
        pr = np.repeat(prof, n_per) if not np.isscalar(prof) else prof
        ts = sample_ts(rng, tot, pr, D, weekend)
        ap = np.repeat(ans_p, n_per) if not np.isscalar(ans_p) else ans_p
        dm = np.repeat(dur_med, n_per) if not np.isscalar(dur_med) else dur_med
        ans = rng.random(tot) < ap
        dur = np.where(ans, np.maximum(3, lognorm(rng, 1.0, dur_sig, tot) * dm), 0).astype(np.int64)
        keep = np.ones(tot, bool)
        if act_src is not None:
            keep = ts >= np.repeat(act_src, n_per)
        C.add(ts=ts[keep], a=s[keep], b=d[keep], dur=dur[keep], tag=0)

    # friends (both directions)
    cnt = rng.poisson(w.f_rate * D)
    emit(ph[w.f_a], ph[w.f_b], cnt, w.prof[w.f_a], 0.85, 75, 0.9, 1.3)
    cnt = rng.poisson(w.f_rate * 0.8 * D)
    emit(ph[w.f_b], ph[w.f_a], cnt, w.prof[w.f_b], 0.85, 75, 0.9, 1.3)
    # household
    cnt = rng.poisson(w.h_r * D)
    emit(ph[w.h_a], ph[w.h_b], cnt, w.prof[w.h_a], 0.9, 55, 0.8)
    cnt = rng.poisson(w.h_r * D)
    emit(ph[w.h_b], ph[w.h_a], cnt, w.prof[w.h_b], 0.9, 55, 0.8)
    # away relatives <-> home (children in Beijing, parents of left-behind kids, abroad)
    aa, hb, rt, act = [], [], [], []
    for k, (h, age_, s, rel, ab) in enumerate(w.away):
        num = w.away_num[k]
        mem = w.hh_members[h]
        targets = [i for i in mem if ph[i] >= 0]
        if w.landline[h] >= 0:
            targets_l = [w.landline[h]]
        else:
            targets_l = []
        if not targets and not targets_l:
            continue
        base = {"child": 0.32, "parent": 0.35, "spouse": 0.6}[rel] * (0.35 if ab else 1.0)
        olds = sorted(targets, key=lambda i: -w.age[i])
        t = w.N.t[num]
        for j, i in enumerate(olds[:2]):
            aa.append(num); hb.append(ph[i]); rt.append(base * (1.0 if j == 0 else 0.4)); act.append(t or 0)
        for l in targets_l:
            aa.append(num); hb.append(l); rt.append(base * 0.4); act.append(t or 0)
    aa, hb, rt, act = map(np.array, (aa, hb, rt, act))
    if len(aa):
        cnt = rng.poisson(rt * D * 0.75)
        emit(aa, hb, cnt, PID["evening"], 0.88, 380, 0.8, 2.0, act_src=act)
        cnt = rng.poisson(rt * D * 0.35)
        emit(hb, aa, cnt, PID["elder"], 0.8, 200, 0.8, 1.5)
        # a reply call from old folks to a brand-new number can only happen once it exists
    # external friends
    ids = np.where(ph >= 0)[0]
    ne = rng.poisson(np.where(w.age[ids] >= 65, 0.5, 2.0))
    s = np.repeat(ids, ne)
    e = w.ext_friend[rng.integers(0, len(w.ext_friend), len(s))]
    r = lognorm(rng, 0.03, 1.0, len(s))
    cnt = rng.poisson(r * D)
    emit(ph[s], e, cnt, w.prof[s], 0.8, 90, 0.9, 1.2)
    cnt = rng.poisson(r * D * .7)
    emit(e, ph[s], cnt, PID["adult"], 0.85, 90, 0.9, 1.2)
    # customers -> shop owners (orders, deliveries) and shops' landlines
    shop_ph = np.array([ph[i] for i in w.merchants if ph[i] >= 0] + list(w.shop_land))
    if len(shop_ph):
        ns = rng.poisson(1.5, len(ids))
        s = np.repeat(ids, ns)
        cnt = rng.poisson(0.03 * D, len(s))
        emit(ph[s], shop_ph[rng.integers(0, len(shop_ph), len(s))], cnt, PID["shop"], 0.8, 40, 0.7)
    # service lines dialled by people
    codes = ["10086", "10010", "10000", "95588", "95533", "95599", "95580", "96369", "12345",
             "95598", "12333", "95511", "95338", "95118", "95188"]
    nn = rng.poisson(0.04 * D, len(ids))
    s = np.repeat(ids, nn)
    dst = np.array([w.svc[c] for c in codes])[rng.integers(0, len(codes), len(s))]
    C.add(ts=sample_ts(rng, len(s), PID["biz"], D), a=ph[s], b=dst,
          dur=lognorm(rng, 180, 0.7, len(s)).astype(np.int64) + 5, tag=0)
    # banks/operators calling customers (marketing, card verification)
    nn = rng.poisson(0.01 * D, len(ids))
    s = np.repeat(ids, nn)
    src = np.array([w.svc[c] for c in ["95588", "95533", "95599", "10086", "95555", "95511"]])
    src = src[rng.integers(0, len(src), len(s))]
    ans = rng.random(len(s)) < 0.5
    C.add(ts=sample_ts(rng, len(s), PID["biz"], D), a=src, b=ph[s],
          dur=np.where(ans, lognorm(rng, 50, 0.7, len(s)), 0).astype(np.int64), tag=0)
    # telemarketers (education, estate, loans, insurance): new numbers calling many strangers
    vol = lognorm(rng, 45, 0.7, len(w.tele)) * D
    nn = rng.poisson(vol)
    s = np.repeat(w.tele, nn)
    cal = ids[rng.integers(0, len(ids), len(s))]
    ans = rng.random(len(s)) < 0.3
    long_ = rng.random(len(s)) < 0.05
    dur = np.where(ans, np.where(long_, lognorm(rng, 240, 0.6, len(s)), lognorm(rng, 18, 0.8, len(s))), 0)
    C.add(ts=sample_ts(rng, len(s), PID["biz"], D, 0.6), a=s, b=ph[cal], dur=dur.astype(np.int64) + ans, tag=0)
    # couriers' relay numbers: one call per delivery
    rate = np.select([w.age[ids] < 35, w.age[ids] < 60], [0.22, 0.13], 0.035)
    nn = rng.poisson(rate * D)
    s = np.repeat(ids, nn)
    w.deliveries = s
    ans = rng.random(len(s)) < 0.78
    C.add(ts=sample_ts(rng, len(s), PID["biz"], D), a=w.relay[rng.integers(0, len(w.relay), len(s))],
          b=ph[s], dur=np.where(ans, lognorm(rng, 25, 0.5, len(s)) + 3, 0).astype(np.int64), tag=0)
    # health-product / insurance salespeople: long, repeated calls with elderly clients
    sales = np.where((w.occ == O_SALES) & (ph >= 0))[0]
    olds = np.where((w.age >= 58) & (ph >= 0))[0]
    w.sales_clients = {}
    for sp in sales:
        same = olds[w.dist[olds] == w.dist[sp]]
        pool = same if len(same) > 10 else olds
        if len(pool) == 0:
            continue
        cl = rng.choice(pool, size=min(len(pool), int(rng.integers(15, 60))), replace=False)
        w.sales_clients[int(sp)] = cl
        n = rng.poisson(0.45 * D, len(cl))
        emit(np.full(len(cl), ph[sp]), ph[cl], n, PID["biz"], 0.78, 260, 0.8)
        n = rng.poisson(0.08 * D, len(cl))
        emit(ph[cl], np.full(len(cl), ph[sp]), n, PID["elder"], 0.85, 200, 0.8)
        npro = int(rng.poisson(12 * D))
        pro = ids[rng.integers(0, len(ids), npro)]
        emit(np.full(npro, ph[sp]), ph[pro], np.ones(npro, int), PID["biz"], 0.4, 30, 0.9)
    # debt collectors: borrowers and their contacts
    young = np.where((w.age >= 22) & (w.age <= 48) & (ph >= 0))[0]
    nb = max(2, int(len(young) * 0.025))
    w.borrowers = rng.choice(young, size=min(nb, len(young)), replace=False)
    n = rng.poisson(1.4 * D, len(w.borrowers))
    src = w.collect[rng.integers(0, len(w.collect), len(w.borrowers))]
    emit(src, ph[w.borrowers], n, PID["biz"], 0.35, 60, 0.9)
    bset = np.zeros(P, bool); bset[w.borrowers] = True
    m = bset[w.f_a] & (rng.random(len(w.f_a)) < 0.3)
    c = w.f_b[m]
    n = rng.poisson(0.12 * D, len(c))
    emit(w.collect[rng.integers(0, len(w.collect), len(c))], ph[c], n, PID["biz"], 0.45, 25, 0.8)
    # hospitals, recruiters, 96110 anti-fraud calls (from earlier systems), estate agents
    n = rng.poisson(0.004 * D * np.where(w.age[ids] >= 55, 3, 1))
    s = np.repeat(ids, n)
    emit(w.hosp[rng.integers(0, len(w.hosp), len(s))], ph[s], np.ones(len(s), int), PID["biz"], 0.8, 100, 0.6)
    jy = np.where(np.isin(w.occ, [O_UNI, O_JOBLESS, O_FACTORY, O_HOME]) & (ph >= 0) & (w.age < 45))[0]
    n = rng.poisson(0.03 * D, len(jy))
    s = np.repeat(jy, n)
    emit(w.recruit[rng.integers(0, len(w.recruit), len(s))], ph[s], np.ones(len(s), int), PID["biz"], 0.6, 90, 0.8)
    n = rng.poisson(0.0015 * D, len(ids))
    s = np.repeat(ids, n)
    emit(np.full(len(s), w.svc["96110"]), ph[s], np.ones(len(s), int), PID["biz"], 0.6, 120, 0.6)


def gen_sms_net(w, rng):
    P, D = w.P, w.D
    S, NT = w.sms, w.net
    ph = w.phone
    ids = np.where(ph >= 0)[0]
    # marketing / notices from 106 ports
    rate = np.select([w.age[ids] < 35, w.age[ids] < 60], [0.9, 0.7], 0.35)
    n = rng.poisson(rate * D)
    s = np.repeat(ids, n)
    link = rng.random(len(s)) < 0.55
    dom = np.where(link, w.sms_dom[zipf_pick(rng, len(w.sms_dom), len(s), 0.9)], -1)
    ts = sample_ts(rng, len(s), PID["biz"], D)
    port = w.ports[rng.integers(0, len(w.ports), len(s))]
    S.add(ts=ts, a=port, b=ph[s], dom=dom)
    # some links get clicked
    clk = link & w.smart[s] & (rng.random(len(s)) < 0.06)
    NT.add(ts=ts[clk] + rng.integers(10, 1800, int(clk.sum())), num=ph[s[clk]], kind=1, tgt=dom[clk])
    # courier pick-up codes, verification codes
    d = w.deliveries
    m = rng.random(len(d)) < 0.6
    cai = w.DOM.index["cainiao.com"]
    S.add(ts=sample_ts(rng, int(m.sum()), PID["biz"], D), a=w.ports[rng.integers(0, 8, int(m.sum()))],
          b=ph[d[m]], dom=np.where(rng.random(int(m.sum())) < .3, cai, -1))
    n = rng.poisson(np.where(w.age[ids] < 60, 0.45, 0.1) * D)
    s = np.repeat(ids, n)
    S.add(ts=sample_ts(rng, len(s), PID["young"], D), a=w.ports[rng.integers(0, len(w.ports), len(s))],
          b=ph[s], dom=-1)
    # operator monthly bill on 1-3 August
    days = rng.integers(0, min(3, D), len(ids))
    S.add(ts=sample_ts(rng, len(ids), PID["biz"], D, days=days), a=w.svc["10086"], b=ph[ids],
          dom=np.where(rng.random(len(ids)) < .3, w.DOM.index["10086.cn"], -1))
    # 12381 anti-fraud reminder texts
    n = rng.poisson(0.004 * D, len(ids))
    s = np.repeat(ids, n)
    S.add(ts=sample_ts(rng, len(s), PID["biz"], D), a=w.svc["12381"], b=ph[s], dom=-1)
    # person-to-person texts (older people still text)
    r = np.where(w.age[w.f_a] >= 55, 0.012, 0.004)
    n = rng.poisson(r * D)
    S.add(ts=sample_ts(rng, int(n.sum()), np.repeat(w.prof[w.f_a], n), D),
          a=np.repeat(ph[w.f_a], n), b=np.repeat(ph[w.f_b], n), dom=-1)
    # salespeople texting clients (insurer links), collectors texting borrowers (loan links)
    pa = w.DOM.index["pingan.com"]
    for sp, cl in w.sales_clients.items():
        n = rng.poisson(0.08 * D, len(cl))
        c = np.repeat(cl, n)
        S.add(ts=sample_ts(rng, len(c), PID["biz"], D), a=ph[sp], b=ph[c],
              dom=np.where(rng.random(len(c)) < .4, pa, -1))
    jd = w.DOM.index["jd.com"]
    n = rng.poisson(0.5 * D, len(w.borrowers))
    c = np.repeat(w.borrowers, n)
    S.add(ts=sample_ts(rng, len(c), PID["biz"], D), a=w.collect[rng.integers(0, len(w.collect), len(c))],
          b=ph[c], dom=np.where(rng.random(len(c)) < .3, jd, -1))
    # browsing
    sm = np.where(w.smart)[0]
    rate = np.select([w.age[sm] < 30, w.age[sm] < 60], [2.6, 1.4], 0.45)
    n = rng.poisson(rate * D)
    s = np.repeat(sm, n)
    nd = len(w.legit_dom)
    tgt = np.where(rng.random(len(s)) < 0.8, zipf_pick(rng, len(LEGIT_DOMAINS_TOP), len(s), LEGIT_DOMAIN_ZIPF),
                   rng.integers(len(LEGIT_DOMAINS_TOP), nd, len(s)))
    NT.add(ts=sample_ts(rng, len(s), w.prof[s], D, 1.2), num=ph[s], kind=1, tgt=tgt)
    # app installs (incl. meeting apps for classes/work, stock & crypto apps, niche uni-app builds)
    rate = np.select([w.age[sm] < 30, w.age[sm] < 60], [0.06, 0.03], 0.012)
    n = rng.poisson(rate * D)
    s = np.repeat(sm, n)
    na = len(w.legit_app)
    tgt = np.where(rng.random(len(s)) < 0.75, zipf_pick(rng, len(LEGIT_APPS_TOP), len(s), LEGIT_APP_ZIPF),
                   rng.integers(len(LEGIT_APPS_TOP), na, len(s)))
    NT.add(ts=sample_ts(rng, len(s), w.prof[s], D, 1.2), num=ph[s], kind=0, tgt=tgt)


# --------------------------------------------------------------------------
# 4. everyday money
# --------------------------------------------------------------------------
def cents(x):
    return np.maximum(1, np.round(np.asarray(x, dtype=float) * 100)).astype(np.int64)


def round_to(x, unit):
    return np.maximum(unit, np.round(np.asarray(x) / unit) * unit)


def day_ts(rng, n, day, prof):
    """ts on given day index(es) with hour profile."""
    day = np.broadcast_to(np.asarray(day), (n,)).astype(np.int64)
    h = sample_hours(rng, np.full(n, prof))
    return T0 + day * DAY + h * HOUR + rng.integers(0, HOUR, n)


def gen_transfers(w, rng):
    P, D = w.P, w.D
    T = w.tr
    acct = w.acct
    holders = np.where(acct >= 0)[0]
    adult = holders[w.age[holders] >= 16]
    E = lambda n: np.full(n, -1, dtype=np.int64)

    def add(ts, f, t, amt_c, ch):
        n = len(ts)
        if n == 0:
            return
        T.add(ts=ts, f=f, t=t, c=amt_c, ch=(np.full(n, CH[ch]) if isinstance(ch, str) else ch), loss=0)

    # --- retail: people paying shops, stalls, restaurants, online platforms
    occ = w.occ[adult]
    rate = np.select([occ == O_RURALOLD, w.age[adult] >= 65, w.age[adult] < 35], [0.15, 0.35, 1.4], 1.0)
    n = rng.poisson(rate * D)
    payer = np.repeat(adult, n)
    online = rng.random(len(payer)) < np.where(w.age[payer] < 45, 0.35, 0.12)
    to = np.empty(len(payer), dtype=np.int64)
    to[online] = np.array(w.platforms)[zipf_pick(rng, len(w.platforms), int(online.sum()), 1.1)]
    loc = ~online
    shop_owner = np.full(len(payer), -1)
    for d in range(ND):
        m = loc & (w.dist[payer] == d)
        pool = w.merch_by_dist[d]
        if len(pool) == 0:
            pool = w.merchants
        idx = pool[rng.integers(0, len(pool), int(m.sum()))]
        shop_owner[m] = idx
        to[m] = w.merch[idx]
    amt = np.where(online, lognorm(rng, 75, 1.0, len(payer)), lognorm(rng, 28, 0.95, len(payer)))
    ts = sample_ts(rng, len(payer), PID["shop"], D, 1.2)
    ch = np.where(rng.random(len(payer)) < 0.85, CH["third_party"], CH["mobile"])
    add(ts, acct[payer], to, cents(amt), ch)
    # --- merchant settlement T+1 in the small hours (till -> owner's card): in and straight out
    m = loc
    if m.any():
        day = (ts[m] - T0) // DAY
        key = shop_owner[m].astype(np.int64) * 100 + day
        uk, inv = np.unique(key, return_inverse=True)
        tot = np.zeros(len(uk), dtype=np.int64)
        np.add.at(tot, inv, cents(amt[m]))
        own = uk // 100
        sd = uk % 100 + 1
        keep = sd < D
        own, sd, tot = own[keep], sd[keep], tot[keep]
        sts = T0 + sd * DAY + rng.integers(1 * HOUR, 6 * HOUR, len(own))
        add(sts, w.merch[own], acct[own], np.maximum(1, (tot * 0.994).astype(np.int64)), CH["third_party"])
    # --- shop restocking: wholesalers (stalls pay the wholesale market at 3-6 am)
    sk = w.merchants
    n = rng.poisson(0.4 * D, len(sk))
    s = np.repeat(sk, n)
    stall = np.array([w.shop_type[int(i)] in ("stall", "village", "grocery") for i in s], dtype=bool)
    ts = np.where(stall, sample_ts(rng, len(s), PID["market"], D), sample_ts(rng, len(s), PID["biz"], D))
    add(ts, acct[s], np.array(w.wholesalers)[rng.integers(0, len(w.wholesalers), len(s))],
        cents(lognorm(rng, 2500, 0.8, len(s))), np.where(rng.random(len(s)) < .7, CH["mobile"], CH["online"]))
    # shops deposit cash takings
    n = rng.poisson(0.25 * D, len(sk))
    s = np.repeat(sk, n)
    add(sample_ts(rng, len(s), PID["bank"], D), E(len(s)), acct[s], cents(round_to(lognorm(rng, 4000, 0.7, len(s)), 100)),
        np.where(rng.random(len(s)) < .5, CH["counter"], CH["atm"]))
    # --- payroll
    for e in w.employers:
        pdays = [d for d in range(D) if (START_DT + timedelta(days=d)).day == e["payday"]]
        if not pdays or not e["members"]:
            continue
        mem = np.array(e["members"])
        base = 5200 if e["factory"] else 6500
        sal = round_to(lognorm(rng, base, 0.35, len(mem)), 1) + rng.integers(0, 100, len(mem)) / 100
        t0 = T0 + pdays[0] * DAY + int(rng.integers(9 * HOUR, 15 * HOUR))
        add(t0 + np.arange(len(mem)) * 2 + rng.integers(0, 3, len(mem)), np.full(len(mem), e["acc"]),
            acct[mem], cents(sal), "online")
    # riders and drivers: daily platform payouts
    dr = holders[w.occ[holders] == O_DRIVER]
    for d in range(D):
        m = dr[rng.random(len(dr)) < 0.55]
        add(day_ts(rng, len(m), d, PID["evening"]), np.array(w.platform_payout)[rng.integers(0, 3, len(m))],
            acct[m], cents(lognorm(rng, 320, 0.4, len(m))), "online")
    # --- pensions: urban employee pension on 5 Aug, rural basic pension on 3 Aug
    ret = holders[w.occ[holders] == O_RETIRED]
    if D > 4:
        add(T0 + 4 * DAY + 6 * HOUR + rng.integers(0, 2 * HOUR, len(ret)), np.full(len(ret), w.pension_fund),
            acct[ret], cents(round_to(lognorm(rng, 3600, 0.3, len(ret)), .01)), "online")
        # some withdraw part in cash over the next days (counter queue on pension day)
        m = ret[rng.random(len(ret)) < 0.35]
        dd = np.minimum(D - 1, 4 + rng.integers(0, 3, len(m)))
        add(day_ts(rng, len(m), dd, PID["bank"]), acct[m], E(len(m)),
            cents(round_to(lognorm(rng, 1500, 0.5, len(m)), 100)), np.where(rng.random(len(m)) < .6, CH["counter"], CH["atm"]))
    ro = holders[(w.age[holders] >= 60) & w.rural[holders]]
    if D > 2:
        add(T0 + 2 * DAY + 5 * HOUR + rng.integers(0, 3 * HOUR, len(ro)), np.full(len(ro), w.rural_pension),
            acct[ro], cents(lognorm(rng, 190, 0.15, len(ro))), "online")
    # rural elders withdraw cash at the village agency point (till in, agent withdraws later)
    m = ro[rng.random(len(ro)) < 0.5]
    if len(m):
        dd = rng.integers(min(2, D - 1), D, len(m))
        pts = np.full(len(m), -1)
        for d in range(ND):
            mm = w.dist[m] == d
            pool = w.agent_points[d]
            if len(pool):
                pts[mm] = pool[rng.integers(0, len(pool), int(mm.sum()))]
        ok = pts >= 0
        amt = cents(round_to(lognorm(rng, 500, 0.6, int(ok.sum())), 50))
        add(day_ts(rng, int(ok.sum()), dd[ok], PID["elder"]), acct[m[ok]], w.merch[pts[ok]], amt, "third_party")
        # counter withdrawals by the agents (large cash)
        for p_ in np.unique(pts[ok]):
            tot = int(amt[pts[ok] == p_].sum())
            k = int(rng.integers(1, 3))
            for j in range(k):
                d_ = int(rng.integers(0, D))
                add(np.array([T0 + d_ * DAY + int(rng.integers(9 * HOUR, 16 * HOUR))]), np.array([w.merch[p_]]), E(1),
                    np.array([max(10000, (tot // k) // 10000 * 10000)]), "counter")
    # --- remittances from children away, and for left-behind grandchildren
    for k, (h, age_, s_, rel, ab) in enumerate(w.away):
        mem = [i for i in w.hh_members[h] if acct[i] >= 0]
        if not mem:
            continue
        p = {"child": 0.7, "parent": 0.9, "spouse": 0.95}[rel] * D / 30
        if rng.random() >= p:
            continue
        rec = max(mem, key=lambda i: w.age[i]) if rel != "spouse" else mem[0]
        amt = {"child": 1500, "parent": 2000, "spouse": 3500}[rel]
        ts = T0 + int(rng.integers(0, D)) * DAY + int(rng.choice(24, p=PROF_P[PID["evening"]])) * HOUR + int(rng.integers(HOUR))
        a_ = round_to(lognorm(rng, amt, 0.5), 100)
        if rng.random() < .2:
            a_ = a_ + 66 if rng.random() < .5 else a_ + 88
        add(np.array([ts]), np.array([w.away_acct[k]]), np.array([acct[rec]]), cents([a_]),
            "online" if ab else "mobile")
        # elder sometimes sends money back out (to grandchild's school fees / children's house)
    # students: parents (outside) send living costs
    st = holders[w.occ[holders] == O_UNI]
    m = st[rng.random(len(st)) < 0.6 * D / 30 * 2]
    add(sample_ts(rng, len(m), PID["evening"], D), np.array(w.ext_personal)[rng.integers(0, len(w.ext_personal), len(m))],
        acct[m], cents(round_to(lognorm(rng, 1500, 0.4, len(m)), 100)), "mobile")
    # student part-time jobs: small payouts from local shops (look like task rebates)
    m = st[rng.random(len(st)) < 0.2]
    n = rng.poisson(0.4 * D, len(m))
    s = np.repeat(m, n)
    if len(s) and len(w.merchants):
        add(sample_ts(rng, len(s), PID["evening"], D), acct[w.merchants[rng.integers(0, len(w.merchants), len(s))]],
            acct[s], cents(round_to(lognorm(rng, 90, 0.4, len(s)), 1)), "mobile")
    # --- rent (around the 1st): tenants -> private landlords (often old villagers)
    tenants = holders[np.isin(np.array([DTYPE[d] for d in w.dist[holders]]), ["newtown", "factory", "core"]) &
                      (w.age[holders] >= 20) & (w.age[holders] < 45) & (rng.random(len(holders)) < 0.22)]
    landl = holders[(w.age[holders] >= 50) & ((w.tag[holders] == "landlord") | (rng.random(len(holders)) < 0.03))]
    if len(landl) and len(tenants):
        lw = rng.pareto(1.5, len(landl)) + 1
        ll = landl[rng.choice(len(landl), size=len(tenants), p=lw / lw.sum())]
        pay_day = np.minimum(D - 1, rng.integers(0, 4, len(tenants)))
        due = rng.random(len(tenants)) < 0.85
        amt = round_to(lognorm(rng, 1300, 0.35, len(tenants)), 50) * np.where(rng.random(len(tenants)) < .25, 3, 1)
        add(day_ts(rng, int(due.sum()), pay_day[due], PID["adult"]), acct[tenants[due]], acct[ll[due]],
            cents(amt[due]), np.where(rng.random(int(due.sum())) < .6, CH["mobile"], CH["third_party"]))
    # --- mortgages and consumer loans
    nt = holders[(np.array([DTYPE[d] for d in w.dist[holders]]) == "newtown") & (w.age[holders] >= 25) & (w.age[holders] < 55)]
    mort = nt[rng.random(len(nt)) < 0.45]
    mday = rng.integers(1, 29, len(mort))
    for d in range(D):
        m = mort[mday == (START_DT + timedelta(days=d)).day]
        add(T0 + d * DAY + rng.integers(0, 3 * HOUR, len(m)), acct[m],
            np.array([w.loan_acct.get(w.A.extra[acct[i]], w.loan_acct["ICBC"]) for i in m], dtype=np.int64),
            cents(lognorm(rng, 3800, 0.35, len(m))), "online")
    bw = w.borrowers[acct[w.borrowers] >= 0]
    n = rng.poisson(0.15 * D, len(bw))
    s = np.repeat(bw, n)
    lp = np.array(w.loan_platforms)
    add(sample_ts(rng, len(s), PID["young"], D), acct[s], lp[rng.integers(0, len(lp), len(s))],
        cents(lognorm(rng, 800, 0.6, len(s))), "third_party")
    yl = holders[(w.age[holders] >= 20) & (w.age[holders] < 50)]
    m = yl[rng.random(len(yl)) < 0.01 * D / 8 * 3]
    add(sample_ts(rng, len(m), PID["young"], D), lp[rng.integers(0, len(lp), len(m))], acct[m],
        cents(round_to(lognorm(rng, 6000, 0.7, len(m)), 100)), "third_party")
    # --- red packets along the friend graph
    ok = (acct[w.f_a] >= 0) & (acct[w.f_b] >= 0)
    fa, fb = w.f_a[ok], w.f_b[ok]
    n = rng.poisson(0.012 * D, len(fa))
    a_, b_ = np.repeat(fa, n), np.repeat(fb, n)
    flip = rng.random(len(a_)) < .5
    a_, b_ = np.where(flip, b_, a_), np.where(flip, a_, b_)
    vals = np.array([6.66, 8.88, 10, 16.8, 20, 50, 52, 66, 88, 100, 168, 200, 520])
    pv = np.array([8, 10, 6, 5, 10, 12, 5, 8, 8, 10, 3, 6, 2.0])
    amt = np.where(rng.random(len(a_)) < .7, vals[rng.choice(len(vals), size=len(a_), p=pv / pv.sum())],
                   round_to(lognorm(rng, 300, 1.0, len(a_)), 10))
    add(sample_ts(rng, len(a_), w.prof[a_], D, 1.6), acct[a_], acct[b_], cents(amt), CH["third_party"])
    # household transfers (spouse, parents to kids)
    ok = (acct[w.h_a] >= 0) & (acct[w.h_b] >= 0)
    n = rng.poisson(0.05 * D, int(ok.sum()))
    a_, b_ = np.repeat(w.h_a[ok], n), np.repeat(w.h_b[ok], n)
    add(sample_ts(rng, len(a_), PID["adult"], D), acct[a_], acct[b_], cents(round_to(lognorm(rng, 500, 1.0, len(a_)), 10)),
        CH["mobile"])
    # --- utilities, phone top-ups, ATM cash
    n = rng.poisson(0.03 * D, len(adult))
    s = np.repeat(adult, n)
    add(sample_ts(rng, len(s), PID["adult"], D), acct[s], np.array(w.utility)[rng.integers(0, 2, len(s))],
        cents(lognorm(rng, 120, 0.6, len(s))), "third_party")
    n = rng.poisson(np.where(w.age[adult] >= 60, 0.06, 0.04) * D)
    s = np.repeat(adult, n)
    add(sample_ts(rng, len(s), PID["adult"], D), acct[s], E(len(s)), cents(round_to(lognorm(rng, 900, 0.7, len(s)), 100)),
        np.where(rng.random(len(s)) < .7, CH["atm"], CH["counter"]))
    # --- health products bought from salespeople (legal, overpriced; a family may call it fraud)
    w.dispute_cands = []
    for sp, cl in w.sales_clients.items():
        if acct[sp] < 0:
            continue
        buy = cl[(rng.random(len(cl)) < 0.05 * D / 8) & (acct[cl] >= 0)]
        for c in buy:
            ts = T0 + int(rng.integers(0, D)) * DAY + int(rng.integers(9 * HOUR, 17 * HOUR))
            a_ = float(round_to(lognorm(rng, 3000, 0.8), 100))
            add(np.array([ts]), np.array([acct[c]]), np.array([acct[sp]]), cents([a_]),
                "counter" if rng.random() < .3 else "mobile")
            w.dispute_cands.append((ts, int(c), int(acct[sp]), int(a_ * 100)))
    # insurance premiums
    m = adult[rng.random(len(adult)) < 0.004 * D]
    add(sample_ts(rng, len(m), PID["biz"], D), acct[m], np.array(w.insurers)[rng.integers(0, 3, len(m))],
        cents(round_to(lognorm(rng, 6000, 0.6, len(m)), 10)), "online")
    # --- big first-time payments to strangers: houses, cars, hospitals, tuition, weddings
    mid = holders[(w.age[holders] >= 26) & (w.age[holders] < 60)]
    # house deposits: developer or private seller (stranger), plus agent fee
    n_h = rng.poisson(P / 5000 * D / 7 * 2)
    for _ in range(n_h):
        b = int(mid[rng.integers(len(mid))])
        ts = T0 + int(rng.integers(0, D)) * DAY + int(rng.integers(9 * HOUR, 18 * HOUR))
        if rng.random() < .5:
            to = w.developers[rng.integers(len(w.developers))]
        else:
            to = int(acct[holders[rng.integers(len(holders))]]) if rng.random() < .6 else w.ext_personal[rng.integers(len(w.ext_personal))]
        # parents help first
        par = [i for i in w.hh_members[w.hh[b]] if i != b and acct[i] >= 0]
        if par and rng.random() < .5:
            add(np.array([ts - int(rng.integers(HOUR, 2 * DAY))]), np.array([acct[par[0]]]), np.array([acct[b]]),
                cents([round_to(lognorm(rng, 60000, 0.5), 1000)]), "mobile")
        add(np.array([ts]), np.array([acct[b]]), np.array([to]), cents([round_to(lognorm(rng, 40000, 0.6), 1000)]),
            "counter" if rng.random() < .4 else "online")
    # cars
    n_c = rng.poisson(P / 6000 * D / 7 * 2)
    for _ in range(n_c):
        b = int(mid[rng.integers(len(mid))])
        ts = T0 + int(rng.integers(0, D)) * DAY + int(rng.integers(10 * HOUR, 18 * HOUR))
        add(np.array([ts]), np.array([acct[b]]), np.array([w.car_dealers[rng.integers(len(w.car_dealers))]]),
            cents([round_to(lognorm(rng, 90000, 0.5), 100)]), "counter" if rng.random() < .5 else "online")
    # hospital bills: siblings pool money to the one at the bedside, then it goes to the hospital
    n_b = rng.poisson(P / 700 * D / 7)
    olds = np.where(w.age >= 55)[0]
    for _ in range(n_b):
        pat = int(olds[rng.integers(len(olds))])
        hh_ = w.hh[pat]
        kids = [k for k, a in enumerate(w.away) if a[0] == hh_]
        local = [i for i in w.hh_members[hh_] if acct[i] >= 0 and w.age[i] < 60]
        payer = local[0] if local else (pat if acct[pat] >= 0 else None)
        if payer is None:
            continue
        ts = T0 + int(rng.integers(0, D)) * DAY + int(rng.integers(8 * HOUR, 17 * HOUR))
        bill = float(round_to(lognorm(rng, 12000, 0.8), 1))
        for k in kids[:3]:
            add(np.array([ts - int(rng.integers(10 * MIN, 20 * HOUR))]), np.array([w.away_acct[k]]),
                np.array([acct[payer]]), cents([round_to(bill / (len(kids) + 1), 100)]), "mobile")
        add(np.array([ts]), np.array([acct[payer]]), np.array([w.hospitals[rng.integers(len(w.hospitals))]]),
            cents([bill]), "counter" if rng.random() < .5 else "mobile")
        if w.phone[payer] >= 0:
            w.calls.add(ts=np.array([ts - int(rng.integers(HOUR, 30 * HOUR))]), a=np.array([w.hosp[rng.integers(len(w.hosp))]]),
                        b=np.array([w.phone[payer]]), dur=np.array([int(rng.integers(40, 300))]), tag=0)
    # tuition and training classes
    par = np.where((acct >= 0) & (w.age >= 30) & (w.age < 55))[0]
    par = par[[any(w.age[j] < 18 for j in w.hh_members[w.hh[i]]) for i in par]] if len(par) else par
    m = par[rng.random(len(par)) < 0.012 * D / 8 * 3]
    add(sample_ts(rng, len(m), PID["biz"], D), acct[m], np.array(w.schools)[rng.integers(0, len(w.schools), len(m))],
        cents(round_to(lognorm(rng, 4500, 0.5, len(m)), 100)), "online")
    m = st[rng.random(len(st)) < 0.02 * D / 8]
    add(sample_ts(rng, len(m), PID["biz"], D), acct[m], np.full(len(m), w.university), cents(np.full(len(m), 5500.0)), "online")
    # weddings on weekends (Sat 8 Aug is a lucky date): guests' gifts pour in, couple pays the hotel
    wd = [d for d in range(D) if d % 7 in (0, 1)]
    yng = holders[(w.age[holders] >= 23) & (w.age[holders] < 35)]
    for d in wd:
        nwed = rng.poisson(P / 4000 * (2.5 if d == 7 else 1.0))
        for _ in range(nwed):
            g = int(yng[rng.integers(len(yng))])
            guests = np.concatenate([w.f_b[w.f_a == g], w.f_a[w.f_b == g]])
            extra = holders[rng.integers(0, len(holders), int(rng.integers(15, 60)))]
            guests = np.unique(np.concatenate([guests, extra]))
            guests = guests[(acct[guests] >= 0) & (guests != g)]
            gifts = np.array([200, 500, 600, 666, 800, 888, 1000, 1600, 2000.0])
            amt = gifts[rng.integers(0, len(gifts), len(guests))]
            ts = T0 + d * DAY - rng.integers(0, 36 * HOUR, len(guests)) + 11 * HOUR
            ok = ts >= T0
            add(ts[ok], acct[guests[ok]], np.full(int(ok.sum()), acct[g]), cents(amt[ok]), CH["third_party"])
            add(np.array([T0 + d * DAY + 15 * HOUR + int(rng.integers(HOUR))]), np.array([acct[g]]),
                np.array([w.wedding_hotels[rng.integers(len(w.wedding_hotels))]]),
                cents([round_to(lognorm(rng, 45000, 0.3), 100)]), "mobile")
    # --- farm purchasing agents (peach season): big money in from buyers, straight out to growers
    agents = np.where((w.occ == O_AGENT) & (acct >= 0))[0]
    growers_all = np.where(np.isin(w.occ, [O_FARMER, O_RURALOLD]) & (acct >= 0))[0]
    for ag in agents:
        growers = growers_all[w.dist[growers_all] == w.dist[ag]]
        if len(growers) == 0:
            growers = growers_all
        for _ in range(rng.poisson(0.45 * D)):
            ts = T0 + int(rng.integers(0, D)) * DAY + int(rng.choice(24, p=PROF_P[PID["market"]])) * HOUR
            total = float(round_to(lognorm(rng, 80000, 0.6), 100))
            add(np.array([ts]), np.array([w.fruit_buyers[rng.integers(len(w.fruit_buyers))]]), np.array([acct[ag]]),
                cents([total]), "online")
            k = int(rng.integers(4, 25))
            fr = growers[rng.integers(0, len(growers), k)]
            share = rng.dirichlet(np.ones(k)) * total * 0.93
            cash = rng.random(k) < 0.3
            t2 = ts + np.sort(rng.integers(10 * MIN, 5 * HOUR, k))
            add(t2[~cash], np.full(int((~cash).sum()), acct[ag]), acct[fr[~cash]], cents(round_to(share[~cash], 1)), CH["mobile"])
            if cash.any():
                add(np.array([t2[cash][0]]), np.array([acct[ag]]), E(1), cents([round_to(share[cash].sum(), 100)]), "counter")
    # --- gold: older women buy gold as savings; young couples before weddings
    gs = list(w.gold_shops) if len(w.gold_shops) else []
    gold_to = [w.merch[i] for i in gs] + list(w.gold_dealers)
    wom = holders[(w.sex[holders] == 1) & (w.age[holders] >= 40) & (w.age[holders] < 72)]
    m = wom[rng.random(len(wom)) < 0.003 * D]
    add(sample_ts(rng, len(m), PID["shop"], D), acct[m], np.array(gold_to)[rng.integers(0, len(gold_to), len(m))],
        cents(round_to(lognorm(rng, 8000, 0.7, len(m)), 1)), "mobile")
    # --- stocks (bank-securities transfers)
    inv = holders[(w.age[holders] >= 30) & (w.age[holders] < 68) & (rng.random(len(holders)) < 0.06)]
    n = rng.poisson(0.08 * D, len(inv))
    s = np.repeat(inv, n)
    out = rng.random(len(s)) < .55
    bk = np.array(w.brokers)[rng.integers(0, len(w.brokers), len(s))]
    ts = sample_ts(rng, len(s), PID["biz"], D, 0.01)
    amt = cents(round_to(lognorm(rng, 20000, 0.9, len(s)), 1000))
    add(ts, np.where(out, acct[s], bk), np.where(out, bk, acct[s]), amt, "online")
    # --- crypto speculators (innocent OTC users)
    cr = holders[(w.sex[holders] == 0) & (w.age[holders] >= 20) & (w.age[holders] < 36) & (rng.random(len(holders)) < 0.006)]
    n = rng.poisson(0.25 * D, len(cr))
    s = np.repeat(cr, n)
    out = rng.random(len(s)) < .6
    amt = cents(round_to(lognorm(rng, 5000, 0.8, len(s)), 1))
    ts = sample_ts(rng, len(s), PID["young"], D)
    add(ts, np.where(out, acct[s], -1), np.where(out, -1, acct[s]), amt, CH["crypto_otc"])
    # --- micro-sellers (young mothers selling on WeChat): many strangers pay in small amounts
    ms = holders[(w.occ[holders] == O_HOME) & (rng.random(len(holders)) < 0.12)]
    for mm in ms:
        k = int(rng.poisson(1.0 * D))
        if k == 0:
            continue
        buyers = adult[rng.integers(0, len(adult), k)]
        ts = sample_ts(rng, k, PID["young"], D)
        amt = cents(round_to(lognorm(rng, 90, 0.6, k), 1))
        add(ts, acct[buyers], np.full(k, acct[mm]), amt, CH["third_party"])
        for b_, t_, a_ in zip(buyers[:2], ts[:2], amt[:2]):
            w.dispute_cands.append((int(t_), int(b_), int(acct[mm]), int(a_)))
        for d in range(0, D, 2):
            add(np.array([T0 + d * DAY + int(rng.integers(20 * HOUR, 23 * HOUR))]), np.array([acct[mm]]),
                np.array([w.wholesalers[rng.integers(len(w.wholesalers))]]), np.array([int(amt.sum() * 0.6 / max(1, D / 2)) + 100]),
                "mobile")


# --------------------------------------------------------------------------
# 5. fraud rings
# --------------------------------------------------------------------------
# per 20,000 persons x 8 days: expected engaged targets, share who pay, rings
SCAMS = {
    #            targets  pay   rings
    "police":   (22,      .45,  2),   # impersonating police / procuratorate, "safe account"
    "relative": (20,      .50,  1),   # "grandson in trouble", cash pick-up
    "invest":   (26,      .45,  2),   # fake stock/gold platform, "teacher" groups
    "pension":  (16,      .50,  1),   # pension project / health products for the elderly
    "task":     (44,      .50,  2),   # task rebate: students, young mothers
    "loan":     (24,      .50,  1),   # fake loan, "unfreezing fee"
    "cs":       (26,      .45,  2),   # fake customer service, screen sharing
    "boss":     (4,       .50,  1),   # impersonating the boss to an accountant
    "game":     (8,       .60,  1),   # game account trading, teens
}

DOMAIN_STEMS = {
    "police": ["gaj-ajcx", "spp-tongji", "zfjc-gov", "jcy-anjian", "gjfz-hc"],
    "relative": ["yy-jiaofei"],
    "invest": ["hxzq-vip", "dfcf-pro", "jinshi-gold", "hk-tzjl", "zx-qihuo"],
    "pension": ["ylbx-xm", "kangyang-jj", "shengwu-kj"],
    "task": ["jz-renwu", "dy-dianzan", "tb-shuadan", "hp-fanli"],
    "loan": ["qd-daikuan", "jb-xindai", "kd-jiekuan"],
    "cs": ["kf-tuikuan", "bw-zhuxiao", "zxxf-kf", "jd-baoxian"],
    "boss": ["qq-tz"],
    "game": ["zh-jiaoyi", "wzry-sc", "ys-jy"],
}
APP_STEMS = {
    "police": ["com.gaj.anquan", "com.spp.qingcha"], "relative": [],
    "invest": ["com.hxzq.trade", "com.dfcfvip.app", "com.jinshi.gold"],
    "pension": ["com.kangyang.yl"], "task": ["com.jzrw.task", "com.dzfl.app"],
    "loan": ["com.qddk.loan", "com.jbxd.app"], "cs": ["com.kfzx.meet", "com.yunshixun.hy"],
    "boss": [], "game": ["com.zhjy.trade"],
}
TLDS_BAD = [".top", ".vip", ".xyz", ".cc", ".com", ".cn", ".icu", ".shop", ".net"]


class Ring:
    def __init__(self, F, rid, stype, k):
        self.F, self.rid, self.stype, self.k = F, rid, stype, k
        self.lines = {}
        self.m1 = {}
        self.doms = {}
        self.apps = []
        rng = F.rng
        for st in APP_STEMS[stype]:
            if rng.random() < .7 or not self.apps:
                self.apps.append(F.w.APP.get(st + ("" if rng.random() < .5 else str(rng.integers(2, 99)))
                                             if rng.random() < .6 else "uni.UNI" + "".join("0123456789ABCDEF"[x] for x in rng.integers(0, 16, 7))))
        self.svc = F.services[rid % len(F.services)]
        self.payout = None
        self.payouts = []
        self.overseas_cc = ["+855", "+63", "+95", "+60", "+852", "+66", "+84"][rng.integers(7)]
        self.local_share = {"task": .7, "loan": .6, "game": .6, "relative": .5, "pension": .4}.get(stype, .3)

    # ---- numbers, rotated by time slot
    def line(self, t, role):
        F, rng, st = self.F, self.F.rng, self.stype
        life = {"contact": DAY, "handler": 3 * DAY, "sms": DAY // 2, "collector": 4 * DAY}[role]
        if role == "contact" and st == "police" and self.k == 0:
            life = 2 * DAY
        slot = int((t - T0) // life)
        key = (role, slot)
        if key not in self.lines:
            n = int(rng.integers(1, 3)) if role == "contact" else 1
            self.lines[key] = [self.new_number(role, T0 + slot * life) for _ in range(n)]
        L = self.lines[key]
        num = L[rng.integers(len(L))]
        F.lab_num.setdefault(num, role)
        return num

    def new_number(self, role, t):
        F, rng, st = self.F, self.F.rng, self.stype
        N = F.w.N
        x = rng.random()
        if role == "contact" and st == "police":
            if self.k == 0:
                return N.add(new_overseas(rng, N, self.overseas_cc), None, "overseas", None)
            area = ["010", "021", "020", "0755", "027", "029"][rng.integers(6)]
            return N.add(new_landline(rng, N, area), None, "voip", None)
        if role == "handler" and st in ("police", "task", "loan", "cs"):
            if x < .7:
                return N.add(new_landline(rng, N, ["010", "021", "0571", "028"][rng.integers(4)]), None, "voip", None)
            return N.add(new_overseas(rng, N, self.overseas_cc), None, "overseas", None)
        if role == "handler" and st == "invest" and x < .4:
            return N.add(new_overseas(rng, N, "+852"), None, "overseas", None)
        if role == "sms" and st in ("loan", "task") and x < .3:
            s = "1069" + rand_digits(rng, int(rng.integers(8, 11)))        # rented 106 port
            return N.add(s, None, "service", None)
        if role == "contact" and st == "cs" and x < .5:
            return N.add(new_landline(rng, N, ["0571", "010", "021"][rng.integers(3)]), None, "voip", None)
        # domestic SIM: either bought from a local resident (card farmer) or from elsewhere
        pref = VIRTUAL_PREFIX if rng.random() < .45 else MOBILE_PREFIX
        num = new_mobile(rng, N, pref)
        if rng.random() < self.local_share * .6:
            holder = F.farmer()
            return N.add(num, holder, "mobile", t - int(rng.integers(2, 45)) * DAY - int(rng.integers(HOUR, 10 * HOUR)))
        return N.add(num, None, "mobile", t - int(rng.integers(1, 25)) * DAY - int(rng.integers(HOUR, 10 * HOUR))
                     if rng.random() < .8 else None)

    def domain(self, t):
        F, rng = self.F, self.F.rng
        slot = int((t - T0) // (3 * DAY))
        if slot not in self.doms:
            stems = DOMAIN_STEMS[self.stype]
            name = stems[rng.integers(len(stems))] + str(rng.integers(1, 999)) + TLDS_BAD[rng.integers(len(TLDS_BAD))]
            self.doms[slot] = F.w.DOM.get(name)
        d = self.doms[slot]
        F.lab_dom.add(d)
        return d

    def app(self):
        if not self.apps:
            return None
        a = self.apps[self.F.rng.integers(len(self.apps))]
        self.F.lab_app.add(a)
        return a

    def meeting_app(self):
        rng = self.F.rng
        if rng.random() < .55 or not self.apps:
            return self.F.w.APP.index[["com.tencent.wemeet.app", "us.zoom.videomeetings", "com.ss.android.lark"][rng.integers(3)]]
        return self.app()

    # ---- first-level accounts, rotated
    def m1_at(self, t):
        F, rng = self.F, self.F.rng
        life = int(DAY * (0.5 + rng.random()))
        slot = int((t - T0) // DAY)
        if slot not in self.m1:
            k = int(rng.integers(1, 3))
            self.m1[slot] = [F.mule_account("mule_1", self.local_share, merchant=(self.stype == "pension"),
                                            corporate=(self.stype in ("boss", "invest") and rng.random() < .4))
                             for _ in range(k)]
        L = self.m1[slot]
        return L[rng.integers(len(L))]

    def payout_acct(self, t):
        F = self.F
        if self.payout is None:
            self.payout = F.mule_account("mule_1", 0.2)
            self.payout_bal = 0
        return self.payout

    def payout_send(self, t, dest, c):
        """rebates / fake profits paid to a victim from the ring's float account, topped up from outside"""
        F = self.F
        po = self.payout_acct(t)
        self.payouts.append((int(t), int(c)))
        F.plain(t, po, dest, c, "third_party")

    def fund_payouts(self):
        """top the float account up from outside whenever it would run dry (in time order)"""
        F, rng = self.F, self.F.rng
        bal = 0
        for t, c in sorted(self.payouts):
            if bal < c:
                top = int(max(2000000, c * 3) // 10000 * 10000)
                F.tr.append((F.after0(t - int(rng.integers(10 * MIN, 3 * HOUR)), t), -1, self.payout, top, CH["online"], 0))
                bal += top
            bal -= c


class Fraud:
    def __init__(self, w, rng):
        self.w, self.rng = w, rng
        self.calls, self.sms, self.net, self.tr = [], [], [], []
        self.lab_num, self.lab_acc = {}, {}
        self.lab_dom, self.lab_app = set(), set()
        self.targets = {}        # person -> dict
        self.paid_to = {}        # person -> list of accounts paid (in order)
        self.cash_loss = {}      # person -> [(ts, cents)]
        self.ring_of = {}
        self.gold_paid = {}
        self.touched = {}        # person -> number of ring contacts
        # people who sell their cards/SIMs: young men in villages, factory zone, campus
        a = w.age
        farm = np.where((a >= 18) & (a <= 35) & np.isin(w.occ, [O_JOBLESS, O_UNI, O_FACTORY, O_FARMER, O_DRIVER]))[0]
        wt = np.where(w.sex[farm] == 0, 3.0, 1.0) * np.where(w.occ[farm] == O_JOBLESS, 2.0, 1.0)
        self.farmers = rng.choice(farm, size=min(len(farm), max(10, w.P // 300)), replace=False, p=wt / wt.sum())
        self.farmer_cards = {}
        self.services = []
        s = w.scale
        for k in range(3):
            svc = {"m2": [], "m3": [], "co": []}
            for _ in range(max(2, int(round(5 * s ** .5)))):
                svc["m2"].append(self.mule_account("mule_2", 0.1, corporate=rng.random() < .3))
            for _ in range(max(2, int(round(4 * s ** .5)))):
                svc["m3"].append(self.mule_account("mule_3", 0.0))
            methods = ["atm", "atm", "otc", "counter", "gold"] if k != 1 else ["otc", "otc", "atm", "gold"]
            for mth in methods:
                acc = self.mule_account("cashout", 0.5 if mth in ("atm", "counter") else 0.0)
                svc["co"].append((acc, mth))
            self.services.append(svc)
        for svc in self.services:        # pools are labelled only once used
            for acc in svc["m2"] + svc["m3"] + [c for c, _ in svc["co"]]:
                self.lab_acc.pop(acc, None)
        self.svc_role = {}
        for svc in self.services:
            for acc in svc["m2"]:
                self.svc_role[acc] = "mule_2"
            for acc in svc["m3"]:
                self.svc_role[acc] = "mule_3"
            for acc, _ in svc["co"]:
                self.svc_role[acc] = "cashout"

    def farmer(self):
        return int(self.farmers[self.rng.integers(len(self.farmers))])

    def mule_account(self, role, local_share, merchant=False, corporate=False):
        w, rng = self.w, self.rng
        A = w.A
        bank = pick_bank(rng, False)
        kind = "merchant" if merchant else ("corporate" if corporate else "personal")
        if kind == "personal" and rng.random() < local_share:
            h = self.farmer()
            if rng.random() < .3 and w.acct[h] >= 0 and role == "mule_1":
                acc = int(w.acct[h])            # renting out the card he actually uses
            else:
                # a batch of new cards opened in the same week at different banks
                batch = self.farmer_cards.setdefault(h, T0 - int(rng.integers(7, 90)) * DAY)
                acc = A.add(new_card(rng, A, bank), h, "personal", batch + int(rng.integers(0, 5 * DAY)), bank)
        else:
            opened = T0 - int(rng.integers(10, 700)) * DAY
            acc = A.add(new_card(rng, A, bank, 17 if kind != "personal" else 19), None, kind, opened, bank)
        self.lab_acc[acc] = role
        return acc

    # ---- event helpers
    def after0(self, x, t0):
        return int(x) if x >= T0 else T0 + int(self.rng.integers(0, max(1, t0 - T0) + 1))

    def touch(self, v, ts):
        t = self.targets.get(v)
        if t is not None and (t["first_contact"] is None or ts < t["first_contact"]):
            t["first_contact"] = ts

    def call(self, ts, a, b, dur):
        self.calls.append((int(ts), int(a), int(b), int(dur)))

    def text(self, ts, a, b, dom=-1):
        self.sms.append((int(ts), int(a), int(b), int(dom)))

    def visit(self, ts, num, dom):
        self.net.append((int(ts), int(num), 1, int(dom)))

    def install(self, ts, num, app):
        if app is not None:
            self.net.append((int(ts), int(num), 0, int(app)))

    def pay(self, v, ts, f, to, c, ch):
        """a target pays the ring"""
        ts = int(ts)
        self.tr.append((ts, f, to, int(c), CH[ch], 1))
        self.paid_to.setdefault(v, []).append((ts, to, int(c)))
        self.launder(to, ts, int(c), 1, self.ring_of[v].svc)

    def plain(self, ts, f, to, c, ch):
        self.tr.append((int(ts), f, to, int(c), CH[ch], 0))

    def launder(self, acc, ts, c, hop, svc):
        rng = self.rng
        if ts >= self.w.T_END or c < 1000:
            return
        if hop == 1:
            nxt = "m2" if rng.random() < .85 else "co"
            delay = lognorm(rng, 9 * MIN, 0.8)
            parts = int(rng.integers(1, 4))
        elif hop == 2:
            nxt = "m3" if rng.random() < .6 else "co"
            delay = lognorm(rng, 25 * MIN, 0.9)
            parts = int(rng.integers(1, 3))
        elif hop == 3:
            nxt = "co"
            delay = lognorm(rng, 60 * MIN, 0.9)
            parts = 1
        else:
            return self.cashout(acc, ts, c, svc)
        if hop >= 1 and c < 300000:
            parts = 1
        shares = rng.dirichlet(np.ones(parts) * 3) if parts > 1 else np.ones(1)
        amts = (shares * c).astype(np.int64)
        amts[-1] = c - amts[:-1].sum()
        t = ts + int(max(40, delay))
        for a_ in amts:
            if a_ <= 0:
                continue
            if nxt == "co":
                dst, _ = svc["co"][rng.integers(len(svc["co"]))]
                lvl = 9
            else:
                pool = svc[nxt]
                dst = pool[rng.integers(len(pool))]
                lvl = hop + 1
            if t >= self.w.T_END:
                continue
            self.tr.append((t, acc, dst, int(a_), CH["online"] if rng.random() < .6 else CH["mobile"], 0))
            self.lab_acc.setdefault(dst, self.svc_role[dst])
            self.launder(dst, t, int(a_), lvl, svc)
            t += int(rng.integers(20, 240))

    def cashout(self, acc, ts, c, svc):
        rng = self.rng
        mth = dict(svc["co"])[acc]
        t = ts + int(max(60, lognorm(rng, 50 * MIN, 1.0)))
        if mth == "atm":
            left = c
            k = 0
            while left >= 10000:
                chunk = min(left // 10000 * 10000, int(rng.integers(30, 200)) * 10000)
                if k and k % 4 == 0:
                    t += int(rng.integers(3 * HOUR, 14 * HOUR))     # next card / next day limit
                self.tr.append((t, acc, -1, int(chunk), CH["atm"], 0))
                left -= chunk
                t += int(rng.integers(60, 420))
                k += 1
        elif mth == "counter":
            hr = ((t - T0) % DAY) // HOUR
            if hr < 9 or hr >= 16:
                t = t - (t - T0) % DAY + (DAY if hr >= 16 else 0) + 9 * HOUR + int(rng.integers(0, 3 * HOUR))
            self.tr.append((t, acc, -1, int(c // 10000 * 10000), CH["counter"], 0))
        elif mth == "otc":
            k = 1 if c < 3000000 else 2
            for j in range(k):
                self.tr.append((t + j * int(rng.integers(120, 1800)), acc, -1, int(c // k), CH["crypto_otc"], 0))
        else:
            g = self.w.gold_dealers[rng.integers(len(self.w.gold_dealers))]
            self.tr.append((t, acc, g, int(c), CH["online"], 0))

    # -------------------------------------------------------------------
    def run(self):
        w, rng = self.w, self.rng
        s = w.scale
        ph, acc = w.phone, w.acct
        a, occ = w.age, w.occ
        has = (ph >= 0)
        weights = {
            "police": has * ((a >= 40) & (a <= 80)) * (1 + (w.sex == 1) + (occ == O_RETIRED) * 1.5),
            "relative": has * (a >= 65) * (1 + (w.sex == 1)),
            "invest": has * ((a >= 30) & (a <= 68)) * (1 + (occ == O_RETIRED) + (occ == O_OFFICE) + (occ == O_SHOP)) * w.smart,
            "pension": has * (a >= 58) * (1 + (occ == O_RETIRED)),
            "task": has * w.smart * (((a >= 18) & (a <= 38)) * (1 + 3 * (occ == O_UNI) + 3 * (occ == O_HOME) + (occ == O_JOBLESS))),
            "loan": has * w.smart * ((a >= 21) & (a <= 50)) * (1 + 2 * (occ == O_JOBLESS) + (occ == O_FACTORY) + (occ == O_DRIVER)),
            "cs": has * w.smart * ((a >= 19) & (a <= 52)) * (1 + (w.sex == 1)),
            "boss": np.isin(np.arange(w.P), list(w.accountant.keys())) * has,
            "game": has * w.smart * ((a >= 12) & (a <= 22)),
        }
        rings = []
        counts = {}
        for st, (nt, pay, nr) in SCAMS.items():
            nring = max(1, int(round(nr * min(1.0, s * 2))))
            for k in range(nring):
                r = Ring(self, len(rings), st, k)
                rings.append(r)
            counts[st] = int(rng.poisson(nt * s))
        if sum(counts.values()) < 4:
            counts["task"] += 2
            counts["police"] += 1
            counts["relative"] += 1
        used = np.zeros(w.P, bool)
        used[self.farmers] = True
        plan = []
        for st in SCAMS:
            wt = weights[st].astype(float) * (~used)
            n = min(counts[st], int((wt > 0).sum()))
            if n <= 0:
                continue
            vs = rng.choice(w.P, size=n, replace=False, p=wt / wt.sum())
            used[vs] = True
            rs = [r for r in rings if r.stype == st]
            for v in vs:
                plan.append((st, int(v), rs[rng.integers(len(rs))], rng.random() < SCAMS[st][1]))
        if not any(p[3] for p in plan):
            p = plan[0]
            plan[0] = (p[0], p[1], p[2], True)
        self.rings = rings
        for st, v, r, lose in plan:
            self.targets[v] = {"type": st, "first_contact": None, "engaged": None}
            self.ring_of[v] = r
            # first engaged contact: early enough in the week for most journeys to play out
            span = w.T_END - T0
            t0 = T0 + int(rng.beta(1.2, 1.6) * span * 0.95)
            if lose and w.D <= 3:
                t0 = T0 + int(rng.random() * span * 0.4)
            hr = int(rng.choice(24, p=PROF_P[PID["young" if st in ("task", "game", "loan") else "biz"]]))
            t0 = t0 - (t0 - T0) % DAY + hr * HOUR + int(rng.integers(HOUR))
            getattr(self, "j_" + st)(r, v, t0, lose)
        self.cold_contacts(weights)
        for r in rings:
            if r.payout is not None:
                r.fund_payouts()

    # ------------------------------------------------------------------ journeys
    def src_acct(self, v, prefer_relative=0.0):
        w, rng = self.w, self.rng
        if rng.random() < prefer_relative:
            rel = [i for i in w.hh_members[w.hh[v]] if i != v and w.acct[i] >= 0 and w.age[i] >= 25]
            if rel:
                return int(w.acct[rel[rng.integers(len(rel))]])
        if w.acct[v] < 0:
            return None
        return int(w.acct[v])

    def total_loss(self, v, median, sigma, cap_share=0.9, floor=500):
        rng = self.rng
        amt = lognorm(rng, median, sigma)
        cap = max(floor * 2, self.w.savings[v] * cap_share)
        return max(floor, min(amt, cap))

    def split(self, total, k, escalate=True, unit=100):
        rng = self.rng
        if k == 1:
            parts = np.array([total])
        elif escalate:
            g = np.cumprod(np.r_[1, rng.uniform(1.8, 3.5, k - 1)])
            parts = total * g / g.sum()
        else:
            parts = total * rng.dirichlet(np.ones(k) * 2)
        parts = np.maximum(unit, np.round(parts / unit) * unit)
        return [int(p * 100) for p in parts]

    def j_police(self, r, v, t0, lose):
        w, rng = self.w, self.rng
        vn = w.phone[v]
        if rng.random() < .35:
            tm = self.after0(t0 - int(rng.integers(600, 8 * HOUR)), t0)
            self.call(tm, r.line(tm, "contact"), vn, 0); self.touch(v, tm)
        d1 = int(rng.integers(300, 1800))
        self.call(t0, r.line(t0, "contact"), vn, d1); self.touch(v, t0)
        t = t0 + d1 + int(rng.integers(20, 240))
        h = r.line(t, "handler")
        d2 = int(rng.integers(1500, 5400))
        self.call(t, h, vn, d2)
        if w.smart[v]:
            if rng.random() < .75:
                self.install(t + int(rng.integers(120, 900)), vn, r.meeting_app())
            self.visit(t + int(rng.integers(300, 1500)), vn, r.domain(t))
        if not lose:
            if rng.random() < .6:
                t2 = t + int(rng.integers(10 * HOUR, 30 * HOUR))
                self.call(t2, r.line(t2, "handler"), vn, int(rng.integers(15, 400)))
            return
        total = self.total_loss(v, 70000, 0.9, 0.95, 5000)
        k = int(rng.choice([1, 2, 3, 4], p=[.35, .35, .2, .1]))
        parts = self.split(total, k, escalate=False, unit=1000)
        src = self.src_acct(v, 0.1)
        old = w.age[v] >= 60
        mode = rng.choice(["counter", "atm_cash", "mobile"], p=[.4, .2, .4] if old else [.1, .1, .8])
        tp = t + int(rng.integers(10 * MIN, max(11 * MIN, d2 - 60)))
        if mode == "counter" or src is None and mode != "atm_cash":
            hr = ((tp - T0) % DAY) // HOUR
            if hr < 9 or hr >= 16:
                tp = tp - (tp - T0) % DAY + (DAY if hr >= 16 else 0) + 9 * HOUR + int(rng.integers(0, 2 * HOUR))
                self.call(tp - int(rng.integers(300, 1800)), r.line(tp, "handler"), vn, int(rng.integers(1800, 3600)))
        if src is not None and w.acct2[v] >= 0 and rng.random() < .5:
            self.plain(tp - int(rng.integers(120, 900)), int(w.acct2[v]), src, parts[0], "mobile")
        for c in parts:
            to = r.m1_at(tp)
            if mode == "atm_cash" or src is None:
                # withdraws cash at the counter, deposits it into the "safe account" at an ATM
                if src is not None:
                    self.plain(tp - int(rng.integers(600, 3600)), src, -1, c, "counter")
                for piece in self.split(c / 100, max(1, int(c // 2000000) + 1), escalate=False, unit=100):
                    self.pay(v, tp, -1, to, piece, "atm")
                    tp += int(rng.integers(60, 300))
            else:
                self.pay(v, tp, src, to, c, "counter" if mode == "counter" else "mobile")
            tp += int(rng.integers(5 * MIN, 4 * HOUR))

    def j_relative(self, r, v, t0, lose):
        w, rng = self.w, self.rng
        vn = w.phone[v]
        land = w.landline[w.hh[v]]
        tgt = land if land >= 0 and rng.random() < .45 else vn
        d1 = int(rng.integers(150, 900))
        self.call(t0, r.line(t0, "contact"), tgt, d1); self.touch(v, t0)
        t = t0 + d1 + int(rng.integers(5 * MIN, 40 * MIN))
        self.call(t, r.line(t, "handler"), tgt, int(rng.integers(200, 1200)))
        kids = [k for k, x in enumerate(w.away) if x[0] == w.hh[v]]
        if not lose:
            if kids and rng.random() < .6:     # calls the real grandson / son and it falls apart
                self.call(t + int(rng.integers(5 * MIN, 2 * HOUR)), vn, w.away_num[kids[0]], int(rng.integers(60, 600)))
            return
        total = self.total_loss(v, 30000, 0.7, 0.9, 2000)
        tp = t + int(rng.integers(30 * MIN, 4 * HOUR))
        src = self.src_acct(v, 0.15)
        mode = rng.choice(["transfer", "cash", "gold"], p=[.45, .4, .15])
        if src is None:
            mode = "cash"
        if mode == "transfer":
            self.pay(v, tp, src, r.m1_at(tp), int(round(total, -2) * 100), "counter" if rng.random() < .6 else "mobile")
        else:
            if src is not None:
                if mode == "cash":
                    self.plain(tp, src, -1, int(round(total, -2) * 100), "counter")
                else:
                    gs = w.gold_shops if len(w.gold_shops) else None
                    g = int(w.merch[gs[rng.integers(len(gs))]]) if gs is not None else w.gold_dealers[0]
                    self.plain(tp, src, g, int(total * 100), "counter")
                    self.gold_paid[v] = g
            col = r.line(tp, "collector")
            th = tp + int(rng.integers(20 * MIN, 2 * HOUR))
            for j in range(int(rng.integers(1, 4))):
                self.call(th - int(rng.integers(60, 1800)), col, vn, int(rng.integers(20, 120)))
            self.cash_loss.setdefault(v, []).append((th, int(round(total, -2) * 100)))
            # the collector banks the cash into a ring account later that day
            dep = th + int(rng.integers(HOUR, 6 * HOUR))
            m1 = r.m1_at(dep)
            c = int(round(total, -2) * 100)
            self.tr.append((dep, -1, m1, c, CH["atm"], 0))
            self.launder(m1, dep, c, 1, r.svc)
        if kids and rng.random() < .7:
            tk = tp + int(rng.integers(2 * HOUR, 30 * HOUR))
            self.call(tk, w.away_num[kids[0]], vn, int(rng.integers(300, 1500)))

    def j_invest(self, r, v, t0, lose):
        w, rng = self.w, self.rng
        vn = w.phone[v]
        if rng.random() < .6:
            ts = self.after0(t0 - int(rng.integers(10 * MIN, 2 * DAY)), t0)
            self.text(ts, r.line(ts, "sms"), vn, r.domain(ts) if rng.random() < .7 else w.DOM.index[SHORTLINK[rng.integers(5)]])
            self.touch(v, ts)
            self.visit(t0, vn, r.domain(t0))
        else:
            self.call(t0, r.line(t0, "contact"), vn, int(rng.integers(90, 600))); self.touch(v, t0)
            self.visit(t0 + int(rng.integers(300, 3 * HOUR)), vn, r.domain(t0))
        self.install(t0 + int(rng.integers(HOUR, 30 * HOUR)), vn, r.app())
        # daily visits to the platform and "teacher" calls
        for d in range(1, 8):
            td = t0 + d * DAY + int(rng.integers(-3 * HOUR, 3 * HOUR))
            if rng.random() < .8:
                self.visit(td, vn, r.domain(td))
            if rng.random() < .45:
                self.call(td + 1800, r.line(td, "handler"), vn, int(rng.integers(120, 1500)))
        if not lose:
            return
        total = self.total_loss(v, 90000, 1.0, 0.95, 3000)
        k = int(rng.choice([1, 2, 3, 4], p=[.25, .35, .25, .15]))
        parts = self.split(total, k, escalate=True, unit=1000)
        src = self.src_acct(v, 0.2)
        if src is None:
            return
        tp = t0 + int(rng.integers(20 * HOUR, 60 * HOUR))
        for j, c in enumerate(parts):
            hr = ((tp - T0) % DAY) // HOUR
            if hr < 9 or hr > 21:
                tp += 10 * HOUR
            self.pay(v, tp, src, r.m1_at(tp), c, "online" if rng.random() < .5 else "mobile")
            if j == 0 and rng.random() < .35:       # a small "profit withdrawal" to build trust
                r.payout_send(tp + int(rng.integers(6 * HOUR, 30 * HOUR)), int(w.acct[v]) if w.acct[v] >= 0 else src,
                              int(c * rng.uniform(.05, .15)))
            tp += int(rng.integers(20 * HOUR, 70 * HOUR))

    def j_pension(self, r, v, t0, lose):
        w, rng = self.w, self.rng
        vn = w.phone[v]
        self.call(t0, r.line(t0, "contact"), vn, int(rng.integers(180, 900))); self.touch(v, t0)
        if rng.random() < .4:
            self.text(t0 + int(rng.integers(HOUR, 5 * HOUR)), r.line(t0, "contact"), vn,
                      r.domain(t0) if rng.random() < .3 else -1)
        t = t0
        for j in range(int(rng.integers(2, 6))):
            t += int(rng.integers(10 * HOUR, 40 * HOUR))
            self.call(t, r.line(t, "handler"), vn, int(rng.integers(300, 1800)))
            if rng.random() < .3:
                self.call(t + 3 * HOUR, vn, r.line(t, "handler"), int(rng.integers(60, 600)))
        if not lose:
            return
        total = self.total_loss(v, 20000, 0.8, 0.8, 1000)
        k = int(rng.choice([1, 2, 3], p=[.5, .35, .15]))
        tp = t0 + int(rng.integers(DAY, 3 * DAY))
        src = self.src_acct(v, 0.1)
        for c in self.split(total, k, escalate=True, unit=100):
            hr = ((tp - T0) % DAY) // HOUR
            if hr < 9 or hr >= 16:
                tp = tp - (tp - T0) % DAY + (DAY if hr >= 16 else 0) + 9 * HOUR + int(rng.integers(0, 3 * HOUR))
            if src is None or rng.random() < .25:
                self.cash_loss.setdefault(v, []).append((tp, c))      # paid in cash at the "lecture"
            else:
                self.pay(v, tp, src, r.m1_at(tp), c, "counter" if rng.random() < .5 else "mobile")
            tp += int(rng.integers(DAY, 3 * DAY))

    def j_task(self, r, v, t0, lose):
        w, rng = self.w, self.rng
        vn = w.phone[v]
        x = rng.random()
        if x < .5:
            ts = self.after0(t0 - int(rng.integers(5 * MIN, 6 * HOUR)), t0)
            self.text(ts, r.line(ts, "sms"), vn, r.domain(ts) if rng.random() < .75 else w.DOM.index[SHORTLINK[rng.integers(5)]])
            self.touch(v, ts)
        elif x < .7:
            tc = self.after0(t0 - int(rng.integers(10 * MIN, HOUR)), t0)
            self.call(tc, r.line(tc, "handler"), vn, int(rng.integers(60, 300)))
            self.touch(v, tc)
        self.visit(t0, vn, r.domain(t0)); self.touch(v, t0)
        self.install(t0 + int(rng.integers(5 * MIN, 40 * MIN)), vn, r.app())
        dest = int(w.acct[v]) if w.acct[v] >= 0 else None
        t = t0 + int(rng.integers(20 * MIN, 2 * HOUR))
        if dest is not None:
            for j in range(int(rng.integers(1, 4))):
                r.payout_send(t, dest, int(rng.integers(800, 6000)))
                t += int(rng.integers(10 * MIN, 90 * MIN))
        if not lose:
            if rng.random() < .3:
                self.visit(t + DAY, vn, r.domain(t + DAY))
            return
        total = self.total_loss(v, 12000, 1.0, 0.95, 300)
        k = int(rng.integers(2, 7))
        parts = self.split(total, k, escalate=True, unit=1)
        rel = 0.3 if w.occ[v] in (O_UNI, O_PUPIL) else 0.05
        src = self.src_acct(v, rel)
        if src is None:
            return
        for j, c in enumerate(parts):
            if j == k - 1 and w.occ[v] == O_HOME and rng.random() < .4:
                fr = np.concatenate([w.f_b[w.f_a == v], w.f_a[w.f_b == v]])
                fr = fr[w.acct[fr] >= 0]
                if len(fr):
                    self.plain(t - int(rng.integers(5 * MIN, HOUR)), int(w.acct[fr[0]]), src, c, "third_party")
            if j >= 2 and rng.random() < .5:
                self.call(t - int(rng.integers(60, 900)), r.line(t, "handler"), vn, int(rng.integers(120, 900)))
            self.pay(v, t, src, r.m1_at(t), c, "third_party" if rng.random() < .5 else "mobile")
            if j == 0 and dest is not None and rng.random() < .7:
                r.payout_send(t + int(rng.integers(5 * MIN, 30 * MIN)), dest, int(c * 1.3))
            t += int(rng.integers(8 * MIN, 10 * HOUR))

    def j_loan(self, r, v, t0, lose):
        w, rng = self.w, self.rng
        vn = w.phone[v]
        ts = self.after0(t0 - int(rng.integers(5 * MIN, 12 * HOUR)), t0)
        self.text(ts, r.line(ts, "sms"), vn, r.domain(ts)); self.touch(v, ts)
        self.visit(t0, vn, r.domain(t0))
        self.install(t0 + int(rng.integers(3 * MIN, 30 * MIN)), vn, r.app())
        t = t0 + int(rng.integers(30 * MIN, 6 * HOUR))
        self.call(t, r.line(t, "handler"), vn, int(rng.integers(300, 1200)))
        if not lose:
            return
        total = self.total_loss(v, 6000, 0.8, 0.9, 300)
        k = int(rng.integers(1, 5))
        src = self.src_acct(v, 0.05)
        if src is None:
            return
        t += int(rng.integers(10 * MIN, 2 * HOUR))
        for j, c in enumerate(self.split(total, k, escalate=True, unit=100)):
            if j > 0 and rng.random() < .35:    # borrows from a friend to pay the next "fee"
                fr = np.concatenate([w.f_b[w.f_a == v], w.f_a[w.f_b == v]])
                fr = fr[w.acct[fr] >= 0]
                if len(fr):
                    self.plain(t - int(rng.integers(10 * MIN, 2 * HOUR)), int(w.acct[fr[rng.integers(len(fr))]]), src, c, "third_party")
            self.call(t - int(rng.integers(60, 600)), r.line(t, "handler"), vn, int(rng.integers(120, 900)))
            self.pay(v, t, src, r.m1_at(t), c, "mobile")
            t += int(rng.integers(20 * MIN, 20 * HOUR))

    def j_cs(self, r, v, t0, lose):
        w, rng = self.w, self.rng
        vn = w.phone[v]
        d1 = int(rng.integers(300, 1500))
        self.call(t0, r.line(t0, "contact"), vn, d1); self.touch(v, t0)
        t = t0 + int(rng.integers(60, d1))
        self.install(t, vn, r.meeting_app())
        self.visit(t + int(rng.integers(60, 600)), vn, r.domain(t))
        t2 = t0 + d1 + int(rng.integers(30, 600))
        d2 = int(rng.integers(900, 4000))
        self.call(t2, r.line(t2, "handler"), vn, d2)
        if not lose:
            return
        src = self.src_acct(v, 0.05)
        if src is None:
            return
        total = self.total_loss(v, 30000, 1.0, 1.2, 1000)
        k = int(rng.integers(2, 6))
        tp = t2 + int(rng.integers(5 * MIN, 40 * MIN))
        if rng.random() < .5:
            self.pay(v, tp, src, r.m1_at(tp), int(rng.choice([100, 1000, 10000])), "mobile")    # "verification" test
            tp += int(rng.integers(3 * MIN, 15 * MIN))
        for j, c in enumerate(self.split(total, k, escalate=True, unit=1)):
            if j == 1 and rng.random() < .45:     # talked into borrowing from a legit loan app
                self.plain(tp - int(rng.integers(3 * MIN, 20 * MIN)), w.loan_platforms[rng.integers(len(w.loan_platforms))],
                           src, c, "third_party")
            self.pay(v, tp, src, r.m1_at(tp), c, "mobile" if rng.random() < .7 else "online")
            tp += int(rng.integers(4 * MIN, 50 * MIN))

    def j_boss(self, r, v, t0, lose):
        w, rng = self.w, self.rng
        vn = w.phone[v]
        hr = ((t0 - T0) % DAY) // HOUR
        t0 = t0 - (t0 - T0) % DAY + 9 * HOUR + int(rng.integers(0, 6 * HOUR))
        self.text(t0, r.line(t0, "contact"), vn, -1); self.touch(v, t0)
        self.visit(t0 + int(rng.integers(60, 900)), vn, w.DOM.index["qq.com"])
        if not lose:
            emp = w.employers[w.emp_of[v]] if w.emp_of[v] >= 0 else None
            boss = w.A.holder[emp["acc"]] if emp else None
            if boss is not None and w.phone[boss] >= 0:
                self.call(t0 + int(rng.integers(10 * MIN, 2 * HOUR)), vn, w.phone[boss], int(rng.integers(30, 200)))
            return
        src = w.accountant[v]
        total = float(round_to(lognorm(rng, 150000, 0.6), 1000))
        tp = t0 + int(rng.integers(20 * MIN, 3 * HOUR))
        for c in self.split(total, int(rng.integers(1, 3)), escalate=False, unit=1000):
            self.pay(v, tp, src, r.m1_at(tp), c, "online")
            tp += int(rng.integers(20 * MIN, 2 * HOUR))

    def j_game(self, r, v, t0, lose):
        w, rng = self.w, self.rng
        vn = w.phone[v]
        self.visit(t0, vn, r.domain(t0)); self.touch(v, t0)
        t = t0 + int(rng.integers(10 * MIN, 3 * HOUR))
        if rng.random() < .5:
            self.text(t, r.line(t, "handler"), vn, r.domain(t))
        else:
            self.call(t, r.line(t, "handler"), vn, int(rng.integers(60, 600)))
        if r.apps and rng.random() < .4:
            self.install(t + 300, vn, r.app())
        if not lose:
            return
        src = self.src_acct(v, 0.55 if w.age[v] < 18 else 0.2)
        if src is None:
            return
        total = self.total_loss(v, 1500, 0.8, 3.0, 100)
        for c in self.split(total, int(rng.integers(1, 5)), escalate=True, unit=1):
            t += int(rng.integers(5 * MIN, 3 * HOUR))
            self.pay(v, t, src, r.m1_at(t), c, "third_party")

    # ------------------------------------------------------------------ cold contacts
    def cold_contacts(self, weights):
        """calls and texts to people who never engage: unanswered, hung up, ignored"""
        w, rng = self.w, self.rng
        span = w.T_END - T0
        for r in self.rings:
            nt = sum(1 for v, rr in self.ring_of.items() if rr is r)
            st = r.stype
            if nt == 0:
                nt = 1 if rng.random() < min(1.0, w.scale * 3) else 0
            if nt == 0:
                continue
            by_call = st in ("police", "relative", "pension", "cs", "invest")
            by_sms = st in ("invest", "task", "loan", "game", "pension")
            wt = weights[st].astype(float) + 0.2 * (w.phone >= 0) * (weights[st].sum() > 0)
            wt = wt / wt.sum()
            if by_call:
                n = int(rng.poisson(nt * 22))
                who = rng.choice(w.P, size=n, p=wt)
                ts = T0 + rng.integers(0, span, n)
                hrs = sample_hours(rng, np.full(n, PID["biz"]))
                ts = ts - (ts - T0) % DAY + hrs * HOUR + rng.integers(0, HOUR, n)
                ts = np.clip(ts, T0, w.T_END - 1)
                ans = rng.random(n) < 0.35
                dur = np.where(ans, rng.integers(2, 55, n), 0)
                for t_, p_, d_ in zip(ts, who, dur):
                    if p_ in self.targets:
                        continue
                    tgt = w.phone[p_]
                    if st == "relative" and w.landline[w.hh[p_]] >= 0 and rng.random() < .5:
                        tgt = w.landline[w.hh[p_]]
                    self.call(t_, r.line(int(t_), "contact"), tgt, d_)
            if by_sms:
                n = int(rng.poisson(nt * 45))
                who = rng.choice(w.P, size=n, p=wt)
                ts = T0 + rng.integers(0, span, n)
                hrs = sample_hours(rng, np.full(n, PID["adult"]))
                ts = np.clip(ts - (ts - T0) % DAY + hrs * HOUR + rng.integers(0, HOUR, n), T0, w.T_END - 1)
                for t_, p_ in zip(ts, who):
                    if p_ in self.targets:
                        continue
                    dom = r.domain(int(t_)) if rng.random() < .75 else w.DOM.index[SHORTLINK[rng.integers(5)]]
                    self.text(t_, r.line(int(t_), "sms"), w.phone[p_], dom)


# --------------------------------------------------------------------------
# 6. victim reports
# --------------------------------------------------------------------------
REPORT_P = {"police": .72, "relative": .6, "invest": .45, "pension": .3, "task": .6, "loan": .5,
            "cs": .65, "boss": .9, "game": .35}


def typo(rng, s, index):
    for _ in range(20):
        k = int(rng.integers(6, len(s)))
        t = s[:k] + str((int(s[k]) + int(rng.integers(1, 10))) % 10) + s[k + 1:]
        if t not in index:
            return t
    return s


def gen_reports(w, F, rng):
    rows = []          # (ts, person, paid_to, claimed_cents, is_fraud, [accounts ids])
    A = w.A
    for v in sorted(F.targets):
        t = F.targets[v]
        L = [x for x in F.paid_to.get(v, []) if x[0] < w.T_END]
        Cs = [x for x in F.cash_loss.get(v, []) if x[0] < w.T_END]
        if not L and not Cs:
            continue
        if rng.random() > REPORT_P[t["type"]]:
            continue
        last = max([x[0] for x in L] + [x[0] for x in Cs])
        x = rng.random()
        if x < .3:
            delay = rng.integers(15 * MIN, 3 * HOUR)
        elif x < .75:
            delay = rng.integers(3 * HOUR, 48 * HOUR)
        else:
            delay = rng.integers(2 * DAY, 12 * DAY)
        if t["type"] == "invest":
            delay += int(rng.integers(DAY, 6 * DAY))
        ts = int(last + delay)
        hr = ((ts - T0) % DAY) // HOUR
        if hr < 7:
            ts += (8 - hr) * HOUR
        if ts >= w.T_END:
            continue
        total = sum(x[2] for x in L) + sum(x[1] for x in Cs)
        y = rng.random()
        if y < .65:
            claimed = total
        elif y < .85:
            claimed = max(100, int(round(total / 100000.0)) * 100000)
        else:
            claimed = int(total * rng.uniform(.7, 1.35))
        accs = []
        for _, a, _ in L:
            s = A.id[a]
            if s not in accs:
                accs.append(s)
        z = rng.random()
        if len(accs) > 1 and z < .15:
            accs.pop(int(rng.integers(len(accs))))           # forgot one receipt
        elif accs and z < .22:
            k = int(rng.integers(len(accs)))
            accs[k] = typo(rng, accs[k], A.index)           # mistyped card number
        elif z < .26 and w.acct[v] >= 0:
            accs.append(A.id[w.acct[v]])                     # gave own card by mistake
        if not accs and v in F.gold_paid:
            accs = [A.id[F.gold_paid[v]]]       # names the gold shop she bought the bars from
        if not accs:
            continue                              # cash handed over: a case file, nothing to stop
        rows.append((ts, v, ";".join(accs), max(100, claimed), True, accs))
    # reports that are not fraud: disputes with salespeople, micro-sellers, private lenders
    n = int(rng.poisson(w.P / 3000 * w.D / 8 * 2.5))
    cands = w.dispute_cands
    for k in range(min(n, len(cands))):
        ts, p, a, c = cands[int(rng.integers(len(cands)))]
        ts = int(ts + rng.integers(HOUR, 3 * DAY))
        if ts >= w.T_END or p in F.targets:
            continue
        rows.append((ts, p, A.id[a], c, False, [A.id[a]]))
    rows.sort(key=lambda r: (r[0], r[1]))
    return rows


# --------------------------------------------------------------------------
# 7. known-bad lists
# --------------------------------------------------------------------------
def gen_lists(w, F, reports, seen_num_t, seen_dom_t, seen_app_t, seen_acc_t, rng):
    """seen_*_t: dict value index -> first time seen in the records."""
    L = {"numbers": [], "domains": [], "apps": [], "accounts": []}
    N, A = w.N, w.A
    TE = w.T_END

    def put(lst, val, ts, src):
        if ts < TE:
            L[lst].append((int(ts), val, src))

    s = w.scale
    # stale national entries: old rings' numbers, domains, apps and cards (never seen here)
    for _ in range(int(max(10, 60 * s))):
        ts = T0 - int(rng.integers(DAY, 200 * DAY))
        x = rng.random()
        if x < .4:
            put("numbers", new_overseas(rng, N, ["+855", "+63", "+95", "+60"][rng.integers(4)]), ts, "national")
        elif x < .8:
            put("numbers", new_mobile(rng, N, VIRTUAL_PREFIX if rng.random() < .5 else MOBILE_PREFIX), ts, "national")
        else:
            put("numbers", new_landline(rng, N, ["010", "021", "0755"][rng.integers(3)]), ts, "national")
    for _ in range(int(max(5, 25 * s))):
        stem = DOMAIN_STEMS[list(DOMAIN_STEMS)[rng.integers(len(DOMAIN_STEMS))]]
        put("domains", stem[rng.integers(len(stem))] + str(rng.integers(1000, 9999)) + TLDS_BAD[rng.integers(len(TLDS_BAD))],
            T0 - int(rng.integers(DAY, 300 * DAY)), "national")
    for _ in range(int(max(3, 10 * s))):
        put("apps", "com." + syl_name(rng, 2) + "." + ["trade", "task", "loan", "meet"][rng.integers(4)],
            T0 - int(rng.integers(DAY, 300 * DAY)), "national")
    for _ in range(int(max(10, 50 * s))):
        put("accounts", new_card(rng, A, pick_bank(rng, False)), T0 - int(rng.integers(DAY, 200 * DAY)), "national")
    # ring infrastructure: some reused from earlier cases (already listed), some caught by operators / banks
    for num, role in sorted(F.lab_num.items()):
        if num not in seen_num_t:
            continue
        t = seen_num_t[num]
        k = N.kind[num]
        if k in ("overseas", "voip") and rng.random() < .12:
            put("numbers", N.id[num], T0 - int(rng.integers(DAY, 40 * DAY)), "national")
        elif rng.random() < .4:
            put("numbers", N.id[num], t + int(rng.integers(6 * HOUR, 72 * HOUR)), "operator")
    for d in sorted(F.lab_dom):
        if d not in seen_dom_t:
            continue
        if rng.random() < .1:
            put("domains", w.DOM.s[d], T0 - int(rng.integers(DAY, 30 * DAY)), "national")
        elif rng.random() < .55:
            put("domains", w.DOM.s[d], seen_dom_t[d] + int(rng.integers(6 * HOUR, 96 * HOUR)), "national")
    for a in sorted(F.lab_app):
        if a not in seen_app_t:
            continue
        if rng.random() < .15:
            put("apps", w.APP.s[a], T0 - int(rng.integers(DAY, 60 * DAY)), "national")
        elif rng.random() < .5:
            put("apps", w.APP.s[a], seen_app_t[a] + int(rng.integers(12 * HOUR, 120 * HOUR)), "national")
    for acc, role in sorted(F.lab_acc.items()):
        if acc not in seen_acc_t:
            continue
        if role in ("mule_2", "mule_3", "cashout") and rng.random() < .1:
            put("accounts", A.id[acc], T0 - int(rng.integers(DAY, 90 * DAY)), "national")
        elif rng.random() < .2:
            put("accounts", A.id[acc], seen_acc_t[acc] + int(rng.integers(2 * HOUR, 72 * HOUR)), "bank")
    # what the centre lists from its own reports: the accounts named, the numbers that called
    ring_nums_of = {}
    for (ts, a, b, d) in F.calls:
        if a in F.lab_num:
            ring_nums_of.setdefault(b, set()).add(a)
    for (ts, a, b, d) in F.sms:
        if a in F.lab_num:
            ring_nums_of.setdefault(b, set()).add(a)
    for (ts, p, paid, c, is_fraud, accs) in reports:
        for s_ in accs:
            put("accounts", s_, ts + int(rng.integers(10 * MIN, 3 * HOUR)), "city_report")
        if is_fraud and w.phone[p] >= 0:
            nums = sorted(ring_nums_of.get(int(w.phone[p]), set()))
            land = w.landline[w.hh[p]]
            if land >= 0:
                nums += sorted(ring_nums_of.get(int(land), set()))
            for n_ in nums:
                if rng.random() < .8:
                    put("numbers", N.id[n_], ts + int(rng.integers(30 * MIN, 8 * HOUR)), "city_report")
    # wrong entries: complaints about couriers' relay numbers, telemarketers; a busy agent's card
    for n_ in list(w.relay[:1]) + list(w.tele[:2]) + list(w.collect[:1]):
        if rng.random() < .7:
            put("numbers", N.id[n_], T0 + int(rng.integers(0, TE - T0)), "public_complaint")
    put("domains", "dwz.cn", T0 - 40 * DAY, "province")
    tail = [d for d in range(len(LEGIT_DOMAINS_TOP), len(LEGIT_DOMAINS_TOP) + 50)]
    put("domains", w.DOM.s[tail[rng.integers(len(tail))]], T0 + int(rng.integers(0, TE - T0)), "province")
    uni = [i for i, a in enumerate(w.APP.s[:len(w.legit_app)]) if a.startswith("uni.UNI")]
    if uni:
        put("apps", w.APP.s[uni[rng.integers(len(uni))]], T0 - int(rng.integers(DAY, 60 * DAY)), "province")
    agents = [int(w.acct[i]) for i in np.where((w.occ == O_AGENT) & (w.acct >= 0))[0]]
    for a in agents[:2]:
        if rng.random() < .6:
            put("accounts", A.id[a], T0 + int(rng.integers(0, TE - T0)), "bank")
    out = {}
    for k, lst in L.items():
        lst.sort()
        seen, rows = set(), []
        for ts, val, src in lst:
            if val in seen:
                continue
            seen.add(val)
            rows.append((ts, val, src))
        out[k] = rows
    return out


# --------------------------------------------------------------------------
# 8. output
# --------------------------------------------------------------------------
def ts_str(arr):
    s = pl.Series("t", np.asarray(arr, dtype=np.int64) + 8 * 3600)
    return pl.from_epoch(s, time_unit="s").dt.strftime("%Y-%m-%dT%H:%M:%S+08:00")


def ts_opt(vals):
    arr = np.array([(-1 if v is None else v) for v in vals], dtype=np.int64)
    s = ts_str(np.where(arr < 0, 0, arr))
    return pl.select(pl.when(pl.Series(arr) >= 0).then(s).otherwise(pl.lit(None, dtype=pl.Utf8))).to_series()


def amt_str(c):
    c = np.asarray(c, dtype=np.int64)
    s = pl.DataFrame({"c": c}).select(
        (pl.col("c") // 100).cast(pl.Utf8) + pl.lit(".") + (pl.col("c") % 100).cast(pl.Utf8).str.zfill(2))
    return s.to_series()


def write(df, path):
    df.write_csv(path, line_terminator="\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--persons", type=int, default=20000)
    ap.add_argument("--days", type=int, default=8)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    t_start = time.time()
    w = World()
    w.P, w.D, w.seed = args.persons, args.days, args.seed
    w.T_END = T0 + w.D * DAY
    w.scale = w.P * w.D / 160000.0
    S = lambda name: stream(args.seed, name)
    build_population(w, S("population"))
    build_phones(w, S("phones"))
    build_accounts(w, S("accounts"))
    build_strings(w, S("strings"))
    w.calls = Sink(["ts", "a", "b", "dur", "tag"])
    w.sms = Sink(["ts", "a", "b", "dom"])
    w.net = Sink(["ts", "num", "kind", "tgt"])
    w.tr = Sink(["ts", "f", "t", "c", "ch", "loss"])
    build_contacts(w, S("contacts"))
    gen_calls(w, S("calls"))
    gen_sms_net(w, S("sms_net"))
    gen_transfers(w, S("transfers"))
    F = Fraud(w, S("fraud"))
    F.run()
    w.calls.add_rows([(t, a, b, d, 1) for t, a, b, d in F.calls])
    w.sms.add_rows(F.sms)
    w.net.add_rows(F.net)
    w.tr.add_rows(F.tr)
    TE = w.T_END
    N, A = w.N, w.A

    # ---- assemble, clip to the window, sort
    def window(d, key="ts"):
        m = (d[key] >= T0) & (d[key] < TE)
        return {k: v[m] for k, v in d.items()}

    tr = window(w.tr.get())
    tr["c"] = np.maximum(tr["c"], 1)
    o = np.lexsort((tr["c"], tr["t"], tr["f"], tr["ts"]))
    tr = {k: v[o] for k, v in tr.items()}
    # bank SMS notices for debits and credits of local personal accounts
    rng = S("bank_sms")
    acc_holder = np.array([(-1 if h is None else h) for h in A.holder], dtype=np.int64)
    acc_personal = np.array([k == "personal" for k in A.kind])
    bank_num = {b: N.index[c] for b, c in BANK_SMS.items() if c in N.index}
    acc_bsms = np.array([bank_num.get(b, -1) for b in A.extra], dtype=np.int64)
    for side in ("f", "t"):
        ac = tr[side]
        ok = ac >= 0
        h = np.where(ok, acc_holder[np.where(ok, ac, 0)], -1)
        ph_ = np.where(h >= 0, w.phone[np.maximum(h, 0)], -1)
        snd = np.where(ok, acc_bsms[np.where(ok, ac, 0)], -1)
        m = (h >= 0) & (ph_ >= 0) & (snd >= 0) & acc_personal[np.where(ok, ac, 0)] & (rng.random(len(ac)) < 0.85)
        w.sms.add(ts=tr["ts"][m] + rng.integers(2, 25, int(m.sum())), a=snd[m], b=ph_[m], dom=-1)
    calls = window(w.calls.get())
    o = np.lexsort((calls["dur"], calls["b"], calls["a"], calls["ts"]))
    calls = {k: v[o] for k, v in calls.items()}
    sms = window(w.sms.get())
    o = np.lexsort((sms["dom"], sms["b"], sms["a"], sms["ts"]))
    sms = {k: v[o] for k, v in sms.items()}
    net = window(w.net.get())
    o = np.lexsort((net["tgt"], net["kind"], net["num"], net["ts"]))
    net = {k: v[o] for k, v in net.items()}

    # ---- what was seen (first time)
    def first_seen(vals, ts):
        d = {}
        if len(vals) == 0:
            return d
        o = np.lexsort((ts, vals))
        v, t = vals[o], ts[o]
        first = np.r_[True, v[1:] != v[:-1]]
        for a, b in zip(v[first], t[first]):
            d[int(a)] = int(b)
        return d

    seen_num_t = first_seen(np.concatenate([calls["a"], calls["b"], sms["a"], sms["b"], net["num"]]),
                            np.concatenate([calls["ts"], calls["ts"], sms["ts"], sms["ts"], net["ts"]]))
    seen_acc_t = first_seen(np.concatenate([tr["f"][tr["f"] >= 0], tr["t"][tr["t"] >= 0]]),
                            np.concatenate([tr["ts"][tr["f"] >= 0], tr["ts"][tr["t"] >= 0]]))
    isapp = net["kind"] == 0
    seen_app_t = first_seen(net["tgt"][isapp], net["ts"][isapp])
    md = sms["dom"] >= 0
    seen_dom_t = first_seen(np.concatenate([net["tgt"][~isapp], sms["dom"][md]]),
                            np.concatenate([net["ts"][~isapp], sms["ts"][md]]))

    reports = gen_reports(w, F, S("reports"))
    bin2bank = {v: k for k, v in BANK_BIN.items()}
    extra_acc = []
    for r in reports:
        for s_ in r[5]:
            if s_ not in A.index:        # a mistyped card number in a report: seen only there
                extra_acc.append(A.add(s_, None, "personal", None, bin2bank.get(s_[:6], "")))
    lists = gen_lists(w, F, reports, seen_num_t, seen_dom_t, seen_app_t, seen_acc_t, S("lists"))

    # registration happens in shop / branch hours
    rng = S("reg_times")
    for reg in (N, A):
        for i, t in enumerate(reg.t):
            if t is not None and (t < T0 or (t - T0) % DAY == 0):
                reg.t[i] = t - (t - T0) % DAY + int(rng.integers(8 * HOUR + 1800, 19 * HOUR))
    out = args.out
    os.makedirs(os.path.join(out, "lists"), exist_ok=True)
    os.makedirs(os.path.join(out, "labels"), exist_ok=True)
    meta = {"format": "dataset/1", "start": START_DT.isoformat(),
            "end": (START_DT + timedelta(days=w.D)).isoformat(), "seed": args.seed,
            "note": f"gen_f: Baoding-like prefecture, {w.P} persons, {w.D} days (author F)"}
    with open(os.path.join(out, "meta.json"), "w") as fh:
        json.dump(meta, fh, ensure_ascii=False)
        fh.write("\n")
    write(pl.DataFrame({"person_id": w.pid, "district": [DCODE[d] for d in w.dist],
                        "birth_year": w.by_year.astype(np.int64), "sex": np.where(w.sex == 1, "F", "M")}),
          os.path.join(out, "persons.csv"))
    # phones: person-held numbers + every number seen
    keep_n = np.zeros(len(N), bool)
    keep_n[[n for n in seen_num_t]] = True
    for arr in (w.phone, w.phone2, w.landline):
        keep_n[arr[arr >= 0]] = True
    idx = np.where(keep_n)[0]
    write(pl.DataFrame({"number": [N.id[i] for i in idx],
                        "holder_person_id": pl.Series([w.pid[N.holder[i]] if N.holder[i] is not None else None for i in idx], dtype=pl.Utf8),
                        "kind": [N.kind[i] for i in idx],
                        "activated_at": ts_opt([N.t[i] for i in idx])}), os.path.join(out, "phones.csv"))
    keep_a = np.zeros(len(A), bool)
    keep_a[[a for a in seen_acc_t]] = True
    keep_a[extra_acc] = True
    keep_a[np.array([h is not None and k == "personal" and t is not None and t < T0 for h, k, t in zip(A.holder, A.kind, A.t)])
           & ~np.isin(np.arange(len(A)), list(F.lab_acc))] = True
    idx = np.where(keep_a)[0]
    write(pl.DataFrame({"account_id": [A.id[i] for i in idx],
                        "holder_person_id": pl.Series([w.pid[A.holder[i]] if A.holder[i] is not None else None for i in idx], dtype=pl.Utf8),
                        "bank": [A.extra[i] for i in idx], "kind": [A.kind[i] for i in idx],
                        "opened_at": ts_opt([A.t[i] for i in idx])}), os.path.join(out, "accounts.csv"))
    n = len(calls["ts"])
    write(pl.DataFrame({"event_id": [f"C{i:08d}" for i in range(n)], "ts": ts_str(calls["ts"]),
                        "caller": np.array(N.id, dtype=object)[calls["a"]], "callee": np.array(N.id, dtype=object)[calls["b"]],
                        "duration_s": calls["dur"]}), os.path.join(out, "calls.csv"))
    n = len(sms["ts"])
    doms = np.array(w.DOM.s + [None], dtype=object)
    write(pl.DataFrame({"event_id": [f"S{i:08d}" for i in range(n)], "ts": ts_str(sms["ts"]),
                        "sender": np.array(N.id, dtype=object)[sms["a"]], "receiver": np.array(N.id, dtype=object)[sms["b"]],
                        "url_domain": pl.Series(doms[sms["dom"]].tolist(), dtype=pl.Utf8)}), os.path.join(out, "sms.csv"))
    n = len(net["ts"])
    apps = np.array(w.APP.s, dtype=object)
    tgt = np.where(net["kind"] == 0, apps[np.where(net["kind"] == 0, net["tgt"], 0)],
                   doms[np.where(net["kind"] == 1, net["tgt"], 0)])
    write(pl.DataFrame({"event_id": [f"N{i:08d}" for i in range(n)], "ts": ts_str(net["ts"]),
                        "number": np.array(N.id, dtype=object)[net["num"]],
                        "kind": np.where(net["kind"] == 0, "app_install", "url_visit"),
                        "target": pl.Series(tgt.tolist(), dtype=pl.Utf8)}), os.path.join(out, "net.csv"))
    n = len(tr["ts"])
    aid = np.array(A.id + [None], dtype=object)
    tr_ids = np.array([f"T{i:08d}" for i in range(n)], dtype=object)
    write(pl.DataFrame({"event_id": tr_ids, "ts": ts_str(tr["ts"]),
                        "from_account": pl.Series(aid[tr["f"]].tolist(), dtype=pl.Utf8),
                        "to_account": pl.Series(aid[tr["t"]].tolist(), dtype=pl.Utf8),
                        "amount": amt_str(tr["c"]), "channel": np.array(CHANNELS, dtype=object)[tr["ch"]]}),
          os.path.join(out, "transfers.csv"))
    write(pl.DataFrame({"report_id": [f"R{i:05d}" for i in range(len(reports))],
                        "ts": ts_str([r[0] for r in reports]) if reports else pl.Series([], dtype=pl.Utf8),
                        "person_id": [w.pid[r[1]] for r in reports],
                        "paid_to": pl.Series([r[2] if r[2] else None for r in reports], dtype=pl.Utf8),
                        "claimed_amount": amt_str([r[3] for r in reports]) if reports else pl.Series([], dtype=pl.Utf8)},
                       schema={"report_id": pl.Utf8, "ts": pl.Utf8, "person_id": pl.Utf8, "paid_to": pl.Utf8,
                               "claimed_amount": pl.Utf8}),
          os.path.join(out, "reports.csv"))
    for k, rows in lists.items():
        write(pl.DataFrame({"value": [r[1] for r in rows],
                            "listed_at": ts_str([r[0] for r in rows]) if rows else pl.Series([], dtype=pl.Utf8),
                            "source": [r[2] for r in rows]},
                           schema={"value": pl.Utf8, "listed_at": pl.Utf8, "source": pl.Utf8}),
              os.path.join(out, "lists", f"{k}.csv"))

    # ---- labels
    loss_idx = np.where(tr["loss"] == 1)[0]
    loss_by_person = {}
    # map loss transfers back to targets via (ts, to, cents)
    key_to_person = {}
    for v, L in F.paid_to.items():
        for ts, a, c in L:
            key_to_person[(ts, a, c)] = v
    for i in loss_idx:
        v = key_to_person.get((int(tr["ts"][i]), int(tr["t"][i]), int(tr["c"][i])))
        if v is not None:
            loss_by_person.setdefault(v, []).append((int(tr["ts"][i]), int(tr["c"][i])))
    trows = []
    n_losers, total_loss = 0, 0
    for v in sorted(F.targets):
        t = F.targets[v]
        ls = loss_by_person.get(v, []) + [x for x in F.cash_loss.get(v, []) if x[0] < TE]
        fc = t["first_contact"]
        if fc is None or fc >= TE:
            continue
        if ls:
            fl = min(x[0] for x in ls)
            amt = sum(x[1] for x in ls)
            n_losers += 1
            total_loss += amt
            trows.append((w.pid[v], t["type"], fc, fl, amt))
        else:
            trows.append((w.pid[v], t["type"], fc, None, None))
    write(pl.DataFrame({"person_id": [r[0] for r in trows], "scam_type": [r[1] for r in trows],
                        "first_contact_ts": ts_str([r[2] for r in trows]),
                        "first_loss_ts": ts_opt([r[3] for r in trows]),
                        "loss_amount": pl.Series([None if r[4] is None else f"{r[4] // 100}.{r[4] % 100:02d}" for r in trows], dtype=pl.Utf8)}),
          os.path.join(out, "labels", "targets.csv"))
    ln = sorted((N.id[k], r) for k, r in F.lab_num.items() if k in seen_num_t)
    write(pl.DataFrame({"number": [x[0] for x in ln], "role": [x[1] for x in ln]}, schema={"number": pl.Utf8, "role": pl.Utf8}),
          os.path.join(out, "labels", "numbers.csv"))
    la = sorted((A.id[k], r) for k, r in F.lab_acc.items() if k in seen_acc_t)
    write(pl.DataFrame({"account_id": [x[0] for x in la], "role": [x[1] for x in la]}, schema={"account_id": pl.Utf8, "role": pl.Utf8}),
          os.path.join(out, "labels", "accounts.csv"))
    ld = sorted(w.DOM.s[d] for d in F.lab_dom if d in seen_dom_t)
    write(pl.DataFrame({"value": ld}, schema={"value": pl.Utf8}), os.path.join(out, "labels", "domains.csv"))
    lap = sorted(w.APP.s[a] for a in F.lab_app if a in seen_app_t)
    write(pl.DataFrame({"value": lap}, schema={"value": pl.Utf8}), os.path.join(out, "labels", "apps.csv"))
    write(pl.DataFrame({"event_id": tr_ids[loss_idx]}, schema={"event_id": pl.Utf8}), os.path.join(out, "labels", "losses.csv"))

    # ---- sanity figures
    roles = {}
    for _, r in la:
        roles[r] = roles.get(r, 0) + 1
    nroles = {}
    for _, r in ln:
        nroles[r] = nroles.get(r, 0) + 1
    by_type = {}
    for r in trows:
        d = by_type.setdefault(r[1], [0, 0])
        d[0] += 1
        d[1] += r[3] is not None
    print(f"persons {w.P}  households {w.n_hh}  phones {int(keep_n.sum())}  accounts {int(keep_a.sum())}")
    print(f"calls {len(calls['ts'])}  sms {len(sms['ts'])}  net {len(net['ts'])}  transfers {len(tr['ts'])}  reports {len(reports)}")
    print("lists " + "  ".join(f"{k} {len(v)}" for k, v in lists.items()))
    print(f"targets {len(trows)}  losers {n_losers}  total loss CNY {total_loss / 100:,.2f}  loss transfers {len(loss_idx)}")
    print("by type (targets/losers): " + ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in sorted(by_type.items())))
    print(f"rings {len(F.rings)}  ring numbers {len(ln)} {nroles}  mule accounts {len(la)} {roles}")
    print(f"domains {len(ld)}  apps {len(lap)}  elapsed {time.time() - t_start:.1f}s")


if __name__ == "__main__":
    main()
