#!/usr/bin/env python3
"""Independent synthetic city of telecom / online fraud, written out in format dataset/1.

    gen.py --seed N --persons P --days D --out DIR

Everything is drawn from one numpy Generator seeded with N, in a fixed order, so a seed gives
byte-identical files.  Background life is vectorised with numpy; only the fraud rings (a few
thousand events) are built with Python loops.  Uses numpy, polars and the standard library.
See DESIGN.md beside this file for the rules.
"""

from __future__ import annotations

import argparse
import heapq
import json
import os
import shutil
import sys
import time
from datetime import datetime, timedelta, timezone

os.environ.setdefault("POLARS_MAX_THREADS", "1")

import numpy as np  # noqa: E402
import polars as pl  # noqa: E402

TZ8 = timezone(timedelta(hours=8))
START = datetime(2026, 3, 2, tzinfo=TZ8)  # a Monday
START_EPOCH = int(START.timestamp())
DAY, HOUR, MIN = 86400, 3600, 60
NA = -(1 << 62)  # "no timestamp"
INF = 1 << 62

# ----------------------------------------------------------------------------- constants

DISTRICTS = ["360102", "360103", "360104", "360111", "360112", "360113", "360121", "360123",
             "360124"]
DIST_W = np.array([.15, .13, .09, .17, .09, .12, .13, .04, .08])

# name, card BIN, customer-service short code, market weight
BANKS = [
    ("ICBC", "622202", "95588", .15), ("CCB", "621700", "95533", .14),
    ("ABC", "622848", "95599", .13), ("BOC", "621661", "95566", .09),
    ("BOCOM", "622262", "95559", .05), ("PSBC", "621799", "95580", .10),
    ("CMB", "621483", "95555", .06), ("CIB", "622909", "95561", .04),
    ("CITIC", "622696", "95558", .03), ("SPDB", "622521", "95528", .02),
    ("PINGAN", "622155", "95511", .03), ("JIANGXI_BANK", "623058", "956055", .07),
    ("JIUJIANG_BANK", "621290", "95316", .04), ("NC_RCB", "621592", "96268", .05),
]
BANK_W = np.array([b[3] for b in BANKS])
BANK_W = BANK_W / BANK_W.sum()
NB = len(BANKS)

MOBILE_PREFIX = ["134", "135", "136", "137", "138", "139", "147", "150", "151", "152", "157",
                 "158", "159", "178", "182", "183", "187", "188", "198", "130", "131", "132",
                 "155", "156", "166", "175", "176", "185", "186", "133", "153", "173", "177",
                 "180", "181", "189", "191", "199"]
VIRTUAL_PREFIX = ["170", "171", "162", "165", "167"]
OTHER_AREA = ["010", "021", "020", "0755", "0571", "025", "027", "028", "023", "0731", "0551",
              "0591", "0592", "0351", "0371", "0531"]
CC_SCAM = ["+855", "+95", "+63", "+60", "+66", "+84", "+856", "+1", "+44", "+886", "+82"]
CC_SCAM_W = np.array([.22, .16, .16, .1, .08, .07, .06, .05, .04, .03, .03])
CC_LEGIT = ["+1", "+44", "+61", "+81", "+65", "+852", "+82", "+49", "+33", "+64", "+60", "+971",
            "+7", "+39"]
CC_LEGIT_W = np.array([.2, .1, .12, .1, .08, .1, .06, .05, .04, .04, .04, .03, .02, .02])

# occupations
CHILD, STUDENT, COLLEGE, OFFICE, WORKER, SHOP, COURIER, RIDER, DRIVER, TELE, TRADER, NIGHT, \
    UNEMP, FINANCE, LANDLORD, RETIRED = range(16)
EMPLOYED = (OFFICE, WORKER, TELE, NIGHT, FINANCE, COURIER)

# phone categories (internal)
C_RES, C_RES2, C_LAND, C_EXT, C_OVS, C_SVC, C_106, C_RELAY, C_TELE, C_DEBT, C_RING, C_BIZ = \
    range(12)

# relation types of the contact graph
R_HH, R_KIN, R_FRIEND, R_COLL, R_EXT, R_OVS = range(6)
R_WEIGHT = np.array([5, 3, 2, 1, 1, 1])
R_ANSWER = np.array([.9, .84, .78, .8, .74, .82])
R_DUR_MED = np.array([75, 110, 55, 70, 80, 900])

CHANNELS = ["mobile", "online", "counter", "atm", "third_party", "crypto_otc"]
CH_MOB, CH_ONL, CH_CNT, CH_ATM, CH_3P, CH_OTC = range(6)


def _norm(x):
    x = np.asarray(x, float)
    return x / x.sum()


PROF_DAY = _norm([.3, .15, .08, .05, .05, .12, .5, 1.5, 2.8, 3.6, 3.8, 3.6, 3.2, 3.0, 3.3, 3.5,
                  3.5, 3.6, 3.9, 3.8, 3.3, 2.6, 1.6, .8])
PROF_NIGHT = _norm([2.5, 2.8, 2.5, 2.2, 2.0, 2.0, 1.5, 1.0, .4, .2, .2, .2, .3, .6, 1.2, 2.0, 2.8,
                    3.0, 3.2, 3.0, 2.6, 2.0, 1.8, 2.2])
PROF_RETAIL = _norm([.25, .12, .06, .03, .03, .1, .6, 2.2, 2.0, 1.5, 1.6, 3.0, 3.5, 2.0, 1.5, 1.6,
                     2.0, 3.0, 3.8, 3.5, 2.8, 2.0, 1.0, .5])
PROF_NET = _norm([1.0, .5, .25, .15, .15, .3, .8, 1.8, 2.2, 2.3, 2.4, 2.6, 2.8, 2.4, 2.3, 2.4, 2.5,
                  2.7, 3.0, 3.4, 3.8, 4.0, 3.5, 2.2])
PROF_WORK = _norm([0, 0, 0, 0, 0, 0, 0, .3, 1.5, 3, 3.2, 2.8, 1.2, 1.8, 3, 3.1, 3, 2.6, 1.5, .6,
                   .2, 0, 0, 0])
PROF_MEAL = _norm([0, 0, 0, 0, 0, 0, 0, .2, .4, .5, 1.5, 4, 4.5, 2, .5, .4, .6, 2, 4, 4, 2.5, 1,
                   .3, 0])
PROF_DRIVE = _norm([.6, .4, .3, .2, .2, .4, 1, 2.5, 3, 2, 1.6, 1.6, 1.8, 1.6, 1.5, 1.6, 2, 2.8, 3,
                    2.6, 2, 1.6, 1.4, 1])
PROF_SCAM = _norm([.1, .05, 0, 0, 0, 0, .1, .4, 1.5, 3, 3.2, 3, 2, 2.2, 3, 3.2, 3, 2.6, 2, 2, 2.2,
                   1.8, 1, .3])
PROF_EVE = _norm([.8, .4, .1, 0, 0, 0, 0, .1, .2, .3, .3, .4, .8, .5, .4, .4, .5, .8, 1.5, 2.5, 3.5,
                  4, 3.5, 2])

LEGIT_DOMAINS = [
    "baidu.com", "qq.com", "taobao.com", "douyin.com", "weixin.qq.com", "jd.com", "pinduoduo.com",
    "bilibili.com", "weibo.com", "zhihu.com", "kuaishou.com", "xiaohongshu.com", "163.com",
    "toutiao.com", "meituan.com", "sina.com.cn", "tmall.com", "alipay.com", "iqiyi.com",
    "ctrip.com", "dianping.com", "amap.com", "sohu.com", "youku.com", "ele.me", "12306.cn",
    "58.com", "ke.com", "qidian.com", "douban.com", "hupu.com", "eastmoney.com", "10jqka.com.cn",
    "zhaopin.com", "51job.com", "icbc.com.cn", "ccb.com", "abchina.com", "boc.cn",
    "cmbchina.com", "95516.com", "10086.cn", "10010.com", "189.cn", "gov.cn", "jiangxi.gov.cn",
    "nc.gov.cn", "chsi.com.cn", "csdn.net", "mi.com", "huawei.com", "vivo.com.cn", "bing.com",
    "so.com", "sogou.com", "people.com.cn", "xinhuanet.com", "cctv.com", "mafengwo.cn",
    "fliggy.com", "vip.com", "suning.com", "dewu.com", "goofish.com", "cainiao.com",
    "sf-express.com", "didiglobal.com", "ximalaya.com", "kugou.com", "weread.qq.com", "wps.cn",
    "dingtalk.com", "feishu.cn", "meeting.tencent.com", "zoom.us", "chinatax.gov.cn",
    "122.gov.cn", "jxnews.com.cn", "ncmtr.com", "ganji.com", "autohome.com.cn", "dongchedi.com",
    "qunar.com", "smzdm.com", "jianshu.com", "tencent.com", "apple.com.cn", "xuexi.cn",
    "jxhrss.gov.cn", "psbc.com", "cib.com.cn", "jx-bank.com",
]
LEGIT_APPS = [
    ("com.ss.android.ugc.aweme", 8), ("com.xunmeng.pinduoduo", 7), ("com.smile.gifmaker", 6),
    ("com.taobao.taobao", 6), ("com.tencent.mm", 3), ("com.jingdong.app.mall", 5),
    ("com.sankuai.meituan", 5), ("me.ele", 3), ("com.eg.android.AlipayGphone", 3),
    ("com.tencent.mobileqq", 3), ("tv.danmaku.bili", 4), ("com.xingin.xhs", 5),
    ("com.zhihu.android", 2), ("com.ss.android.article.news", 3), ("com.autonavi.minimap", 3),
    ("com.baidu.BaiduMap", 2), ("com.sdu.didi.psnger", 3), ("ctrip.android.view", 2),
    ("com.MobileTicket", 2), ("com.tencent.qqmusic", 2), ("com.netease.cloudmusic", 2),
    ("com.kugou.android", 2), ("com.ximalaya.ting.android", 1), ("com.tencent.tmgp.sgame", 4),
    ("com.tencent.tmgp.pubgmhd", 2), ("com.miHoYo.Yuanshen", 2), ("com.dragon.read", 3),
    ("com.tencent.weread", 1), ("com.taobao.idlefish", 2), ("com.achievo.vipshop", 1),
    ("com.shizhuang.duapp", 1), ("com.eastmoney.android.berlin", 1),
    ("com.hexin.plat.android", 1), ("com.jd.jrapp", 1), ("com.tencent.wework", 1),
    ("com.icbc", 1), ("com.chinamworld.main", 1), ("com.android.bankabc", 1),
    ("com.chinamworld.bocmbci", 1), ("cmb.pb", 1), ("com.yitong.mbank.psbc", 1),
    ("com.unionpay", 1), ("com.hicorenational.antifraud", 2), ("cn.gov.tax.its", 1),
    ("com.tmri.app.main", 1), ("com.lianjia.beike", 1), ("com.wuba", 1),
    ("com.p1.mobile.putong", 1), ("com.jiayuan", .5), ("com.immomo.momo", 1),
    ("cn.wps.moffice_eng", 1), ("com.alibaba.android.rimet", 1.5), ("com.ss.android.lark", 1),
    ("com.tencent.wemeet.app", 1.5), ("us.zoom.videomeetings", .6), ("com.oray.sunlogin", .4),
    ("youqu.android.todesk", .4), ("com.teamviewer.quicksupport.market", .2),
]
MEETING_APPS = ["com.tencent.wemeet.app", "us.zoom.videomeetings", "com.oray.sunlogin",
                "youqu.android.todesk", "com.teamviewer.quicksupport.market",
                "com.alibaba.android.rimet", "com.ss.android.lark"]
DATING_APPS = ["com.p1.mobile.putong", "com.jiayuan", "com.immomo.momo"]
GAME_APPS = ["com.tencent.tmgp.sgame", "com.tencent.tmgp.pubgmhd", "com.miHoYo.Yuanshen"]

NEW_W1 = ["hongdu", "ganjiang", "tengwang", "bayi", "qingshan", "yaohu", "honggu", "xianghu",
          "lvyin", "jinse", "meijia", "xinli", "aiyun", "shengshi", "huamei", "longteng",
          "fuxing", "jiale", "yijia", "chuangyi", "jiangnan", "xingfu"]
NEW_W2 = ["hotpot", "flowers", "expo", "homestay", "tutor", "studio", "fitness", "dental",
          "pets", "bakery", "jianzhi", "zhaopin", "licai-edu", "mall", "shop", "travel",
          "wedding", "auto", "clinic", "print", "kefu", "invest-club", "game", "credit"]
NEW_TLD = ["cn", "com", "top", "xyz", "shop", "vip", "cc", "net", "com.cn", "club"]

SCAM_WORDS = {
    "rebate": ["fanli", "renwu", "shuadan", "dianzan", "jianzhi", "hongli", "yongjin", "task"],
    "investment": ["huijin", "licai", "gupiao", "zhengquan", "qihuo", "usdt", "global-fx",
                   "caifu", "touzi", "jinrong"],
    "loan": ["daikuan", "jiedai", "kuaidai", "xydai", "edu", "jiekuan", "huabei-up"],
    "customer_service": ["kefu", "tuikuan", "lipei", "jd-kefu", "tb-refund", "kuaidi-lipei",
                         "baozhang", "zhuxiao"],
    "police": ["gajzx", "jcy-case", "spp-gov", "gongan", "fayuan", "anquan", "qingcha"],
    "shopping": ["mall", "shop", "outlet", "haitao", "qianggou", "tejia", "pinpai"],
    "credit_repair": ["zhengxin", "credit-fix", "xiufu", "zx-query", "xinyong"],
    "romance": ["yuehui", "jiaoyou", "love", "hunlian", "xiangqin"],
    "game_trading": ["youxi-jy", "zhanghao", "dnf-trade", "wzry-jy", "game-deal", "pifu"],
}
SCAM_TLD = ["top", "vip", "cc", "xyz", "com", "cn", "net", "app", "shop", "club", "icu"]
SCAM_TLD_W = _norm([3, 2.5, 2, 2, 2.5, 1.2, 1, .6, .5, .6, .6])

TYPES = ["rebate", "investment", "loan", "customer_service", "police", "shopping",
         "credit_repair", "boss", "romance", "game_trading"]
# engaged targets per 20,000 persons per 7 days, and share of engaged targets who pay
TYPE_TARGETS = {"rebate": 44, "investment": 24, "loan": 22, "customer_service": 28,
                "police": 16, "shopping": 18, "credit_repair": 11, "boss": 8, "romance": 13,
                "game_trading": 11}
TYPE_PAY = {"rebate": .58, "investment": .62, "loan": .5, "customer_service": .48,
            "police": .45, "shopping": .72, "credit_repair": .42, "boss": .55, "romance": .55,
            "game_trading": .62}
# chance the victim reports (within the city window) and median delay (hours) after the last loss
TYPE_REPORT = {"rebate": (.5, 10), "investment": (.35, 30), "loan": (.55, 8),
               "customer_service": (.65, 3), "police": (.55, 6), "shopping": (.4, 20),
               "credit_repair": (.5, 8), "boss": (.85, .7), "romance": (.3, 30),
               "game_trading": (.45, 10)}


# ----------------------------------------------------------------------------- helpers

def tod(rng, n, prof):
    """Seconds into a day, hour drawn from a 24-bin profile."""
    h = rng.choice(24, size=n, p=prof)
    return h * HOUR + rng.integers(0, HOUR, size=n)


def lognorm(rng, med, sigma, n=None):
    return med * np.exp(sigma * rng.standard_normal(n))


def wpick(rng, cum, n):
    """Indices drawn with cumulative weights `cum`."""
    return np.searchsorted(cum, rng.random(n) * cum[-1], side="right")


def money(x):
    """Yuan (float array) to fen (int64), at least 1 fen."""
    return np.maximum(np.round(np.asarray(x) * 100).astype(np.int64), 1)


class Phones:
    def __init__(self, rng):
        self.rng = rng
        self.num: list[str] = []
        self.holder: list[int] = []
        self.kind: list[str] = []
        self.act: list[int] = []
        self.cat: list[int] = []
        self.seen: set[str] = set()

    def add(self, number, holder, kind, act, cat):
        if number in self.seen:
            return -1
        self.seen.add(number)
        self.num.append(number)
        self.holder.append(int(holder))
        self.kind.append(kind)
        self.act.append(int(act))
        self.cat.append(cat)
        return len(self.num) - 1

    def _make(self, style, k):
        r = self.rng
        if style == "mobile":
            pre = np.array(MOBILE_PREFIX)[r.integers(0, len(MOBILE_PREFIX), k)]
            d = r.integers(0, 10 ** 8, k)
            return [f"{p}{x:08d}" for p, x in zip(pre, d)]
        if style == "virtual":
            pre = np.array(VIRTUAL_PREFIX)[r.integers(0, len(VIRTUAL_PREFIX), k)]
            d = r.integers(0, 10 ** 8, k)
            return [f"{p}{x:08d}" for p, x in zip(pre, d)]
        if style == "land":
            d = r.integers(0, 10 ** 7, k)
            first = np.array(["8", "8", "6", "3", "5"])[r.integers(0, 5, k)]
            return [f"0791{f}{x:07d}" for f, x in zip(first, d)]
        if style == "otherland":
            pre = np.array(OTHER_AREA)[r.integers(0, len(OTHER_AREA), k)]
            d = r.integers(2 * 10 ** 7, 10 ** 8, k)
            return [f"{p}{x:08d}" for p, x in zip(pre, d)]
        if style in ("ovs_scam", "ovs_legit"):
            cc, w = (CC_SCAM, CC_SCAM_W) if style == "ovs_scam" else (CC_LEGIT, CC_LEGIT_W)
            c = np.array(cc)[r.choice(len(cc), k, p=_norm(w))]
            ln = r.integers(8, 11, k)
            return [f"{c_}{int(r.integers(10 ** (n - 1) * 2, 10 ** n))}" for c_, n in zip(c, ln)]
        if style == "voip":
            out = []
            for _ in range(k):
                u = r.random()
                if u < .5:
                    out += self._make("virtual", 1)
                elif u < .8:
                    out += self._make("mobile", 1)
                else:
                    out += self._make("otherland", 1)
            return out
        raise ValueError(style)

    def many(self, style, k, holder, kind, act, cat):
        """k new unique numbers; holder and act scalars or arrays of length k."""
        holder = np.broadcast_to(np.asarray(holder), (k,))
        act = np.broadcast_to(np.asarray(act, dtype=np.int64), (k,))
        out = np.empty(k, dtype=np.int64)
        i = 0
        while i < k:
            for cand in self._make(style, k - i):
                j = self.add(cand, holder[i], kind, act[i], cat)
                if j >= 0:
                    out[i] = j
                    i += 1
                    if i == k:
                        break
        return out

    def one(self, style, holder, kind, act, cat):
        return int(self.many(style, 1, holder, kind, act, cat)[0])


