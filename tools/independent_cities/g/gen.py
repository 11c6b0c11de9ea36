#!/usr/bin/env python3
"""Synthetic Wuhan-like city in the dataset/1 interchange format (DATASET.md).

gen.py --seed N --persons P --days D --out DIR

Rules are described in DESIGN.md.  Only the standard library, numpy and polars.
"""
import argparse
import datetime as dt
import json
import os

import numpy as np
import polars as pl

TZ = dt.timezone(dt.timedelta(hours=8))
START = dt.datetime(2026, 10, 19, 0, 0, 0, tzinfo=TZ)
START_EPOCH = int(START.timestamp())
MIN, HOUR, DAY = 60, 3600, 86400

MODULE = {"persons": 101, "social": 102, "phones": 103, "accounts": 104, "calls": 105,
          "sms": 106, "net": 107, "money": 108, "rings": 109, "scripts": 110,
          "launder": 111, "reports": 112, "lists": 113, "spray": 114, "services": 115}


def module_rng(seed, name):
    return np.random.default_rng([seed, MODULE[name]])


# --------------------------------------------------------------------------- city
DISTRICTS = [  # code, name, population weight, type (0 urban, 1 suburb, 2 rural)
    ("420102", "江岸", 97, 0), ("420103", "江汉", 65, 0), ("420104", "硚口", 67, 0),
    ("420105", "汉阳", 84, 0), ("420106", "武昌", 128, 0), ("420107", "青山", 52, 0),
    ("420111", "洪山", 150, 0), ("420112", "东西湖", 86, 1), ("420113", "汉南", 15, 2),
    ("420114", "蔡甸", 55, 1), ("420115", "江夏", 97, 1), ("420116", "黄陂", 115, 2),
    ("420117", "新洲", 86, 2)]
D_HONGSHAN, D_WUCHANG = 6, 4
DW = np.array([d[2] for d in DISTRICTS], float)
DW /= DW.sum()
DTYPE = np.array([d[3] for d in DISTRICTS])

# occupations
(O_CHILD, O_PUPIL, O_UNI, O_OFFICE, O_FACTORY, O_SERVICE, O_SHOP, O_COURIER, O_RIDER,
 O_DRIVER, O_SALES, O_ESTATE, O_INSUR, O_ACCOUNT, O_BOSS, O_FARMER, O_HOME, O_RETIRED,
 O_COLLECT) = range(19)
WORK_OCC = np.array([O_OFFICE, O_FACTORY, O_SERVICE, O_SHOP, O_COURIER, O_RIDER, O_DRIVER,
                     O_SALES, O_ESTATE, O_INSUR, O_ACCOUNT, O_BOSS, O_FARMER, O_HOME, O_COLLECT])
WORK_W_URBAN = np.array([.30, .11, .16, .07, .02, .03, .025, .025, .012, .015, .03, .02, .0, .12, .005])
WORK_W_RURAL = np.array([.12, .18, .12, .06, .015, .015, .02, .01, .004, .01, .015, .015, .25, .15, .002])

BANKS = [  # code, BIN, hotline, weight, length
    ("ICBC", "622202", "95588", 20, 19), ("CCB", "621700", "95533", 16, 19),
    ("ABC", "622848", "95599", 14, 19), ("BOC", "621661", "95566", 9, 19),
    ("BOCOM", "622262", "95559", 6, 19), ("CMB", "621483", "95555", 8, 16),
    ("PSBC", "621799", "95580", 9, 19), ("CITIC", "622690", "95558", 3, 16),
    ("HANKOU", "623595", "96558", 6, 19), ("WRCB", "621259", "96555", 6, 19),
    ("HUBEI", "621977", "96599", 3, 19)]
BANK_W = np.array([b[3] for b in BANKS], float)
BANK_W /= BANK_W.sum()
B_TENPAY, B_ALIPAY = len(BANKS), len(BANKS) + 1
BANK_NAMES = [b[0] for b in BANKS] + ["TENPAY", "ALIPAY"]
BANK_HOT = [b[2] for b in BANKS] + ["95017", "95188"]
CHANNELS = ["mobile", "online", "counter", "atm", "third_party", "crypto_otc"]
CH_MOB, CH_ONL, CH_CNT, CH_ATM, CH_3P, CH_OTC = range(6)
ACC_KINDS = ["personal", "merchant", "corporate"]
PH_KINDS = ["mobile", "landline", "voip", "overseas", "service"]
K_MOB, K_LAND, K_VOIP, K_OVS, K_SVC = range(5)
MOBILE_PREFIX = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151",
                 "152", "155", "156", "157", "158", "159", "166", "177", "180", "181", "182",
                 "183", "185", "186", "187", "188", "189", "191", "198", "199"]

# hour-of-day profiles (24 weights)
def _prof(v):
    a = np.array(v, float)
    return a / a.sum()

H_FAMILY = _prof([1, .3, .1, .1, .1, .3, 2, 5, 6, 5, 4, 5, 9, 6, 4, 4, 5, 7, 11, 13, 14, 12, 7, 3])
H_WORK = _prof([.1, 0, 0, 0, 0, .1, .4, 2, 8, 12, 12, 10, 5, 6, 11, 12, 11, 9, 4, 2, 1, .6, .3, .2])
H_FRIEND = _prof([2, .8, .3, .1, .1, .2, .6, 2, 3, 4, 5, 6, 8, 6, 5, 5, 6, 7, 9, 11, 12, 12, 9, 5])
H_YOUNG = _prof([6, 4, 2, 1, .5, .3, .5, 2, 4, 5, 6, 7, 8, 7, 6, 6, 6, 7, 8, 10, 11, 12, 12, 10])
H_OLD = _prof([.3, .1, .1, .1, .3, 2, 5, 8, 9, 9, 8, 7, 6, 5, 6, 7, 7, 7, 8, 8, 7, 4, 1.5, .5])
H_SHOP = _prof([.5, .2, .1, .1, .1, .3, 2, 7, 7, 5, 5, 8, 11, 8, 5, 5, 6, 8, 11, 11, 9, 6, 3, 1.5])
H_MEAL = _prof([1, .5, .2, .1, .1, .1, .3, 1, 2, 2, 4, 10, 14, 6, 2, 2, 3, 8, 13, 11, 6, 4, 3, 2])
H_BANK = _prof([0, 0, 0, 0, 0, 0, 0, 0, .5, 10, 12, 11, 6, 6, 10, 11, 9, .5, 0, 0, 0, 0, 0, 0])
H_ANY = _prof([3, 1.5, .8, .5, .4, .5, 1.5, 4, 6, 7, 7, 7, 7, 6, 6, 6, 6, 7, 8, 9, 9, 8, 6, 4])
H_SETTLE = _prof([0, 3, 6, 6, 3, 1, .5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])

WD_WORK = np.array([1, 1, 1, 1, 1, .15, .08])
WD_FAMILY = np.array([.9, .85, .9, .9, 1.05, 1.4, 1.5])
WD_FLAT = np.ones(7)
WD_SHOP = np.array([.9, .9, .95, .95, 1.1, 1.3, 1.3])

GENERAL_DOMAINS = [  # domain, weight young, mid, old
    ("baidu.com", 8, 9, 6), ("qq.com", 6, 4, 2), ("weixin.qq.com", 8, 9, 9), ("taobao.com", 7, 7, 3),
    ("jd.com", 5, 5, 2), ("pinduoduo.com", 4, 5, 5), ("douyin.com", 9, 8, 8), ("bilibili.com", 8, 2, .3),
    ("zhihu.com", 4, 2, .3), ("weibo.com", 5, 3, .5), ("meituan.com", 5, 4, 1.5), ("ele.me", 2, 1, .2),
    ("ctrip.com", 1, 1.2, .3), ("12306.cn", 1, 1, .5), ("163.com", 2, 2, 1), ("sina.com.cn", 1, 2, 1),
    ("toutiao.com", 2, 6, 9), ("kuaishou.com", 3, 5, 8), ("xiaohongshu.com", 6, 3, .3), ("amap.com", 2, 2, 1),
    ("wuhan.gov.cn", .2, .5, .6), ("hubei.gov.cn", .1, .3, .3), ("10086.cn", .5, .6, .6),
    ("icbc.com.cn", .3, .6, .5), ("ccb.com", .3, .5, .4), ("cmbchina.com", .3, .5, .1),
    ("alipay.com", 1, 1, .4), ("xuexi.cn", .2, .6, 1.5), ("eastmoney.com", .3, 1.5, 1.2),
    ("10jqka.com.cn", .2, 1, .8), ("jiayuan.com", .2, .2, .05), ("zhenai.com", .1, .2, .1),
    ("jiaoyimao.com", .6, .05, 0), ("pxb7.com", .3, .03, 0), ("mihoyo.com", 1.5, .1, 0),
    ("steampowered.com", 1, .1, 0), ("ke.com", .3, .8, .2), ("anjuke.com", .2, .6, .2),
    ("zhaopin.com", .8, .5, 0), ("51job.com", .6, .4, 0), ("chsi.com.cn", .4, 0, 0),
    ("pingan.com", .1, .4, .2), ("chinalife.com.cn", .05, .3, .2), ("didiglobal.com", .3, .3, .1),
    ("xianyu.taobao.com", 1.2, .8, .1), ("wemeet.qq.com", .3, .6, .05), ("zoom.us", .1, .2, 0)]
UNI_DOMAINS = ["whu.edu.cn", "hust.edu.cn", "ccnu.edu.cn", "whut.edu.cn", "chsi.com.cn"]

GENERAL_APPS = [  # package, weight young, mid, old
    ("com.tencent.mm", .5, .4, .5), ("com.eg.android.AlipayGphone", .5, .4, .3),
    ("com.taobao.taobao", .6, .5, .2), ("com.jingdong.app.mall", .5, .5, .1),
    ("com.xunmeng.pinduoduo", .6, .8, .8), ("com.ss.android.ugc.aweme", .8, .8, .8),
    ("com.smile.gifmaker", .4, .6, .8), ("com.sankuai.meituan", .6, .5, .2),
    ("me.ele", .3, .2, .05), ("com.sdu.didi.psnger", .5, .5, .2), ("tv.danmaku.bili", .8, .2, 0),
    ("com.xingin.xhs", .7, .3, .05), ("com.ss.android.article.news", .2, .5, .7),
    ("com.tencent.wemeet", .3, .7, .1), ("us.zoom.videomeetings", .1, .2, 0),
    ("com.hicorenational.antifraud", .3, .4, .3), ("com.icbc", .2, .4, .3),
    ("com.chinamworld.main", .2, .3, .2), ("cmb.pb", .2, .3, .05), ("com.unionpay", .2, .2, .05),
    ("com.immomo.momo", .3, .2, .02), ("com.p1.mobile.putong", .3, .15, 0), ("com.jiayuan", .05, .15, .02),
    ("com.hexin.plat.android", .1, .5, .3), ("com.eastmoney.android.berlin", .1, .5, .3),
    ("com.jd.jrapp", .2, .3, .05), ("com.jym.mall", .4, .03, 0), ("com.pxb7.app", .2, .02, 0),
    ("com.miHoYo.Yuanshen", .6, .05, 0), ("com.tencent.tmgp.sgame", .9, .1, 0),
    ("com.autonavi.minimap", .3, .4, .2), ("com.MobileTicket", .2, .2, .1),
    ("com.lianjia.beike", .1, .3, .05), ("com.taobao.idlefish", .4, .3, .05)]

SCAM_TYPES = ["task_rebate", "fake_investment", "romance_pig_butchering", "fake_loan",
              "fake_customer_service", "impersonate_police", "fake_credit_repair",
              "impersonate_boss", "impersonate_acquaintance", "game_trading", "fake_shopping",
              "phishing_sms"]
(S_TASK, S_INVEST, S_ROMANCE, S_LOAN, S_CSR, S_POLICE, S_CREDIT, S_BOSS, S_ACQ, S_GAME,
 S_SHOP, S_PHISH) = range(12)
# engaged targets per resident per week, probability an engaged target goes on to pay
SCAM_RATE = np.array([.0030, .0014, .0008, .0012, .0014, .0009, .0006, .0003, .0005, .0007, .0008, .0006])
SCAM_PAY = np.array([.6, .6, .55, .5, .45, .45, .4, .55, .55, .55, .7, .5])
REPORT_P = np.array([.6, .55, .45, .6, .7, .75, .65, .85, .7, .4, .45, .6])


# --------------------------------------------------------------------------- helpers
class StrTab:
    def __init__(self):
        self.ix, self.v = {}, []

    def get(self, s):
        i = self.ix.get(s)
        if i is None:
            i = len(self.v)
            self.ix[s] = i
            self.v.append(s)
        return i


def lognorm(rng, median, sigma, size=None):
    return median * np.exp(sigma * rng.standard_normal(size))


def hours_from(rng, prof, n):
    return rng.choice(24, size=n, p=prof)


def times_on_days(rng, days, prof):
    n = len(days)
    return days.astype(np.int64) * DAY + hours_from(rng, prof, n) * HOUR + rng.integers(0, HOUR, n)


def poisson_days(rng, rate, wfac, wd):
    """rate: (E,) per day; wfac: (7,); wd: (D,) weekday of each day -> (entity idx, day idx)."""
    lam = rate[:, None] * wfac[wd][None, :]
    n = rng.poisson(lam).ravel()
    flat = np.repeat(np.arange(n.size), n)
    D = len(wd)
    return flat // D, flat % D