class Accounts:
    def __init__(self, rng):
        self.rng = rng
        self.id: list[str] = []
        self.holder: list[int] = []
        self.bank: list[int] = []
        self.kind: list[str] = []
        self.opened: list[int] = []
        self.seen: set[str] = set()

    def many(self, k, holder, bank, kind, opened):
        r = self.rng
        holder = np.broadcast_to(np.asarray(holder), (k,))
        bank = np.broadcast_to(np.asarray(bank), (k,))
        opened = np.broadcast_to(np.asarray(opened, dtype=np.int64), (k,))
        out = np.empty(k, dtype=np.int64)
        for i in range(k):
            b = int(bank[i])
            while True:
                if kind == "personal":
                    aid = BANKS[b][1] + f"{int(r.integers(0, 10 ** 13)):013d}"
                else:
                    aid = f"{11 + b:02d}{int(r.integers(0, 10 ** 4)):04d}" + \
                        f"{int(r.integers(0, 10 ** 10)):010d}"
                if aid not in self.seen:
                    break
            self.seen.add(aid)
            self.id.append(aid)
            self.holder.append(int(holder[i]))
            self.bank.append(b)
            self.kind.append(kind)
            self.opened.append(int(opened[i]))
            out[i] = len(self.id) - 1
        return out

    def one(self, holder, bank, kind, opened):
        return int(self.many(1, holder, bank, kind, opened)[0])


class Ev:
    """Column buffers for one event table."""

    def __init__(self, *cols):
        self.cols = cols
        self.parts = {c: [] for c in cols}

    def add(self, **kw):
        n = None
        for c in self.cols:
            v = np.atleast_1d(np.asarray(kw[c]))
            n = len(v) if n is None else n
            self.parts[c].append(v)

    def cat(self):
        return {c: (np.concatenate(v) if v else np.empty(0, dtype=np.int64)).astype(np.int64)
                for c, v in self.parts.items()}


# ----------------------------------------------------------------------------- the city

class City:
    def __init__(self, seed, P, D):
        self.seed, self.P, self.D = seed, P, D
        self.T = D * DAY
        self.rng = np.random.default_rng(seed)
        self.ph = Phones(self.rng)
        self.ac = Accounts(self.rng)
        self.strs: list[str] = []  # domains and app names
        self.str_ix: dict[str, int] = {}
        self.calls = Ev("ts", "a", "b", "dur", "ring", "tp", "pp")
        self.sms = Ev("ts", "a", "b", "dom", "ring", "tp", "pp")
        self.net = Ev("ts", "num", "kind", "tgt", "ring", "pp")
        self.tr = Ev("ts", "fr", "to", "amt", "ch", "loss", "hop", "ring", "vic")

    def s(self, name):
        i = self.str_ix.get(name)
        if i is None:
            i = len(self.strs)
            self.strs.append(name)
            self.str_ix[name] = i
        return i

    # ------------------------------------------------------------------ persons, households
    def people(self):
        r = self.rng
        P = self.P
        age, sex, hh, rel = [], [], [], []
        hh_dist, hh_type, hh_members = [], [], []
        while len(age) < P:
            d = int(r.choice(len(DISTRICTS), p=DIST_W / DIST_W.sum()))
            t = int(r.choice(5, p=[.2, .24, .36, .14, .06]))
            m = []
            if t == 0:
                a = int(r.integers(19, 36)) if r.random() < .6 else int(r.integers(60, 93))
                m = [(a, int(r.random() < (.55 if a < 50 else .35)), 0)]
            elif t == 1:
                a = int(r.integers(23, 36)) if r.random() < .4 else int(r.integers(47, 86))
                m = [(a, 1, 0), (int(np.clip(a + r.integers(-5, 3), 19, 99)), 0, 1)]
            elif t == 2:
                a = int(r.integers(27, 58))
                m = [(a, 1, 0), (int(np.clip(a + r.integers(-5, 3), 21, 99)), 0, 1)]
                if r.random() < .08:
                    m = [m[int(r.integers(0, 2))]]
                for _ in range(1 if r.random() < .55 else 2):
                    m.append((max(0, a - int(r.integers(23, 36))), int(r.random() < .52), 2))
            elif t == 3:
                a = int(r.integers(30, 52))
                m = [(a, 1, 0), (int(np.clip(a + r.integers(-5, 3), 21, 99)), 0, 1)]
                for _ in range(1 if r.random() < .6 else 2):
                    m.append((max(0, a - int(r.integers(23, 35))), int(r.random() < .52), 2))
                g = a + int(r.integers(24, 33))
                m.append((min(g, 99), 1, 3))
                if r.random() < .55:
                    m.append((min(g + int(r.integers(-4, 3)), 99), 0, 3))
            else:
                for _ in range(int(r.integers(2, 5))):
                    m.append((int(r.integers(19, 31)), int(r.random() < .55), 4))
            h = len(hh_dist)
            idx = []
            for a_, s_, rl in m:
                idx.append(len(age))
                age.append(a_)
                sex.append(s_)
                hh.append(h)
                rel.append(rl)
            hh_dist.append(d)
            hh_type.append(t)
            hh_members.append(idx)
        # trim to P (the last household may overflow)
        age, sex, hh, rel = (np.array(x[:P]) for x in (age, sex, hh, rel))
        H = int(hh[-1]) + 1
        hh_members = [[i for i in mm if i < P] for mm in hh_members[:H]]
        self.age, self.sex, self.hh, self.rel = age, sex, hh, rel
        self.hh_dist = np.array(hh_dist[:H])
        self.hh_type = np.array(hh_type[:H])
        self.hh_members = hh_members
        self.H = H
        self.dist = self.hh_dist[hh]
        by = 2026 - age - (r.random(P) < .83).astype(int)
        self.birth_year = by
        # occupations
        occ = np.full(P, WORKER)
        occ[age < 10] = CHILD
        occ[(age >= 10) & (age < 18)] = STUDENT
        m = (age >= 18) & (age < 22)
        occ[m] = r.choice([COLLEGE, WORKER, RIDER, UNEMP, SHOP], m.sum(),
                          p=[.62, .18, .05, .13, .02])
        m = (age >= 22) & (age < 60)
        lst = [OFFICE, WORKER, SHOP, COURIER, RIDER, DRIVER, TELE, TRADER, NIGHT, UNEMP, FINANCE,
               LANDLORD]
        pw = _norm([.27, .27, .075, .012, .016, .02, .004, .007, .045, .09, .02, .012])
        occ[m] = r.choice(lst, m.sum(), p=pw)
        m = age >= 60
        occ[m] = r.choice([RETIRED, LANDLORD, SHOP, WORKER], m.sum(), p=[.9, .04, .03, .03])
        self.occ = occ
        self.wealth = lognorm(r, 1.0, .75, P) * np.where(age > 45, 1.8, 1.0) * \
            np.where(age > 65, 1.3, 1.0)
        # kin links between households (adult children <-> parents living apart)
        head_age = np.array([age[mm[0]] if mm else 0 for mm in hh_members])
        order = np.argsort(head_age, kind="stable")
        sorted_age = head_age[order]
        kin = []
        for h in range(H):
            t = self.hh_type[h]
            if not hh_members[h]:
                continue
            ha = head_age[h]
            if (t in (0, 1, 2, 4) and 19 <= ha <= 58) and r.random() < .72:
                lo = np.searchsorted(sorted_age, ha + 22)
                hi = np.searchsorted(sorted_age, ha + 36)
                if hi > lo:
                    g = int(order[r.integers(lo, hi)])
                    if g != h:
                        kin.append((h, g))
        self.kin_pairs = kin

    # ------------------------------------------------------------------ phones
    def phones(self):
        r, P, ph = self.rng, self.P, self.ph
        age = self.age
        p_mob = np.select([age < 10, age < 14, age < 18, age < 70, age < 80],
                          [0, .35, .85, .99, .82], .55)
        has = r.random(P) < p_mob
        act = -(lognorm(r, 4 * 365, .8, P) * DAY).astype(np.int64)
        act = np.maximum(act, -(np.maximum(age - 10, 1) * 365 * DAY))
        act = np.where(r.random(P) < .07, NA, act)
        # new residents: SIM activated just before or during the window
        self.newres = has & (age >= 18) & (age <= 45) & (r.random(P) < .018)
        nr = self.newres
        act[nr] = r.integers(-10 * DAY, min(4 * DAY, self.T - DAY), nr.sum())
        prim = np.full(P, -1, dtype=np.int64)
        ids = np.flatnonzero(has)
        prim[ids] = ph.many("mobile", len(ids), ids, "mobile", act[ids], C_RES)
        # second mobiles
        sec = np.full(P, -1, dtype=np.int64)
        m = np.flatnonzero(has & (age >= 20) & (age <= 62) & (r.random(P) < .14))
        sact = np.where(r.random(len(m)) < .1, NA,
                        -(lognorm(r, 2 * 365, .9, len(m)) * DAY).astype(np.int64))
        sec[m] = ph.many("mobile", len(m), m, "mobile", sact, C_RES2)
        # business people holding several SIMs (IoT / company lines), mostly silent
        m = np.flatnonzero(has & (age >= 28) & (age <= 60) & (r.random(P) < .006))
        for p in m:
            k = int(r.integers(3, 6))
            ph.many("mobile", k, p, "mobile", -(lognorm(r, 600, .8, k) * DAY).astype(np.int64),
                    C_BIZ)
        # SIM changers: a new number from change_t on
        newprim = np.full(P, -1, dtype=np.int64)
        change_t = np.full(P, INF, dtype=np.int64)
        m = np.flatnonzero(has & ~nr & (age >= 18) & (r.random(P) < .007))
        ct = r.integers(DAY // 4, max(DAY // 4 + 1, self.T - DAY // 2), len(m))
        newprim[m] = ph.many("mobile", len(m), m, "mobile", ct - r.integers(0, 2 * HOUR, len(m)),
                             C_RES)
        change_t[m] = ct
        self.simchg = m
        # household landlines
        H = self.H
        old = np.zeros(H, bool)
        np.logical_or.at(old, self.hh, age >= 65)
        hl = r.random(H) < (.1 + .35 * old)
        land = np.full(H, -1, dtype=np.int64)
        hs = np.flatnonzero(hl & np.array([len(m_) > 0 for m_ in self.hh_members]))
        heads = np.array([self.hh_members[h][0] for h in hs], dtype=np.int64)
        lact = np.where(r.random(len(hs)) < .3, NA,
                        -(lognorm(r, 10 * 365, .5, len(hs)) * DAY).astype(np.int64))
        land[hs] = ph.many("land", len(hs), heads, "landline", lact, C_LAND)
        self.prim, self.sec, self.newprim, self.change_t, self.land = prim, sec, newprim, \
            change_t, land
        self.pland = land[self.hh]
        # service numbers
        svc = {}
        for b in BANKS:
            svc[b[0]] = ph.add(b[2], -1, "service", NA, C_SVC)
        for code in ["10086", "10010", "10000", "12345", "12315", "95598", "12306", "95311",
                     "95338", "95546", "95554", "95543", "4000000999", "10101777", "10107888",
                     "12329", "12366", "95519", "95522", "95500"]:
            svc[code] = ph.add(code, -1, "service", NA, C_SVC)
        self.svc = svc
        self.bank_svc = np.array([svc[b[0]] for b in BANKS])
        self.op_svc = np.array([svc["10086"], svc["10010"], svc["10000"]])
        # 106 enterprise senders: (number idx, brand domain or -1, kind)
        senders = []
        brands = [("taobao.com", "m"), ("jd.com", "m"), ("pinduoduo.com", "m"),
                  ("meituan.com", "m"), ("ctrip.com", "m"), ("vip.com", "m"),
                  ("dianping.com", "m"), ("suning.com", "m"), ("ele.me", "m"),
                  ("10086.cn", "m"), ("kuaishou.com", "m"), ("douyin.com", "m"),
                  ("", "v"), ("", "v"), ("", "v"), ("", "v"), ("", "v"), ("", "v"),
                  ("cainiao.com", "c"), ("", "c"), ("", "c"), ("", "c"),
                  ("12306.cn", "n"), ("nc.gov.cn", "n"), ("jiangxi.gov.cn", "n"),
                  ("chinatax.gov.cn", "n"), ("", "n"), ("", "n")]
        for dom, k in brands:
            while True:
                num = "1069" + str(int(r.integers(10 ** 6, 10 ** 9)))
                i = ph.add(num, -1, "service", NA, C_106)
                if i >= 0:
                    break
            senders.append((i, self.s(dom) if dom else -1, k))
        self.senders = senders
        # privacy-relay numbers used by couriers / ride-hailing platforms
        self.relay = ph.many("virtual", 320, -1, "mobile", NA, C_RELAY)
        rs = []
        for _ in range(40):
            rs.append(ph.add("95013" + f"{int(r.integers(0, 10 ** 8)):08d}", -1, "service", NA,
                             C_RELAY))
        self.relay = np.concatenate([self.relay, np.array([x for x in rs if x >= 0])])

    def pnum(self, p, ts, sec_prob=0.0):
        """The number person p uses at ts (vectorised); -1 if none."""
        p = np.asarray(p)
        ts = np.asarray(ts)
        n = np.where(ts >= self.change_t[p], self.newprim[p], self.prim[p])
        if sec_prob > 0:
            s = self.sec[p]
            use = (s >= 0) & (self.rng.random(len(p)) < sec_prob)
            n = np.where(use, s, n)
        n = np.where(n < 0, self.pland[p], n)
        return n

    def pnum1(self, p, t):
        n = self.newprim[p] if t >= self.change_t[p] else self.prim[p]
        if n < 0:
            n = self.pland[p]
        return int(n)

    # ------------------------------------------------------------------ accounts
    def accounts(self):
        r, P, ac = self.rng, self.P, self.ac
        age, occ = self.age, self.occ
        cnt = np.zeros(P, dtype=np.int64)
        adult = age >= 18
        cnt[adult] = r.choice([1, 2, 3, 4], adult.sum(), p=[.38, .36, .19, .07])
        cnt[(age >= 80)] = 1
        teen = (age >= 16) & (age < 18) & (r.random(P) < .35)
        cnt[teen] = 1
        cnt[(age >= 18) & (r.random(P) < .015)] = 0  # unbanked
        owners = np.repeat(np.arange(P), cnt)
        n = len(owners)
        # local banks and PSBC more common among older / district residents
        banks = r.choice(NB, n, p=BANK_W)
        maxback = (np.maximum(age[owners] - 16, 1) * 365 * DAY)
        opened = -np.minimum((lognorm(r, 6 * 365, .9, n) * DAY).astype(np.int64), maxback)
        opened = np.where(r.random(n) < .05, NA, opened)
        nr = self.newres[owners]
        opened[nr] = np.where(r.random(nr.sum()) < .6,
                              r.integers(-12 * DAY, 3 * DAY, nr.sum()), opened[nr])
        ids = ac.many(n, owners, banks, "personal", opened)
        self.acc_off = np.concatenate([[0], np.cumsum(cnt)])
        self.acc_list = ids
        pa = np.full(P, -1, dtype=np.int64)
        has = cnt > 0
        pa[has] = ids[self.acc_off[:-1][has]]
        self.pa = pa
        # account -> notification (70 % of personal accounts get bank SMS)
        # merchants: shops
        shops = np.flatnonzero(occ == SHOP)
        shops = shops[pa[shops] >= 0]
        ownacc = r.random(len(shops)) < .3  # 30 % collect on a personal QR code
        merch = np.empty(len(shops), dtype=np.int64)
        mo = ~ownacc
        merch[ownacc] = pa[shops[ownacc]]
        merch[mo] = ac.many(mo.sum(), shops[mo], r.choice(NB, mo.sum(), p=BANK_W), "merchant",
                            -(lognorm(r, 3 * 365, .8, mo.sum()) * DAY).astype(np.int64))
        self.shop_owner = shops
        self.shop_acc = merch
        self.shop_dist = self.dist[shops]
        self.shop_pop = lognorm(r, 1.0, 1.0, len(shops))
        # night-market stalls: a share of shops trade late
        self.shop_night = r.random(len(shops)) < .12
        # chain stores (holder outside), utilities, jewellers, developers
        k = 14
        self.chain_acc = ac.many(k, -1, r.choice(NB, k, p=BANK_W), "merchant", NA)
        self.util_acc = ac.many(7, -1, r.choice(NB, 7, p=BANK_W), "corporate", NA)
        # 0 grid,1 water,2 gas,3 CMCC,4 CU,5 CT,6 social security fund
        self.big_acc = ac.many(3, -1, r.choice(NB, 3, p=BANK_W), "corporate", NA)
        jew = r.choice(shops, 4, replace=False) if len(shops) >= 4 else shops
        self.jewel_acc = ac.many(len(jew), jew, r.choice(NB, len(jew), p=BANK_W), "merchant",
                                 -(lognorm(r, 5 * 365, .5, len(jew)) * DAY).astype(np.int64))
        # wholesale traders
        tr = np.flatnonzero(occ == TRADER)
        self.trader = tr
        self.trader_acc = ac.many(len(tr), tr, r.choice(NB, len(tr), p=BANK_W), "corporate",
                                  -(lognorm(r, 4 * 365, .8, len(tr)) * DAY).astype(np.int64))
        # outside personal accounts (relatives / friends elsewhere, counterparties)
        k = max(200, self.P // 10)
        self.out_acc = ac.many(k, -1, r.choice(NB, k, p=BANK_W), "personal", NA)
        # employers
        emp_persons = np.flatnonzero(np.isin(occ, EMPLOYED))
        r.shuffle(emp_persons)
        fin = emp_persons[occ[emp_persons] == FINANCE]
        tele = emp_persons[occ[emp_persons] == TELE]
        cour = emp_persons[occ[emp_persons] == COURIER]
        rest = emp_persons[~np.isin(occ[emp_persons], (FINANCE, TELE, COURIER))]
        sizes = []
        tot = 0
        while tot < len(rest):
            s_ = int(np.clip(lognorm(r, 9, 1.1), 2, 400))
            sizes.append(s_)
            tot += s_
        groups = np.split(rest, np.cumsum(sizes)[:-1])
        groups = [g for g in groups if len(g)]
        # call-centres and courier branches
        ncc = max(1, len(tele) // 12)
        groups += [g for g in np.array_split(tele, ncc) if len(g)]
        nco = max(1, len(cour) // 15)
        groups += [g for g in np.array_split(cour, nco) if len(g)]
        E = len(groups)
        emp = np.full(P, -1, dtype=np.int64)
        for e, g in enumerate(groups):
            emp[g] = e
        # finance staff: one per employer of >= 6 people, as far as there are any
        big = [e for e, g in enumerate(groups) if len(g) >= 6]
        r.shuffle(big)
        for i, p in enumerate(fin):
            emp[p] = big[i % len(big)] if big else 0
        self.emp = emp
        self.E = E
        esize = np.bincount(emp[emp >= 0], minlength=E)
        # owner: a resident for small firms, outside for large ones
        adults_mid = np.flatnonzero((age >= 32) & (age <= 62) & (pa >= 0))
        eown = np.where((esize < 60) & (r.random(E) < .7),
                        r.choice(adults_mid, E), -1)
        self.emp_acc = ac.many(E, eown, r.choice(NB, E, p=BANK_W), "corporate",
                               -(lognorm(r, 5 * 365, .8, E) * DAY).astype(np.int64))
        self.emp_external = r.random(E) < .15  # paid from a bank outside the covered ones
        # payday (day of month); window = 2..(1+D) March
        self.emp_payday = r.choice([5, 10, 15, 20, 25, 28, 1, 8], E,
                                   p=[.22, .2, .2, .1, .1, .08, .04, .06])
        # landlords and tenants
        ll = np.flatnonzero((occ == LANDLORD) & (pa >= 0))
        rent_h = np.flatnonzero((self.hh_type == 4) |
                                ((self.hh_type == 0) & (r.random(self.H) < .45)) |
                                ((self.hh_type == 1) & (r.random(self.H) < .2)) |
                                ((self.hh_type == 2) & (r.random(self.H) < .15)))
        rent_h = np.array([h for h in rent_h if self.hh_members[h] and
                           pa[self.hh_members[h][0]] >= 0], dtype=np.int64)
        self.rent_h = rent_h
        self.rent_ll = r.choice(ll, len(rent_h)) if len(ll) else np.full(len(rent_h), -1)
        self.rent_day = np.where(r.random(len(rent_h)) < .45, r.integers(1, 6, len(rent_h)),
                                 r.integers(1, 29, len(rent_h)))
        self.rent_amt = np.round(lognorm(r, 1600, .35, len(rent_h)) / 50) * 50

    def acc_any(self, p, primary_prob=.7):
        """A random account of each person p (vectorised); -1 if none."""
        p = np.asarray(p)
        off = self.acc_off
        c = off[p + 1] - off[p]
        pick = off[p] + np.floor(self.rng.random(len(p)) * np.maximum(c, 1)).astype(np.int64)
        use_p = self.rng.random(len(p)) < primary_prob
        out = np.where(use_p, self.pa[p], self.acc_list[np.minimum(pick, len(self.acc_list) - 1)])
        return np.where(c > 0, out, -1)

    # ------------------------------------------------------------------ contact graph
    def contacts(self):
        r, P = self.rng, self.P
        age = self.age
        src, dstp, dstn, typ = [], [], [], []
        # household
        a_, b_ = [], []
        for mm in self.hh_members:
            for i in mm:
                for j in mm:
                    if i != j:
                        a_.append(i)
                        b_.append(j)
        src.append(np.array(a_))
        dstp.append(np.array(b_))
        typ.append(np.full(len(a_), R_HH))
        # kin
        a_, b_ = [], []
        for h, g in self.kin_pairs:
            A = [i for i in self.hh_members[h] if age[i] >= 12]
            B = [i for i in self.hh_members[g] if age[i] >= 12]
            for i in A:
                for j in B:
                    a_ += [i, j]
                    b_ += [j, i]
        src.append(np.array(a_, dtype=np.int64))
        dstp.append(np.array(b_, dtype=np.int64))
        typ.append(np.full(len(a_), R_KIN))
        # friends: neighbours in (district, age) order plus some random ones
        cand = np.flatnonzero(age >= 12)
        key = self.dist[cand] * 1000 + age[cand] + r.normal(0, 4, len(cand))
        order = cand[np.argsort(key, kind="stable")]
        rank = np.empty(P, dtype=np.int64)
        rank[order] = np.arange(len(order))
        k = r.poisson(np.where(age[cand] < 60, 5.5, 3.0)) + 1
        s = np.repeat(cand, k)
        off = r.geometric(.03, len(s)) * np.where(r.random(len(s)) < .5, -1, 1)
        pr = np.clip(rank[s] + off, 0, len(order) - 1)
        d = order[pr]
        rnd = r.random(len(s)) < .15
        d[rnd] = r.choice(cand, rnd.sum())
        ok = d != s
        s, d = s[ok], d[ok]
        code = np.unique(np.minimum(s, d) * P + np.maximum(s, d))
        s, d = code // P, code % P
        src += [s, d]
        dstp += [d, s]
        typ += [np.full(len(s), R_FRIEND)] * 2
        # colleagues
        a_, b_ = [], []
        members = {}
        for p in np.flatnonzero(self.emp >= 0):
            members.setdefault(int(self.emp[p]), []).append(int(p))
        for e in sorted(members):
            g = np.array(members[e])
            if len(g) < 2:
                continue
            kk = min(7, len(g) - 1)
            for p in g:
                c = r.choice(g, kk + 1, replace=False)
                c = c[c != p][:kk]
                a_ += [p] * len(c)
                b_ += c.tolist()
        src.append(np.array(a_, dtype=np.int64))
        dstp.append(np.array(b_, dtype=np.int64))
        typ.append(np.full(len(a_), R_COLL))
        src = np.concatenate(src).astype(np.int64)
        dstp = np.concatenate(dstp).astype(np.int64)
        typ = np.concatenate(typ).astype(np.int64)
        dstn = np.full(len(src), -1, dtype=np.int64)
        # external contacts (numbers outside the city)
        phoned = np.flatnonzero((self.prim >= 0) | (self.pland >= 0))
        k = r.poisson(np.where(self.newres[phoned], 3.0, 1.3))
        s = np.repeat(phoned, k)
        sty = r.random(len(s)) < .9
        nums = np.empty(len(s), dtype=np.int64)
        nums[sty] = self.ph.many("mobile", sty.sum(), -1, "mobile",
                                 np.where(r.random(sty.sum()) < .9, NA, -400 * DAY), C_EXT)
        nums[~sty] = self.ph.many("otherland", (~sty).sum(), -1, "landline", NA, C_EXT)
        # overseas relatives
        hs = np.flatnonzero(r.random(self.H) < .03)
        o_s, o_n = [], []
        for h in hs:
            mm = [i for i in self.hh_members[h] if age[i] >= 14]
            if not mm:
                continue
            n_ = self.ph.one("ovs_legit", -1, "overseas", NA, C_OVS)
            for i in mm:
                o_s.append(i)
                o_n.append(n_)
        src = np.concatenate([src, s, np.array(o_s, dtype=np.int64)])
        dstp = np.concatenate([dstp, np.full(len(s) + len(o_s), -1)])
        dstn = np.concatenate([dstn, nums, np.array(o_n, dtype=np.int64)])
        typ = np.concatenate([typ, np.full(len(s), R_EXT), np.full(len(o_s), R_OVS)])
        # replicate by weight, close friends more
        w = R_WEIGHT[typ].copy()
        w[(typ == R_FRIEND) & (r.random(len(typ)) < .25)] = 4
        idx = np.repeat(np.arange(len(src)), w)
        o = np.argsort(src[idx], kind="stable")
        idx = idx[o]
        self.e_src, self.e_dp, self.e_dn, self.e_typ = src[idx], dstp[idx], dstn[idx], typ[idx]
        self.e_off = np.searchsorted(self.e_src, np.arange(P + 1))
        self.ext_nums = nums

    def contact_of(self, p):
        """A random contact edge index of each person in p (-1 if none)."""
        p = np.asarray(p)
        lo, hi = self.e_off[p], self.e_off[p + 1]
        deg = hi - lo
        e = lo + np.floor(self.rng.random(len(p)) * np.maximum(deg, 1)).astype(np.int64)
        return np.where(deg > 0, e, -1)

    # ------------------------------------------------------------------ background calls
    def add_calls(self, ts, a, b, dur, ring=-1, tp=0, pp=-1):
        ts = np.atleast_1d(np.asarray(ts, dtype=np.int64))
        shape = ts.shape
        a, b, dur = (np.broadcast_to(np.asarray(x, dtype=np.int64), shape) for x in (a, b, dur))
        ok = (a >= 0) & (b >= 0) & (a != b)
        n = ok.sum()
        self.calls.add(ts=ts[ok], a=a[ok], b=b[ok], dur=dur[ok],
                       ring=np.broadcast_to(np.asarray(ring), shape)[ok],
                       tp=np.broadcast_to(np.asarray(tp), shape)[ok],
                       pp=np.broadcast_to(np.asarray(pp), shape)[ok])
        return n

    def add_sms(self, ts, a, b, dom, ring=-1, tp=0, pp=-1):
        ts = np.atleast_1d(np.asarray(ts, dtype=np.int64))
        a, b, dom = (np.asarray(x, dtype=np.int64) for x in (a, b, dom))
        shape = ts.shape
        a, b, dom = (np.broadcast_to(x, shape) for x in (a, b, dom))
        ok = (a >= 0) & (b >= 0) & (a != b)
        self.sms.add(ts=ts[ok], a=a[ok], b=b[ok], dom=dom[ok],
                     ring=np.broadcast_to(np.asarray(ring), shape)[ok],
                     tp=np.broadcast_to(np.asarray(tp), shape)[ok],
                     pp=np.broadcast_to(np.asarray(pp), shape)[ok])

    def add_net(self, ts, num, kind, tgt, ring=-1, pp=-1):
        ts = np.atleast_1d(np.asarray(ts, dtype=np.int64))
        num = np.asarray(num, dtype=np.int64)
        shape = ts.shape
        num = np.broadcast_to(num, shape)
        ok = num >= 0
        self.net.add(ts=ts[ok], num=num[ok],
                     kind=np.broadcast_to(np.asarray(kind), shape)[ok],
                     tgt=np.broadcast_to(np.asarray(tgt), shape)[ok],
                     ring=np.broadcast_to(np.asarray(ring), shape)[ok],
                     pp=np.broadcast_to(np.asarray(pp), shape)[ok])

    def add_tr(self, ts, fr, to, amt, ch, loss=0, hop=0, ring=-1, vic=-1):
        ts = np.atleast_1d(np.asarray(ts, dtype=np.int64))
        shape = ts.shape
        fr, to, amt, ch = (np.broadcast_to(np.asarray(x, dtype=np.int64), shape)
                           for x in (fr, to, amt, ch))
        ok = (amt > 0) & ~((fr >= 0) & (fr == to)) & ~((fr < 0) & (to < 0))
        self.tr.add(ts=ts[ok], fr=fr[ok], to=to[ok], amt=amt[ok], ch=ch[ok],
                    loss=np.broadcast_to(np.asarray(loss), shape)[ok],
                    hop=np.broadcast_to(np.asarray(hop), shape)[ok],
                    ring=np.broadcast_to(np.asarray(ring), shape)[ok],
                    vic=np.broadcast_to(np.asarray(vic), shape)[ok])

    def social_calls(self):
        r, P, D = self.rng, self.P, self.D
        age, occ = self.age, self.occ
        can = (self.prim >= 0) | (self.pland >= 0)
        lam = np.select([age < 14, age < 18, age < 60, age < 75], [.4, 1.0, 2.4, 1.6], 1.0)
        lam = lam * lognorm(r, 1, .55, P) * can
        lam[self.newres] *= 1.6
        n = r.poisson(lam * D)
        c = np.repeat(np.arange(P), n)
        N = len(c)
        day = r.integers(0, D, N)
        night = occ[c] == NIGHT
        t = np.where(night, tod(r, N, PROF_NIGHT), tod(r, N, PROF_DAY))
        ts = day * DAY + t
        e = self.contact_of(c)
        ok = e >= 0
        c, ts, e = c[ok], ts[ok], e[ok]
        typ = self.e_typ[e]
        dp, dn = self.e_dp[e], self.e_dn[e]
        a = self.pnum(c, ts, sec_prob=.15)
        colle = typ == R_COLL
        a[colle] = self.pnum(c[colle], ts[colle], sec_prob=.5)
        b = np.where(dp >= 0, self.pnum(np.maximum(dp, 0), ts, sec_prob=.08), dn)
        # external contacts call in as often as they are called
        swap = (dp < 0) & (r.random(len(c)) < .5)
        a, b = np.where(swap, b, a), np.where(swap, a, b)
        ans = r.random(len(c)) < R_ANSWER[typ]
        dur = np.where(ans, np.clip(lognorm(r, 1, 1.0, len(c)) * R_DUR_MED[typ], 4, 7200), 0)
        dur = dur.astype(np.int64)
        self.add_calls(ts, a, b, dur, tp=1)
        # call-backs after a missed call
        cb = (~ans) & (r.random(len(c)) < .45)
        cts = ts[cb] + r.integers(40, 40 * MIN, cb.sum())
        cdur = np.where(r.random(cb.sum()) < .9,
                        np.clip(lognorm(r, 50, 1.0, cb.sum()), 4, 3600), 0).astype(np.int64)
        self.add_calls(cts, b[cb], a[cb], cdur, tp=1)
        # new residents call many strangers: landlords, agents, employers, shops
        nr = np.flatnonzero(self.newres)
        k = r.poisson(5.0 * D, len(nr))
        c = np.repeat(nr, k)
        ts = r.integers(0, D, len(c)) * DAY + tod(r, len(c), PROF_WORK)
        phoned = np.flatnonzero(self.prim >= 0)
        callee = r.choice(phoned, len(c))
        b = self.pnum(callee, ts)
        land_any = self.land[self.land >= 0]
        use_land = r.random(len(c)) < .25
        if len(land_any):
            b[use_land] = r.choice(land_any, use_land.sum())
        ans = r.random(len(c)) < .68
        dur = np.where(ans, np.clip(lognorm(r, 70, .9, len(c)), 5, 1800), 0)
        self.add_calls(ts, self.pnum(c, ts), b, dur, tp=2)
        # SIM changers tell their contacts
        for p in self.simchg:
            ct = int(self.change_t[p])
            k = int(r.integers(3, 9))
            e = self.contact_of(np.full(k, p))
            e = e[e >= 0]
            if not len(e):
                continue
            ts = ct + np.sort(r.integers(5 * MIN, 20 * HOUR, len(e)))
            dp = self.e_dp[e]
            b = np.where(dp >= 0, self.pnum(np.maximum(dp, 0), ts), self.e_dn[e])
            self.add_calls(ts, np.full(len(e), self.newprim[p]), b,
                           np.clip(lognorm(r, 90, .8, len(e)), 5, 1800), tp=3)
            k = int(r.integers(8, 30))
            e = self.contact_of(np.full(k, p))
            e = e[e >= 0]
            ts = ct + r.integers(MIN, 3 * HOUR, len(e))
            dp = self.e_dp[e]
            b = np.where(dp >= 0, self.pnum(np.maximum(dp, 0), ts), self.e_dn[e])
            self.add_sms(ts, np.full(len(e), self.newprim[p]), b, -1, tp=3)

    def service_calls(self):
        r, P, D = self.rng, self.P, self.D
        phoned = np.flatnonzero(self.prim >= 0)
        n = len(phoned)
        # residents call banks / operators / hotlines
        k = r.poisson(.025 * D, n)
        c = np.repeat(phoned, k)
        ts = r.integers(0, D, len(c)) * DAY + tod(r, len(c), PROF_WORK)
        acc = self.pa[c]
        bank = np.where(acc >= 0, np.array(self.ac.bank)[np.maximum(acc, 0)],
                        r.integers(0, NB, len(c)))
        svc_pick = np.where(r.random(len(c)) < .6, self.bank_svc[bank],
                            r.choice([self.svc[x] for x in ["10086", "10010", "10000", "12345",
                                                            "12315", "95598", "12306", "95311",
                                                            "95338", "4000000999", "12329"]],
                                     len(c)))
        dur = np.clip(lognorm(r, 200, .7, len(c)), 20, 2400).astype(np.int64)
        self.add_calls(ts, self.pnum(c, ts), svc_pick, dur, tp=4)
        # outbound calls from banks (card / loan marketing, verification) and 12345 call-backs
        k = r.poisson(.012 * D, n)
        c = np.repeat(phoned, k)
        ts = r.integers(0, D, len(c)) * DAY + tod(r, len(c), PROF_WORK)
        acc = self.pa[c]
        bank = np.where(acc >= 0, np.array(self.ac.bank)[np.maximum(acc, 0)],
                        r.integers(0, NB, len(c)))
        caller = np.where(r.random(len(c)) < .85, self.bank_svc[bank], self.svc["12345"])
        ans = r.random(len(c)) < .5
        dur = np.where(ans, np.clip(lognorm(r, 60, .8, len(c)), 5, 900), 0)
        self.add_calls(ts, caller, self.pnum(c, ts), dur, tp=4)

    def lookalike_calls(self):
        """Couriers, delivery riders, ride-hailing drivers, telemarketers, debt collectors."""
        r, D = self.rng, self.D
        occ = self.occ
        phoned = np.flatnonzero(self.prim >= 0)
        by_d = [phoned[self.dist[phoned] == d] for d in range(len(DISTRICTS))]

        def customers(dist_of, n, local=.8):
            out = r.choice(phoned, n)
            loc = r.random(n) < local
            for d in range(len(DISTRICTS)):
                m = loc & (dist_of == d)
                if m.sum() and len(by_d[d]):
                    out[m] = r.choice(by_d[d], m.sum())
            return out

        for role, prof, rate, relay_p, med, ans_p in (
                (COURIER, PROF_WORK, 45, .35, 24, .8), (RIDER, PROF_MEAL, 26, .5, 16, .82),
                (DRIVER, PROF_DRIVE, 11, .92, 22, .85)):
            ws = np.flatnonzero((occ == role) & (self.prim >= 0))
            days = (r.random((len(ws), D)) < 6 / 7)
            k = r.poisson(rate * lognorm(r, 1, .3, (len(ws), D))) * days
            w = np.repeat(np.repeat(ws, D), k.ravel())
            day = np.repeat(np.tile(np.arange(D), len(ws)), k.ravel())
            N = len(w)
            ts = day * DAY + tod(r, N, prof)
            cu = customers(self.dist[w], N)
            a = np.where(r.random(N) < relay_p, r.choice(self.relay, N), self.pnum(w, ts))
            b = self.pnum(cu, ts)
            ans = r.random(N) < ans_p
            dur = np.where(ans, np.clip(lognorm(r, med, .55, N), 3, 600), 0)
            self.add_calls(ts, a, b, dur, tp=5)
            # retry after a missed call
            rt = (~ans) & (r.random(N) < .55)
            ts2 = ts[rt] + r.integers(3 * MIN, 25 * MIN, rt.sum())
            d2 = np.where(r.random(rt.sum()) < .7, np.clip(lognorm(r, med, .5, rt.sum()), 3, 600),
                          0)
            self.add_calls(ts2, a[rt], b[rt], d2, tp=5)
        # telemarketing numbers: resident staff lines, company landlines, outside mobiles, voip
        tele_staff = np.flatnonzero((occ == TELE) & (self.prim >= 0))
        nums = []
        for p in tele_staff:
            if r.random() < .6:
                nums.append(self.ph.one("mobile", p, "mobile",
                                        -int(lognorm(r, 200, 1.0) * DAY), C_TELE))
            else:
                nums.append(int(self.prim[p]))
        nt = max(8, self.P // 800)
        for i in range(nt):
            u = r.random()
            if u < .35:
                nums.append(self.ph.one("land", -1 if r.random() < .5 else
                                        int(r.choice(tele_staff)) if len(tele_staff) else -1,
                                        "landline", NA, C_TELE))
            elif u < .7:
                nums.append(self.ph.one("mobile", -1, "mobile", NA, C_TELE))
            else:
                nums.append(self.ph.one("voip", -1, "voip", NA, C_TELE))
        self.tele_nums = np.array(nums, dtype=np.int64)
        agew = np.where((self.age[phoned] >= 25) & (self.age[phoned] <= 65), 1.0, .3)
        cum = np.cumsum(agew)
        for num in self.tele_nums:
            base = r.uniform(60, 220)
            for d in range(D):
                wd = d % 7
                if wd == 6 or (wd == 5 and r.random() < .5):
                    continue
                k = r.poisson(base)
                ts = d * DAY + tod(r, k, PROF_WORK)
                cu = phoned[wpick(r, cum, k)]
                ans = r.random(k) < r.uniform(.18, .34)
                long_ = r.random(k) < .15
                dur = np.where(ans, np.where(long_, np.clip(lognorm(r, 150, .6, k), 30, 900),
                                             np.clip(lognorm(r, 12, .6, k), 2, 60)), 0)
                self.add_calls(ts, np.full(k, num), self.pnum(cu, ts), dur, tp=6)
        # cloud call-centre (voip) lines of legitimate firms: clinics' appointment reminders,
        # property management, insurers' renewal calls, e-commerce after-sales call-backs
        nv = max(6, self.P // 700)
        self.biz_voip = []
        for i in range(nv):
            num = self.ph.one("voip", -1, "voip", NA, C_TELE)
            self.biz_voip.append(num)
            base = r.uniform(15, 70)
            for d in range(D):
                if d % 7 == 6 and r.random() < .7:
                    continue
                k = r.poisson(base)
                ts = d * DAY + tod(r, k, PROF_WORK)
                cu = r.choice(phoned, k)
                ans = r.random(k) < r.uniform(.45, .7)
                dur = np.where(ans, np.clip(lognorm(r, 45, .7, k), 5, 1200), 0)
                self.add_calls(ts, np.full(k, num), self.pnum(cu, ts), dur, tp=6)
                # some customers call back
                cb = (~ans) & (r.random(k) < .2)
                ts2 = ts[cb] + r.integers(5 * MIN, 5 * HOUR, cb.sum())
                self.add_calls(ts2, self.pnum(cu[cb], ts2), np.full(cb.sum(), num),
                               np.clip(lognorm(r, 90, .7, cb.sum()), 5, 1800), tp=6)
        # debt collectors: call debtors repeatedly and their contacts
        nd = max(4, self.P // 2500)
        self.debt_nums = []
        for i in range(nd):
            num = self.ph.one("mobile" if r.random() < .6 else "voip", -1,
                              "mobile" if r.random() < .6 else "voip", NA, C_DEBT)
            self.debt_nums.append(num)
            debtors = r.choice(phoned, int(r.integers(25, 60)), replace=False)
            for d in range(D):
                who = debtors[r.random(len(debtors)) < .5]
                reps = r.integers(1, 4, len(who))
                p = np.repeat(who, reps)
                ts = d * DAY + tod(r, len(p), PROF_WORK)
                # some calls go to the debtor's contacts
                side = r.random(len(p)) < .22
                e = self.contact_of(p[side])
                okk = e >= 0
                b = self.pnum(p, ts)
                sp = np.flatnonzero(side)[okk]
                dp = self.e_dp[e[okk]]
                b[sp] = np.where(dp >= 0, self.pnum(np.maximum(dp, 0), ts[sp]), self.e_dn[e[okk]])
                ans = r.random(len(p)) < .22
                dur = np.where(ans, np.clip(lognorm(r, 45, .8, len(p)), 3, 900), 0)
                self.add_calls(ts, np.full(len(p), num), b, dur, tp=7)

    # ------------------------------------------------------------------ background SMS
    def background_sms(self):
        r, P, D = self.rng, self.P, self.D
        age = self.age
        phoned = np.flatnonzero(self.prim >= 0)
        n = len(phoned)
        # person to person
        k = r.poisson(np.where(age[phoned] < 50, .25, .12) * D)
        c = np.repeat(phoned, k)
        ts = r.integers(0, D, len(c)) * DAY + tod(r, len(c), PROF_DAY)
        e = self.contact_of(c)
        ok = e >= 0
        c, ts, e = c[ok], ts[ok], e[ok]
        dp = self.e_dp[e]
        b = np.where(dp >= 0, self.pnum(np.maximum(dp, 0), ts), self.e_dn[e])
        self.add_sms(ts, self.pnum(c, ts), b, -1, tp=1)
        # 106 senders
        S = self.senders
        kinds = np.array([k_ for _, _, k_ in S])
        snum = np.array([i for i, _, _ in S])
        sdom = np.array([d for _, d, _ in S])
        for kind, rate, prof in (("v", .45, PROF_DAY), ("m", .4, PROF_WORK), ("c", .18, PROF_DAY),
                                 ("n", .03, PROF_WORK)):
            idx = np.flatnonzero(kinds == kind)
            k = r.poisson(rate * D, n)
            c = np.repeat(phoned, k)
            ts = r.integers(0, D, len(c)) * DAY + tod(r, len(c), prof)
            j = r.choice(idx, len(c))
            dom = sdom[j]
            if kind == "c":
                dom = np.where(r.random(len(c)) < .5, dom, -1)
            b = self.pnum(c, ts)
            self.add_sms(ts, snum[j], b, dom, tp=2)
            if kind in ("m", "n"):
                click = (dom >= 0) & (r.random(len(c)) < .03)
                self.add_net(ts[click] + r.integers(10, 40 * MIN, click.sum()), b[click], 1,
                             dom[click])
        # operator bill SMS on the 1st working days of the month (in the window: day 0-1)
        ts = r.integers(0, 2, n) * DAY + tod(r, n, PROF_WORK)
        op = r.choice(3, n, p=[.6, .25, .15])
        doms = np.array([self.s("10086.cn"), self.s("10010.com"), self.s("189.cn")])
        self.add_sms(ts, self.op_svc[op], self.pnum(phoned, ts),
                     np.where(r.random(n) < .6, doms[op], -1), tp=2)
        # campaigns for newly registered legit domains (a new restaurant, an expo, a job fair)
        self.new_legit = []
        seen = set()
        while len(self.new_legit) < 28:
            name = f"{r.choice(NEW_W1)}-{r.choice(NEW_W2)}.{r.choice(NEW_TLD)}" \
                if r.random() < .6 else f"{r.choice(NEW_W1)}{r.choice(NEW_W2).split('-')[0]}" \
                                        f"{int(r.integers(1, 99)) if r.random() < .3 else ''}" \
                                        f".{r.choice(NEW_TLD)}"
            if name not in seen:
                seen.add(name)
                self.new_legit.append(self.s(name))
        for j, dom in enumerate(self.new_legit[:10]):
            sender = self.ph.add("1069" + str(int(r.integers(10 ** 7, 10 ** 9))), -1, "service",
                                 NA, C_106)
            if sender < 0:
                continue
            k = min(int(r.integers(300, 2500) * min(1.0, P / 20000)) + 5, len(phoned))
            day = int(r.integers(0, D))
            c = r.choice(phoned, k, replace=False)
            ts = day * DAY + tod(r, k, PROF_WORK)
            b = self.pnum(c, ts)
            self.add_sms(ts, np.full(k, sender), b, dom, tp=2)
            click = r.random(k) < .025
            self.add_net(ts[click] + r.integers(10, 60 * MIN, click.sum()), b[click], 1, dom)

    # ------------------------------------------------------------------ background net
    def background_net(self):
        r, P, D = self.rng, self.P, self.D
        age, occ = self.age, self.occ
        phoned = np.flatnonzero(self.prim >= 0)
        a = age[phoned]
        lam = np.select([a < 18, a < 35, a < 55, a < 70], [5, 9, 6, 2.5], 1.0) * \
            lognorm(r, 1, .6, len(phoned))
        k = r.poisson(lam * D)
        c = np.repeat(phoned, k)
        N = len(c)
        night = occ[c] == NIGHT
        ts = r.integers(0, D, N) * DAY + np.where(night, tod(r, N, PROF_NIGHT), tod(r, N, PROF_NET))
        nd = len(LEGIT_DOMAINS)
        dw = 1 / np.arange(1, nd + 1) ** 1.05
        dom_ids = np.array([self.s(d) for d in LEGIT_DOMAINS])
        dom = dom_ids[wpick(r, np.cumsum(dw), N)]
        # newly registered legit domains: visited by a few people
        nl = np.array(self.new_legit)
        m = r.random(N) < .004
        dom[m] = r.choice(nl, m.sum())
        self.add_net(ts, self.pnum(c, ts), 1, dom)
        # app installs
        names = [x for x, _ in LEGIT_APPS]
        w = np.array([x for _, x in LEGIT_APPS], float)
        app_ids = np.array([self.s(x) for x in names])
        k = r.poisson(np.where(a < 60, .07, .025) * D)
        c = np.repeat(phoned, k)
        N = len(c)
        ts = r.integers(0, D, N) * DAY + tod(r, N, PROF_NET)
        app = app_ids[wpick(r, np.cumsum(w), N)]
        self.add_net(ts, self.pnum(c, ts), 0, app)
        # office workers installing meeting / remote-desktop apps for work, then joining calls
        off_ = np.flatnonzero(np.isin(occ, (OFFICE, FINANCE)) & (self.prim >= 0))
        m = off_[r.random(len(off_)) < .05]
        ts = r.integers(0, D, len(m)) * DAY + tod(r, len(m), PROF_WORK)
        mapps = np.array([self.s(x) for x in MEETING_APPS])
        self.add_net(ts, self.pnum(m, ts), 0, r.choice(mapps, len(m), p=_norm([5, 2, 1, 1, .5, 3, 2])))
        self.add_net(ts + r.integers(60, 20 * MIN, len(m)), self.pnum(m, ts), 1,
                     self.s("meeting.tencent.com"))
        # elderly helped by family with remote support apps
        old = np.flatnonzero((age >= 60) & (self.prim >= 0))
        m = old[r.random(len(old)) < .01]
        ts = r.integers(0, D, len(m)) * DAY + tod(r, len(m), PROF_DAY)
        self.add_net(ts, self.pnum(m, ts), 0, r.choice(mapps[:5], len(m)))

    # ------------------------------------------------------------------ background transfers
    def background_transfers(self):
        r, P, D, T = self.rng, self.P, self.D, self.T
        age, occ = self.age, self.occ
        banked = np.flatnonzero(self.pa >= 0)
        a = age[banked]
        # -------- retail at local shops / chains (third-party QR payments)
        lam = np.select([a < 23, a < 60], [1.0, 1.3], .6) * lognorm(r, 1, .5, len(banked))
        k = r.poisson(lam * D)
        c = np.repeat(banked, k)
        N = len(c)
        night = occ[c] == NIGHT
        ts = r.integers(0, D, N) * DAY + np.where(night, tod(r, N, PROF_NIGHT),
                                                   tod(r, N, PROF_RETAIL))
        to = np.empty(N, dtype=np.int64)
        chain = r.random(N) < .18
        to[chain] = r.choice(self.chain_acc, chain.sum())
        loc = ~chain
        sd = self.shop_dist
        pop = self.shop_pop
        same = r.random(N) < .75
        cdist = self.dist[c]
        cum_all = np.cumsum(pop)
        tmp = wpick(r, cum_all, N)
        to_loc = self.shop_acc[np.minimum(tmp, len(pop) - 1)]
        for d in range(len(DISTRICTS)):
            ix = np.flatnonzero(sd == d)
            if not len(ix):
                continue
            m = loc & same & (cdist == d)
            cw = np.cumsum(pop[ix])
            to_loc[m] = self.shop_acc[ix[np.minimum(wpick(r, cw, m.sum()), len(ix) - 1)]]
        # night purchases go to night stalls / 24h shops
        ns = np.flatnonzero(self.shop_night)
        hr = (ts % DAY) // HOUR
        m = loc & ((hr >= 22) | (hr < 5)) & (r.random(N) < .6)
        if len(ns):
            to_loc[m] = self.shop_acc[r.choice(ns, m.sum())]
        to[loc] = to_loc[loc]
        amt = np.where(chain, lognorm(r, 85, .8, N), lognorm(r, 28, .95, N))
        amt = np.where(r.random(N) < .45, np.ceil(amt), amt)
        fr = self.acc_any(c, .8)
        ch = np.where(r.random(N) < .86, CH_3P, CH_MOB)
        self.add_tr(ts, fr, to, money(amt), ch)
        self.retail_to, self.retail_ts, self.retail_amt = to, ts, money(amt)
        # -------- online shopping (leaves the covered banks)
        lam = np.select([a < 35, a < 55], [.5, .3], .08)
        k = r.poisson(lam * D)
        c = np.repeat(banked, k)
        N = len(c)
        ts = r.integers(0, D, N) * DAY + tod(r, N, PROF_NET)
        self.add_tr(ts, self.acc_any(c), -1, money(lognorm(r, 70, 1.0, N)), CH_3P)
        # -------- red packets and friend transfers (through the contact graph)
        for rate, kind in ((.22, "red"), (.05, "friend")):
            k = r.poisson(rate * D, len(banked))
            c = np.repeat(banked, k)
            e = self.contact_of(c)
            ok = e >= 0
            c, e = c[ok], e[ok]
            dp = self.e_dp[e]
            N = len(c)
            ts = r.integers(0, D, N) * DAY + tod(r, N, PROF_DAY)
            to = np.where(dp >= 0, self.pa[np.maximum(dp, 0)], -2)
            ext = dp < 0
            to[ext] = np.where(r.random(ext.sum()) < .5, r.choice(self.out_acc, ext.sum()), -1)
            keep = to != -2
            if kind == "red":
                vals = np.array([5.2, 6.66, 8.88, 10, 13.14, 20, 50, 52, 66, 66.66, 88, 88.88, 100,
                                 168, 200, 520])
                amt = vals[r.choice(len(vals), N, p=_norm([3, 4, 4, 3, 1, 3, 3, 2, 3, 1, 2, 1, 2,
                                                           1, 1, .5]))]
                ch = CH_3P
            else:
                amt = np.round(lognorm(r, 500, 1.0, N) / 10) * 10 + .0
                ch = np.where(r.random(N) < .7, CH_MOB, CH_3P)
            ch = np.broadcast_to(ch, (N,))
            self.add_tr(ts[keep], self.acc_any(c[keep]), to[keep], money(amt[keep]), ch[keep])
        # -------- family support: kin households (money to parents / children), students
        a_, b_ = [], []
        for h, g in self.kin_pairs:
            A = [i for i in self.hh_members[h] if self.pa[i] >= 0 and age[i] >= 18]
            B = [i for i in self.hh_members[g] if self.pa[i] >= 0 and age[i] >= 18]
            if A and B and r.random() < .35:
                x, y = A[int(r.integers(0, len(A)))], B[int(r.integers(0, len(B)))]
                if r.random() < .5:
                    x, y = y, x
                a_.append(x)
                b_.append(y)
        col = np.flatnonzero((occ == COLLEGE) & (self.pa >= 0))
        col = col[r.random(len(col)) < .3]
        for s_ in col:
            mm = [i for i in self.hh_members[self.hh[s_]] if i != s_ and age[i] >= 35 and
                  self.pa[i] >= 0]
            if mm:
                a_.append(mm[0])
                b_.append(int(s_))
        a_, b_ = np.array(a_, dtype=np.int64), np.array(b_, dtype=np.int64)
        N = len(a_)
        ts = r.integers(0, D, N) * DAY + tod(r, N, PROF_DAY)
        old = age[a_] >= 65
        ch = np.where(old & (r.random(N) < .4), CH_CNT, CH_MOB)
        self.add_tr(ts, self.acc_any(a_), self.pa[b_], money(np.round(lognorm(r, 1200, .7, N), -2)),
                    ch)
        # -------- salaries (payday in the window)
        dom0 = 2  # the window starts on 2 March
        for e in range(self.E):
            pd = int(self.emp_payday[e])
            day = pd - dom0
            if not (0 <= day < D):
                continue
            staff = np.flatnonzero(self.emp == e)
            staff = staff[self.pa[staff] >= 0]
            if not len(staff):
                continue
            if (day % 7) >= 5:
                day = max(0, day - (day % 7 - 4))
            t0 = day * DAY + int(r.integers(9 * HOUR, 16 * HOUR))
            ts = t0 + np.sort(r.integers(0, 8 * MIN, len(staff)))
            med = np.select([occ[staff] == OFFICE, occ[staff] == FINANCE, occ[staff] == NIGHT],
                            [7200, 6500, 5600], 5000)
            amt = np.round(lognorm(r, 1, .35, len(staff)) * med, 2)
            fr = -1 if self.emp_external[e] else int(self.emp_acc[e])
            self.add_tr(ts, fr, self.pa[staff], money(amt), CH_ONL)
            if fr >= 0:  # the firm is funded from outside / its own income
                self.add_tr(t0 - int(r.integers(HOUR, 20 * HOUR)), -1, fr,
                            money(amt.sum() * r.uniform(.9, 1.3)), CH_ONL)
        # -------- pensions (social security fund, one day in the window)
        ret = np.flatnonzero((occ == RETIRED) & (self.pa >= 0))
        pday = min(D - 1, 3)
        ts = pday * DAY + int(7 * HOUR) + r.integers(0, 3 * HOUR, len(ret))
        self.add_tr(ts, self.util_acc[6], self.pa[ret], money(lognorm(r, 3200, .35, len(ret))),
                    CH_ONL)
        # -------- rent (tenants -> landlords), landlords move money on
        rent_ts = []
        for i, h in enumerate(self.rent_h):
            day = int(self.rent_day[i]) - dom0
            ll = self.rent_ll[i]
            if ll < 0 or not (0 <= day < D):
                continue
            payer = self.hh_members[h][0]
            t = day * DAY + int(tod(r, 1, PROF_DAY)[0])
            self.add_tr(t, self.acc_any(np.array([payer]))[0], self.pa[ll],
                        money(self.rent_amt[i]), CH_MOB if r.random() < .7 else CH_3P)
            rent_ts.append((int(ll), t, int(money(self.rent_amt[i]))))
        got = {}
        for ll, t, amt in rent_ts:
            g = got.setdefault(ll, [0, 0])
            g[0] = max(g[0], t)
            g[1] += amt
        for ll in sorted(got):
            t, amt = got[ll]
            if amt > 300000 and r.random() < .8:
                t2 = t + int(r.integers(2 * HOUR, 2 * DAY))
                to = -1 if r.random() < .6 else int(self.acc_any(np.array([ll]), 0)[0])
                self.add_tr(t2, self.pa[ll], to, int(amt * r.uniform(.6, .95)), CH_ONL)
        # new residents: deposit + first rent to a landlord, furniture
        lls = np.flatnonzero((occ == LANDLORD) & (self.pa >= 0))
        for p in np.flatnonzero(self.newres & (self.pa >= 0)):
            if len(lls) and r.random() < .7:
                t = max(0, int(self.ph.act[self.prim[p]])) + int(r.integers(HOUR, 3 * DAY))
                self.add_tr(t, self.pa[p], self.pa[int(r.choice(lls))],
                            money(round(float(lognorm(r, 1500, .3)), -2) * r.choice([2, 3])),
                            CH_MOB)
        # -------- bills and top-ups
        hs = np.array([mm[0] for mm in self.hh_members if mm and self.pa[mm[0]] >= 0])
        m = hs[r.random(len(hs)) < .4]
        ts = r.integers(0, D, len(m)) * DAY + tod(r, len(m), PROF_DAY)
        self.add_tr(ts, self.acc_any(m), self.util_acc[r.integers(0, 3, len(m))],
                    money(lognorm(r, 130, .5, len(m))), CH_3P)
        m = banked[(self.prim[banked] >= 0) & (r.random(len(banked)) < .3)]
        ts = r.integers(0, D, len(m)) * DAY + tod(r, len(m), PROF_DAY)
        self.add_tr(ts, self.acc_any(m), self.util_acc[3 + r.choice(3, len(m), p=[.6, .25, .15])],
                    money(r.choice([30, 50, 100, 100, 200], len(m))), CH_3P)
        # -------- ATM withdrawals and cash deposits
        lam = np.where(a >= 60, .09, .06)
        k = r.poisson(lam * D)
        c = np.repeat(banked, k)
        N = len(c)
        night = occ[c] == NIGHT
        ts = r.integers(0, D, N) * DAY + np.where(night, tod(r, N, PROF_NIGHT), tod(r, N, PROF_DAY))
        amt = r.integers(3, 31, N) * 100.0
        amt = np.where(r.random(N) < .08, 5000.0, amt)
        self.add_tr(ts, self.acc_any(c), -1, money(amt), CH_ATM)
        k = r.poisson(.012 * D, len(banked))
        c = np.repeat(banked, k)
        ts = r.integers(0, D, len(c)) * DAY + tod(r, len(c), PROF_WORK)
        self.add_tr(ts, -1, self.acc_any(c), money(np.round(lognorm(r, 2000, .8, len(c)), -2)),
                    np.where(r.random(len(c)) < .5, CH_CNT, CH_ATM))
        # -------- shops: daily settlement to the owner, supplier payments to wholesalers
        if len(self.retail_to):
            sa = self.shop_acc
            pos = np.full(len(self.ac.id) + 1, -1, dtype=np.int64)
            pos[sa] = np.arange(len(sa))
            sidx = pos[self.retail_to]
            m = sidx >= 0
            day = self.retail_ts[m] // DAY
            key = sidx[m] * D + day
            tot = np.bincount(key, weights=self.retail_amt[m], minlength=len(sa) * D)
            tot = tot.reshape(len(sa), D)
            si, di = np.nonzero(tot > 20000)
            sel = r.random(len(si)) < .55
            si, di = si[sel], di[sel]
            own_pa = self.pa[self.shop_owner[si]]
            night = self.shop_night[si]
            ts = di * DAY + np.where(night, DAY + 4 * HOUR + r.integers(0, 2 * HOUR, len(si)),
                                     21 * HOUR + r.integers(0, 3 * HOUR, len(si)))
            fr = sa[si]
            ok = fr != own_pa
            self.add_tr(ts[ok], fr[ok], own_pa[ok],
                        (tot[si, di][ok] * r.uniform(.6, 1.0, ok.sum())).astype(np.int64),
                        CH_MOB)
        if len(self.trader_acc):
            k = r.poisson(.25 * D, len(self.shop_acc))
            s_ = np.repeat(np.arange(len(self.shop_acc)), k)
            ts = r.integers(0, D, len(s_)) * DAY + tod(r, len(s_), PROF_WORK)
            self.add_tr(ts, self.shop_acc[s_], r.choice(self.trader_acc, len(s_)),
                        money(np.round(lognorm(r, 4000, .8, len(s_)), -1)), CH_MOB)
            # traders: money in from outside, out again within hours (fast in and out)
            for j, acc in enumerate(self.trader_acc):
                k = r.poisson(3.0 * D)
                ts = np.sort(r.integers(0, D, k) * DAY + tod(r, k, PROF_WORK))
                amt = money(np.round(lognorm(r, 30000, 1.0, k), -2))
                self.add_tr(ts, -1, acc, amt, CH_ONL)
                out = r.random(k) < .85
                ts2 = ts[out] + r.integers(10 * MIN, 6 * HOUR, out.sum())
                to = np.where(r.random(out.sum()) < .75, -1, r.choice(self.trader_acc, out.sum()))
                self.add_tr(ts2, acc, to, (amt[out] * r.uniform(.85, 1.0, out.sum())).astype(
                    np.int64), np.where(r.random(out.sum()) < .8, CH_ONL, CH_CNT))
        # -------- large legitimate money: gold, booked cash, cars / flats, brokerage, crypto
        mid = banked[(a >= 28) & (a <= 72)]
        g = mid[r.random(len(mid)) < .004]
        for p in g:
            for _ in range(int(r.integers(1, 3))):
                t = int(r.integers(0, D)) * DAY + int(tod(r, 1, PROF_WORK)[0])
                self.add_tr(t, self.acc_any(np.array([p]), .9)[0], int(r.choice(self.jewel_acc)),
                            money(round(float(lognorm(r, 22000, .7)), -2)),
                            CH_MOB if r.random() < .6 else CH_CNT)
        g = mid[r.random(len(mid)) < .003]
        ts = r.integers(0, D, len(g)) * DAY + tod(r, len(g), PROF_WORK)
        self.add_tr(ts, self.acc_any(g, .9), -1, money(np.round(lognorm(r, 80000, .5, len(g)), -4)),
                    CH_CNT)
        g = mid[r.random(len(mid)) < .0012]
        ts = r.integers(0, D, len(g)) * DAY + tod(r, len(g), PROF_WORK)
        self.add_tr(ts, self.acc_any(g, .9), r.choice(self.big_acc, len(g)),
                    money(np.round(lognorm(r, 200000, .6, len(g)), -3)), CH_ONL)
        g = mid[r.random(len(mid)) < .008]
        ts = r.integers(0, D, len(g)) * DAY + tod(r, len(g), PROF_WORK)
        self.add_tr(ts, self.acc_any(g, .9), -1, money(np.round(lognorm(r, 30000, 1.0, len(g)), -2)),
                    CH_ONL)
        young = banked[(a >= 20) & (a <= 40)]
        g = young[r.random(len(young)) < .0015]
        for p in g:
            t = int(r.integers(0, D)) * DAY + int(tod(r, 1, PROF_NET)[0])
            to = int(r.choice(self.out_acc)) if r.random() < .6 else -1
            self.add_tr(t, self.acc_any(np.array([p]))[0], to,
                        money(round(float(lognorm(r, 6000, .8)), -2)), CH_OTC)
        # -------- night-shift workers paid per shift by an agency in the small hours
        ns = np.flatnonzero((occ == NIGHT) & (self.pa >= 0))
        ns = ns[r.random(len(ns)) < .25]
        for p in ns:
            days = np.flatnonzero(r.random(D) < .6)
            ts = days * DAY + r.integers(HOUR, 6 * HOUR, len(days))
            self.add_tr(ts, -1, self.pa[p], money(np.round(lognorm(r, 220, .3, len(days)))),
                        CH_3P)

    # ------------------------------------------------------------------ bank SMS notices
    def bank_sms(self, tr):
        """Bank notification SMS for personal accounts of residents with a phone (70 %)."""
        r = self.rng
        holder = np.array(self.ac.holder + [-1])
        kind_p = np.array([k == "personal" for k in self.ac.kind] + [False])
        bank = np.array(self.ac.bank + [0])
        nacc = len(self.ac.id)
        sub = r.random(nacc + 1) < .7
        sub[-1] = False
        for col in ("fr", "to"):
            acc = np.where(tr[col] >= 0, tr[col], nacc)
            h = holder[acc]
            m = sub[acc] & kind_p[acc] & (h >= 0)
            ts = tr["ts"][m] + r.integers(2, 40, m.sum())
            num = self.pnum(h[m], ts)
            self.add_sms(ts, self.bank_svc[bank[acc[m]]], num, -1, tp=8)

    # ================================================================== fraud rings
    def type_weight(self, t):
        a, s = self.age, self.sex
        single = np.isin(self.hh_type[self.hh], (0, 4))
        inr = lambda lo, hi: (a >= lo) & (a <= hi)  # noqa: E731
        if t == "rebate":
            w = np.where(inr(18, 40), 1.0, np.where(inr(41, 55), .3, .04)) * \
                np.where(s == 0, 1.5, 1.0)
        elif t == "investment":
            w = np.where(inr(28, 62), 1.0, .15) * np.minimum(self.wealth, 3)
        elif t == "loan":
            w = np.where(inr(20, 40), 1.0, np.where(inr(41, 55), .35, .02)) * \
                np.where(np.isin(self.occ, (UNEMP, WORKER, RIDER, COLLEGE)), 1.6, 1)
        elif t == "customer_service":
            w = np.where(inr(20, 45), 1.0, np.where(inr(46, 60), .4, .05))
        elif t == "police":
            w = np.where(inr(35, 78), 1.0, np.where(inr(22, 34), .35, .05)) * \
                np.minimum(self.wealth, 3)
        elif t == "shopping":
            w = np.where(inr(18, 45), 1.0, .15) * np.where(s == 0, 1.3, 1)
        elif t == "credit_repair":
            w = np.where(inr(22, 45), 1.0, .1)
        elif t == "romance":
            w = np.where(inr(25, 58), 1.0, .05) * np.where(single, 1.0, .12)
        elif t == "game_trading":
            w = np.where(inr(18, 28), 1.0, np.where(inr(16, 17), .5, .02)) * \
                np.where(s == 1, 1.5, 1)
        elif t == "boss":
            w = (self.occ == FINANCE).astype(float)
        else:
            w = np.ones(self.P)
        return w.astype(float)

    def fraud_setup(self):
        r = self.rng
        T = self.T
        scale = self.P / 20000 * self.D / 7
        nr = int(r.integers(10, 14))
        types = [str(x) for x in r.permutation(TYPES)]
        while len(types) < nr:
            types.append(str(r.choice(["rebate", "investment", "customer_service", "loan",
                                       "police"], p=[.35, .2, .2, .15, .1])))
        self.rings = []
        self.drag_calls = []
        self.ring_nums = {}  # phone idx -> (ring id, role)
        self.ring_accs = {}  # account idx -> (ring id, hop)
        self.ring_doms = {}
        self.ring_apps = {}
        self.used_persons = set()
        self.farmers_pool = np.flatnonzero((self.age >= 20) & (self.age <= 55) &
                                           np.isin(self.occ, (UNEMP, WORKER, SHOP, RIDER)) &
                                           (self.prim >= 0))
        for i, t in enumerate(types):
            skill = int(r.choice(3, p=[.35, .4, .25]))
            on = int(r.integers(-3 * DAY, DAY))
            off = T + DAY if r.random() < .8 else on + int(r.uniform(3.5, 6.5) * DAY)
            mix = {0: [.5, .35, .15, 0, 0], 1: [.25, .2, .35, .2, 0], 2: [.1, 0, .45, .45, 0]}[skill]
            mix = np.array(mix, float)
            if t == "police":
                mix += np.array([0, 0, .1, .3, 0])
            if t == "boss":
                mix = np.array([.6, .4, 0, 0, 0])
            if t == "romance":
                mix = np.array([.1, .5, .15, .25, 0])
            mix_sms = np.array([.55, .3, .05, 0, .1]) if skill < 2 else \
                np.array([.35, .2, .2, .15, .1])
            nf = int(r.integers(1, 3))
            ring = dict(id=i, type=t, skill=skill, on=on, off=off, mix=_norm(mix),
                        mix_sms=_norm(mix_sms), numbers=[], domains=[], apps=[],
                        pools={1: [], 2: [], 3: [], 4: []}, arrivals=[], rebates=[],
                        farmers=[int(x) for x in r.choice(self.farmers_pool, nf, replace=False)],
                        nhops=int([2, int(r.integers(2, 4)), 3][skill]),
                        delay_med=[70, 20, 6][skill] * MIN * r.uniform(.7, 1.4),
                        cash_w=_norm([[.45, .15, .3, .1], [.25, .35, .3, .1],
                                      [.1, .55, .3, .05]][skill]),
                        rot=[.15, .35, .7][skill])
            for f in ring["farmers"]:
                self.used_persons.add(f)
            uses_calls = t in ("investment", "loan", "customer_service", "police",
                               "credit_repair", "rebate", "boss")
            uses_sms = t in ("rebate", "loan", "customer_service", "shopping", "game_trading",
                             "boss", "credit_repair")
            ring["uses_calls"], ring["uses_sms"] = uses_calls, uses_sms
            lo, hi = max(on, -2 * DAY), min(off, T)
            if uses_calls and t != "boss":
                k = {0: 2, 1: 2, 2: 3}[skill] + (1 if t in ("customer_service", "police") else 0)
                for _ in range(k):
                    tt = lo + int(r.integers(0, 6 * HOUR))
                    while tt < hi:
                        rec = self.ring_number(ring, "caller", tt)
                        tt = rec["off"] + int(r.integers(0, 10 * HOUR))
            if uses_sms and t not in ("boss",):
                k = 1 + (skill == 0) + (t in ("rebate", "loan"))
                for _ in range(k):
                    tt = lo + int(r.integers(0, 8 * HOUR))
                    while tt < hi:
                        rec = self.ring_number(ring, "sms", tt)
                        tt = rec["off"] + int(r.integers(0, 12 * HOUR))
            # domains
            if t != "boss":
                step = {0: (4, 9), 1: (2, 4), 2: (1, 2.2)}[skill]
                tt = lo - int(r.integers(0, 2 * DAY))
                while tt < hi:
                    life = int(r.uniform(*step) * DAY)
                    words = SCAM_WORDS["investment" if t == "romance" and r.random() < .6 else t]
                    self.new_ring_domain(ring, words, tt, tt + life)
                    tt += life
            # apps
            own_app = {"rebate": .75, "investment": .9, "loan": .9, "customer_service": .35,
                       "police": .6, "credit_repair": .3, "romance": .9, "game_trading": .3,
                       "shopping": 0, "boss": 0}[t]
            if r.random() < own_app:
                for _ in range(1 + (skill == 2 and r.random() < .5)):
                    ring["apps"].append(self.new_ring_app(t))
            self.rings.append(ring)
        # target counts
        self.targets = []
        for t in TYPES:
            rs = [g for g in self.rings if g["type"] == t]
            tot = max(len(rs), int(round(TYPE_TARGETS[t] * scale * r.uniform(.75, 1.25))))
            share = r.dirichlet(np.full(len(rs), 2.0))
            cnt = np.maximum(1, np.round(share * tot)).astype(int)
            for g, c in zip(rs, cnt):
                g["n_targets"] = int(c)

    def ring_number(self, ring, role, t_on, kind=None):
        r, ph = self.rng, self.ph
        mix = ring["mix_sms"] if role == "sms" else ring["mix"]
        if kind is None:
            kind = ["local", "nonlocal", "voip", "ovs", "ent"][int(r.choice(5, p=mix))]
        if kind == "local":
            if r.random() < .75:
                holder = int(r.choice(ring["farmers"]))
            else:  # a SIM registered on a resident's ID (sold or stolen identity)
                holder = int(r.choice(self.farmers_pool))
            act = t_on - int(r.integers(2 * HOUR, 12 * DAY)) if r.random() < .88 else NA
            idx = ph.one("mobile", holder, "mobile", act, C_RING)
        elif kind == "nonlocal":
            idx = ph.one("mobile", -1, "mobile", NA, C_RING)
        elif kind == "voip":
            idx = ph.one("voip", -1, "voip", NA, C_RING)
        elif kind == "ovs":
            idx = ph.one("ovs_scam", -1, "overseas", NA, C_RING)
        else:
            while True:
                idx = ph.add("1069" + str(int(r.integers(10 ** 7, 10 ** 10))), -1, "service",
                             NA, C_RING)
                if idx >= 0:
                    break
        life = {0: (4, 9), 1: (1.5, 4), 2: (.4, 1.8)}[ring["skill"]]
        life = int(r.uniform(*life) * DAY * (1.6 if role == "coach" else 1))
        rec = dict(idx=idx, role=role, on=t_on, off=t_on + life, kind=kind)
        ring["numbers"].append(rec)
        self.ring_nums[idx] = (ring["id"], role)
        return rec

    def get_number(self, ring, role, t):
        act = [n for n in ring["numbers"] if n["role"] == role and n["on"] <= t < n["off"]]
        if act:
            return act[int(self.rng.integers(0, len(act)))]["idx"]
        return self.ring_number(ring, role, t - int(self.rng.integers(0, 3 * HOUR)))["idx"]

    def new_ring_domain(self, ring, words, on, off):
        r = self.rng
        while True:
            w = str(r.choice(words))
            tld = str(r.choice(SCAM_TLD, p=SCAM_TLD_W))
            u = r.random()
            if u < .35:
                name = f"{w}{int(r.integers(1, 999))}.{tld}"
            elif u < .6:
                name = f"{w}-{r.choice(['vip', 'pro', 'app', 'cn', 'hk', 'online', 'web'])}.{tld}"
            elif u < .8:
                name = f"{r.choice(['jd', 'tb', 'icbc', 'ccb', 'abc', 'pdd', 'dy', 'sf', 'zfb'])}" \
                       f"-{w}.{tld}"
            else:
                name = "".join(r.choice(list("abcdefghjkmnpqrstwxyz"), int(r.integers(4, 8)))) + \
                       f"{w[:3]}.{tld}"
            if name not in self.str_ix:
                break
        i = self.s(name)
        ring["domains"].append((i, on, off))
        self.ring_doms[i] = ring["id"]
        return i

    def new_ring_app(self, t):
        r = self.rng
        base = {"rebate": ["renwu", "fanli", "dianzan", "jianzhi"],
                "investment": ["huijin", "caifu", "qihuo", "gjjy", "usdtpro"],
                "loan": ["kuaidai", "xydai", "jiekuan", "edu"],
                "customer_service": ["kefu", "zhushou", "tuikuan"],
                "police": ["anquan", "gajz", "qingcha", "jcyfw"],
                "credit_repair": ["zhengxin", "zxxf"], "romance": ["licai", "jinrong", "btcx"],
                "game_trading": ["jiaoyi", "zhbao"]}[t]
        while True:
            u = r.random()
            w = str(r.choice(base))
            if u < .6:
                name = f"com.{w}.{r.choice(['app', 'pro', 'vip', 'android', 'mobile', 'client'])}"
            elif u < .85:
                name = f"cn.{w}{int(r.integers(1, 99))}.{r.choice(['app', 'android'])}"
            else:
                name = f"com.{r.choice(['tencent', 'gov', 'icbc', 'zoom', 'alipay', 'ccb'])}." \
                       f"{w}.{r.choice(['helper', 'safe', 'plus', 'meeting'])}"
            if name not in self.str_ix:
                break
        i = self.s(name)
        self.ring_apps[i] = True
        return i

    def get_domain(self, ring, t):
        for i, on, off in ring["domains"]:
            if on <= t < off:
                return i
        return ring["domains"][-1][0] if ring["domains"] else -1

    # ----------------------------------------------------------- mule accounts
    def get_mule(self, ring, hop, t):
        r = self.rng
        pool = ring["pools"][hop]
        cap = {1: max(3, ring["n_targets"] // 2 + 2), 2: int(2 + ring["skill"] * 2),
               3: 3, 4: 2}[hop]
        if pool and (len(pool) >= cap or r.random() > .5):
            acc = pool[int(r.integers(0, len(pool)))]
            if self.ac.opened[acc] != NA and self.ac.opened[acc] > t - HOUR:
                self.ac.opened[acc] = t - int(r.integers(1, 30) * DAY)
            return acc
        u = r.random()
        bank = int(r.choice(NB, p=BANK_W))
        hold = -1
        kind = "personal"
        if hop == 1 and ring["type"] == "boss":
            kind = "corporate" if u < .6 else "personal"
            opened = t - int(r.integers(20, 400) * DAY) if r.random() < .6 else NA
        elif hop == 1:
            if u < .45:
                hold = self.pick_mule_holder()
                if r.random() < .25:  # lends the card they use every day
                    acc = int(self.pa[hold])
                    pool.append(acc)
                    self.ring_accs[acc] = (ring["id"], hop)
                    if self.ac.opened[acc] != NA and self.ac.opened[acc] > t - HOUR:
                        self.ac.opened[acc] = t - int(r.integers(30, 900) * DAY)
                    return acc
                opened = t - int(r.integers(3, 90) * DAY) if r.random() < .6 else \
                    t - int(r.integers(400, 3000) * DAY)
            elif u < .88:
                opened = NA if r.random() < .5 else t - int(r.integers(10, 2000) * DAY)
            else:
                kind = "merchant"
                hold = self.pick_mule_holder() if r.random() < .5 else -1
                opened = t - int(r.integers(5, 120) * DAY)
        elif hop in (2, 3):
            if hop == 2 and u < .15:
                hold = self.pick_mule_holder()
                opened = t - int(r.integers(5, 900) * DAY)
            elif u < .8:
                opened = NA if r.random() < .5 else t - int(r.integers(10, 2000) * DAY)
            else:
                kind = "corporate"
                opened = t - int(r.integers(20, 300) * DAY) if r.random() < .5 else NA
        else:  # OTC dealers
            if u < .3:
                hold = self.pick_mule_holder()
            opened = t - int(r.integers(30, 2000) * DAY) if r.random() < .6 else NA
        acc = self.ac.one(hold, bank, kind, opened)
        pool.append(acc)
        self.ring_accs[acc] = (ring["id"], hop)
        if hold >= 0:  # the ring's handler phones the card renter before the account is used
            num = self.get_number(ring, "coach", t)
            for _ in range(int(r.integers(1, 4))):
                tt = t - int(r.integers(10 * MIN, 2 * DAY))
                b = self.pnum1(hold, tt)
                self.add_calls(tt, num, b, int(lognorm(r, 150, .6)), ring=ring["id"], tp=10)
        return acc

    def pick_mule_holder(self):
        r = self.rng
        while True:
            p = int(r.integers(0, self.P))
            if 18 <= self.age[p] <= 45 and self.pa[p] >= 0 and p not in self.used_persons and \
                    (self.occ[p] in (COLLEGE, UNEMP, WORKER, RIDER, SHOP) or r.random() < .1):
                self.used_persons.add(p)
                return p

    # ----------------------------------------------------------- victim helpers
    def fcall(self, V, t, num, dur, inbound=False, land=False):
        r = self.rng
        p = V["p"]
        b = self.pnum1(p, t)
        if land and self.pland[p] >= 0:
            b = int(self.pland[p])
        a, b = (b, num) if inbound else (num, b)
        self.add_calls(int(t), a, b, int(dur), ring=V["ring"], tp=9, pp=p)
        V["contact"].append(int(t))
        if dur >= 300:
            V["busy"].append((int(t), int(t + dur), b if not inbound else a))
        return b

    def fsms(self, V, t, num, dom):
        self.add_sms(int(t), num, self.pnum1(V["p"], t), dom, ring=V["ring"], tp=9, pp=V["p"])
        V["contact"].append(int(t))

    def fnet(self, V, t, kind, tgt):
        if tgt < 0:
            return
        self.add_net(int(t), self.pnum1(V["p"], t), kind, tgt, ring=V["ring"], pp=V["p"])
        V["contact"].append(int(t))

    def vchan(self, V):
        r = self.rng
        if self.age[V["p"]] >= 58:
            return int(r.choice([CH_MOB, CH_CNT, CH_ONL], p=[.55, .35, .1]))
        return int(r.choice([CH_MOB, CH_3P, CH_ONL], p=[.68, .17, .15]))

    def fpay(self, V, ring, t, yuan, acc=None, ch=None):
        r = self.rng
        t = int(t)
        if acc is None:
            acc = V["acc"]
        if acc < 0:
            return
        if V["m1"] is None or r.random() < ring["rot"] * (len(V["loss"]) > 0):
            V["m1"] = self.get_mule(ring, 1, t)
        m1 = V["m1"]
        if self.ac.opened[m1] != NA and self.ac.opened[m1] > t - HOUR:
            self.ac.opened[m1] = t - int(r.integers(1, 30) * DAY)
        amt = int(money(yuan))
        ch = self.vchan(V) if ch is None else ch
        self.add_tr(t, acc, m1, amt, ch, loss=1, hop=1, ring=ring["id"], vic=V["i"])
        ring["arrivals"].append((t, m1, amt, 1))
        V["loss"].append((t, m1, amt))

    def frebate(self, V, ring, t, yuan):
        if V["m1"] is None:
            return
        self.add_tr(int(t), V["m1"], V["acc"], int(money(yuan)), CH_MOB, hop=-1, ring=ring["id"])

    def awake(self, t):
        """Victims mostly act in waking hours: a step that lands at 00-07 moves to morning."""
        t = int(t)
        if (t % DAY) < 7 * HOUR and self.rng.random() < .85:
            t = (t // DAY) * DAY + 7 * HOUR + int(self.rng.integers(0, 3 * HOUR))
        return t

    def q(self, x, step):
        """Round a quoted amount the way scammers quote them."""
        return max(step, round(float(x) / step) * step)

    # ----------------------------------------------------------- scam scripts
    def run_fraud(self):
        r = self.rng
        T = self.T
        self.victims = []
        for ring in self.rings:
            t = ring["type"]
            w = self.type_weight(t)
            pact = np.array(self.ph.act)
            ok = (self.prim >= 0) & (self.pa >= 0) & (self.age >= 16) & ~self.newres
            ok &= pact[np.maximum(self.prim, 0)] <= 0
            if t == "boss":
                ok &= (self.emp >= 0)
            w = w * ok
            for p in self.used_persons:
                w[p] = 0
            if w.sum() <= 0:
                continue
            n = min(ring["n_targets"], int((w > 0).sum()))
            cand = r.choice(self.P, n, replace=False, p=w / w.sum())
            lo = max(ring["on"], 0) + 2 * HOUR
            hi = min(ring["off"], T) - 3 * HOUR
            if hi <= lo:
                continue
            for p in cand:
                p = int(p)
                if p in self.used_persons:
                    continue
                self.used_persons.add(p)
                day = int(r.integers(lo // DAY, (hi - 1) // DAY + 1))
                prof = PROF_EVE if t == "romance" else PROF_NET if t in ("shopping",
                                                                         "game_trading") \
                    else PROF_SCAM
                t0 = int(np.clip(day * DAY + int(tod(r, 1, prof)[0]), lo, hi))
                pays = r.random() < TYPE_PAY[t]
                acc = int(self.pa[p])
                if t == "boss":
                    acc = int(self.emp_acc[self.emp[p]])
                V = dict(p=p, type=t, ring=ring["id"], contact=[], loss=[], m1=None, acc=acc,
                         busy=[], t0=t0, i=len(self.victims))
                getattr(self, "s_" + t)(ring, V, t0, pays)
                self.victims.append(V)
        # dragnet calls and SMS blasts around the targeted ones
        self.dragnet()
        # laundering
        for ring in self.rings:
            self.launder(ring)

    def s_rebate(self, ring, V, t0, pays):
        r = self.rng
        dom = self.get_domain(ring, t0)
        if r.random() < .7:
            self.fsms(V, t0, self.get_number(ring, "sms", t0), dom)
            t = t0 + int(lognorm(r, 8 * MIN, 1.0))
        else:
            num = self.get_number(ring, "caller", t0)
            d = int(r.uniform(90, 400))
            self.fcall(V, t0, num, d)
            t = t0 + d + int(r.uniform(60, 600))
            self.fsms(V, t, num, dom)
            t += int(lognorm(r, 4 * MIN, .8))
        self.fnet(V, t, 1, dom)
        t += int(r.uniform(3, 40) * MIN)
        if ring["apps"] and r.random() < .75:
            self.fnet(V, t, 0, ring["apps"][0])
        if r.random() < .45:
            self.fcall(V, t + int(r.uniform(5, 60) * MIN), self.get_number(ring, "coach", t),
                       int(r.uniform(180, 900)))
        if not pays:
            for _ in range(int(r.integers(0, 3))):
                t += int(lognorm(r, 3 * HOUR, 1.0))
                self.fnet(V, t, 1, self.get_domain(ring, t))
            return
        t = self.awake(t + int(lognorm(r, 40 * MIN, .8)))
        base = float(r.choice([100, 200, 300, 500]))
        for i in range(int(r.integers(1, 3))):
            self.fnet(V, t - int(r.uniform(1, 5) * MIN), 1, self.get_domain(ring, t))
            self.fpay(V, ring, t, base * (i + 1))
            self.frebate(V, ring, t + int(r.uniform(5, 40) * MIN), base * (i + 1) * r.uniform(1.05,
                                                                                            1.3))
            t = self.awake(t + int(r.uniform(20 * MIN, 3 * HOUR)))
        amt = r.uniform(1500, 5000) * min(self.wealth[V["p"]], 3)
        cap = 40000 * self.wealth[V["p"]]
        tot = 0
        for i in range(int(r.integers(1, 5))):
            if tot > cap:
                break
            if r.random() < .4:
                self.fcall(V, t - int(r.uniform(5, 20) * MIN), self.get_number(ring, "coach", t),
                           int(r.uniform(120, 900)))
            self.fnet(V, t - int(r.uniform(1, 5) * MIN), 1, self.get_domain(ring, t))
            a = self.q(amt, 100 if amt > 3000 else 10)
            self.fpay(V, ring, t, a)
            tot += a
            amt *= r.uniform(1.4, 2.5)
            t = self.awake(t + int(lognorm(r, 2 * HOUR, 1.0)))

    def s_investment(self, ring, V, t0, pays):
        r = self.rng
        u = r.random()
        if u < .45:
            self.fcall(V, t0, self.get_number(ring, "caller", t0), int(r.uniform(120, 700)))
        elif u < .7 and ring["uses_sms"]:
            self.fsms(V, t0, self.get_number(ring, "sms", t0), self.get_domain(ring, t0))
        elif u < .7:
            self.fcall(V, t0, self.get_number(ring, "caller", t0), int(r.uniform(60, 300)))
        else:  # met in a chat group: the first trace is the visit
            self.fnet(V, t0, 1, self.get_domain(ring, t0))
        t = t0 + int(r.uniform(10 * MIN, DAY))
        self.fnet(V, t, 1, self.get_domain(ring, t))
        if ring["apps"] and r.random() < .85:
            self.fnet(V, t + int(r.uniform(2, 30) * MIN), 0, ring["apps"][0])
        coach = self.get_number(ring, "coach", t)
        tc = t + int(r.uniform(2 * HOUR, 20 * HOUR))
        while tc < self.T:
            if r.random() < .75:
                self.fcall(V, tc, coach, int(r.uniform(600, 2700)), inbound=r.random() < .2)
            for _ in range(int(r.integers(1, 4))):
                tv = tc + int(r.uniform(0, 20 * HOUR))
                self.fnet(V, tv, 1, self.get_domain(ring, tv))
            tc += int(r.uniform(12 * HOUR, 36 * HOUR))
        if not pays:
            return
        tp = self.awake(t0 + int(r.uniform(6 * HOUR, 2.5 * DAY)))
        amt = r.uniform(3000, 20000) * min(self.wealth[V["p"]], 4)
        first = True
        for i in range(int(r.integers(2, 7))):
            if tp >= self.T + DAY:
                break
            a = self.q(amt, 1000 if amt > 10000 else 100)
            if a > 30000 and r.random() < .5:
                src = -1 if r.random() < .6 else int(self.acc_any(np.array([V["p"]]), 0)[0])
                self.add_tr(tp - int(r.uniform(10 * MIN, 20 * HOUR)), src, V["acc"],
                            int(money(a * r.uniform(1.0, 1.2))), CH_ONL)
            self.fnet(V, tp - int(r.uniform(1, 10) * MIN), 1, self.get_domain(ring, tp))
            self.fpay(V, ring, tp, a)
            if first and r.random() < .4:
                self.frebate(V, ring, tp + int(r.uniform(HOUR, DAY)), a * r.uniform(.05, .15))
            first = False
            amt *= r.uniform(1.2, 2.2)
            tp = self.awake(tp + int(r.uniform(8 * HOUR, 40 * HOUR)))

    def s_loan(self, ring, V, t0, pays):
        r = self.rng
        dom = self.get_domain(ring, t0)
        if r.random() < .6:
            self.fsms(V, t0, self.get_number(ring, "sms", t0), dom)
        else:
            self.fcall(V, t0, self.get_number(ring, "caller", t0), int(r.uniform(60, 300)))
        t = t0 + int(r.uniform(2, 60) * MIN)
        self.fnet(V, t, 1, dom)
        if ring["apps"] and r.random() < .85:
            t += int(r.uniform(2, 15) * MIN)
            self.fnet(V, t, 0, ring["apps"][0])
        coach = self.get_number(ring, "coach", t)
        t += int(r.uniform(10 * MIN, 3 * HOUR))
        self.fcall(V, t, coach, int(r.uniform(300, 1200)))
        if not pays:
            return
        amt = r.uniform(300, 1500)
        for i in range(int(r.integers(1, 5))):
            if i > 0:
                t = self.awake(t + int(r.uniform(20 * MIN, 20 * HOUR)))
                d = int(r.uniform(180, 720))
                self.fcall(V, t, coach, d)
                t += int(d * r.uniform(.4, .9))
            if i == 1 and r.random() < .25:  # borrows from family first
                e = self.contact_of(np.array([V["p"]]))[0]
                if e >= 0 and self.e_dp[e] >= 0 and self.pa[self.e_dp[e]] >= 0:
                    self.add_tr(t - int(r.uniform(5, 60) * MIN), self.pa[self.e_dp[e]], V["acc"],
                                int(money(self.q(amt * 1.2, 100))), CH_MOB)
            self.fpay(V, ring, t + int(r.uniform(1, 8) * MIN), self.q(amt, 10))
            amt *= r.uniform(1.3, 2.2)

    def s_customer_service(self, ring, V, t0, pays):
        r = self.rng
        num = self.get_number(ring, "caller", t0)
        if r.random() < .3:
            ts = t0 - int(r.uniform(10 * MIN, 3 * HOUR))
            self.fsms(V, ts, self.get_number(ring, "sms", ts) if ring["uses_sms"] else num,
                      self.get_domain(ring, ts))
        d = int(r.uniform(20, 70) * MIN)
        ti = t0 + int(r.uniform(3, 10) * MIN)
        u = r.random()
        if u < .55:
            self.fnet(V, ti, 0, self.s(str(r.choice(MEETING_APPS[:5], p=[.5, .2, .12, .12, .06]))))
        elif u < .8 and ring["apps"]:
            self.fnet(V, ti, 0, ring["apps"][0])
        if r.random() < .5:
            self.fnet(V, t0 + int(r.uniform(2, 15) * MIN), 1, self.get_domain(ring, t0))
        tp = t0 + int(r.uniform(10, 25) * MIN)
        if pays:
            if r.random() < .3:
                self.fpay(V, ring, tp, float(r.choice([.01, 1, 1, 10])))
                tp += int(r.uniform(2, 6) * MIN)
            amt = r.uniform(2000, 20000) * min(self.wealth[V["p"]], 3)
            for i in range(int(r.integers(1, 5))):
                acc = V["acc"]
                if i > 0 and r.random() < .35:
                    acc = int(self.acc_any(np.array([V["p"]]), 0)[0])
                if r.random() < .3:  # coached to take an online loan first
                    self.add_tr(tp - int(r.uniform(2, 6) * MIN), -1, acc,
                                int(money(self.q(amt, 1000))), CH_ONL)
                self.fpay(V, ring, tp, self.q(amt, 100), acc=acc)
                amt *= r.uniform(.6, 1.5)
                tp += int(r.uniform(3, 12) * MIN)
            d = max(d, tp - t0 + int(r.uniform(2, 10) * MIN))
        self.fcall(V, t0, num, d)
        if r.random() < .2:
            t2 = t0 + int(r.uniform(16 * HOUR, 30 * HOUR))
            self.fcall(V, t2, self.get_number(ring, "coach", t2), int(r.uniform(10, 40) * MIN))
            if pays and r.random() < .6:
                self.fpay(V, ring, t2 + int(r.uniform(5, 9) * MIN),
                          self.q(r.uniform(5000, 30000), 100))

    def s_police(self, ring, V, t0, pays):
        r = self.rng
        land = r.random() < .25
        d1 = int(r.uniform(2, 8) * MIN)
        self.fcall(V, t0, self.get_number(ring, "caller", t0), d1, land=land)
        tc = t0 + d1 + int(r.uniform(10, 120))
        coach = self.get_number(ring, "coach", tc)
        dc = int(r.uniform(30, 120) * MIN)
        if r.random() < .7:
            self.fnet(V, tc + int(r.uniform(10, 40) * MIN), 1, self.get_domain(ring, tc))
        u = r.random()
        if u < .55 and ring["apps"]:
            self.fnet(V, tc + int(r.uniform(15, 45) * MIN), 0, ring["apps"][0])
        elif u < .85:
            self.fnet(V, tc + int(r.uniform(15, 45) * MIN), 0,
                      self.s(str(r.choice(MEETING_APPS[:3]))))
        pay_times = []
        if pays:
            tp = self.awake(tc + int(r.uniform(40 * MIN, 30 * HOUR)))
            amt = r.uniform(10000, 100000) * min(self.wealth[V["p"]], 4)
            n = int(r.integers(1, 5))
            own = self.acc_list[self.acc_off[V["p"]]:self.acc_off[V["p"] + 1]]
            for i in range(n):
                a = self.q(amt, 1000 if amt > 20000 else 100)
                if len(own) > 1 and r.random() < .6:  # gathers savings onto one card first
                    for o in own[1:]:
                        self.add_tr(tp - int(r.uniform(10, 90) * MIN), int(o), V["acc"],
                                    int(money(self.q(a * r.uniform(.2, .6), 100))), CH_MOB)
                if r.random() < .35:  # breaks a time deposit
                    self.add_tr(tp - int(r.uniform(20, 120) * MIN), -1, V["acc"],
                                int(money(self.q(a * r.uniform(.5, 1), 1000))), CH_CNT)
                if i > 0 and r.random() < .5:
                    V["m1"] = self.get_mule(ring, 1, tp)  # a fresh "safe account"
                self.fpay(V, ring, tp, a)
                pay_times.append(tp)
                amt *= r.uniform(.5, 1.3)
                tp = self.awake(tp + int(r.uniform(15 * MIN, 20 * HOUR)))
        # the coach keeps the victim on the line through each payment
        self.fcall(V, tc, coach, dc)
        last = tc + dc
        for tp in pay_times:
            if tp > last:
                st = tp - int(r.uniform(15, 60) * MIN)
                dd = tp - st + int(r.uniform(5, 30) * MIN)
                self.fcall(V, st, self.get_number(ring, "coach", st), dd)
                last = st + dd
        if r.random() < .7:
            t2 = tc + int(r.uniform(18 * HOUR, 30 * HOUR))
            if t2 > last:
                self.fcall(V, t2, self.get_number(ring, "coach", t2), int(r.uniform(30, 90) * MIN))

    def s_shopping(self, ring, V, t0, pays):
        r = self.rng
        dom = self.get_domain(ring, t0)
        self.fnet(V, t0, 1, dom)
        for _ in range(int(r.integers(0, 3))):
            self.fnet(V, t0 + int(r.uniform(1, 20) * MIN), 1, dom)
        if not pays:
            return
        t = t0 + int(r.uniform(3, 30) * MIN)
        self.fpay(V, ring, t, self.q(r.uniform(150, 3000), 1), ch=CH_3P)
        if r.random() < .35:
            t2 = t + int(r.uniform(2 * HOUR, 36 * HOUR))
            if ring["uses_sms"] and r.random() < .5:
                self.fsms(V, t2, self.get_number(ring, "sms", t2), dom)
            else:
                self.fcall(V, t2, self.get_number(ring, "caller", t2), int(r.uniform(120, 600)))
            self.fpay(V, ring, t2 + int(r.uniform(5, 40) * MIN), self.q(r.uniform(300, 2000), 10))

    def s_credit_repair(self, ring, V, t0, pays):
        r = self.rng
        d = int(r.uniform(8, 30) * MIN)
        num = self.get_number(ring, "caller", t0)
        u = r.random()
        if u < .45:
            self.fnet(V, t0 + int(r.uniform(3, 8) * MIN), 0,
                      self.s(str(r.choice(MEETING_APPS[:4]))))
        elif u < .7 and ring["apps"]:
            self.fnet(V, t0 + int(r.uniform(3, 8) * MIN), 0, ring["apps"][0])
        if r.random() < .5:
            self.fnet(V, t0 + int(r.uniform(2, 10) * MIN), 1, self.get_domain(ring, t0))
        if pays:
            tp = t0 + int(r.uniform(8, 20) * MIN)
            amt = r.uniform(2000, 20000) * min(self.wealth[V["p"]], 2.5)
            for i in range(int(r.integers(1, 4))):
                self.fpay(V, ring, tp, self.q(amt, 100))
                amt *= r.uniform(.8, 1.8)
                tp = self.awake(tp + int(r.uniform(5 * MIN, 3 * HOUR)))
            d = max(d, int(r.uniform(8, 20) * MIN) + 5 * MIN)
        self.fcall(V, t0, num, d)

    def s_boss(self, ring, V, t0, pays):
        r = self.rng
        num = self.get_number(ring, "caller", t0)
        if r.random() < .55:
            self.fsms(V, t0, num, -1)
        else:
            self.fcall(V, t0, num, int(r.uniform(25, 120)))
        if not pays:
            return
        tp = t0 + int(r.uniform(5, 40) * MIN)
        self.fpay(V, ring, tp, self.q(r.uniform(30000, 250000), 1000), ch=CH_ONL)
        if r.random() < .3:
            self.fpay(V, ring, tp + int(r.uniform(10, 30) * MIN),
                      self.q(r.uniform(20000, 150000), 1000), ch=CH_ONL)

    def s_romance(self, ring, V, t0, pays):
        r = self.rng
        kind = str(r.choice(["nonlocal", "ovs", "voip"], p=[.6, .25, .15]))
        partner = self.ring_number(ring, "coach", t0 - int(r.uniform(0, 2 * DAY)), kind=kind)
        partner["off"] = INF
        num = partner["idx"]
        if r.random() < .5:
            self.add_net(t0 - int(r.uniform(1, 3) * DAY), self.pnum1(V["p"], t0), 0,
                         self.s(str(r.choice(DATING_APPS))))
        t = t0
        while t < self.T:
            self.fcall(V, t, num, int(r.uniform(5, 60) * MIN), inbound=r.random() < .35)
            t = (t // DAY + 1) * DAY + int(tod(r, 1, PROF_EVE)[0]) + \
                (DAY if r.random() < .2 else 0)
        ti = t0 + int(r.uniform(1.5, 4) * DAY)
        if ti < self.T:
            self.fnet(V, ti, 1, self.get_domain(ring, ti))
            if ring["apps"]:
                self.fnet(V, ti + int(r.uniform(5, 60) * MIN), 0, ring["apps"][0])
        if not pays:
            return
        tp = ti + int(r.uniform(1, 12) * HOUR)
        amt = r.uniform(5000, 30000) * min(self.wealth[V["p"]], 3)
        for i in range(int(r.integers(1, 6))):
            self.fnet(V, tp - int(r.uniform(2, 10) * MIN), 1, self.get_domain(ring, tp))
            self.fpay(V, ring, tp, self.q(amt, 100 if i else 1000))
            amt *= r.uniform(1.2, 2.0)
            tp = self.awake(tp + int(r.uniform(.5, 2) * DAY))

    def s_game_trading(self, ring, V, t0, pays):
        r = self.rng
        dom = self.get_domain(ring, t0)
        self.fnet(V, t0, 1, dom)
        if r.random() < .3:
            self.fnet(V, t0 - int(r.uniform(1, 48) * HOUR), 0, self.s(str(r.choice(GAME_APPS))))
        if not pays:
            if r.random() < .3:
                self.fnet(V, t0 + int(r.uniform(5, 60) * MIN), 1, dom)
            return
        t = t0 + int(r.uniform(5, 60) * MIN)
        self.fpay(V, ring, t, self.q(r.uniform(100, 2000), 1), ch=CH_3P)
        if r.random() < .5:
            t += int(r.uniform(10 * MIN, 3 * HOUR))
            if ring["apps"] and r.random() < .5:
                self.fnet(V, t - int(r.uniform(1, 5) * MIN), 0, ring["apps"][0])
            if ring["uses_sms"] and r.random() < .5:
                self.fsms(V, t, self.get_number(ring, "sms", t), dom)
            else:
                self.fcall(V, t, self.get_number(ring, "caller", t), int(r.uniform(120, 900)))
            amt = r.uniform(500, 3000)
            for i in range(int(r.integers(1, 4))):
                t += int(r.uniform(5, 60) * MIN)
                self.fpay(V, ring, t, self.q(amt, 10))
                amt *= r.uniform(1.2, 2)

    # ----------------------------------------------------------- dragnet
    def dragnet(self):
        r = self.rng
        T = self.T
        phoned = np.flatnonzero(self.prim >= 0)
        for ring in self.rings:
            w = self.type_weight(ring["type"])[phoned] + .02
            cum = np.cumsum(w)
            skill = ring["skill"]
            for rec in list(ring["numbers"]):
                lo, hi = max(rec["on"], 0), min(rec["off"], T)
                if hi <= lo:
                    continue
                span = (hi - lo) / DAY
                if rec["role"] == "caller":
                    rate = [300, 180, 120][skill] * r.uniform(.6, 1.4)
                    k = int(r.poisson(rate * span))
                    ts = lo + r.integers(0, hi - lo, k)
                    ts = (ts // DAY) * DAY + tod(r, k, PROF_SCAM)
                    ts = np.clip(ts, lo, hi - 1)
                    cu = phoned[wpick(r, cum, k)]
                    b = self.pnum(cu, ts)
                    if ring["type"] == "police":
                        land = (self.pland[cu] >= 0) & (r.random(k) < .3)
                        b = np.where(land, self.pland[cu], b)
                    ans = r.random(k) < [.18, .24, .3][skill]
                    u = r.random(k)
                    dur = np.where(u < .8, np.clip(lognorm(r, 9, .6, k), 2, 60),
                                   np.where(u < .97, np.clip(lognorm(r, 45, .5, k), 15, 180),
                                            np.clip(lognorm(r, 200, .5, k), 60, 900)))
                    dur = np.where(ans, dur, 0)
                    self.add_calls(ts, np.full(k, rec["idx"]), b, dur, ring=ring["id"], tp=11,
                                   pp=cu)
                    self.drag_calls.append((np.full(k, ring["id"]), cu, ts))
                elif rec["role"] == "sms":
                    rate = [260, 150, 80][skill] * r.uniform(.6, 1.4)
                    k = int(r.poisson(rate * span))
                    ts = lo + r.integers(0, hi - lo, k)
                    ts = np.clip((ts // DAY) * DAY + tod(r, k, PROF_SCAM), lo, hi - 1)
                    cu = phoned[wpick(r, cum, k)]
                    b = self.pnum(cu, ts)
                    doms = np.array([self.get_domain(ring, int(x)) for x in ts], dtype=np.int64)
                    doms = np.where(r.random(k) < .85, doms, -1)
                    self.add_sms(ts, np.full(k, rec["idx"]), b, doms, ring=ring["id"], tp=11, pp=cu)
                    self.drag_calls.append((np.full(k, ring["id"]), cu, ts))
                    click = (doms >= 0) & (r.random(k) < .006)
                    self.add_net(ts[click] + r.integers(MIN, 2 * HOUR, click.sum()), b[click], 1,
                                 doms[click], ring=ring["id"], pp=cu[click])
                    self.drag_calls.append((np.full(click.sum(), ring["id"]), cu[click],
                                            ts[click]))

    # ----------------------------------------------------------- laundering
    def launder(self, ring):
        r = self.rng
        heap = []
        seq = 0
        for t, acc, amt, hop in ring["arrivals"]:
            heap.append((t, seq, 0, acc, amt, hop))
            seq += 1
        heapq.heapify(heap)
        bal, sched = {}, {}
        atm_used = {}
        resident = lambda a: self.ac.holder[a] >= 0  # noqa: E731
        while heap:
            t, _, ev, acc, amt, hop = heapq.heappop(heap)
            if t > self.T + 2 * DAY:
                continue
            if ev == 0:
                bal[acc] = bal.get(acc, 0) + amt
                if acc not in sched:
                    dm = ring["delay_med"] * (1.5 ** (hop - 1)) * (2.5 if hop == 4 else 1)
                    tt = t + max(60, int(lognorm(r, dm, .8)))
                    sched[acc] = tt
                    heapq.heappush(heap, (tt, seq, 1, acc, 0, hop))
                    seq += 1
                continue
            sched.pop(acc, None)
            amount = bal.get(acc, 0)
            bal[acc] = 0
            if hop == 1 and resident(acc):
                keep = int(amount * r.uniform(.01, .03))
                amount -= keep
                bal[acc] = keep
            if amount <= 0:
                continue
            if hop == 4:  # OTC dealer: the yuan leave the covered banks
                parts = self.split(amount, 1 if amount < 5_000_000 else int(r.integers(2, 4)))
                for i, part in enumerate(parts):
                    self.add_tr(t + i * int(r.uniform(20, 200)), acc, -1, part,
                                CH_ONL if r.random() < .7 else CH_OTC, hop=5, ring=ring["id"])
                continue
            if hop < ring["nhops"]:
                k = 1 if amount < 2_000_000 else int(r.integers(2, 4))
                parts = self.split(amount, k)
                ts = t
                for part in parts:
                    nxt = self.get_mule(ring, hop + 1, ts)
                    self.add_tr(ts, acc, nxt, part, CH_MOB if r.random() < .7 else CH_ONL,
                                hop=hop + 1, ring=ring["id"])
                    heapq.heappush(heap, (ts, seq, 0, nxt, part, hop + 1))
                    seq += 1
                    ts += int(r.uniform(20, 150))
                continue
            # last hop: cash out
            remaining = amount
            ts = t
            while remaining > 0:
                m = int(r.choice(4, p=ring["cash_w"]))
                day = ts // DAY
                if m == 0:
                    room = 2_000_000 - atm_used.get((acc, day), 0)
                    if room < 100_000:
                        m = 1
                    else:
                        chunk = min(remaining, int(r.integers(50, 200)) * 10_000 - 10_000 *
                                    int(r.integers(0, 2)), room)
                        chunk = min(chunk, 1_999_900)
                        self.add_tr(ts, acc, -1, chunk, CH_ATM, hop=5, ring=ring["id"])
                        atm_used[(acc, day)] = atm_used.get((acc, day), 0) + chunk
                        remaining -= chunk
                        ts += int(r.uniform(60, 400))
                        continue
                if m == 1:
                    dealer = self.get_mule(ring, 4, ts)
                    part = remaining if remaining < 3_000_000 else int(remaining *
                                                                        r.uniform(.4, 1))
                    self.add_tr(ts, acc, dealer, part, CH_OTC, hop=4, ring=ring["id"])
                    heapq.heappush(heap, (ts, seq, 0, dealer, part, 4))
                    seq += 1
                    remaining -= part
                elif m == 2:
                    part = remaining if remaining < 5_000_000 else int(remaining *
                                                                        r.uniform(.3, 1))
                    self.add_tr(ts, acc, -1, part, CH_ONL, hop=5, ring=ring["id"])
                    remaining -= part
                else:
                    part = min(remaining, int(r.integers(2, 10)) * 1_000_000)
                    self.add_tr(ts, acc, int(r.choice(self.jewel_acc)), part,
                                CH_MOB if r.random() < .6 else CH_CNT, hop=5, ring=ring["id"])
                    remaining -= part
                ts += int(r.uniform(60, 1800))

    def split(self, amount, k):
        r = self.rng
        if k <= 1 or amount < 20000:
            return [int(amount)]
        w = r.dirichlet(np.full(k, 3.0))
        parts = [int(amount * x) // 10000 * 10000 for x in w[:-1]]
        parts = [p for p in parts if p > 0]
        parts.append(int(amount - sum(parts)))
        return [p for p in parts if p > 0]

    # ================================================================== assemble and write
    def finalize(self):
        r = self.rng
        T, P = self.T, self.P
        pact = np.array(self.ph.act, dtype=np.int64)
        pact = np.where(pact == NA, -INF, pact)
        aopen = np.array(self.ac.opened, dtype=np.int64)
        aopen = np.where(aopen == NA, -INF, aopen)
        aopen_x = np.concatenate([aopen, [-INF]])
        # transfers first: bank notices follow the transfers that happened
        tr = self.tr.cat()
        fr_, to_ = tr["fr"], tr["to"]
        keep = (tr["ts"] >= 0) & (tr["ts"] < T) & (aopen_x[fr_] <= tr["ts"]) & \
            (aopen_x[to_] <= tr["ts"])
        tr = {k: v[keep] for k, v in tr.items()}
        self.bank_sms(tr)
        calls, sms, net = self.calls.cat(), self.sms.cat(), self.net.cat()
        keep = (calls["ts"] >= 0) & (calls["ts"] < T) & (pact[calls["a"]] <= calls["ts"]) & \
            (pact[calls["b"]] <= calls["ts"])
        calls = {k: v[keep] for k, v in calls.items()}
        keep = (sms["ts"] >= 0) & (sms["ts"] < T) & (pact[sms["a"]] <= sms["ts"]) & \
            (pact[sms["b"]] <= sms["ts"])
        sms = {k: v[keep] for k, v in sms.items()}
        keep = (net["ts"] >= 0) & (net["ts"] < T) & (pact[net["num"]] <= net["ts"])
        net = {k: v[keep] for k, v in net.items()}
        # a victim kept on a long scam call is busy: other calls to them fail, none go out
        busy = {}
        for V in self.victims:
            for s_, e_, num in V["busy"]:
                busy.setdefault(int(num), []).append((s_, e_))
        if busy:
            bn = np.array(sorted(busy), dtype=np.int64)
            bg = calls["ring"] < 0
            drop = np.zeros(len(calls["ts"]), bool)
            for side in ("b", "a"):
                ix = np.flatnonzero(bg & np.isin(calls[side], bn))
                for i in ix:
                    t = calls["ts"][i]
                    for s_, e_ in busy[int(calls[side][i])]:
                        if s_ < t < e_:
                            if side == "b":
                                calls["dur"][i] = 0
                            else:
                                drop[i] = True
                            break
            calls = {k: v[~drop] for k, v in calls.items()}
        self.C, self.S, self.N, self.TR = calls, sms, net, tr

    def labels_reports_lists(self):
        r = self.rng
        T, P = self.T, self.P
        C, S, N, TR = self.C, self.S, self.N, self.TR
        nv = len(self.victims)
        # first contact: any ring event that reached the target from its own ring
        first = np.full(nv, INF, dtype=np.int64)
        key_of = {}
        for V in self.victims:
            key_of[V["ring"] * P + V["p"]] = V["i"]
        keys = np.array(sorted(key_of), dtype=np.int64)
        vid = np.array([key_of[k] for k in keys], dtype=np.int64)
        for tab in (C, S, N):
            m = (tab["ring"] >= 0) & (tab["pp"] >= 0)
            k = tab["ring"][m] * P + tab["pp"][m]
            pos = np.searchsorted(keys, k)
            pos = np.minimum(pos, len(keys) - 1)
            hit = keys[pos] == k
            np.minimum.at(first, vid[pos[hit]], tab["ts"][m][hit])
        # losses
        lm = TR["loss"] == 1
        li = np.flatnonzero(lm)
        loss_ts = np.full(nv, INF, dtype=np.int64)
        loss_amt = np.zeros(nv, dtype=np.int64)
        np.minimum.at(loss_ts, TR["vic"][li], TR["ts"][li])
        np.add.at(loss_amt, TR["vic"][li], TR["amt"][li])
        first = np.minimum(first, loss_ts)
        self.tgt = []
        for V in self.victims:
            i = V["i"]
            if first[i] >= INF:
                continue
            self.tgt.append((V["p"], V["type"], int(first[i]),
                             int(loss_ts[i]) if loss_amt[i] > 0 else NA, int(loss_amt[i])))
        self.loss_rows = li
        # account roles
        role = {}
        m = (TR["ring"] >= 0) & (TR["hop"] >= 1) & (TR["hop"] <= 4)
        for acc, hop in zip(TR["to"][m], TR["hop"][m]):
            role.setdefault(int(acc), int(hop))
        self.acc_role = role
        # ring numbers, domains, apps seen
        used_nums = np.unique(np.concatenate([C["a"], C["b"], S["a"], S["b"], N["num"]]))
        self.used_nums = used_nums
        self.ring_num_used = sorted(int(x) for x in used_nums if int(x) in self.ring_nums)
        seen_str = set(np.unique(np.concatenate([S["dom"][S["dom"] >= 0], N["tgt"]])).tolist())
        self.dom_used = sorted(i for i in self.ring_doms if i in seen_str)
        self.app_used = sorted(i for i in self.ring_apps if i in seen_str)
        # ---------------------------------------------------------------- reports
        reports = []  # ts, person, [acc], claimed fen
        by_v = {}
        for i in li:
            by_v.setdefault(int(TR["vic"][i]), []).append((int(TR["ts"][i]), int(TR["to"][i]),
                                                            int(TR["amt"][i])))
        for V in self.victims:
            rows = by_v.get(V["i"])
            if not rows:
                continue
            p_rep, med_h = TYPE_REPORT[V["type"]]
            if r.random() >= p_rep:
                continue
            last = max(t for t, _, _ in rows)
            delay = max(5 * MIN, int(lognorm(r, med_h * HOUR, 1.0)))
            if V["type"] == "boss":
                delay = int(r.uniform(10 * MIN, 3 * HOUR))
            ts = last + delay
            if ts >= T:
                continue
            accs = []
            for _, a, _ in sorted(rows):
                if a not in accs:
                    accs.append(a)
            if len(accs) > 1 and r.random() < .3:
                k = int(r.integers(1, len(accs)))
                accs = [accs[j] for j in sorted(r.choice(len(accs), k, replace=False))]
            tot = sum(a for _, _, a in rows)
            u = r.random()
            if u < .2:
                tot = max(100, int(round(tot / 100_000)) * 100_000) if tot > 100_000 else tot
            elif u < .3:
                tot = int(tot * r.uniform(.85, 1.15))
            reports.append((ts, V["p"], accs, max(1, tot), "fraud"))
        # a few innocent reports: disputes with shops or private sellers
        bg = np.flatnonzero((TR["ring"] < 0) & (TR["fr"] >= 0) & (TR["to"] >= 0) &
                            (TR["amt"] >= 5000))
        holder = np.array(self.ac.holder)
        pick = r.choice(bg, min(len(bg), int(r.integers(3, 7))), replace=False) if len(bg) else []
        self.innocent_reported = []
        for i in pick:
            ph_ = holder[TR["fr"][i]]
            if ph_ < 0:
                continue
            ts = int(TR["ts"][i]) + int(r.uniform(HOUR, 2 * DAY))
            if ts >= T:
                continue
            reports.append((ts, int(ph_), [int(TR["to"][i])],
                            int(TR["amt"][i] * r.uniform(1, 1.5)), "dispute"))
            self.innocent_reported.append((int(TR["to"][i]), ts))
        reports.sort(key=lambda x: (x[0], x[1]))
        self.reports = reports
        # ---------------------------------------------------------------- known-bad lists
        ring_by_id = {g["id"]: g for g in self.rings}
        first_use = {}
        for tab, cols in ((C, ("a", "b")), (S, ("a",))):
            for c in cols:
                m = tab["ring"] >= 0
                for n_, t in zip(tab[c][m], tab["ts"][m]):
                    n_ = int(n_)
                    if n_ in self.ring_nums and (n_ not in first_use or t < first_use[n_]):
                        first_use[n_] = int(t)
        L_num, L_dom, L_app, L_acc = [], [], [], []
        srcs = ["miit", "operator", "police", "12321"]
        for n_ in self.ring_num_used:
            g = ring_by_id[self.ring_nums[n_][0]]
            sk = g["skill"]
            role_ = self.ring_nums[n_][1]
            if sk == 0 and r.random() < .2:  # a burnt number the ring keeps using
                act = self.ph.act[n_]
                t = -int(r.uniform(1, 90) * DAY) if act == NA else act + int(r.uniform(1, 72) * HOUR)
                if t < first_use.get(n_, 0):
                    L_num.append((self.ph.num[n_], t, "police"))
                    continue
            p_ = [.6, .4, .2][sk] * (1.2 if role_ == "sms" else 1)
            if r.random() < p_:
                t = first_use.get(n_, 0) + max(30 * MIN, int(lognorm(r, 16 * HOUR, 1.0)))
                if t < T:
                    L_num.append((self.ph.num[n_], t, str(r.choice(srcs))))
        # wrong / stale entries: complained-about telemarketers, couriers, recycled numbers
        cats = np.array(self.ph.cat)
        tele = [int(x) for x in self.tele_nums] + list(self.debt_nums)
        for n_ in r.choice(tele, min(len(tele), int(r.integers(3, 7))), replace=False):
            L_num.append((self.ph.num[int(n_)], int(r.integers(-30 * DAY, T)), "public_report"))
        res = np.flatnonzero((cats == C_RES) & (np.array(self.ph.holder) >= 0))
        for n_ in r.choice(res, int(r.integers(3, 7)), replace=False):
            # recycled numbers: listed for a former owner before the resident got them
            act = self.ph.act[int(n_)]
            t = (act if act != NA else 0) - int(r.uniform(60, 500) * DAY)
            L_num.append((self.ph.num[int(n_)], t, "legacy"))
        for _ in range(int(r.integers(20, 60))):  # old fraud numbers not seen in this window
            st = str(r.choice(["ovs_scam", "voip", "mobile"]))
            num = self.ph._make(st, 1)[0]
            if num not in self.ph.seen:
                L_num.append((num, -int(r.uniform(1, 200) * DAY), str(r.choice(srcs))))
        # domains
        dom_first = {}
        for tab, c in ((S, "dom"), (N, "tgt")):
            m = tab["ring"] >= 0
            for d_, t in zip(tab[c][m], tab["ts"][m]):
                d_ = int(d_)
                if d_ in self.ring_doms and (d_ not in dom_first or t < dom_first[d_]):
                    dom_first[d_] = int(t)
        for d_ in self.dom_used:
            sk = ring_by_id[self.ring_doms[d_]]["skill"]
            if sk == 0 and r.random() < .25:
                L_dom.append((self.strs[d_], -int(r.uniform(1, 60) * DAY), "cert"))
            elif r.random() < [.6, .45, .25][sk]:
                t = dom_first.get(d_, 0) + max(HOUR, int(lognorm(r, 30 * HOUR, .9)))
                if t < T:
                    L_dom.append((self.strs[d_], t, str(r.choice(["cert", "miit", "vendor"]))))
        for d_ in r.choice(self.new_legit, 2, replace=False):
            L_dom.append((self.strs[int(d_)], int(r.integers(0, T)), "vendor"))
        for _ in range(int(r.integers(10, 30))):
            t_ = str(r.choice(list(SCAM_WORDS)))
            name = f"{r.choice(SCAM_WORDS[t_])}{int(r.integers(100, 9999))}." \
                   f"{r.choice(SCAM_TLD, p=SCAM_TLD_W)}"
            if name not in self.str_ix:
                L_dom.append((name, -int(r.uniform(1, 300) * DAY), "cert"))
        # apps
        app_first = {}
        m = N["ring"] >= 0
        for a_, t in zip(N["tgt"][m], N["ts"][m]):
            a_ = int(a_)
            if a_ in self.ring_apps and (a_ not in app_first or t < app_first[a_]):
                app_first[a_] = int(t)
        ring_of_app = {}
        for g in self.rings:
            for a_ in g["apps"]:
                ring_of_app[a_] = g
        for a_ in self.app_used:
            sk = ring_of_app[a_]["skill"]
            if r.random() < [.5, .35, .2][sk]:
                t = app_first.get(a_, 0) + max(2 * HOUR, int(lognorm(r, 48 * HOUR, .8)))
                if t < T:
                    L_app.append((self.strs[a_], t, "cert"))
        for _ in range(int(r.integers(5, 12))):
            name = f"com.{r.choice(['fanli', 'huijin', 'kdai', 'anquan', 'kefu', 'zx'])}" \
                   f"{int(r.integers(1, 999))}.app"
            if name not in self.str_ix:
                L_app.append((name, -int(r.uniform(1, 300) * DAY), "cert"))
        # accounts: named in reports, followed one hop, bank risk models, stale pre-listings
        seen_acc = set()

        def list_acc(a, t, src):
            if a not in seen_acc and t < T:
                seen_acc.add(a)
                L_acc.append((self.ac.id[a], int(t), src))

        nxt = {}
        m = (TR["ring"] >= 0) & (TR["hop"] == 2)
        for f_, t_, ts_ in zip(TR["fr"][m], TR["to"][m], TR["ts"][m]):
            nxt.setdefault(int(f_), []).append((int(ts_), int(t_)))
        for ts, p, accs, amt, kind in reports:
            for a in accs:
                if kind == "fraud" and r.random() < .75:
                    list_acc(a, ts + max(10 * MIN, int(lognorm(r, 2 * HOUR, 1.0))),
                             "police_report")
                    for ts2, b in nxt.get(a, []):
                        if ts2 <= ts and r.random() < .35:
                            list_acc(b, ts + int(lognorm(r, 20 * HOUR, .7)), "investigation")
                elif kind == "dispute" and r.random() < .5:
                    list_acc(a, ts + int(lognorm(r, 6 * HOUR, 1.0)), "police_report")
        acc_first = {}
        m = TR["ring"] >= 0
        for a_, t_ in zip(TR["to"][m], TR["ts"][m]):
            if int(a_) in self.acc_role and int(a_) not in acc_first:
                acc_first[int(a_)] = int(t_)
        for a_ in sorted(self.acc_role):
            g = ring_by_id[self.ring_accs[a_][0]]
            if g["skill"] == 0 and r.random() < .15:
                list_acc(a_, -int(r.uniform(5, 120) * DAY), "bank_risk")
            elif r.random() < .1:
                list_acc(a_, acc_first[a_] + int(lognorm(r, 24 * HOUR, .8)), "bank_risk")
        for a_ in r.choice(self.trader_acc, min(2, len(self.trader_acc)), replace=False):
            list_acc(int(a_), int(r.integers(-10 * DAY, T)), "bank_risk")
        self.L = {"numbers": L_num, "domains": L_dom, "apps": L_app, "accounts": L_acc}

    # ---------------------------------------------------------------- output
    def write(self, out):
        T = self.T
        os.makedirs(os.path.join(out, "lists"), exist_ok=True)
        os.makedirs(os.path.join(out, "labels"), exist_ok=True)
        counts = {}

        def ts_col(rel):
            rel = np.asarray(rel, dtype=np.int64)
            na = rel == NA
            s = pl.Series("t", np.where(na, 0, rel) + START_EPOCH + 8 * HOUR, dtype=pl.Int64)
            txt = pl.from_epoch(s, time_unit="s").dt.strftime("%Y-%m-%dT%H:%M:%S") + "+08:00"
            return pl.select(pl.when(pl.Series(~na)).then(txt).otherwise(None)).to_series()

        def amt_col(fen):
            s = pl.Series("a", np.asarray(fen, dtype=np.int64))
            return pl.select((s // 100).cast(pl.String) + "." +
                             (s % 100).cast(pl.String).str.zfill(2)).to_series()

        def idx_col(strings, idx, empty=-1):
            idx = np.asarray(idx, dtype=np.int64)
            base = pl.Series("s", strings, dtype=pl.String)
            out_ = base.gather(np.where(idx < 0, 0, idx))
            return pl.select(pl.when(pl.Series(idx >= 0)).then(out_).otherwise(None)).to_series()

        def save(name, df):
            df.write_csv(os.path.join(out, name + ".csv"))
            counts[name] = df.height

        pid = [f"P{i:06d}" for i in range(self.P)]
        pid_s = pl.Series(pid)
        save("persons", pl.DataFrame({
            "person_id": pid_s, "district": pl.Series(DISTRICTS).gather(self.dist),
            "birth_year": self.birth_year, "sex": np.where(self.sex == 1, "M", "F")}))
        # phones: residents' numbers always, every other number only if seen
        nph = len(self.ph.num)
        holder = np.array(self.ph.holder, dtype=np.int64)
        cats = np.array(self.ph.cat)
        used = np.zeros(nph, bool)
        used[self.used_nums] = True
        keep = used | ((holder >= 0) & (cats != C_RING))
        ix = np.flatnonzero(keep)
        act = np.array(self.ph.act, dtype=np.int64)[ix]
        save("phones", pl.DataFrame({
            "number": pl.Series(self.ph.num).gather(ix),
            "holder_person_id": idx_col(pid, holder[ix]),
            "kind": pl.Series(self.ph.kind).gather(ix),
            "activated_at": ts_col(act)}))
        # accounts
        nac = len(self.ac.id)
        aholder = np.array(self.ac.holder, dtype=np.int64)
        aused = np.zeros(nac + 1, bool)
        TR = self.TR
        aused[TR["fr"]] = True
        aused[TR["to"]] = True
        aused = aused[:nac]
        ring_acc = np.zeros(nac, bool)
        ring_acc[list(self.ring_accs)] = True
        outs = np.zeros(nac, bool)
        outs[self.out_acc] = True
        keep = aused | ((aholder >= 0) & ~ring_acc) | (~outs & ~ring_acc & (aholder < 0) &
                                                          (np.array(self.ac.kind) != "personal"))
        ix = np.flatnonzero(keep)
        save("accounts", pl.DataFrame({
            "account_id": pl.Series(self.ac.id).gather(ix),
            "holder_person_id": idx_col(pid, aholder[ix]),
            "bank": pl.Series([b[0] for b in BANKS]).gather(np.array(self.ac.bank)[ix]),
            "kind": pl.Series(self.ac.kind).gather(ix),
            "opened_at": ts_col(np.array(self.ac.opened, dtype=np.int64)[ix])}))
        nums = self.ph.num
        accs = self.ac.id
        # events
        C = self.C
        o = np.lexsort((np.arange(len(C["ts"])), C["ts"]))
        n = len(o)
        save("calls", pl.DataFrame({
            "event_id": pl.Series([f"C{i:08d}" for i in range(1, n + 1)]),
            "ts": ts_col(C["ts"][o]), "caller": pl.Series(nums).gather(C["a"][o]),
            "callee": pl.Series(nums).gather(C["b"][o]), "duration_s": C["dur"][o]}))
        S = self.S
        o = np.lexsort((np.arange(len(S["ts"])), S["ts"]))
        n = len(o)
        save("sms", pl.DataFrame({
            "event_id": pl.Series([f"S{i:08d}" for i in range(1, n + 1)]),
            "ts": ts_col(S["ts"][o]), "sender": pl.Series(nums).gather(S["a"][o]),
            "receiver": pl.Series(nums).gather(S["b"][o]),
            "url_domain": idx_col(self.strs, S["dom"][o])}))
        N = self.N
        o = np.lexsort((np.arange(len(N["ts"])), N["ts"]))
        n = len(o)
        save("net", pl.DataFrame({
            "event_id": pl.Series([f"N{i:08d}" for i in range(1, n + 1)]),
            "ts": ts_col(N["ts"][o]), "number": pl.Series(nums).gather(N["num"][o]),
            "kind": np.where(N["kind"][o] == 0, "app_install", "url_visit"),
            "target": pl.Series(self.strs).gather(N["tgt"][o])}))
        o = np.lexsort((np.arange(len(TR["ts"])), TR["ts"]))
        n = len(o)
        tid = np.array([f"T{i:08d}" for i in range(1, n + 1)])
        save("transfers", pl.DataFrame({
            "event_id": tid, "ts": ts_col(TR["ts"][o]),
            "from_account": idx_col(accs, TR["fr"][o]), "to_account": idx_col(accs, TR["to"][o]),
            "amount": amt_col(TR["amt"][o]),
            "channel": pl.Series(CHANNELS).gather(TR["ch"][o])}))
        inv = np.empty(n, dtype=np.int64)
        inv[o] = np.arange(n)
        loss_ids = np.sort(inv[self.loss_rows])
        rp = self.reports
        save("reports", pl.DataFrame({
            "report_id": [f"R{i:05d}" for i in range(1, len(rp) + 1)],
            "ts": ts_col([x[0] for x in rp]) if rp else pl.Series([], dtype=pl.String),
            "person_id": [pid[x[1]] for x in rp],
            "paid_to": [";".join(accs[a] for a in x[2]) for x in rp],
            "claimed_amount": amt_col([x[3] for x in rp]) if rp else pl.Series([],
                                                                                dtype=pl.String)},
            schema={"report_id": pl.String, "ts": pl.String, "person_id": pl.String,
                    "paid_to": pl.String, "claimed_amount": pl.String}))
        for name, rows in self.L.items():
            rows = sorted(rows, key=lambda x: (x[1], x[0]))
            # one entry per value, the earliest
            seen, rr = set(), []
            for v, t, s_ in rows:
                if v not in seen:
                    seen.add(v)
                    rr.append((v, t, s_))
            save("lists/" + name, pl.DataFrame({
                "value": [x[0] for x in rr],
                "listed_at": ts_col([x[1] for x in rr]) if rr else pl.Series([], dtype=pl.String),
                "source": [x[2] for x in rr]},
                schema={"value": pl.String, "listed_at": pl.String, "source": pl.String}))
        # labels
        tg = sorted(self.tgt)
        save("labels/targets", pl.DataFrame({
            "person_id": [pid[x[0]] for x in tg], "scam_type": [x[1] for x in tg],
            "first_contact_ts": ts_col([x[2] for x in tg]),
            "first_loss_ts": ts_col([x[3] for x in tg]),
            "loss_amount": pl.select(pl.when(pl.Series([x[4] > 0 for x in tg])).then(
                amt_col([max(1, x[4]) for x in tg]))).to_series()}))
        save("labels/numbers", pl.DataFrame({
            "number": [nums[i] for i in self.ring_num_used],
            "role": [self.ring_nums[i][1] for i in self.ring_num_used]},
            schema={"number": pl.String, "role": pl.String}))
        roles = {1: "mule_1", 2: "mule_2", 3: "mule_3", 4: "cashout"}
        ra = sorted(self.acc_role)
        save("labels/accounts", pl.DataFrame({
            "account_id": [accs[a] for a in ra], "role": [roles[self.acc_role[a]] for a in ra]},
            schema={"account_id": pl.String, "role": pl.String}))
        save("labels/domains", pl.DataFrame({"value": [self.strs[i] for i in self.dom_used]},
                                            schema={"value": pl.String}))
        save("labels/apps", pl.DataFrame({"value": [self.strs[i] for i in self.app_used]},
                                         schema={"value": pl.String}))
        save("labels/losses", pl.DataFrame({"event_id": tid[loss_ids]},
                                           schema={"event_id": pl.String}))
        end = START + timedelta(days=self.D)
        meta = {"format": "dataset/1", "start": START.isoformat(), "end": end.isoformat(),
                "seed": self.seed,
                "note": f"independent generator A (indep/a/gen.py): {self.P} persons, "
                        f"{self.D} days, {len(self.rings)} fraud rings"}
        with open(os.path.join(out, "meta.json"), "w", encoding="utf-8") as fh:
            json.dump(meta, fh, indent=1)
            fh.write("\n")
        return counts


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--persons", type=int, default=20000)
    ap.add_argument("--days", type=int, default=7)
    ap.add_argument("--out", required=True)
    a = ap.parse_args(argv)
    t0 = time.time()
    city = City(a.seed, a.persons, a.days)
    steps = [("people", city.people), ("phones", city.phones), ("accounts", city.accounts),
             ("contacts", city.contacts), ("social calls", city.social_calls),
             ("service calls", city.service_calls), ("look-alike calls", city.lookalike_calls),
             ("sms", city.background_sms), ("net", city.background_net),
             ("transfers", city.background_transfers), ("fraud setup", city.fraud_setup),
             ("fraud", city.run_fraud), ("finalize", city.finalize),
             ("labels", city.labels_reports_lists)]
    for name, fn in steps:
        t = time.time()
        fn()
        print(f"  {name:18s} {time.time() - t:6.1f}s", file=sys.stderr)
    if os.path.isdir(a.out):
        shutil.rmtree(a.out)
    t = time.time()
    counts = city.write(a.out)
    print(f"  {'write':18s} {time.time() - t:6.1f}s", file=sys.stderr)
    for k, v in counts.items():
        print(f"{k:18s} {v:>9,}")
    print(f"total {time.time() - t0:.1f}s")


if __name__ == "__main__":
    main()