def round_amount(rng, cents):
    """Humans pick round numbers most of the time."""
    c = np.asarray(cents, dtype=np.int64)
    r = rng.random(c.shape)
    out = c.copy()
    big = c >= 100000
    out = np.where((r < .55) & big, (c // 10000) * 10000, out)
    out = np.where((r >= .55) & (r < .8) & (c >= 10000), (c // 100) * 100, out)
    return np.maximum(out, 1)


class Sink:
    """Append-only column chunks for one output table."""

    def __init__(self, cols):
        self.cols = cols
        self.chunks = {c: [] for c in cols}

    def add(self, **kw):
        n = None
        for c in self.cols:
            a = np.asarray(kw[c])
            if a.ndim == 0:
                a = a.reshape(1)
            n = len(a) if n is None else n
            self.chunks[c].append(a)

    def get(self):
        out = {}
        for c in self.cols:
            ch = self.chunks[c]
            out[c] = np.concatenate(ch) if ch else np.zeros(0, np.int64)
        return out


# --------------------------------------------------------------------------- generator
class City:
    def __init__(self, seed, P, D):
        self.seed, self.P, self.D = seed, P, D
        self.T = D * DAY
        self.wd = np.arange(D) % 7
        self.dom = np.array([(START + dt.timedelta(days=int(d))).day for d in range(D)])
        self.calls = Sink(["ts", "a", "b", "dur"])
        self.sms = Sink(["ts", "a", "b", "dom"])
        self.net = Sink(["ts", "ph", "kind", "tgt"])
        self.tr = Sink(["ts", "f", "t", "c", "ch", "loss"])
        self.strs = StrTab()
        self.strs.get("")  # index 0 = no domain
        # phone table
        self.ph_num, self.ph_holder, self.ph_kind, self.ph_act = [], [], [], []
        self.ph_used = set()
        # account table
        self.ac_id, self.ac_holder, self.ac_bank, self.ac_kind, self.ac_open = [], [], [], [], []
        self.ac_used = set()
        self.ph_keep = None

    # ---------------- registries
    def _uniq_num(self, rng, make, n):
        out = []
        while len(out) < n:
            cand = make(rng, (n - len(out)) * 2)
            for c in cand:
                if c not in self.ph_used:
                    self.ph_used.add(c)
                    out.append(c)
                    if len(out) == n:
                        break
        return out

    def add_phones(self, nums, holder, kind, act):
        i0 = len(self.ph_num)
        n = len(nums)
        self.ph_num.extend(nums)
        self.ph_holder.extend(np.broadcast_to(np.asarray(holder, np.int64), (n,)).tolist())
        self.ph_kind.extend([kind] * n)
        self.ph_act.extend(np.broadcast_to(np.asarray(act, np.int64), (n,)).tolist())
        return np.arange(i0, i0 + n)

    def new_mobiles(self, rng, n, holder=-1, act=None, prefixes=None):
        pre = prefixes or MOBILE_PREFIX

        def mk(r, m):
            p = r.choice(pre, size=m)
            s = r.integers(0, 10 ** 8, m)
            return [f"{a}{b:08d}" for a, b in zip(p, s)]
        nums = self._uniq_num(rng, mk, n)
        if act is None:
            act = -(lognorm(rng, 3 * 365, 0.8, n) * DAY).astype(np.int64)
        return self.add_phones(nums, holder, K_VOIP if prefixes and prefixes[0] in ("170", "171") else K_MOB, act)

    def new_landlines(self, rng, n, holder=-1, act=None):
        def mk(r, m):
            s = r.integers(0, 10 ** 7, m)
            f = r.choice(["8", "5", "6", "8", "8"], size=m)
            return [f"027{a}{b:07d}" for a, b in zip(f, s)]
        nums = self._uniq_num(rng, mk, n)
        if act is None:
            act = -(lognorm(rng, 5 * 365, 0.7, n) * DAY).astype(np.int64)
        return self.add_phones(nums, holder, K_LAND, act)

    def new_overseas(self, rng, n, ccs):
        lens = {"855": 8, "63": 10, "95": 9, "60": 9, "66": 9, "84": 9, "856": 10, "1": 10, "44": 10,
                "61": 9, "81": 10, "852": 8, "886": 9, "65": 8, "49": 11, "82": 10, "971": 9}
        first = {"63": "9", "44": "7", "61": "4", "81": "9", "60": "1", "82": "1", "856": "2", "971": "5"}

        def mk(r, m):
            cc = r.choice(ccs, size=m)
            out = []
            for c in cc:
                L = lens[c]
                f = first.get(c, str(r.integers(2, 10)))
                out.append("+" + c + f + "".join(r.choice(list("0123456789"), L - 1)))
            return out
        nums = self._uniq_num(rng, mk, n)
        return self.add_phones(nums, -1, K_OVS, np.iinfo(np.int64).min)

    def add_service(self, nums, act=None):
        nums = [x for x in nums]
        for x in nums:
            self.ph_used.add(x)
        return self.add_phones(nums, -1, K_SVC, np.iinfo(np.int64).min if act is None else act)

    def add_accounts(self, rng, n, holder, bank, kind, opened):
        bank = np.broadcast_to(np.asarray(bank, np.int64), (n,))
        ids = []
        for b in bank.tolist():
            if b == B_TENPAY:
                ids.append("WX" + f"{rng.integers(10 ** 15, 10 ** 16)}")
            elif b == B_ALIPAY:
                ids.append("ZFB" + f"{rng.integers(10 ** 15, 10 ** 16)}")
            else:
                code, bin_, _, _, L = BANKS[b]
                ids.append(bin_ + "".join(map(str, rng.integers(0, 10, L - len(bin_)))))
        for k, x in enumerate(ids):  # extremely unlikely clash: perturb deterministically
            while x in self.ac_used:
                x = x[:-1] + str((int(x[-1]) + 1) % 10) if x[-1].isdigit() else x + "1"
            ids[k] = x
            self.ac_used.add(x)
        i0 = len(self.ac_id)
        self.ac_id.extend(ids)
        self.ac_holder.extend(np.broadcast_to(np.asarray(holder, np.int64), (n,)).tolist())
        self.ac_bank.extend(bank.tolist())
        self.ac_kind.extend(np.broadcast_to(np.asarray(kind, np.int64), (n,)).tolist())
        self.ac_open.extend(np.broadcast_to(np.asarray(opened, np.int64), (n,)).tolist())
        return np.arange(i0, i0 + n)

    # ---------------- persons and households
    def gen_persons(self):
        rng = module_rng(self.seed, "persons")
        P = self.P
        age, sex, dist, hh, uni = [], [], [], [], []
        h = 0
        while len(age) < P:
            r = rng.random()
            d = int(rng.choice(len(DW), p=DW))
            if r < 0.075:  # university student in a dorm
                age.append(int(rng.integers(18, 24)))
                sex.append(int(rng.random() < .5))
                dist.append(D_HONGSHAN if rng.random() < .7 else D_WUCHANG)
                hh.append(h)
                uni.append(1)
            elif r < 0.23:  # single young adult (often migrant worker renting)
                age.append(int(rng.integers(22, 40)))
                sex.append(int(rng.random() < .5))
                dist.append(d); hh.append(h); uni.append(0)
            elif r < 0.66:  # family
                a1 = int(rng.integers(25, 59))
                mem = [a1, int(np.clip(a1 + rng.normal(-1.5, 3), 22, 70))]
                nk = int(rng.choice(3, p=[.25, .55, .2]))
                for _ in range(nk):
                    ka = a1 - int(rng.integers(24, 37))
                    if ka >= 0:
                        mem.append(ka)
                if rng.random() < .18:
                    mem.append(min(95, a1 + int(rng.integers(24, 34))))
                for k, a in enumerate(mem):
                    age.append(a)
                    sex.append(k if k < 2 else int(rng.random() < .5))
                    dist.append(d); hh.append(h); uni.append(0)
            elif r < 0.86:  # elderly couple
                a1 = int(rng.integers(60, 88))
                for k, a in enumerate([a1, int(np.clip(a1 + rng.normal(-2, 3), 56, 96))]):
                    age.append(a); sex.append(k); dist.append(d); hh.append(h); uni.append(0)
            else:  # single elderly or single middle aged
                age.append(int(rng.integers(62, 94)) if rng.random() < .6 else int(rng.integers(38, 62)))
                sex.append(int(rng.random() < .6)); dist.append(d); hh.append(h); uni.append(0)
            h += 1
        self.age = np.array(age[:P])
        self.sex = np.array(sex[:P])  # 1 = F in families' second slot... treat 1 as F
        self.dist = np.array(dist[:P])
        self.hh = np.array(hh[:P])
        self.uni = np.array(uni[:P], bool)
        self.birth = 2026 - self.age - (rng.random(P) < 0.2)
        occ = np.full(P, O_HOME)
        occ[self.age < 12] = O_CHILD
        occ[(self.age >= 12) & (self.age < 18)] = O_PUPIL
        occ[self.uni] = O_UNI
        occ[(self.age >= 60) & ~self.uni] = O_RETIRED
        wm = (self.age >= 18) & (self.age < 60) & ~self.uni
        rural = DTYPE[self.dist] == 2
        for mask, w in ((wm & ~rural, WORK_W_URBAN), (wm & rural, WORK_W_RURAL)):
            n = int(mask.sum())
            occ[mask] = rng.choice(WORK_OCC, size=n, p=w / w.sum())
        # some 18-22 non-students are still in vocational school / unemployed: keep occ
        self.occ = occ

    # ---------------- phones
    def gen_phones(self):
        rng = module_rng(self.seed, "phones")
        P, age, occ = self.P, self.age, self.occ
        p_has = np.where(age < 10, 0, np.where(age < 12, .25, np.where(age < 18, .75, np.where(age < 76, .99, .8))))
        has = rng.random(P) < p_has
        self.pphone = np.full(P, -1)
        idx = np.nonzero(has)[0]
        # a few ordinary residents use MVNO 170/171 numbers (kind mobile: real-name, registered)
        pre = rng.random(len(idx)) < 0.02
        act = np.maximum(-(lognorm(rng, 3 * 365, 0.8, len(idx)) * DAY).astype(np.int64),
                         -(np.maximum(age[idx] - 11, 0) * 365 * DAY + rng.integers(0, 200 * DAY, len(idx))))
        ids = self.new_mobiles(rng, len(idx), holder=idx, act=act)
        self.pphone[idx] = ids
        for i in np.nonzero(pre)[0]:  # rewrite number with 170/171 prefix, keep kind mobile
            old = self.ph_num[ids[i]]
            new = ("170" if rng.random() < .5 else "171") + old[3:]
            if new not in self.ph_used:
                self.ph_used.add(new)
                self.ph_num[ids[i]] = new
        # freshmen got new local numbers in September
        fresh = self.uni & has & (age <= 19)
        for p in np.nonzero(fresh)[0]:
            self.ph_act[self.pphone[p]] = -int(rng.integers(40, 55)) * DAY
        # second (work) line
        p2 = np.select([np.isin(occ, [O_SALES, O_ESTATE, O_INSUR, O_COLLECT]), occ == O_COURIER,
                        np.isin(occ, [O_BOSS, O_SHOP, O_OFFICE])], [.7, .35, .12], .02)
        two = has & (rng.random(P) < p2)
        self.wphone = np.full(P, -1)
        i2 = np.nonzero(two)[0]
        self.wphone[i2] = self.new_mobiles(rng, len(i2), holder=i2)
        self.linephone = np.where(self.wphone >= 0, self.wphone, self.pphone)  # used for work traffic
        # shop / company landlines
        lm = np.isin(occ, [O_SHOP, O_BOSS]) & (rng.random(P) < .45)
        il = np.nonzero(lm)[0]
        self.landline = np.full(P, -1)
        self.landline[il] = self.new_landlines(rng, len(il), holder=il)
        # service numbers
        self.svc_bank = {}
        for b, hot in enumerate(BANK_HOT):
            self.svc_bank[b] = self.add_service([hot])[0]
        self.svc_misc = self.add_service(["10086", "10010", "10000", "12306",
                                          "95338", "95311", "95546", "95554", "95543", "10101111",
                                          "12345", "12315", "95518", "95519"])
        self.svc_12381 = self.add_service(["12381"])[0]
        # 106 senders: platforms and couriers (notices, codes, marketing)
        def mk106(r, m):
            return ["1069" + "".join(map(str, r.integers(0, 10, 9))) for _ in range(m)]
        self.s106 = self.add_service(self._uniq_num(rng, mk106, 40))
        self.s106_dom = ["jd.com", "3.cn", "tb.cn", "taobao.com", "meituan.com", "dpurl.cn", "pinduoduo.com",
                         "yangkeduo.com", "cainiao.com", "sf-express.com", "t.cn", "dwz.cn", "12306.cn",
                         "ctrip.com", "10086.cn", "didiglobal.com", "ele.me", "vip.com", "suning.com", "kfc.com.cn"]
        # 400 numbers of companies (telemarketing and hotlines)
        def mk400(r, m):
            return ["400" + "".join(map(str, r.integers(0, 10, 7))) for _ in range(m)]
        self.s400 = self.add_service(self._uniq_num(rng, mk400, max(10, self.P // 800)))
        # ride-hailing / delivery privacy relay numbers (virtual, platform-held)
        n_relay = max(40, self.P // 60)
        self.relay = self.new_mobiles(rng, n_relay, act=-(lognorm(rng, 200, 1, n_relay) * DAY).astype(np.int64),
                                      prefixes=["170", "171"])
        # non-local contacts: relatives, students' parents, clients elsewhere
        n_out = max(100, int(self.P * 0.35))
        self.outside = self.new_mobiles(rng, n_out)
        # overseas relatives / business partners
        n_ovs = max(10, self.P // 150)
        self.ovs_legit = self.new_overseas(rng, n_ovs, ["1", "44", "61", "81", "65", "49", "852", "886", "82", "60", "66", "971"])
        # debt collection lines (outsourced agencies, non-local) and hospital/government landlines
        self.collect_lines = np.concatenate([self.new_mobiles(rng, max(8, self.P // 700)),
                                             self.new_landlines(rng, max(3, self.P // 3000))])
        self.public_land = self.new_landlines(rng, max(8, self.P // 1000))
        # independent telemarketing lines (non-local SIMs of sales companies)
        self.tele_lines = self.new_mobiles(rng, max(6, self.P // 1000))

    # ---------------- accounts
    def gen_accounts(self):
        rng = module_rng(self.seed, "accounts")
        P, age, occ = self.P, self.age, self.occ
        adult = age >= 16
        ia = np.nonzero(adult)[0]
        b1 = rng.choice(len(BANKS), size=len(ia), p=BANK_W)
        opened = -(lognorm(rng, 6 * 365, .7, len(ia)) * DAY).astype(np.int64)
        opened = np.where(self.uni[ia] & (age[ia] <= 19), -rng.integers(45, 60, len(ia)) * DAY, opened)
        self.pacct = np.full(P, -1)
        cap = lambda who: -(np.maximum(age[who] - 16, 0) * 365 * DAY + rng.integers(0, 200 * DAY, len(who)))
        opened = np.maximum(opened, cap(ia))
        self.pacct[ia] = self.add_accounts(rng, len(ia), ia, b1, 0, opened)
        two = ia[(rng.random(len(ia)) < np.where(age[ia] > 25, .55, .25))]
        b2 = rng.choice(len(BANKS), size=len(two), p=BANK_W)
        self.pacct2 = np.full(P, -1)
        self.pacct2[two] = self.add_accounts(rng, len(two), two, b2, 0,
                                             np.maximum(-(lognorm(rng, 4 * 365, .8, len(two)) * DAY).astype(np.int64), cap(two)))
        self.wx = np.full(P, -1)
        w = np.nonzero((age >= 14) & (self.pphone >= 0) & (rng.random(P) < np.where(age < 75, .96, .6)))[0]
        self.wx[w] = self.add_accounts(rng, len(w), w, B_TENPAY, 0, np.maximum(-(lognorm(rng, 5 * 365, .5, len(w)) * DAY).astype(np.int64), cap(w) // 2))
        self.ali = np.full(P, -1)
        a = np.nonzero((age >= 16) & (self.pphone >= 0) & (rng.random(P) < np.where(age < 60, .75, .25)))[0]
        self.ali[a] = self.add_accounts(rng, len(a), a, B_ALIPAY, 0, np.maximum(-(lognorm(rng, 5 * 365, .5, len(a)) * DAY).astype(np.int64), cap(a) // 2))
        # merchants: every shop owner has a merchant (QR) account; bosses have corporate accounts
        shops = np.nonzero(occ == O_SHOP)[0]
        self.shops = shops
        bm = np.where(rng.random(len(shops)) < .5, rng.choice(len(BANKS), len(shops), p=BANK_W),
                      np.where(rng.random(len(shops)) < .6, B_TENPAY, B_ALIPAY))
        self.macct = np.full(P, -1)
        self.macct[shops] = self.add_accounts(rng, len(shops), shops, bm, 1,
                                              -(lognorm(rng, 3 * 365, .8, len(shops)) * DAY).astype(np.int64))
        self.shop_kind = rng.choice(4, size=len(shops), p=[.55, .25, .12, .08])  # 0 food, 1 grocery, 2 retail, 3 gold/jewellery
        bosses = np.nonzero(occ == O_BOSS)[0]
        self.bosses = bosses
        self.cacct = np.full(P, -1)
        self.cacct[bosses] = self.add_accounts(rng, len(bosses), bosses, rng.choice(len(BANKS), len(bosses), p=BANK_W), 2,
                                               -(lognorm(rng, 4 * 365, .8, len(bosses)) * DAY).astype(np.int64))
        # outside accounts: e-commerce, platforms, utilities, brokers, finance, suppliers, sellers
        def outside(n, kind, banks=None):
            b = rng.choice(len(BANKS), n, p=BANK_W) if banks is None else banks
            return self.add_accounts(rng, n, -1, b, kind, -(lognorm(rng, 6 * 365, .5, n) * DAY).astype(np.int64))
        self.ec_merch = outside(max(60, P // 80), 1, np.where(rng.random(max(60, P // 80)) < .5, B_ALIPAY, B_TENPAY))
        self.platform = outside(6, 1, np.array([B_TENPAY, B_ALIPAY, 0, 1, B_TENPAY, B_ALIPAY]))  # meituan, eleme, didi, 12306...
        self.utility = outside(4, 2)
        self.broker = outside(6, 2)
        self.consfin = outside(5, 2)
        self.pension = outside(1, 2)
        self.suppliers = outside(max(20, P // 250), 2)
        self.sellers = outside(max(80, P // 40), 0, np.where(rng.random(max(80, P // 40)) < .6, B_ALIPAY, B_TENPAY))
        self.vendors = outside(max(30, P // 300), 1)  # wedding/decoration/event vendors
        self.universities = outside(4, 2)
        self.employers_out = outside(max(10, P // 400), 2)  # big employers: government, SOEs, hospitals
        self.car_dealers = outside(max(5, P // 2000), 2)

    # ---------------- social graph
    def gen_social(self):
        rng = module_rng(self.seed, "social")
        P, age, ph = self.P, self.age, self.pphone
        E_a, E_b, E_t = [], [], []

        def add(a, b, t):
            m = (a != b)
            E_a.append(a[m]); E_b.append(b[m]); E_t.append(np.full(int(m.sum()), t))
        # household pairs
        order = np.argsort(self.hh, kind="stable")
        hh_s = self.hh[order]
        for k in range(1, 5):
            m = hh_s[k:] == hh_s[:-k]
            add(order[:-k][m], order[k:][m], 0)
        # elderly parent <-> adult child in another household
        old = np.nonzero(age >= 55)[0]
        by_age = np.argsort(age, kind="stable")
        ages_s = age[by_age]
        nk = rng.integers(1, 4, len(old))
        rep = np.repeat(old, nk)
        lo = np.searchsorted(ages_s, age[rep] - 36)
        hi = np.searchsorted(ages_s, age[rep] - 22)
        ok = hi > lo
        pick = by_age[lo[ok] + (rng.random(ok.sum()) * (hi[ok] - lo[ok])).astype(int)]
        add(rep[ok], pick, 1)
        self.parent_of = (rep[ok], pick)
        # friends: neighbours in (district, age) order, or city-wide by age
        key = np.lexsort((age, self.dist))
        rank = np.empty(P, int); rank[key] = np.arange(P)
        rank2 = np.empty(P, int); rank2[by_age] = np.arange(P)
        eligible = np.nonzero(age >= 12)[0]
        nf = rng.integers(2, 9, len(eligible))
        src = np.repeat(eligible, nf)
        local = rng.random(len(src)) < .65
        off = rng.integers(-60, 61, len(src))
        j_local = key[np.clip(rank[src] + off, 0, P - 1)]
        j_city = by_age[np.clip(rank2[src] + rng.integers(-300, 301, len(src)), 0, P - 1)]
        add(src, np.where(local, j_local, j_city), 2)
        # workplaces: employees grouped into companies (local bosses or big outside employers)
        workers = np.nonzero(np.isin(self.occ, [O_OFFICE, O_FACTORY, O_SERVICE, O_ACCOUNT, O_SALES,
                                                O_DRIVER, O_COURIER, O_RIDER, O_COLLECT, O_ESTATE, O_INSUR]))[0]
        n_emp = len(self.bosses) + len(self.employers_out)
        wemp = np.where(rng.random(len(workers)) < .45,
                        rng.integers(0, max(1, len(self.bosses)), len(workers)),
                        len(self.bosses) + rng.integers(0, len(self.employers_out), len(workers)))
        if len(self.bosses) == 0:
            wemp = len(self.bosses) + rng.integers(0, len(self.employers_out), len(workers))
        self.employer = np.full(P, -1)
        self.employer[workers] = wemp
        self.employer[self.bosses] = np.arange(len(self.bosses))
        emp_acct = np.concatenate([self.cacct[self.bosses], self.employers_out]).astype(np.int64)
        self.emp_acct = emp_acct
        self.emp_payday = rng.choice([5, 10, 15, 20, 25, 28], size=n_emp)
        so = workers[np.argsort(self.employer[workers], kind="stable")]
        es = self.employer[so]
        for k in (1, 2, 3, 5, 8):
            m = es[k:] == es[:-k]
            add(so[:-k][m], so[k:][m], 3)
        boss_e = np.nonzero(self.employer[so] < len(self.bosses))[0]
        add(so[boss_e], self.bosses[self.employer[so[boss_e]]], 3)
        a = np.concatenate(E_a); b = np.concatenate(E_b); t = np.concatenate(E_t)
        self.edges = (a, b, t)

    # ---------------- everyday calls and texts
    def gen_calls(self):
        rng = module_rng(self.seed, "calls")
        a, b, t = self.edges
        ph, line = self.pphone, self.linephone
        D, wd = self.D, self.wd
        age = self.age
        # person-to-person edges: (phone a, phone b, rate, wfac, prof, dur median, sigma, p_unans)
        specs = {0: (ph, ph, 0.55, WD_WORK * .6 + .4, H_FAMILY, 70, 1.0, .12),
                 1: (ph, ph, 0.30, WD_FAMILY, H_FAMILY, 220, 1.0, .15),
                 2: (ph, ph, 0.035, WD_FAMILY, H_FRIEND, 110, 1.1, .2),
                 3: (line, line, 0.13, WD_WORK, H_WORK, 60, 1.0, .18)}
        for typ, (pa_, pb_, rate, wf, prof, med, sg, pu) in specs.items():
            m = t == typ
            A = pa_[a[m]]; B = pb_[b[m]]
            ok = (A >= 0) & (B >= 0)
            A, B = A[ok], B[ok]
            r = np.full(len(A), rate) * lognorm(rng, 1, .6, len(A))
            e, d = poisson_days(rng, r, wf, wd)
            self._emit_calls(rng, A[e], B[e], d, prof, med, sg, pu, swap=True)
            # occasional texts between the same people
            e2, d2 = poisson_days(rng, r * .15, wf, wd)
            ts = times_on_days(rng, d2, prof)
            sw = rng.random(len(e2)) < .5
            self.sms.add(ts=ts, a=np.where(sw, B[e2], A[e2]), b=np.where(sw, A[e2], B[e2]), dom=np.zeros(len(e2), int))
        # students <-> parents outside the city; adults <-> relatives outside; overseas family
        has = np.nonzero(ph >= 0)[0]
        stu = has[self.uni[has]]
        nparent = len(stu)
        po = self.outside[rng.integers(0, len(self.outside), nparent)]
        e, d = poisson_days(rng, np.full(nparent, .45), WD_FAMILY, wd)
        self._emit_calls(rng, ph[stu[e]], po[e], d, H_FAMILY, 420, 1.0, .1, swap=True)
        adults = has[(age[has] >= 18) & ~self.uni[has]]
        k = rng.integers(0, 4, len(adults))
        src = np.repeat(adults, k)
        rel = self.outside[rng.integers(0, len(self.outside), len(src))]
        e, d = poisson_days(rng, np.full(len(src), .04), WD_FAMILY, wd)
        self._emit_calls(rng, ph[src[e]], rel[e], d, H_FAMILY, 200, 1.1, .2, swap=True)
        ov = adults[(age[adults] >= 40) & (age[adults] <= 75) & (rng.random(len(adults)) < .02)]
        ovn = self.ovs_legit[rng.integers(0, len(self.ovs_legit), len(ov))]
        e, d = poisson_days(rng, np.full(len(ov), .2), WD_FAMILY, wd)
        self._emit_calls(rng, ph[ov[e]], ovn[e], d, _prof(np.roll(H_FAMILY, 0)), 900, .8, .25, swap=True)
        biz = adults[np.isin(self.occ[adults], [O_BOSS, O_OFFICE]) & (rng.random(len(adults)) < .03)]
        ovb = self.ovs_legit[rng.integers(0, len(self.ovs_legit), len(biz))]
        e, d = poisson_days(rng, np.full(len(biz), .15), WD_WORK, wd)
        self._emit_calls(rng, line[biz[e]], ovb[e], d, H_WORK, 400, 1.0, .3, swap=True)
        self._broadcast_calls(rng)

    def _emit_calls(self, rng, A, B, days, prof, med, sigma, p_unans, swap=False):
        n = len(A)
        if n == 0:
            return
        ts = times_on_days(rng, days, prof)
        h = (ts % DAY) // HOUR
        pu = np.where((h < 7) | (h >= 23), np.minimum(.9, p_unans * 2.5), p_unans)
        dur = np.maximum(1, lognorm(rng, med, sigma, n)).astype(np.int64)
        dur = np.where(rng.random(n) < pu, 0, np.minimum(dur, 4 * HOUR))
        if swap:
            sw = rng.random(n) < .5
            A, B = np.where(sw, B, A), np.where(sw, A, B)
        self.calls.add(ts=ts, a=A, b=B, dur=dur)

    def _district_picker(self, rng, eligible_mask):
        idx = np.nonzero(eligible_mask)[0]
        idx = idx[np.argsort(self.dist[idx], kind="stable")]
        starts = np.searchsorted(self.dist[idx], np.arange(len(DISTRICTS)))
        ends = np.searchsorted(self.dist[idx], np.arange(len(DISTRICTS)), side="right")

        def pick(dists):
            s, e = starts[dists], ends[dists]
            cnt = np.maximum(e - s, 1)
            j = s + (rng.random(len(dists)) * cnt).astype(int)
            return idx[np.minimum(j, len(idx) - 1)]
        return pick

    def _broadcast_calls(self, rng):
        ph, line, occ, D, wd = self.pphone, self.linephone, self.occ, self.D, self.wd
        P = self.P
        hasph = ph >= 0
        pick_d = self._district_picker(rng, hasph)
        allph = np.nonzero(hasph)[0]
        # couriers: many short calls per working day to recipients in own district
        cour = np.nonzero((occ == O_COURIER) & (line >= 0))[0]
        e, d = poisson_days(rng, lognorm(rng, 30, .4, len(cour)), np.array([1, 1, 1, 1, 1.1, .8, .6]), wd)
        rec = pick_d(self.dist[cour[e]])
        self._emit_calls(rng, line[cour[e]], ph[rec], d, _prof(H_WORK + H_MEAL * .3), 35, .6, .22)
        self.courier_rec = (cour[e], rec)
        # telemarketers (local sales staff, outside tele-lines, 400 numbers): cold calls city wide
        sales = np.nonzero((occ == O_SALES) & (line >= 0))[0]
        src = np.concatenate([line[sales], self.tele_lines, self.s400[: max(3, len(self.s400) // 2)]])
        e, d = poisson_days(rng, lognorm(rng, 70, .5, len(src)), WD_WORK, wd)
        callee = ph[allph[rng.integers(0, len(allph), len(e))]]
        n = len(e)
        ts = times_on_days(rng, d, H_WORK)
        r = rng.random(n)
        dur = np.where(r < .55, 0, np.where(r < .9, rng.integers(3, 30, n), lognorm(rng, 200, .9, n).astype(np.int64) + 30))
        self.calls.add(ts=ts, a=src[e], b=callee, dur=dur)
        # estate and insurance agents: many clients, some new this week, long calls
        ag = np.nonzero(np.isin(occ, [O_ESTATE, O_INSUR]) & (line >= 0))[0]
        nc = rng.integers(12, 40, len(ag))
        agr = np.repeat(ag, nc)
        cl = allph[rng.integers(0, len(allph), len(agr))]
        start_day = np.where(rng.random(len(agr)) < .4, rng.integers(0, D, len(agr)), 0)
        rate = lognorm(rng, .12, .7, len(agr))
        lam = rate[:, None] * WD_FAMILY[wd][None, :] * (np.arange(D)[None, :] >= start_day[:, None])
        cnt = rng.poisson(lam).ravel()
        flat = np.repeat(np.arange(cnt.size), cnt)
        e, d = flat // D, flat % D
        self._emit_calls(rng, line[agr[e]], ph[cl[e]], d, _prof(H_WORK + H_FRIEND * .5), 260, 1.1, .15, swap=True)
        # debt collectors: debtors get repeated calls, sometimes their relatives too
        debt = allph[(self.age[allph] >= 20) & (self.age[allph] < 60) & (rng.random(len(allph)) < .025)]
        e, d = poisson_days(rng, lognorm(rng, 1.5, .6, len(debt)), WD_FLAT, wd)
        src = self.collect_lines[rng.integers(0, len(self.collect_lines), len(e))]
        ts = times_on_days(rng, d, H_WORK)
        n = len(e)
        dur = np.where(rng.random(n) < .6, 0, lognorm(rng, 90, .9, n).astype(np.int64) + 5)
        self.calls.add(ts=ts, a=src, b=ph[debt[e]], dur=dur)
        loc_col = np.nonzero((occ == O_COLLECT) & (line >= 0))[0]
        if len(loc_col):
            e, d = poisson_days(rng, lognorm(rng, 50, .4, len(loc_col)), WD_WORK, wd)
            self._emit_calls(rng, line[loc_col[e]], ph[allph[rng.integers(0, len(allph), len(e))]], d, H_WORK, 70, .9, .5)
        self.debtors = debt
        # callers to hotlines (bank, operator, platforms): long queue-and-talk calls
        e, d = poisson_days(rng, np.full(len(allph), .025), WD_FLAT, wd)
        hot = np.concatenate([np.array(list(self.svc_bank.values())), self.svc_misc])
        tgt = hot[rng.integers(0, len(hot), len(e))]
        ts = times_on_days(rng, d, _prof(H_WORK + H_FRIEND * .3))
        self.calls.add(ts=ts, a=ph[allph[e]], b=tgt, dur=lognorm(rng, 300, .7, len(e)).astype(np.int64) + 20)
        # banks' and insurers' outbound marketing from hotlines and 400 numbers
        e, d = poisson_days(rng, np.full(len(allph), .01), WD_WORK, wd)
        src = np.concatenate([hot[:len(BANKS)], self.s400])[rng.integers(0, len(BANKS) + len(self.s400), len(e))]
        n = len(e)
        self.calls.add(ts=times_on_days(rng, d, H_WORK), a=src, b=ph[allph[e]],
                       dur=np.where(rng.random(n) < .4, 0, rng.integers(5, 200, n)))
        # hospitals / government / schools landlines
        e, d = poisson_days(rng, np.full(len(allph), .006), WD_WORK, wd)
        self._emit_calls(rng, self.public_land[rng.integers(0, len(self.public_land), len(e))], ph[allph[e]], d, H_WORK, 90, .8, .2)
        # shop landlines: customers call to order / book
        land = np.nonzero(self.landline >= 0)[0]
        e, d = poisson_days(rng, lognorm(rng, 3, .5, len(land)), WD_SHOP, wd)
        self._emit_calls(rng, ph[allph[rng.integers(0, len(allph), len(e))]], self.landline[land[e]], d, H_SHOP, 60, .8, .15)

    # ---------------- money of everyday life (and the calls/texts tied to it)
    def gen_money(self):
        rng = module_rng(self.seed, "money")
        P, D, wd, age, occ = self.P, self.D, self.wd, self.age, self.occ
        pay = np.where(self.wx >= 0, self.wx, np.where(self.ali >= 0, self.ali, self.pacct))  # everyday wallet
        self.payacct = pay
        bank = self.pacct
        tr = self.tr

        def T(ts, f, t, c, ch):
            n = len(ts)
            tr.add(ts=ts, f=f, t=t, c=np.maximum(np.asarray(c, np.int64), 1), ch=np.broadcast_to(np.asarray(ch), (n,)).astype(np.int8),
                   loss=np.zeros(n, bool))
        # salaries on employer pay day (weekend -> previous Friday)
        emp = self.employer
        workers = np.nonzero((emp >= 0) & (bank >= 0) & (occ != O_BOSS))[0]
        for d in range(D):
            dom, w = self.dom[d], wd[d]
            days_pay = [dom] if w < 5 else []
            if w == 4:
                days_pay += [(START + dt.timedelta(days=d + 1)).day, (START + dt.timedelta(days=d + 2)).day]
            if not days_pay:
                continue
            paying = np.isin(self.emp_payday[emp[workers]], days_pay)
            wk = workers[paying]
            if len(wk) == 0:
                continue
            base = np.select([occ[wk] == O_FACTORY, occ[wk] == O_SERVICE, occ[wk] == O_OFFICE, occ[wk] == O_ACCOUNT],
                             [5200, 4300, 7800, 7000], 6000)
            amt = (lognorm(rng, 1, .35, len(wk)) * base * 100).astype(np.int64)
            ts = d * DAY + (9 * HOUR + (emp[wk] * 7919) % (3 * HOUR)) + rng.integers(0, 120, len(wk))
            T(ts, self.emp_acct[emp[wk]], bank[wk], amt, CH_ONL)
        # pensions on the 20th
        ret = np.nonzero((occ == O_RETIRED) & (bank >= 0))[0]
        for d in range(D):
            if self.dom[d] == 20:
                T(d * DAY + 8 * HOUR + rng.integers(0, 2 * HOUR, len(ret)), np.full(len(ret), self.pension[0]), bank[ret],
                  (lognorm(rng, 3600, .35, len(ret)) * 100).astype(np.int64), CH_ONL)
        # rent: tenants pay landlords (local persons 45-75) on their own due day
        tenants = np.nonzero((age >= 22) & (age < 45) & (bank >= 0) & ~self.uni & (rng.random(P) < .3))[0]
        lands = np.nonzero((age >= 45) & (age < 75) & (bank >= 0))[0]
        lands = lands[rng.random(len(lands)) < .08]
        if len(lands) and len(tenants):
            ll = lands[rng.integers(0, len(lands), len(tenants))]
            due = rng.integers(1, 29, len(tenants))
            rent = (rng.integers(12, 46, len(tenants)) * 10000).astype(np.int64)
            for d in range(D):
                m = due == self.dom[d]
                late = rng.random(m.sum())
                ts = d * DAY + times_on_days(rng, np.zeros(m.sum(), int), H_FRIEND) + (late < .3) * rng.integers(0, 3, m.sum()) * DAY
                T(ts, pay[tenants[m]], bank[ll[m]], rent[m], CH_MOB)
        # shop tills: many small QR payments, next-night settlement to the owner's card
        shops = self.shops
        pick = self._district_picker(rng, pay >= 0)
        kind = self.shop_kind
        rate = np.select([kind == 0, kind == 1, kind == 2], [45, 30, 12], 3) * lognorm(rng, 1, .5, len(shops))
        e, d = poisson_days(rng, rate, WD_SHOP, wd)
        cust = pick(self.dist[shops[e]])
        k = kind[e]
        med = np.select([k == 0, k == 1, k == 2], [28, 45, 160], 4500)
        amt = (lognorm(rng, med, .7, len(e)) * 100).astype(np.int64)
        ts = times_on_days(rng, d, H_SHOP)
        T(ts, pay[cust], self.macct[shops[e]], amt, CH_3P)
        daily = np.zeros((len(shops), D), np.int64)
        np.add.at(daily, (e, d), amt)
        si, sd = np.nonzero(daily)
        sd2 = sd + 1
        ok = sd2 < D
        owner_acct = bank[shops]
        ok &= owner_acct[si] >= 0
        T(sd2[ok] * DAY + times_on_days(rng, np.zeros(ok.sum(), int), H_SETTLE), self.macct[shops[si[ok]]], owner_acct[si[ok]],
          (daily[si, sd][ok] * .994).astype(np.int64), CH_ONL)
        # shops restock from wholesalers; bosses pay suppliers and receive from clients
        e, d = poisson_days(rng, np.full(len(shops), .35), WD_WORK, wd)
        sup = self.suppliers[rng.integers(0, len(self.suppliers), len(e))]
        src = np.where(bank[shops[e]] >= 0, bank[shops[e]], self.macct[shops[e]])
        T(times_on_days(rng, d, H_WORK), src, sup, (lognorm(rng, 6000, .8, len(e)) * 100).astype(np.int64), CH_ONL)
        bos = self.bosses
        e, d = poisson_days(rng, np.full(len(bos), 1.2), WD_WORK, wd)
        out = rng.random(len(e)) < .5
        other = np.concatenate([self.suppliers, self.cacct[bos]])[rng.integers(0, len(self.suppliers) + len(bos), len(e))]
        f = np.where(out, self.cacct[bos[e]], other)
        t_ = np.where(out, other, self.cacct[bos[e]])
        ok = f != t_
        T(times_on_days(rng, d, H_WORK)[ok], f[ok], t_[ok], (lognorm(rng, 25000, 1.0, len(e)) * 100).astype(np.int64)[ok], CH_ONL)
        # online shopping, food delivery and rides (with relay calls from riders / drivers)
        buy = np.nonzero((pay >= 0) & (age >= 14))[0]
        rb = np.where(age[buy] < 30, .5, np.where(age[buy] < 60, .35, .08))
        e, d = poisson_days(rng, rb, WD_FAMILY, wd)
        T(times_on_days(rng, d, H_YOUNG), pay[buy[e]], self.ec_merch[rng.integers(0, len(self.ec_merch), len(e))],
          (lognorm(rng, 70, 1.0, len(e)) * 100).astype(np.int64), CH_3P)
        rf = np.where(age[buy] < 35, .45, np.where(age[buy] < 60, .2, .03))
        e, d = poisson_days(rng, rf, WD_FAMILY, wd)
        ts = times_on_days(rng, d, H_MEAL)
        T(ts, pay[buy[e]], self.platform[rng.integers(0, 2, len(e))], (lognorm(rng, 32, .45, len(e)) * 100).astype(np.int64), CH_3P)
        c = rng.random(len(e)) < .3
        relay = self.relay[rng.integers(0, len(self.relay), c.sum())]
        self.calls.add(ts=ts[c] + rng.integers(15 * MIN, 45 * MIN, c.sum()), a=relay, b=self.pphone[buy[e[c]]],
                       dur=np.where(rng.random(c.sum()) < .12, 0, rng.integers(8, 60, c.sum())))
        rr = np.where(age[buy] < 60, .15, .04)
        e, d = poisson_days(rng, rr, WD_FLAT, wd)
        ts = times_on_days(rng, d, H_ANY)
        c = rng.random(len(e)) < .4
        relay = self.relay[rng.integers(0, len(self.relay), c.sum())]
        sw = rng.random(c.sum()) < .5
        pa = self.pphone[buy[e[c]]]
        self.calls.add(ts=ts[c] - rng.integers(2 * MIN, 8 * MIN, c.sum()), a=np.where(sw, pa, relay), b=np.where(sw, relay, pa),
                       dur=np.where(rng.random(c.sum()) < .1, 0, rng.integers(10, 90, c.sum())))
        T(ts + rng.integers(10 * MIN, 50 * MIN, len(e)), pay[buy[e]], np.full(len(e), self.platform[2]),
          (lognorm(rng, 24, .6, len(e)) * 100).astype(np.int64), CH_3P)
        # red packets and family transfers along social edges
        a, b, t = self.edges
        okm = (pay[a] >= 0) & (pay[b] >= 0)
        A, B, Tt = a[okm], b[okm], t[okm]
        rate = np.select([Tt == 0, Tt == 1, Tt == 2], [.12, .06, .01], .005)
        e, d = poisson_days(rng, rate, WD_FAMILY, wd)
        sw = rng.random(len(e)) < .5
        fa, fb = np.where(sw, B[e], A[e]), np.where(sw, A[e], B[e])
        r = rng.random(len(e))
        amt = np.where(r < .5, rng.choice([666, 888, 1000, 2000, 5200, 6600, 8800, 10000, 20000], len(e)),
                       np.where(r < .9, (lognorm(rng, 300, 1.0, len(e)) * 100).astype(np.int64),
                                (lognorm(rng, 3000, 1.0, len(e)) * 100).astype(np.int64)))
        T(times_on_days(rng, d, H_FAMILY), pay[fa], pay[fb], amt, CH_3P)
        # parents (outside) send students allowance; students pay universities, canteens
        stu = np.nonzero(self.uni & (pay >= 0))[0]
        m = rng.random(len(stu)) < .18 * D / 7
        T(rng.integers(0, self.T, m.sum()), np.full(m.sum(), -1), pay[stu[m]],
          rng.choice([100000, 150000, 200000, 250000, 300000], m.sum()), CH_3P)
        # adult children support elderly parents
        po, ch_ = self.parent_of
        ok = (bank[po] >= 0) & (pay[ch_] >= 0) & (rng.random(len(po)) < .12 * D / 7)
        T(times_on_days(rng, rng.integers(0, D, ok.sum()), H_FAMILY), pay[ch_[ok]], bank[po[ok]],
          rng.choice([50000, 100000, 200000, 300000], ok.sum()), CH_MOB)
        # self transfers bank <-> wallet
        sel = np.nonzero((bank >= 0) & (self.wx >= 0))[0]
        e, d = poisson_days(rng, np.full(len(sel), .08), WD_FLAT, wd)
        up = rng.random(len(e)) < .7
        T(times_on_days(rng, d, H_ANY), np.where(up, bank[sel[e]], self.wx[sel[e]]), np.where(up, self.wx[sel[e]], bank[sel[e]]),
          (lognorm(rng, 800, .9, len(e)) * 100).astype(np.int64), CH_MOB)
        # cash: elderly ATM withdrawals, shop owners' counter deposits
        old = np.nonzero((age >= 55) & (bank >= 0))[0]
        e, d = poisson_days(rng, np.full(len(old), .06), WD_WORK * .6 + .4, wd)
        T(times_on_days(rng, d, H_OLD), bank[old[e]], np.full(len(e), -1), rng.integers(5, 40, len(e)) * 10000, CH_ATM)
        e, d = poisson_days(rng, np.full(len(shops), .15), WD_WORK, wd)
        ok = bank[shops[e]] >= 0
        T(times_on_days(rng, d[ok], H_BANK), np.full(ok.sum(), -1), bank[shops[e[ok]]],
          (lognorm(rng, 4000, .8, ok.sum()) * 100).astype(np.int64) // 10000 * 10000 + 10000, CH_CNT)
        # utilities, second-hand purchases (new payees), event vendors, cars, brokers, gold, loans
        ad = np.nonzero((bank >= 0) & (age >= 22))[0]
        e, d = poisson_days(rng, np.full(len(ad), .03), WD_FLAT, wd)
        T(times_on_days(rng, d, H_FRIEND), pay[ad[e]], self.utility[rng.integers(0, len(self.utility), len(e))],
          (lognorm(rng, 150, .6, len(e)) * 100).astype(np.int64), CH_3P)
        y = np.nonzero((pay >= 0) & (age >= 16) & (age < 55))[0]
        e, d = poisson_days(rng, np.full(len(y), .025), WD_FAMILY, wd)
        self.secondhand = (times_on_days(rng, d, H_YOUNG), pay[y[e]], self.sellers[rng.integers(0, len(self.sellers), len(e))],
                           (lognorm(rng, 600, 1.0, len(e)) * 100).astype(np.int64), y[e])
        T(*self.secondhand[:4], CH_3P)
        # weddings/renovations: one person pays many new payees within days
        wed = ad[rng.random(len(ad)) < .003 * D / 7]
        k = rng.integers(5, 14, len(wed))
        src = np.repeat(wed, k)
        d0 = rng.integers(0, D, len(wed))
        dd = np.minimum(np.repeat(d0, k) + rng.integers(0, 3, len(src)), D - 1)
        T(times_on_days(rng, dd, H_WORK), bank[src], self.vendors[rng.integers(0, len(self.vendors), len(src))],
          round_amount(rng, (lognorm(rng, 6000, .8, len(src)) * 100).astype(np.int64)), CH_MOB)
        car = ad[(rng.random(len(ad)) < .0012 * D / 7) & (age[ad] < 60)]
        T(times_on_days(rng, rng.integers(0, D, len(car)), H_BANK), bank[car],
          self.car_dealers[rng.integers(0, len(self.car_dealers), len(car))],
          round_amount(rng, (lognorm(rng, 120000, .4, len(car)) * 100).astype(np.int64)), CH_CNT)
        inv = ad[(age[ad] >= 28) & (age[ad] < 70) & (rng.random(len(ad)) < .04)]
        self.investors = inv
        e, d = poisson_days(rng, np.full(len(inv), .12), WD_WORK, wd)
        out = rng.random(len(e)) < .6
        br = self.broker[rng.integers(0, len(self.broker), len(e))]
        amt = round_amount(rng, (lognorm(rng, 30000, 1.0, len(e)) * 100).astype(np.int64))
        T(times_on_days(rng, d, H_BANK), np.where(out, bank[inv[e]], br), np.where(out, br, bank[inv[e]]), amt, CH_ONL)
        gold = self.shops[self.shop_kind == 3]
        if len(gold):
            g = ad[rng.random(len(ad)) < .0015 * D / 7]
            T(times_on_days(rng, rng.integers(0, D, len(g)), H_SHOP), bank[g], self.macct[gold[rng.integers(0, len(gold), len(g))]],
              (lognorm(rng, 9000, .7, len(g)) * 100).astype(np.int64), CH_MOB)
        ln = ad[(age[ad] < 50) & (rng.random(len(ad)) < .01 * D / 7)]
        T(times_on_days(rng, rng.integers(0, D, len(ln)), H_ANY), self.consfin[rng.integers(0, len(self.consfin), len(ln))], bank[ln],
          round_amount(rng, (lognorm(rng, 8000, .8, len(ln)) * 100).astype(np.int64)), CH_ONL)
        # family emergencies: a large transfer to a relative in hospital
        po, ch_ = self.parent_of
        em = rng.random(len(po)) < .002 * D / 7
        ok = em & (bank[ch_] >= 0) & (bank[po] >= 0)
        T(times_on_days(rng, rng.integers(0, D, ok.sum()), H_ANY), bank[ch_[ok]], bank[po[ok]],
          round_amount(rng, (lognorm(rng, 30000, .6, ok.sum()) * 100).astype(np.int64)), CH_MOB)

    def gen_sms_net(self):
        rng = module_rng(self.seed, "sms")
        rn = module_rng(self.seed, "net")
        D, wd, age, ph = self.D, self.wd, self.age, self.pphone
        allph = np.nonzero(ph >= 0)[0]
        n = len(allph)
        sd = [self.strs.get(x) for x in self.s106_dom]
        # verification codes (no link), platform/courier notices (some links), marketing (links)
        e, d = poisson_days(rng, np.where(age[allph] < 60, .7, .25), WD_FLAT, wd)
        self.sms.add(ts=times_on_days(rng, d, H_YOUNG), a=self.s106[rng.integers(0, len(self.s106), len(e))], b=ph[allph[e]],
                     dom=np.zeros(len(e), int))
        e, d = poisson_days(rng, np.where(age[allph] < 60, .45, .15), WD_FLAT, wd)
        k = rng.integers(0, len(self.s106), len(e))
        link = rng.random(len(e)) < .55
        dm = np.where(link, np.array(sd)[k % len(sd)], 0)
        ts = times_on_days(rng, d, _prof(H_WORK + H_FRIEND))
        self.sms.add(ts=ts, a=self.s106[k], b=ph[allph[e]], dom=dm)
        click = link & (rng.random(len(e)) < .05)
        self.net.add(ts=ts[click] + rng.integers(20, 30 * MIN, click.sum()), ph=ph[allph[e[click]]],
                     kind=np.ones(click.sum(), np.int8), tgt=dm[click])
        # operator and bank marketing from hotlines
        e, d = poisson_days(rng, np.full(n, .06), WD_WORK, wd)
        hot = np.array(list(self.svc_bank.values()) + list(self.svc_misc[:3]))
        hk = rng.integers(0, len(hot), len(e))
        bd = [self.strs.get(x) for x in ["icbc.com.cn", "ccb.com", "abchina.com", "boc.cn", "bankcomm.com", "cmbchina.com",
                                         "psbc.com", "citicbank.com", "hkbchina.com", "whrcbank.com", "hubeibank.cn",
                                         "tenpay.com", "alipay.com", "10086.cn", "10010.com", "189.cn"]]
        self.sms.add(ts=times_on_days(rng, d, H_WORK), a=hot[hk], b=ph[allph[e]],
                     dom=np.where(rng.random(len(e)) < .6, np.array(bd)[hk % len(bd)], 0))
        # courier pickup notices tied to courier calls
        cour, rec = self.courier_rec
        m = rng.random(len(rec)) < .5
        self.sms.add(ts=rng.integers(0, self.T, m.sum()), a=self.svc_misc[4 + rng.integers(0, 5, m.sum())], b=ph[rec[m]],
                     dom=np.where(rng.random(m.sum()) < .3, self.strs.get("cainiao.com"), 0))
        # everyday browsing and installs
        grp = np.where(age[allph] < 31, 0, np.where(age[allph] < 60, 1, 2))
        lam = np.array([6.0, 3.2, 1.1])[grp] * lognorm(rn, 1, .5, n)
        e, d = poisson_days(rn, lam, WD_FAMILY, wd)
        g = grp[e]
        doms = np.array([self.strs.get(x[0]) for x in GENERAL_DOMAINS])
        W = np.array([[x[1], x[2], x[3]] for x in GENERAL_DOMAINS], float)
        tgt = np.zeros(len(e), np.int64)
        ts = np.zeros(len(e), np.int64)
        for gi, prof in enumerate((H_YOUNG, _prof(H_FRIEND + H_WORK * .5), H_OLD)):
            m = g == gi
            p = W[:, gi] / W[:, gi].sum()
            tgt[m] = doms[rn.choice(len(doms), m.sum(), p=p)]
            ts[m] = times_on_days(rn, d[m], prof)
        stu = self.uni[allph[e]] & (rn.random(len(e)) < .2)
        ud = np.array([self.strs.get(x) for x in UNI_DOMAINS])
        tgt[stu] = ud[rn.integers(0, len(ud), stu.sum())]
        self.net.add(ts=ts, ph=ph[allph[e]], kind=np.ones(len(e), np.int8), tgt=tgt)
        e, d = poisson_days(rn, np.array([.05, .035, .012])[grp], WD_FAMILY, wd)
        g = grp[e]
        apps = np.array([self.strs.get(x[0]) for x in GENERAL_APPS])
        W = np.array([[x[1], x[2], x[3]] for x in GENERAL_APPS], float)
        tgt = np.zeros(len(e), np.int64)
        for gi in range(3):
            m = g == gi
            tgt[m] = apps[rn.choice(len(apps), m.sum(), p=W[:, gi] / W[:, gi].sum())]
        self.net.add(ts=times_on_days(rn, d, H_FRIEND), ph=ph[allph[e]], kind=np.zeros(len(e), np.int8), tgt=tgt)
        # legit look-alikes: investors watch markets daily; office workers join meetings
        inv = self.investors[self.pphone[self.investors] >= 0]
        e, d = poisson_days(rn, np.full(len(inv), 2.0), WD_WORK, wd)
        dd = np.array([self.strs.get(x) for x in ["eastmoney.com", "10jqka.com.cn", "xueqiu.com", "cninfo.com.cn"]])
        self.net.add(ts=times_on_days(rn, d, H_BANK), ph=ph[inv[e]], kind=np.ones(len(e), np.int8), tgt=dd[rn.integers(0, 4, len(e))])

    # ---------------- fraud rings
    def gen_rings(self):
        rng = module_rng(self.seed, "rings")
        P, D = self.P, self.D
        nR = int(np.clip(round(3 + P / 1500), 6, 60))
        self.rings = []
        exp_pay = P * D / 7 * SCAM_RATE.sum() * .55 * 2.5
        n_syn = max(2, nR // 5)
        self.syn = []
        self.acc_role = {}
        self.ph_role = {}
        self.fraud_domains, self.fraud_apps = [], []
        self.ring_local_sellers = []
        overs_cc = ["855", "63", "95", "60", "66", "84", "856", "1", "44", "971"]

        def mule_accounts(n, level):
            r = rng.random(n)
            ids = []
            # out-of-area bought cards; wallets; fake merchants; local students selling cards
            kinds = np.where(r < .62, 0, np.where(r < .8, 1, np.where(r < .86, 2, 3)))
            for k in kinds.tolist():
                opened = -int(lognorm(rng, 40, 1.2) * DAY) if rng.random() < .7 else -int(lognorm(rng, 4 * 365, .6) * DAY)
                if k == 0 or (k == 3 and level > 1):
                    ids.append(self.add_accounts(rng, 1, -1, int(rng.choice(len(BANKS), p=BANK_W)), 0, opened)[0])
                elif k == 1:
                    ids.append(self.add_accounts(rng, 1, -1, B_TENPAY if rng.random() < .5 else B_ALIPAY, 0, opened)[0])
                elif k == 2:
                    ids.append(self.add_accounts(rng, 1, -1, int(rng.choice(len(BANKS), p=BANK_W)), 1, opened)[0])
                else:
                    cand = np.nonzero((self.age >= 18) & (self.age <= 30) & np.isin(self.occ, [O_UNI, O_HOME, O_SERVICE, O_FACTORY]))[0]
                    p = int(cand[rng.integers(0, len(cand))])
                    ids.append(self.add_accounts(rng, 1, p, int(rng.choice(len(BANKS), p=BANK_W)), 0, -int(rng.integers(5, 60)) * DAY)[0])
                    self.ring_local_sellers.append(p)
            return ids
        for s in range(n_syn):
            m2 = mule_accounts(max(3, int(exp_pay / nR * (nR / n_syn) / 4)), 2)
            m3 = mule_accounts(max(2, len(m2) // 2), 3)
            otc = self.add_accounts(rng, int(rng.integers(1, 3)), -1, rng.choice(len(BANKS), 2, p=BANK_W)[:1], 0,
                                    -int(lognorm(rng, 300, .8) * DAY)).tolist()
            gold = self.add_accounts(rng, 1, -1, int(rng.choice(len(BANKS), p=BANK_W)), 1, -int(lognorm(rng, 900, .5) * DAY)).tolist()
            self.syn.append({"m2": m2, "m3": m3, "otc": otc, "gold": gold})
        tld = [".top", ".vip", ".cc", ".xyz", ".icu", ".cn", ".com", ".net", ".shop", ".club", ".live", ".app", ".site", ".work"]
        stem = {S_TASK: ["dianzan", "shuadan", "renwu", "jianzhi", "fanli", "taskhub", "jobplus", "dy-zan"],
                S_INVEST: ["licai", "touzi", "jijin", "hxzq", "gupiao", "quant", "zhongxin-zq", "usdt-pro"],
                S_ROMANCE: ["yuanfen", "lovechat", "xiangqin", "bocai", "caipiao", "wx-lottery"],
                S_LOAN: ["daikuan", "kuaidai", "jiedai", "weilidai", "xinyongdai", "loanfast"],
                S_CSR: ["jd-tk", "tb-kefu", "tuikuan", "kuaidi-pei", "baozhang-qx", "dy-kf"],
                S_POLICE: ["gaj-hb", "zuigaojian", "spp-gov", "tongji", "anquanzhanghu", "jcy-qs"],
                S_CREDIT: ["zhengxin", "zx-xiufu", "xsd-zhuxiao", "credit-fix"],
                S_BOSS: [], S_ACQ: [],
                S_GAME: ["game-jy", "zhuangbei", "zhanghao", "jym-pay", "pxb-jy"],
                S_SHOP: ["tejia", "piao-wan", "iphone-sale", "haohuo", "qiangpiao"],
                S_PHISH: ["icbc-jf", "ccb-jifen", "10086-jf", "etc-gx", "yibao-hb", "boc-dh"]}
        appw = {S_TASK: ["com.taskmall.app", "com.zhuanqian.renwu", "com.douyin.dianzan"],
                S_INVEST: ["com.hxzq.trade", "com.huijin.licai", "com.usdt.exchange"],
                S_ROMANCE: ["com.lottery.lucky", "com.bocai.wan", "com.chat.yuanfen"],
                S_LOAN: ["com.kuaidai.loan", "com.xinyong.jiekuan", "com.weili.dai"],
                S_CSR: ["com.yunfu.meet", "com.screen.share", "com.kefu.help"],
                S_POLICE: ["com.anquan.fanghu", "com.jcy.anjian", "com.gov.zhifa"],
                S_CREDIT: ["com.zx.xiufu"], S_GAME: ["com.game.jiaoyi"], S_SHOP: [], S_PHISH: [], S_BOSS: [], S_ACQ: []}
        sell_cand = np.nonzero((self.age >= 18) & (self.age <= 35) & (self.pphone >= 0))[0]
        for r in range(nR):
            if r < len(SCAM_TYPES):
                types = [t for t in range(len(SCAM_TYPES)) if t % min(nR, len(SCAM_TYPES)) == r]
            else:
                types = [int(rng.choice(len(SCAM_TYPES), p=SCAM_RATE / SCAM_RATE.sum()))]
            ring = {"types": types, "syn": r % n_syn}
            main = types[0]
            callers = []
            nc = int(rng.integers(3, 9))
            for _ in range(nc):
                u = rng.random()
                if main in (S_POLICE, S_ROMANCE, S_INVEST) and u < .4:
                    callers.append(int(self.new_overseas(rng, 1, overs_cc)[0]))
                elif u < .55:
                    callers.append(int(self.new_mobiles(rng, 1, act=-int(lognorm(rng, 20, 1.0) * DAY))[0]))
                elif u < .8:
                    callers.append(int(self.new_mobiles(rng, 1, act=-int(lognorm(rng, 15, 1.0) * DAY), prefixes=["170", "171", "165", "167"])[0]))
                elif u < .9:
                    callers.append(int(self.new_overseas(rng, 1, overs_cc)[0]))
                else:  # a local resident's SIM sold to the ring
                    p = int(sell_cand[rng.integers(0, len(sell_cand))])
                    callers.append(int(self.new_mobiles(rng, 1, holder=p, act=-int(rng.integers(3, 40)) * DAY)[0]))
            for c in callers:
                self.ph_role[c] = "caller"
            goip = [int(x) for x in self.new_mobiles(rng, int(rng.integers(2, 6)), act=-int(lognorm(rng, 10, .8) * DAY))]
            for c in goip:
                self.ph_role[c] = "goip"
            texters = [int(x) for x in self.new_mobiles(rng, int(rng.integers(1, 3)), act=-int(lognorm(rng, 10, 1.0) * DAY))]
            if main == S_LOAN or rng.random() < .2:
                t106 = "1069" + "".join(map(str, rng.integers(0, 10, 9)))
                if t106 not in self.ph_used:
                    texters.append(int(self.add_service([t106], act=-int(lognorm(rng, 60, .8) * DAY))[0]))
            for c in texters:
                self.ph_role[c] = "texter"
            spoof = []
            if S_POLICE in types or S_ACQ in types:
                spoof = [int(x) for x in self.new_landlines(rng, int(rng.integers(2, 5)), act=np.iinfo(np.int64).min)]
                for c in spoof:
                    self.ph_role[c] = "spoofed"
            doms = []
            for t in types:
                for _ in range(int(rng.integers(2, 5)) if stem[t] else 0):
                    nm = stem[t][rng.integers(0, len(stem[t]))] + (str(rng.integers(1, 999)) if rng.random() < .7 else "") + tld[rng.integers(0, len(tld))]
                    if nm not in self.strs.ix:
                        doms.append(self.strs.get(nm))
                        self.fraud_domains.append(self.strs.ix[nm])
            apps = []
            for t in types:
                for a in appw[t]:
                    if rng.random() < .5:
                        nm = a + (str(rng.integers(2, 9)) if rng.random() < .5 else "")
                        if nm not in self.strs.ix:
                            apps.append(self.strs.get(nm))
                            self.fraud_apps.append(self.strs.ix[nm])
            if not apps and main in (S_TASK, S_INVEST, S_ROMANCE, S_LOAN, S_POLICE):
                nm = appw[main][0] + str(r)
                apps.append(self.strs.get(nm)); self.fraud_apps.append(self.strs.ix[nm])
            m1 = mule_accounts(max(3, int(exp_pay / nR / 2)), 1)
            ring.update(callers=callers, goip=goip, texters=texters, spoof=spoof, doms=doms, apps=apps, m1=m1,
                        otc=self.syn[ring["syn"]]["otc"])
            self.rings.append(ring)
        self.type_rings = {t: [i for i, rg in enumerate(self.rings) if t in rg["types"]] for t in range(len(SCAM_TYPES))}

    def gen_spray(self):
        """Untargeted outreach: spray texts, robo/GoIP calls, fake base-station bursts."""
        rng = module_rng(self.seed, "spray")
        ph = self.pphone
        allph = np.nonzero(ph >= 0)[0]
        D, wd = self.D, self.wd
        for rg in self.rings:
            lines = np.array(rg["goip"] + rg["callers"])
            rate = np.full(len(lines), self.P * .0012 / max(1, len(lines)) * 3) * lognorm(rng, 1, .4, len(lines))
            e, d = poisson_days(rng, rate, WD_WORK * .5 + .5, wd)
            n = len(e)
            ts = times_on_days(rng, d, H_WORK)
            r = rng.random(n)
            dur = np.where(r < .68, 0, np.where(r < .97, rng.integers(2, 25, n), rng.integers(25, 90, n)))
            self.calls.add(ts=ts, a=lines[e], b=ph[allph[rng.integers(0, len(allph), n)]], dur=dur)
            if rg["doms"]:
                tx = np.array(rg["texters"])
                e, d = poisson_days(rng, np.full(len(tx), self.P * .003 / len(tx)), WD_FLAT, wd)
                n = len(e)
                ts = times_on_days(rng, d, H_ANY)
                dm = np.array(rg["doms"])[rng.integers(0, len(rg["doms"]), n)]
                rec = ph[allph[rng.integers(0, len(allph), n)]]
                self.sms.add(ts=ts, a=tx[e], b=rec, dom=dm)
                c = rng.random(n) < .01  # curious clicks that go no further
                self.net.add(ts=ts[c] + rng.integers(30, 40 * MIN, c.sum()), ph=rec[c], kind=np.ones(c.sum(), np.int8), tgt=dm[c])
        # fake base stations (伪基站) spoofing bank / operator short codes, one district per burst
        self.fbs_bursts = []
        ph_rings = self.type_rings[S_PHISH]
        nb = rng.poisson(max(1, self.P / 4000) * D / 7 * 2)
        pick = self._district_picker(rng, ph >= 0)
        for _ in range(nb):
            rg = self.rings[ph_rings[rng.integers(0, len(ph_rings))]]
            if not rg["doms"]:
                continue
            t0 = int(rng.integers(0, self.T - HOUR))
            dist = int(rng.choice(len(DW), p=DW))
            k = int(rng.integers(30, 120) * max(.3, min(2, self.P / 20000)))
            rec = pick(np.full(k, dist))
            rec = np.unique(rec)
            sender = self.svc_bank[int(rng.integers(0, 4))] if rng.random() < .7 else self.svc_misc[0]
            dm = rg["doms"][rng.integers(0, len(rg["doms"]))]
            ts = t0 + np.sort(rng.integers(0, 40 * MIN, len(rec)))
            self.sms.add(ts=ts, a=np.full(len(rec), sender), b=ph[rec], dom=np.full(len(rec), dm))
            self.fbs_bursts.append((ts, rec, sender, dm, rg))

    # ---------------- victims' scripts
    def gen_scripts(self):
        rng = module_rng(self.seed, "scripts")
        self.lrng = module_rng(self.seed, "launder")
        P, D = self.P, self.D
        age, occ, sex = self.age, self.occ, self.sex
        ok = (self.pphone >= 0) & (self.payacct >= 0) & (self.pacct >= 0)
        taken = np.zeros(P, bool)
        taken[self.ring_local_sellers] = True
        self.targets = []  # dicts
        self.tested = set()
        elig_w = {
            S_TASK: (age >= 17) & (age <= 45), S_INVEST: (age >= 28) & (age <= 65), S_ROMANCE: (age >= 24) & (age <= 58),
            S_LOAN: (age >= 20) & (age <= 50), S_CSR: (age >= 18) & (age <= 60), S_POLICE: ((age >= 45) & (age <= 80)) | ((age >= 21) & (age <= 27)),
            S_CREDIT: (age >= 20) & (age <= 36), S_BOSS: occ == O_ACCOUNT, S_ACQ: age >= 55, S_GAME: (age >= 12) & (age <= 26),
            S_SHOP: (age >= 18) & (age <= 50), S_PHISH: (age >= 25) & (age <= 70)}
        weight = {S_TASK: 1 + 1.5 * sex + 1.0 * (occ == O_UNI) + (occ == O_HOME), S_INVEST: 1 + (occ == O_RETIRED) * .5 + (occ == O_BOSS),
                  S_ROMANCE: 1 + .8 * (1 - sex), S_LOAN: 1 + np.isin(occ, [O_FACTORY, O_SERVICE, O_RIDER, O_HOME]),
                  S_CSR: np.ones(P), S_POLICE: 1 + (occ == O_RETIRED), S_CREDIT: 1 + (occ == O_UNI) * .5,
                  S_BOSS: np.ones(P), S_ACQ: np.ones(P), S_GAME: 1 + 2 * (occ == O_PUPIL) + (occ == O_UNI) + (1 - sex),
                  S_SHOP: 1 + sex, S_PHISH: np.ones(P)}
        for st in range(len(SCAM_TYPES)):
            if not self.type_rings[st]:
                continue
            n = int(rng.poisson(SCAM_RATE[st] * P * D / 7))
            if st == S_PHISH:
                continue  # phishing victims come from the fake base-station bursts
            w = np.where(ok & elig_w[st] & ~taken, weight[st].astype(float), 0)
            if w.sum() == 0 or n == 0:
                continue
            n = min(n, int((w > 0).sum()))
            who = rng.choice(P, size=n, replace=False, p=w / w.sum())
            taken[who] = True
            for p in who:
                ring = self.rings[self.type_rings[st][rng.integers(0, len(self.type_rings[st]))]]
                self._script(rng, int(p), st, ring)
        # phishing: some burst recipients open the page and type card details
        want = rng.poisson(SCAM_RATE[S_PHISH] * P * D / 7)
        for ts, rec, sender, dm, rg in self.fbs_bursts:
            for j in range(len(rec)):
                p = int(rec[j])
                if want <= 0:
                    break
                if ok[p] & elig_w[S_PHISH][p] & ~taken[p] and rng.random() < .04:
                    taken[p] = True
                    want -= 1
                    self._script(rng, p, S_PHISH, rg, t0=int(ts[j]), dom=dm)

    def _call(self, ts, a, b, dur):
        self.calls.add(ts=np.array([ts]), a=np.array([a]), b=np.array([b]), dur=np.array([int(dur)]))

    def _sms(self, ts, a, b, dom=0):
        self.sms.add(ts=np.array([ts]), a=np.array([a]), b=np.array([b]), dom=np.array([dom]))

    def _net(self, ts, ph, kind, tgt):
        self.net.add(ts=np.array([ts]), ph=np.array([ph]), kind=np.array([kind], np.int8), tgt=np.array([tgt]))

    def _tr(self, ts, f, t, cents, ch, loss=False):
        self.tr.add(ts=np.array([int(ts)]), f=np.array([f]), t=np.array([t]), c=np.array([max(1, int(cents))]),
                    ch=np.array([ch], np.int8), loss=np.array([loss]))

    @staticmethod
    def _daytime(rng, t, h0=8, h1=22):
        h = (t % DAY) / HOUR
        if h < h0:
            return int(t - t % DAY + h0 * HOUR + rng.integers(0, 2 * HOUR))
        if h >= h1:
            return int(t - t % DAY + DAY + h0 * HOUR + rng.integers(0, 2 * HOUR))
        return int(t)

    def _script(self, rng, p, st, ring, t0=None, dom=None):
        T = self.T
        ph = int(self.pphone[p])
        acct_bank = int(self.pacct[p])
        acct_pay = int(self.payacct[p])
        C = ring["callers"]
        caller = C[rng.integers(0, len(C))]
        D_ = ring["doms"]
        A_ = ring["apps"]
        dm = (D_[rng.integers(0, len(D_))] if D_ else 0) if dom is None else dom
        app = A_[rng.integers(0, len(A_))] if A_ else None
        if t0 is None:
            prof = {S_TASK: H_YOUNG, S_GAME: H_YOUNG, S_ROMANCE: H_YOUNG, S_POLICE: H_WORK, S_CSR: H_WORK,
                    S_CREDIT: H_WORK, S_BOSS: H_WORK}.get(st, H_FRIEND)
            t0 = int(rng.integers(0, self.D)) * DAY + int(rng.choice(24, p=prof)) * HOUR + int(rng.integers(0, HOUR))
        if t0 >= T - HOUR:
            t0 = T - HOUR - int(rng.integers(0, 6 * HOUR))
        pays = rng.random() < SCAM_PAY[st]
        pl_ = []  # (ts, cents, channel, from_account)
        t = t0
        big_src = acct_bank

        def plan(schedule, chan_small=CH_3P, chan_big=CH_MOB, start=None, gap=(10 * MIN, 1.0), stop_p=.25):
            tt = start
            for i, amt in enumerate(schedule):
                if i > 0 and rng.random() < stop_p:
                    break
                cents = int(round_amount(rng, np.array([int(amt * 100)]))[0])
                ch = chan_small if cents < 300000 else chan_big
                src = acct_pay if ch == CH_3P else big_src
                pl_.append((int(tt), cents, ch, src))
                tt += lognorm(rng, gap[0], gap[1])
        L = lambda m, s=.5: float(lognorm(rng, m, s))
        rebates = []
        if st == S_TASK:
            if rng.random() < .6:
                self._sms(t0, ring["texters"][rng.integers(0, len(ring["texters"]))], ph, dm)
                t = t0 + int(rng.integers(60, 40 * MIN))
            self._net(t, ph, 1, dm)
            if app is not None and rng.random() < .75:
                self._net(t + int(rng.integers(5 * MIN, 50 * MIN)), ph, 0, app)
            if rng.random() < .25:
                self._call(t + int(rng.integers(10 * MIN, 2 * HOUR)), caller, ph, L(180))
            for k in range(int(rng.integers(2, 8))):
                self._net(t + int(rng.integers(10 * MIN, 2 * DAY)), ph, 1, dm)
            if pays:
                sched = [L(150, .5), L(900, .5), L(4000, .6), L(12000, .7), L(30000, .7)]
                plan(sched, start=t + L(1.5 * HOUR, .7), gap=(40 * MIN, .8), stop_p=.3)
                for i in range(min(2, len(pl_))):
                    rebates.append((pl_[i][0] + int(rng.integers(5 * MIN, 25 * MIN)), int(pl_[i][1] * rng.uniform(1.1, 1.35))))
        elif st in (S_INVEST, S_ROMANCE):
            if st == S_ROMANCE:
                dating = self.strs.get(["com.immomo.momo", "com.p1.mobile.putong", "com.jiayuan"][rng.integers(0, 3)])
                self._net(t0, ph, 0, dating)
                groom = L(4.5 * DAY, .6)
            else:
                if rng.random() < .5:
                    self._sms(t0, ring["texters"][rng.integers(0, len(ring["texters"]))], ph, dm)
                else:
                    self._call(t0, caller, ph, L(150))
                groom = L(2.5 * DAY, .6)
            tv = t0 + groom * rng.uniform(.3, .7)
            self._net(int(tv), ph, 1, dm)
            if app is not None:
                self._net(int(tv + rng.integers(10 * MIN, 3 * HOUR)), ph, 0, app)
            for k in range(int(rng.poisson(6 * min(groom, T) / (3 * DAY)))):
                self._net(int(t0 + rng.uniform(.2, 1.5) * groom), ph, 1, dm)
            for k in range(int(rng.poisson(1.5 if st == S_ROMANCE else .6))):
                tc = t0 + rng.uniform(.1, 1.2) * groom
                tc = tc - tc % DAY + int(rng.choice(24, p=H_YOUNG)) * HOUR
                self._call(int(tc), caller, ph, L(900 if st == S_ROMANCE else 300, .7))
            if pays:
                if rng.random() < .5 and self.pacct2[p] >= 0:
                    big_src = int(self.pacct2[p])
                sched = [L(8000, .6), L(30000, .6), L(80000, .6), L(150000, .7), L(250000, .7)]
                plan(sched, chan_small=CH_MOB, chan_big=CH_ONL, start=self._daytime(rng, t0 + groom, 9, 21), gap=(1.2 * DAY, .6), stop_p=.3)
                if pl_ and rng.random() < .6:
                    rebates.append((pl_[0][0] + int(L(6 * HOUR)), int(pl_[0][1] * rng.uniform(.08, .2))))
        elif st == S_LOAN:
            self._sms(t0, ring["texters"][rng.integers(0, len(ring["texters"]))], ph, dm)
            t = t0 + int(L(20 * MIN, 1.0))
            self._net(t, ph, 1, dm)
            if app is not None:
                self._net(t + int(rng.integers(3 * MIN, 20 * MIN)), ph, 0, app)
            tc = t + int(L(40 * MIN, .8))
            self._call(tc, caller, ph, L(400))
            if pays:
                plan([L(800, .4), L(4000, .5), L(10000, .5), L(20000, .5)], start=tc + L(30 * MIN), gap=(50 * MIN, .7), stop_p=.3)
                for ts_, _, _, _ in pl_[1:]:
                    self._call(int(ts_ - rng.integers(3 * MIN, 20 * MIN)), caller, ph, L(300))
        elif st in (S_CSR, S_CREDIT):
            first = caller if rng.random() < .7 else ring["goip"][rng.integers(0, len(ring["goip"]))]
            self._call(t0, first, ph, L(600, .5))
            t = t0 + int(L(15 * MIN, .8))
            if rng.random() < .5 or app is None:
                self._net(t, ph, 0, self.strs.get(["com.tencent.wemeet", "us.zoom.videomeetings"][rng.integers(0, 2)]))
            else:
                self._net(t, ph, 0, app)
            if D_:
                self._net(t + int(rng.integers(60, 10 * MIN)), ph, 1, dm)
            if pays:
                cl2 = C[rng.integers(0, len(C))]
                call_len = int(L(70 * MIN, .4))
                self._call(t + 5 * MIN, cl2, ph, call_len)
                if rng.random() < .5 and self.pacct2[p] >= 0:  # moves savings first
                    c_in = int(L(20000, .6) * 100)
                    self._tr(t + 10 * MIN, int(self.pacct2[p]), acct_bank, c_in, CH_MOB)
                elif rng.random() < .4:
                    self._tr(t + 12 * MIN, int(self.consfin[rng.integers(0, len(self.consfin))]), acct_bank, int(L(15000, .5) * 100), CH_ONL)
                plan([L(3000, .5), L(9000, .5), L(20000, .5), L(30000, .5)], chan_small=CH_MOB, start=t + 15 * MIN,
                     gap=(12 * MIN, .5), stop_p=.25)
        elif st == S_POLICE:
            first = ring["spoof"][rng.integers(0, len(ring["spoof"]))] if ring["spoof"] and rng.random() < .6 else caller
            self._call(t0, first, ph, L(500, .5))
            cl2 = C[rng.integers(0, len(C))]
            t = t0 + int(L(5 * MIN, .5))
            self._call(t, cl2, ph, L(90 * MIN, .5))
            if D_:
                self._net(t + int(rng.integers(10 * MIN, 40 * MIN)), ph, 1, dm)
            if app is not None and rng.random() < .6:
                self._net(t + int(rng.integers(20 * MIN, 60 * MIN)), ph, 0, app)
            if pays:
                tb = self._daytime(rng, t + int(L(14 * HOUR, .6)), 9, 16)
                self._call(tb - 10 * MIN, cl2, ph, int(L(2.5 * HOUR, .4)))
                if self.pacct2[p] >= 0:
                    self._tr(tb - 5 * MIN, int(self.pacct2[p]), acct_bank, int(L(60000, .7) * 100), CH_CNT)
                pl_.append((tb, int(rng.integers(1, 1000)), CH_MOB, acct_bank))  # "verification" test payment
                plan([L(30000, .7), L(70000, .7), L(150000, .7)], chan_small=CH_MOB, chan_big=CH_CNT, start=tb + L(8 * MIN),
                     gap=(40 * MIN, .6), stop_p=.35)
        elif st == S_BOSS:
            emp = self.employer[p]
            src = int(self.emp_acct[emp]) if emp >= 0 and emp < len(self.bosses) else acct_bank
            big_src = src
            if rng.random() < .3:
                self._sms(t0, ring["texters"][rng.integers(0, len(ring["texters"]))], ph, 0)
            if pays:
                plan([L(120000, .7), L(150000, .6)], chan_small=CH_ONL, chan_big=CH_ONL,
                     start=self._daytime(rng, t0 + L(50 * MIN, .5), 9, 17), gap=(40 * MIN, .5), stop_p=.6)
        elif st == S_ACQ:
            first = ring["spoof"][rng.integers(0, len(ring["spoof"]))] if ring["spoof"] and rng.random() < .2 else caller
            self._call(t0, first, ph, L(240, .5))
            if pays:
                tp = self._daytime(rng, t0 + L(2 * HOUR, .8), 9, 17)
                self._call(tp - 20 * MIN, first, ph, L(180))
                plan([L(15000, .6), L(20000, .6)], chan_small=CH_MOB, chan_big=CH_CNT, start=tp, gap=(2 * HOUR, .5), stop_p=.7)
        elif st == S_GAME:
            self._net(t0, ph, 1, dm)
            for k in range(int(rng.integers(1, 4))):
                self._net(t0 + int(rng.integers(60, 3 * HOUR)), ph, 1, dm)
            if pays:
                plan([L(300, .6), L(800, .6), L(2000, .6), L(3000, .6)], chan_small=CH_3P, chan_big=CH_3P,
                     start=t0 + L(30 * MIN), gap=(25 * MIN, .6), stop_p=.3)
        elif st == S_SHOP:
            self._net(t0, ph, 1, dm)
            if pays:
                plan([L(900, .8), L(600, .6)], chan_small=CH_3P, chan_big=CH_MOB, start=t0 + L(40 * MIN), gap=(3 * HOUR, .8), stop_p=.7)
        elif st == S_PHISH:
            t = t0 + int(rng.integers(30, 30 * MIN))
            self._net(t, ph, 1, dm)
            if pays:  # the ring drains the card with the stolen details and SMS code
                pl_.append((t + int(L(6 * MIN, .5)), int(L(3000, .8) * 100), CH_ONL, acct_bank))
                if rng.random() < .5:
                    pl_.append((pl_[-1][0] + int(rng.integers(60, 6 * MIN)), int(L(8000, .8) * 100), CH_ONL, acct_bank))
        # execute payments through the laundering layers
        paid_to = []
        losses = []
        for ts_, cents, ch, src in pl_:
            if ts_ >= T:
                break
            if paid_to and rng.random() < .5:
                m1 = paid_to[-1]
            else:
                m1 = ring["m1"][rng.integers(0, len(ring["m1"]))]
            if m1 not in self.tested:  # card-testing: a tiny inflow before the card is handed out
                self.tested.add(m1)
                self._tr(max(0, ts_ - int(lognorm(self.lrng, 10 * HOUR, 1.0))), -1, m1, int(self.lrng.integers(1, 200)), CH_ONL)
            self._tr(ts_, src, m1, cents, ch, loss=True)
            losses.append((ts_, cents))
            if m1 not in paid_to:
                paid_to.append(m1)
            self.acc_role.setdefault(m1, "mule_1")
            self._route(int(ts_), m1, cents, 1, ring)
        for ts_, cents in rebates:
            if losses and ts_ < T:
                sy = self.syn[ring["syn"]]
                payer = sy["m2"][self.lrng.integers(0, len(sy["m2"]))]
                self.acc_role.setdefault(payer, "mule_2")
                self._tr(ts_ - int(self.lrng.integers(2 * MIN, 30 * MIN)), -1, payer, cents, CH_ONL)  # ring float from outside
                self._tr(ts_, payer, acct_pay, cents, CH_3P)
        first_loss = losses[0][0] if losses else None
        total = sum(c for _, c in losses)
        self.targets.append({"p": p, "st": st, "t0": int(t0), "fl": first_loss, "amt": total, "paid_to": paid_to,
                             "last": losses[-1][0] if losses else None})

    def _route(self, t, acct, cents, hop, ring):
        rng = self.lrng
        T = self.T
        sy = self.syn[ring["syn"]]
        L = lambda m, s: float(lognorm(rng, m, s))
        if hop == 1:
            d = L(8 * MIN, 1.0) if rng.random() < .9 else L(4 * HOUR, .8)
            keep = int(cents * rng.uniform(0, .015)) if self.ac_holder[acct] >= 0 else 0
            fwd = cents - keep
            k = int(rng.choice([1, 2, 3], p=[.5, .35, .15])) if fwd > 500000 else 1
            parts = self._split(rng, fwd, k)
            tt = t + d
            for part in parts:
                tt += int(rng.integers(20, 180))
                if tt >= T:
                    return
                if rng.random() < .12:
                    dest = sy["otc"][rng.integers(0, len(sy["otc"]))]
                    self._tr(tt, acct, dest, part, CH_OTC)
                    self._cash_otc(tt, dest, part)
                else:
                    dest = sy["m2"][rng.integers(0, len(sy["m2"]))]
                    self._tr(tt, acct, dest, part, CH_ONL if self.ac_bank[acct] < len(BANKS) else CH_3P)
                    self.acc_role.setdefault(dest, "mule_2")
                    self._route(tt, dest, part, 2, ring)
            return
        d = L(15 * MIN, .9) if hop == 2 else (L(30 * MIN, .9) if rng.random() < .8 else L(7 * HOUR, .5))
        tt = int(t + d)
        if tt >= T:
            return
        u = rng.random()
        if hop == 2 and u < .55:
            parts = self._split(rng, cents, int(rng.choice([1, 2], p=[.6, .4])))
            for part in parts:
                dest = sy["m3"][rng.integers(0, len(sy["m3"]))]
                tt += int(rng.integers(20, 240))
                if tt >= T:
                    return
                self._tr(tt, acct, dest, part, CH_ONL)
                self.acc_role.setdefault(dest, "mule_3")
                self._route(tt, dest, part, 3, ring)
            return
        if hop == 3:
            u = u * .9 + .1
        if u < .75 or cents > 6000000:
            if u < .6 or cents > 6000000:
                dest = sy["otc"][rng.integers(0, len(sy["otc"]))]
                self._tr(tt, acct, dest, cents, CH_OTC)
                self._cash_otc(tt, dest, cents)
            else:
                left = cents
                while left >= 10000 and tt < T:  # ATM, each withdrawal under 20,000 in 100s
                    w = min(left // 10000 * 10000, int(rng.integers(50, 200)) * 10000)
                    self._tr(tt, acct, -1, w, CH_ATM)
                    left -= w
                    tt += int(rng.integers(40, 240))
        elif u < .85:
            dest = sy["gold"][0]
            self.acc_role[dest] = "cashout"
            self._tr(tt, acct, dest, cents, CH_MOB)
        elif u < .92 and cents > 3000000:
            tt = self._daytime(rng, tt, 9, 16)
            if tt < T:
                self._tr(tt, acct, -1, cents // 10000 * 10000 if cents >= 10000 else cents, CH_CNT)
        else:
            self._tr(tt, acct, -1, cents, CH_ONL)  # leaves the covered banks

    def _cash_otc(self, t, dest, cents):
        self.acc_role[dest] = "cashout"
        tt = t + int(lognorm(self.lrng, 20 * MIN, .8))
        if tt < self.T:
            self._tr(tt, dest, -1, cents, CH_ONL)

    @staticmethod
    def _split(rng, cents, k):
        if k == 1:
            return [cents]
        w = rng.dirichlet(np.ones(k) * 3)
        parts = (w * cents).astype(np.int64)
        parts[-1] = cents - parts[:-1].sum()
        return [int(x) for x in parts if x > 0]

    # ---------------- reports and lists
    def gen_reports(self, tr):
        rng = module_rng(self.seed, "reports")
        T = self.T
        reps = []
        delay_med = {S_TASK: 6 * HOUR, S_INVEST: 2 * DAY, S_ROMANCE: 2.5 * DAY, S_LOAN: 5 * HOUR, S_CSR: 3 * HOUR,
                     S_POLICE: 18 * HOUR, S_CREDIT: 4 * HOUR, S_BOSS: 5 * HOUR, S_ACQ: 6 * HOUR, S_GAME: 8 * HOUR,
                     S_SHOP: 1.5 * DAY, S_PHISH: 40 * MIN}
        for tg in self.targets:
            if tg["fl"] is None or rng.random() > REPORT_P[tg["st"]]:
                continue
            ts = int(tg["last"] + lognorm(rng, delay_med[tg["st"]], .8))
            if ts >= T:
                continue
            pt = list(tg["paid_to"])
            if len(pt) > 1 and rng.random() < .25:
                pt = pt[: int(rng.integers(1, len(pt)))]
            amt = tg["amt"]
            r = rng.random()
            if r < .2:
                amt = max(100, int(round(amt / 100000.0)) * 100000)
            elif r < .3:
                amt = int(amt * rng.uniform(.7, 1.3))
            reps.append((ts, tg["p"], pt, max(100, amt)))
        # disputes reported as fraud: the seller was real (not labelled)
        ts_s, f_s, t_s, c_s, who = self.secondhand
        nd = min(len(ts_s), int(rng.poisson(max(1, len(reps) * .12))))
        tset = set(t["p"] for t in self.targets)
        for j in rng.choice(len(ts_s), nd, replace=False) if nd else []:
            ts = int(ts_s[j] + lognorm(rng, 1.5 * DAY, .6))
            if ts < T and int(who[j]) not in tset:
                reps.append((ts, int(who[j]), [int(t_s[j])], int(c_s[j])))
        reps.sort(key=lambda x: (x[0], x[1]))
        self.reports = reps

    # ---------------- assemble and write
    def build(self, out):
        self.gen_persons()
        self.gen_phones()
        self.gen_accounts()
        self.gen_social()
        self.gen_calls()
        self.gen_money()
        self.gen_sms_net()
        self.gen_rings()
        self.gen_spray()
        self.gen_scripts()
        self.write(out)

    def _sorted(self, sink, keycols):
        d = sink.get()
        m = (d["ts"] >= 0) & (d["ts"] < self.T)
        if "a" in d:
            m &= (d["a"] != d["b"]) & (d["a"] >= 0) & (d["b"] >= 0)
        if "ph" in d:
            m &= d["ph"] >= 0
        if "f" in d:
            m &= (d["f"] != d["t"]) | (d["f"] < 0)
        d = {k: v[m] for k, v in d.items()}
        o = np.lexsort(tuple(d[k] for k in reversed(keycols)))
        return {k: v[o] for k, v in d.items()}

    def write(self, out):
        os.makedirs(os.path.join(out, "lists"), exist_ok=True)
        os.makedirs(os.path.join(out, "labels"), exist_ok=True)
        T = self.T
        ph_num = np.array(self.ph_num, dtype=object)
        ac_id = np.array(self.ac_id, dtype=object)
        strs = np.array(self.strs.v, dtype=object)
        # bank SMS notices for card movements (about 65% of card holders subscribe)
        tr = self.tr.get()
        ac_holder = np.array(self.ac_holder)
        ac_bank = np.array(self.ac_bank)
        ac_kind = np.array(self.ac_kind)
        rng = module_rng(self.seed, "services")
        sub = rng.random(len(self.ac_id)) < .65
        for col in ("f", "t"):
            a = tr[col]
            m = a >= 0
            am = np.where(m, a, 0)
            hold = np.where(m, ac_holder[am], -1)
            m &= (hold >= 0) & (ac_bank[am] < len(BANKS)) & sub[am] & (ac_kind[am] == 0)
            php = np.where(m, self.pphone[np.maximum(hold, 0)], -1)
            m &= php >= 0
            svc = np.array([self.svc_bank[b] for b in range(len(BANKS))])
            self.sms.add(ts=tr["ts"][m] + rng.integers(2, 40, m.sum()), a=svc[ac_bank[am[m]]], b=php[m], dom=np.zeros(m.sum(), int))
        C = self._sorted(self.calls, ["ts", "a", "b"])
        TR = self._sorted(self.tr, ["ts", "f", "t"])
        NT = self._sorted(self.net, ["ts", "ph", "tgt"])
        # --- lists (need first use times)
        lrng = module_rng(self.seed, "lists")
        self.gen_reports(TR)
        rows_n, rows_d, rows_a, rows_ac = [], [], [], []
        used_ph = np.zeros(len(ph_num), bool)
        S0 = self._sorted(self.sms, ["ts", "a", "b"])
        for arr in (C["a"], C["b"], S0["a"], S0["b"], NT["ph"]):
            used_ph[arr[(arr >= 0)]] = True
        first_ph = np.full(len(ph_num), np.iinfo(np.int64).max)
        np.minimum.at(first_ph, C["a"], C["ts"])
        smm = (S0["ts"] < T) & (S0["ts"] >= 0)
        np.minimum.at(first_ph, S0["a"][smm], S0["ts"][smm])
        fraud_ph = [k for k in self.ph_role if used_ph[k]]
        for k in fraud_ph:
            u = lrng.random()
            if u < .07:
                rows_n.append((-int(lognorm(lrng, 3 * DAY, 1.0)), ph_num[k], "national_platform"))
            elif u < .5 and first_ph[k] < T:
                rows_n.append((int(first_ph[k] + lognorm(lrng, 30 * HOUR, .9)), ph_num[k],
                               ["miit", "operator", "public_report", "national_platform"][lrng.integers(0, 4)]))
        # errors: busy innocent lines reported as spam/fraud by the public
        innocents = np.concatenate([self.tele_lines, self.collect_lines, self.relay[:5], self.s400[:2]])
        for k in lrng.choice(innocents, min(len(innocents), max(2, len(fraud_ph) // 12)), replace=False):
            rows_n.append((int(lrng.integers(-5 * DAY, T)), ph_num[k], "public_report"))
        # stale entries from other cities' cases (never seen here)
        for _ in range(max(3, self.P // 1000)):
            rows_n.append((-int(lrng.integers(1, 60 * DAY)), f"{lrng.choice(MOBILE_PREFIX)}{lrng.integers(0, 10 ** 8):08d}", "national_platform"))
        first_dom = {}
        for tsa, ga in ((S0["ts"][smm], S0["dom"][smm]), (NT["ts"], NT["tgt"])):
            o = np.argsort(tsa, kind="stable")
            u, i = np.unique(ga[o], return_index=True)
            for dm, t_ in zip(u.tolist(), tsa[o][i].tolist()):
                if dm and (dm not in first_dom or t_ < first_dom[dm]):
                    first_dom[dm] = t_
        used_dom = [d for d in self.fraud_domains if d in first_dom]
        used_app = [d for d in self.fraud_apps if d in first_dom]
        for d in used_dom:
            u = lrng.random()
            if u < .1:
                rows_d.append((-int(lognorm(lrng, 2 * DAY, 1.0)), strs[d], "national_platform"))
            elif u < .6:
                rows_d.append((int(first_dom[d] + lognorm(lrng, 20 * HOUR, .9)), strs[d], ["national_platform", "miit", "police_case"][lrng.integers(0, 3)]))
        for d in used_app:
            if lrng.random() < .5:
                rows_a.append((int(first_dom[d] + lognorm(lrng, 40 * HOUR, .8)), strs[d], "national_platform"))
        rows_d.append((int(lrng.integers(0, T)), "pxb7.com", "public_report"))
        rows_a.append((int(lrng.integers(0, T)), "com.pxb7.app", "public_report"))
        for _ in range(max(2, self.P // 2000)):
            rows_d.append((-int(lrng.integers(1, 90 * DAY)), f"kefu-{lrng.integers(100, 9999)}.top", "national_platform"))
        # accounts: police list first-level accounts from reports, banks' own models find others
        for ts_, p, pt, amt in self.reports:
            for a in pt:
                if lrng.random() < .85:
                    rows_ac.append((int(ts_ + lognorm(lrng, 3 * HOUR, .8)), ac_id[a], "police_case"))
        used_ac = np.zeros(len(ac_id), bool)
        for arr in (TR["f"], TR["t"]):
            used_ac[arr[arr >= 0]] = True
        first_ac = np.full(len(ac_id), np.iinfo(np.int64).max)
        np.minimum.at(first_ac, TR["t"][TR["t"] >= 0], TR["ts"][TR["t"] >= 0])
        for a, role in self.acc_role.items():
            if not used_ac[a]:
                continue
            u = lrng.random()
            if u < .06:
                rows_ac.append((-int(lognorm(lrng, 5 * DAY, .8)), ac_id[a], "national_platform"))
            elif u < .3 and first_ac[a] < T:
                rows_ac.append((int(first_ac[a] + lognorm(lrng, 2 * DAY, .8)), ac_id[a], "bank_risk"))
        for a in lrng.choice(self.shops, min(len(self.shops), max(1, self.P // 5000)), replace=False):
            rows_ac.append((int(lrng.integers(0, T)), ac_id[self.macct[a]], "bank_risk"))

        def dedup(rows):
            rows = [r for r in rows if r[0] < T]
            rows.sort(key=lambda r: (r[0], r[1]))
            seen, out_ = set(), []
            for r in rows:
                if r[1] not in seen:
                    seen.add(r[1])
                    out_.append(r)
            return out_
        rows_n, rows_d, rows_a, rows_ac = dedup(rows_n), dedup(rows_d), dedup(rows_a), dedup(rows_ac)
        # 12381: MIIT texts everyone who answered a number when it is listed by MIIT
        pos = {v: k for k, v in enumerate(self.ph_num)}
        for ts_, num, src in rows_n:
            if src != "miit" or num not in pos:
                continue
            k = pos[num]
            m = (C["a"] == k) & (C["dur"] > 0) & (C["ts"] <= ts_)
            rec = np.unique(C["b"][m])
            self.sms.add(ts=ts_ + lrng.integers(10 * MIN, 6 * HOUR, len(rec)), a=np.full(len(rec), self.svc_12381), b=rec,
                         dom=np.zeros(len(rec), int))
        S = self._sorted(self.sms, ["ts", "a", "b"])
        # --- write tables
        def fmt_ts(a):
            return pl.from_epoch(pl.Series(np.asarray(a, np.int64) + START_EPOCH + 8 * HOUR), time_unit="s").dt.strftime("%Y-%m-%dT%H:%M:%S+08:00")

        def fmt_amt(c):
            c = np.asarray(c, np.int64)
            s = pl.Series(c // 100).cast(pl.Utf8) + "." + pl.Series(c % 100).cast(pl.Utf8).str.zfill(2)
            return s

        def ids(prefix, n, w=9):
            return pl.Series([f"{prefix}{i:0{w}d}" for i in range(1, n + 1)])

        def U(x):
            if isinstance(x, pl.Series):
                return x
            return pl.Series(np.asarray(x, dtype=object).tolist(), dtype=pl.Utf8)

        def w(df, name):
            df.write_csv(os.path.join(out, name), line_terminator="\n")
        P = self.P
        pid = np.array([f"P{i:06d}" for i in range(P)], dtype=object)
        w(pl.DataFrame({"person_id": U(pid), "district": [DISTRICTS[d][0] for d in self.dist], "birth_year": self.birth,
                        "sex": np.where(self.sex == 1, "F", "M")}), "persons.csv")
        # phones: all persons' and service numbers; external numbers only if seen
        hold = np.array(self.ph_holder)
        keep = np.ones(len(ph_num), bool)
        keep[[k for k in self.ph_role if not used_ph[k]]] = False
        act = np.array(self.ph_act)
        kk = np.nonzero(keep)[0]
        act_s = fmt_ts(np.where(act[kk] == np.iinfo(np.int64).min, 0, act[kk]))
        act_s = U(np.where(act[kk] == np.iinfo(np.int64).min, None, act_s.to_numpy()))
        w(pl.DataFrame({"number": U(ph_num[kk]), "holder_person_id": U(np.where(hold[kk] >= 0, pid[np.maximum(hold[kk], 0)], None)),
                        "kind": U(np.array(PH_KINDS, dtype=object)[np.array(self.ph_kind)[kk]]), "activated_at": act_s}), "phones.csv")
        akeep = used_ac | (ac_holder >= 0)
        for s in self.syn:
            for a in s["m2"] + s["m3"] + s["otc"] + s["gold"]:
                if not used_ac[a]:
                    akeep[a] = False
        for rg in self.rings:
            for a in rg["m1"]:
                if not used_ac[a]:
                    akeep[a] = False
        ka = np.nonzero(akeep)[0]
        w(pl.DataFrame({"account_id": U(ac_id[ka]), "holder_person_id": U(np.where(ac_holder[ka] >= 0, pid[np.maximum(ac_holder[ka], 0)], None)),
                        "bank": U(np.array(BANK_NAMES, dtype=object)[ac_bank[ka]]), "kind": U(np.array(ACC_KINDS, dtype=object)[np.array(self.ac_kind)[ka]]),
                        "opened_at": fmt_ts(np.array(self.ac_open)[ka])}), "accounts.csv")
        w(pl.DataFrame({"event_id": ids("CL", len(C["ts"])), "ts": fmt_ts(C["ts"]), "caller": U(ph_num[C["a"]]), "callee": U(ph_num[C["b"]]),
                        "duration_s": C["dur"].astype(np.int64)}), "calls.csv")
        w(pl.DataFrame({"event_id": ids("SM", len(S["ts"])), "ts": fmt_ts(S["ts"]), "sender": U(ph_num[S["a"]]), "receiver": U(ph_num[S["b"]]),
                        "url_domain": U(np.where(S["dom"] > 0, strs[S["dom"]], None))}), "sms.csv")
        w(pl.DataFrame({"event_id": ids("NT", len(NT["ts"])), "ts": fmt_ts(NT["ts"]), "number": U(ph_num[NT["ph"]]),
                        "kind": U(np.where(NT["kind"] == 0, "app_install", "url_visit")), "target": U(strs[NT["tgt"]])}), "net.csv")
        tr_ids = ids("TR", len(TR["ts"]))
        w(pl.DataFrame({"event_id": tr_ids, "ts": fmt_ts(TR["ts"]),
                        "from_account": U(np.where(TR["f"] >= 0, ac_id[np.maximum(TR["f"], 0)], None)),
                        "to_account": U(np.where(TR["t"] >= 0, ac_id[np.maximum(TR["t"], 0)], None)),
                        "amount": fmt_amt(TR["c"]), "channel": U(np.array(CHANNELS, dtype=object)[TR["ch"]])}), "transfers.csv")
        R = self.reports
        w(pl.DataFrame({"report_id": ids("RP", len(R), 6), "ts": fmt_ts([r[0] for r in R]), "person_id": [pid[r[1]] for r in R],
                        "paid_to": [";".join(ac_id[a] for a in r[2]) for r in R], "claimed_amount": fmt_amt([r[3] for r in R])},
                       schema={"report_id": pl.Utf8, "ts": pl.Utf8, "person_id": pl.Utf8, "paid_to": pl.Utf8, "claimed_amount": pl.Utf8}), "reports.csv")
        for rows, name in ((rows_n, "numbers"), (rows_d, "domains"), (rows_a, "apps"), (rows_ac, "accounts")):
            w(pl.DataFrame({"value": [r[1] for r in rows], "listed_at": fmt_ts([r[0] for r in rows]), "source": [r[2] for r in rows]},
                           schema={"value": pl.Utf8, "listed_at": pl.Utf8, "source": pl.Utf8}), f"lists/{name}.csv")
        # --- labels
        loss_ids = tr_ids.to_numpy()[TR["loss"]]
        loss_ts, loss_c = TR["ts"][TR["loss"]], TR["c"][TR["loss"]]
        tg = sorted(self.targets, key=lambda x: x["p"])
        fl = [x["fl"] if x["fl"] is not None and x["fl"] < T else None for x in tg]
        w(pl.DataFrame({"person_id": [pid[x["p"]] for x in tg], "scam_type": [SCAM_TYPES[x["st"]] for x in tg],
                        "first_contact_ts": fmt_ts([x["t0"] for x in tg]),
                        "first_loss_ts": pl.Series([None if f is None else s for f, s in zip(fl, fmt_ts([0 if f is None else f for f in fl]).to_list())], dtype=pl.Utf8),
                        "loss_amount": pl.Series([None if x["fl"] is None else s for x, s in zip(tg, fmt_amt([max(1, x["amt"]) for x in tg]).to_list())], dtype=pl.Utf8)},
                       schema={"person_id": pl.Utf8, "scam_type": pl.Utf8, "first_contact_ts": pl.Utf8, "first_loss_ts": pl.Utf8, "loss_amount": pl.Utf8}),
          "labels/targets.csv")
        nl = sorted((ph_num[k], self.ph_role[k]) for k in fraud_ph)
        w(pl.DataFrame({"number": [x[0] for x in nl], "role": [x[1] for x in nl]}, schema={"number": pl.Utf8, "role": pl.Utf8}), "labels/numbers.csv")
        al = sorted((ac_id[a], r) for a, r in self.acc_role.items() if used_ac[a])
        w(pl.DataFrame({"account_id": [x[0] for x in al], "role": [x[1] for x in al]}, schema={"account_id": pl.Utf8, "role": pl.Utf8}), "labels/accounts.csv")
        w(pl.DataFrame({"value": sorted(strs[d] for d in used_dom)}, schema={"value": pl.Utf8}), "labels/domains.csv")
        w(pl.DataFrame({"value": sorted(strs[d] for d in used_app)}, schema={"value": pl.Utf8}), "labels/apps.csv")
        w(pl.DataFrame({"event_id": U(loss_ids)}, schema={"event_id": pl.Utf8}), "labels/losses.csv")
        meta = {"format": "dataset/1", "start": START.isoformat(), "end": (START + dt.timedelta(days=self.D)).isoformat(),
                "seed": self.seed, "note": f"synthetic Wuhan-like city, {self.P} residents, {self.D} days (gen_g)"}
        with open(os.path.join(out, "meta.json"), "w", encoding="utf-8") as f:
            json.dump(meta, f, ensure_ascii=False)
            f.write("\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--persons", type=int, default=20000)
    ap.add_argument("--days", type=int, default=7)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    City(a.seed, a.persons, a.days).build(a.out)


if __name__ == "__main__":
    main()
