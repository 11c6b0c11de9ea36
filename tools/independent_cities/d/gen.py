#!/usr/bin/env python3
"""Independent synthetic-city generator (team d) for telecom / online fraud data.

Writes one city in the interchange format dataset/1 (see /work/shared/contract/DATASET.md):
    gen.py --seed N --persons P --days D --out DIR

Everything is drawn from numpy Generators seeded from (seed, module name), so one seed gives one
city byte for byte. Bulk traffic is vectorised; fraud rings and the laundering ledger are small and
run as plain Python. See DESIGN.md next to this file for the behavioural rules.
"""

from __future__ import annotations

import os

os.environ["POLARS_MAX_THREADS"] = "1"
for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_v] = "1"

import argparse  # noqa: E402
import heapq  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import zlib  # noqa: E402
from collections import defaultdict  # noqa: E402
from datetime import datetime, timedelta, timezone  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import polars as pl  # noqa: E402

TZ = timezone(timedelta(hours=8))
DAY = 86400
HOUR = 3600
MINUTE = 60
CHANNELS = ["mobile", "online", "counter", "atm", "third_party", "crypto_otc"]
CH = {c: i for i, c in enumerate(CHANNELS)}
NET_KINDS = ["app_install", "url_visit"]
INSTALL, VISIT = 0, 1


def prof(*v):
    a = np.asarray(v, float)
    return a / a.sum()


# hour-of-day profiles (local time)
H_SOCIAL = prof(2, 1, .5, .3, .3, .6, 2, 5, 7, 8, 8, 8, 9, 7, 7, 7, 8, 9, 10, 10, 9, 7, 5, 3)
H_ELDER = prof(.4, .2, .2, .2, .6, 2.5, 6, 9, 10, 10, 9, 8, 6, 5, 6, 7, 7, 7, 6, 5, 3, 1.5, .6, .4)
H_YOUNG = prof(5, 2.5, 1, .5, .3, .3, 1, 3, 5, 6, 7, 8, 9, 7, 7, 7, 8, 9, 10, 11, 12, 12, 11, 8)
H_NIGHT = prof(8, 8, 7, 6, 5, 3, 2, 1, .6, .5, 1, 2, 3, 4, 4, 4, 5, 6, 6, 6, 6, 7, 8, 8)
H_OFFICE = prof(.1, .05, .05, .05, .05, .1, .3, 1.5, 6, 9, 10, 10, 5, 7, 9, 10, 9, 8, 4, 2, 1, .5, .3, .2)
H_EVEN = prof(6, 3, 1, .3, .2, .2, .2, .3, .5, .5, .5, 1, 2, 1, 1, 1, 2, 5, 9, 11, 12, 12, 11, 9)
H_BFAST = prof(0, 0, 0, 0, 0, .5, 5, 10, 8, 3, 1, .5, .3, .2, .2, .2, .2, .2, .2, .1, .1, 0, 0, 0)
H_MEAL = prof(.5, .3, .1, .1, .1, .1, .3, 1, 1.5, 2, 4, 10, 9, 4, 2, 2, 3, 7, 10, 8, 4, 2, 1, .8)
H_SHOP = prof(.5, .2, .1, .1, .1, .1, .3, 1, 3, 5, 7, 8, 8, 8, 8, 8, 8, 8, 9, 10, 10, 8, 4, 1.5)
H_RING = prof(1, .5, .2, .1, .1, .1, .2, .6, 3, 8, 10, 10, 6, 7, 9, 10, 9, 7, 7, 9, 10, 8, 5, 2)
H_RING_DAY = prof(.1, 0, 0, 0, 0, 0, .1, .5, 4, 10, 10, 10, 5, 8, 10, 10, 9, 6, 3, 2, 2, 1, .5, .2)
H_RING_EVE = prof(3, 1, .3, .1, 0, 0, 0, .2, .5, 1, 2, 3, 3, 2, 2, 2, 3, 4, 6, 9, 11, 12, 10, 6)
H_AUTO = prof(3, 6, 8, 8, 6, 4, 2, 1, .5, .3, .2, .2, .2, .2, .2, .2, .2, .2, .2, .2, .2, .2, .3, .5)

PERSONAS = ["pupil", "student", "retiree", "office", "service", "factory", "factory_night",
            "merchant", "owner", "rider", "driver", "agent", "telemarketer", "homemaker",
            "unemployed", "teacher", "medical", "accountant", "courier", "construction"]
PI = {p: i for i, p in enumerate(PERSONAS)}
SOCIAL_RATE = np.array([.7, 1.6, 1.7, 2.7, 2.4, 2.0, 2.0, 3.6, 4.6, 3.0, 3.2, 3.6, 2.0, 2.3, 2.1,
                        2.5, 2.4, 2.7, 3.0, 2.1])
# which hour profile a persona's own activity follows
PROF_OF = np.array([2, 2, 1, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0])
PROFILES = [H_SOCIAL, H_ELDER, H_YOUNG, H_NIGHT]

DISTRICTS = ["369102", "369103", "369104", "369111", "369112", "369121", "369122", "369181"]
D_W = prof(.17, .15, .12, .16, .14, .09, .08, .09)
# household types: family, elder couple, single young, student dorm, lone elder, migrant worker
HH_W = [prof(.40, .22, .10, .00, .18, .10), prof(.45, .10, .30, .00, .08, .07),
        prof(.20, .05, .10, .60, .03, .02), prof(.60, .05, .20, .00, .03, .12),
        prof(.30, .05, .10, .00, .05, .50), prof(.45, .25, .05, .00, .20, .05),
        prof(.45, .25, .05, .00, .20, .05), prof(.50, .15, .12, .03, .10, .10)]
RURAL = (5, 6)

# name, BIN, card length, SMS / service short code, share (urban), share (rural)
BANKS = [("ICBC", "622202", 19, "95588", .17, .08), ("CCB", "621700", 19, "95533", .16, .08),
         ("ABC", "622848", 19, "95599", .13, .20), ("BOC", "621661", 19, "95566", .09, .04),
         ("BOCOM", "622262", 19, "95559", .06, .02), ("PSBC", "621799", 19, "95580", .11, .28),
         ("CMB", "622588", 16, "95555", .09, .02), ("CIB", "622909", 18, "95561", .04, .01),
         ("CITIC", "622690", 16, "95558", .03, .01), ("GXCB", "623168", 19, "96585", .07, .06),
         ("GXRCB", "621338", 19, "96268", .05, .19)]
NB = len(BANKS)
BANK_P_URBAN = prof(*[b[4] for b in BANKS])
BANK_P_RURAL = prof(*[b[5] for b in BANKS])

MOBILE_PREFIXES = ["130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150",
                   "151", "152", "155", "156", "157", "158", "159", "166", "173", "176", "177",
                   "180", "181", "182", "183", "185", "186", "187", "188", "189", "191", "193",
                   "195", "198", "199"]
VIRTUAL_PREFIXES = ["170", "171", "162", "165", "167"]
VOIP_AREAS = ["10", "20", "21", "22", "23", "24", "25", "27", "28", "29", "311", "351", "371",
              "431", "451", "531", "551", "571", "591", "592", "731", "755", "769", "871", "898"]
OVERSEAS_LEN = {"1": 10, "44": 10, "61": 9, "81": 10, "82": 10, "65": 8, "852": 8, "853": 8,
                "886": 9, "60": 9, "66": 9, "855": 9, "63": 10, "95": 9, "856": 10, "84": 9,
                "971": 9, "33": 9, "49": 11, "39": 10, "7": 10, "62": 10, "27": 9}
SERVICE_SHORT = ["10086", "10010", "10000", "12306", "95188", "950618", "95013", "95017",
                 "95338", "95311", "95546", "12345", "95598", "96777", "95118", "95510", "95519",
                 "95522", "95511"]

LEGIT_DOMAINS = [
    "baidu.com", "qq.com", "taobao.com", "jd.com", "weibo.com", "bilibili.com", "zhihu.com",
    "douyin.com", "kuaishou.com", "163.com", "sina.com.cn", "sohu.com", "ifeng.com",
    "toutiao.com", "pinduoduo.com", "meituan.com", "dianping.com", "ctrip.com", "12306.cn",
    "alipay.com", "tmall.com", "xiaohongshu.com", "douban.com", "iqiyi.com", "youku.com",
    "mgtv.com", "amap.com", "ele.me", "vip.com", "suning.com", "58.com", "ke.com", "lianjia.com",
    "fang.com", "autohome.com.cn", "dongchedi.com", "eastmoney.com", "10jqka.com.cn",
    "xueqiu.com", "chsi.com.cn", "gov.cn", "12123.gov.cn", "chinatax.gov.cn", "icbc.com.cn",
    "ccb.com", "abchina.com", "boc.cn", "cmbchina.com", "95516.com", "10086.cn", "189.cn",
    "10010.com", "csdn.net", "github.com", "qidian.com", "kugou.com", "music.163.com",
    "weixin.qq.com", "mp.weixin.qq.com", "haodf.com", "dxy.cn", "zhaopin.com", "zhipin.com",
    "goofish.com", "pzds.com", "jiaoyimao.com", "huya.com", "douyu.com", "sf-express.com",
    "cainiao.com", "ly.com", "qunar.com", "jianshu.com", "hupu.com", "tieba.baidu.com",
    "mi.com", "huawei.com", "apple.com.cn", "psbc.com", "bankcomm.com", "cib.com.cn",
    "citicbank.com", "chsi.com", "smartedu.cn", "12333.gov.cn", "sge.com.cn", "chowtaifook.com",
    "okx.com", "binance.com", "zoom.us", "meeting.tencent.com", "sunlogin.oray.com"]
SHORT_LINKS = ["t.cn", "dwz.cn", "url.cn", "m.tb.cn", "u.jd.com", "3.cn", "b23.tv",
               "v.douyin.com", "s.meituan.com", "c.pinduoduo.com", "m.vip.com", "tb.cn",
               "s.ctrip.com", "m.10086.cn", "wx.10010.com", "e.189.cn", "dpurl.cn"]
GRAY_DOMAINS = ["rong360.com", "jiedianqian.com", "haodai.com", "51credit.com", "kadai-zx.com",
                "xyk-banli.cn", "jiaoyu-baoming.cn", "jifen-duihuan.cn", "baoxian-lp.com",
                "licai-vip.cn", "fangchan-tj.com", "zhaopin-rj.cn"]
AGENT_DOMAINS = ["ke.com", "lianjia.com", "fang.com", "pingan.com", "chinalife.com.cn",
                 "autohome.com.cn", "anjuke.com"]
LEGIT_APPS = [
    "com.tencent.mm", "com.eg.android.AlipayGphone", "com.ss.android.ugc.aweme",
    "com.taobao.taobao", "com.jingdong.app.mall", "com.xunmeng.pinduoduo", "com.sankuai.meituan",
    "com.smile.gifmaker", "com.xingin.xhs", "tv.danmaku.bili", "com.tencent.mobileqq",
    "com.sina.weibo", "com.baidu.searchbox", "com.autonavi.minimap", "com.netease.cloudmusic",
    "com.tencent.qqmusic", "com.youku.phone", "com.qiyi.video", "com.ss.android.article.news",
    "com.dragon.read", "com.tencent.tmgp.sgame", "com.miHoYo.Yuanshen", "com.netease.hyxd",
    "ctrip.android.view", "com.MobileTicket", "com.icbc", "com.chinamworld.main",
    "com.android.bankabc", "com.chinamworld.bocmbci", "cmb.pb", "com.bankcomm.Bankcomm",
    "com.yitong.mbank.psbc", "com.unionpay", "com.hexin.plat.android",
    "com.eastmoney.android.berlin", "com.xueqiu.android", "com.tencent.wework",
    "com.alibaba.android.rimet", "com.ss.android.lark", "com.sdu.didi.psnger", "com.sf.activity",
    "com.cainiao.wireless", "com.taobao.idlefish", "com.zhihu.android", "com.kugou.android",
    "com.tencent.qqlive", "com.duowan.kiwi", "air.tv.douyu.android", "com.lemon.lv",
    "com.meitu.meiyancamera", "com.shizhuang.duapp", "com.achievo.vipshop", "com.wuba",
    "com.lianjia.beike", "com.autohome", "com.ss.android.auto", "com.tencent.map",
    "com.baidu.BaiduMap", "com.Qunar", "com.tongcheng.android", "com.gotokeep.keep",
    "com.chaoxing.mobile", "com.zhangyue.iReader", "com.tencent.weread",
    "com.pingan.lifeinsurance", "com.hicorenational.antifraud", "com.gxcb.mbank",
    "com.gxrcb.mobile", "com.mihoyo.hkrpg", "com.tencent.lolm", "com.pzds.app",
    "com.jiaoyimao.app"]
MEETING_APPS = ["com.tencent.wemeet.app", "us.zoom.videomeetings", "com.oray.sunlogin",
                "com.teamviewer.quicksupport.market", "com.tencent.wemeet.voov"]
LOAN_APPS = ["com.jd.jrapp", "com.mashang.anyihua", "com.qihoo.jietiao", "com.duxiaoman.wallet",
             "com.lexin.fenqile", "com.kaniu.qianbao", "com.haodai.daikuan"]
PROXY_APPS = ["com.github.shadowsocks", "com.v2ray.ang", "com.lets.accelerator"]
CRYPTO_APPS = ["com.binance.dev", "com.okinc.okex.gp", "com.bitget.exchange", "com.tokenpocket"]
GOLD_APPS = ["com.sge.goldex", "com.zhaojin.gold", "com.icbc.jinyuan", "com.chowtaifook.mall"]

SYL = ["hua", "xin", "tian", "long", "jia", "bao", "le", "mei", "kang", "da", "sheng", "yun",
       "feng", "ming", "an", "tong", "fu", "rui", "hong", "jin", "yi", "hui", "chuang", "zhi",
       "bo", "heng", "xiang", "cheng", "yuan", "tai", "wei", "qi", "sen", "lin", "kai", "hao",
       "shun", "rong", "de", "xing"]
LEGIT_TLD = ([".com"] * 6 + [".cn"] * 3 + [".com.cn"] * 2 + [".net", ".org", ".top"])
FRAUD_TLD = ([".com"] * 3 + [".cn", ".top", ".vip", ".cc", ".xyz", ".net", ".shop", ".icu",
                             ".club", ".app", ".com.cn"])
WORDS = ["app", "mall", "pay", "vip", "pro", "cloud", "plus", "go", "hd", "lite", "live", "shop",
         "fin", "wallet", "trade", "club", "home", "link"]

SCAM_TYPES = ["rebate", "investment", "police", "customer_service", "loan", "shopping",
              "credit_repair", "boss", "romance", "game_trading", "other"]
# mean engaged targets per 20,000 persons and 10 days, share that pay at least once
ENGAGED_MEAN = {"rebate": 34, "investment": 16, "police": 13, "customer_service": 22, "loan": 15,
                "shopping": 13, "credit_repair": 8, "boss": 5, "romance": 8, "game_trading": 10,
                "other": 7}
PAY_P = {"rebate": .62, "investment": .55, "police": .45, "customer_service": .50, "loan": .55,
         "shopping": .72, "credit_repair": .45, "boss": .50, "romance": .50, "game_trading": .65,
         "other": .60}
TYPE_KEYWORDS = {"rebate": ["rw", "task", "dianzan", "jz", "fanli"],
                 "investment": ["cf", "touzi", "zq", "licai", "fund", "gold"],
                 "police": ["gaj", "jcy", "fy", "anquan", "qc", "zf"],
                 "customer_service": ["kefu", "tk", "sh", "refund", "vip"],
                 "loan": ["dk", "daikuan", "jq", "xd", "edu"],
                 "shopping": ["shop", "mall", "tejia", "piao", "go"],
                 "credit_repair": ["zx", "xiufu", "zhengxin", "xyk"],
                 "boss": ["oa", "hr"], "romance": ["love", "yuan", "date", "fx"],
                 "game_trading": ["jy", "pz", "game", "acc", "zb"],
                 "other": ["etc", "yb", "jf", "bt", "ts"]}


def lognorm(rng, median, sigma, n=None):
    return median * np.exp(sigma * rng.standard_normal(n))


def to_fen(x, unit=0.01):
    """yuan -> fen, rounded to `unit` yuan, at least one unit."""
    step = max(1, int(round(unit * 100)))
    f = np.round(np.asarray(x, float) * 100 / step).astype(np.int64) * step
    return np.maximum(f, step)


def pick(rng, seq):
    return seq[int(rng.integers(len(seq)))]


class Phones:
    def __init__(self):
        self.num, self.holder, self.kind, self.act, self.user = [], [], [], [], []
        self.idx: dict[str, int] = {}

    def add(self, number, holder=-1, kind="mobile", act=-1, user=-1):
        i = len(self.num)
        self.idx[number] = i
        self.num.append(number)
        self.holder.append(int(holder))
        self.kind.append(kind)
        self.act.append(int(act))
        self.user.append(int(user))
        return i


class Accounts:
    def __init__(self):
        self.id, self.holder, self.bank, self.kind, self.opened, self.notify = [], [], [], [], [], []
        self.sms_min = []
        self.idx: dict[str, int] = {}

    def add(self, aid, holder, bank, kind, opened, notify=False):
        i = len(self.id)
        self.idx[aid] = i
        self.id.append(aid)
        self.holder.append(int(holder))
        self.bank.append(int(bank))
        self.kind.append(kind)
        self.opened.append(int(opened))
        self.notify.append(bool(notify))
        self.sms_min.append(0)
        return i


class City:
    def __init__(self, seed: int, P: int, D: int):
        self.seed, self.P, self.D = seed, P, D
        self.scale = P / 20000.0
        self.dscale = D / 10.0
        self.START = int(datetime(2026, 5, 14, tzinfo=TZ).timestamp())  # a Thursday
        self.END = self.START + D * DAY
        self.dates = [datetime(2026, 5, 14) + timedelta(days=d) for d in range(D)]
        self.dow = np.array([d.weekday() for d in self.dates])
        self.dom = np.array([d.day for d in self.dates])
        self.weekend = self.dow >= 5
        self.ph = Phones()
        self.ac = Accounts()
        self.S: list[str] = []
        self.Sidx: dict[str, int] = {}
        self.calls, self.smss, self.nets, self.trs = [], [], [], []
        self.dispute_pool = []  # (payer person, to_account, ts, amount fen)
        self.t_log = time.time()

    # ------------------------------------------------------------------ utils
    def rng(self, name):
        return np.random.default_rng([self.seed, zlib.crc32(name.encode())])

    def log(self, msg):
        print(f"[{time.time() - self.t_log:6.1f}s] {msg}", file=sys.stderr, flush=True)

    def sid(self, s):
        i = self.Sidx.get(s)
        if i is None:
            i = len(self.S)
            self.Sidx[s] = i
            self.S.append(s)
        return i

    def day_start(self, d):
        return self.START + int(d) * DAY

    def local_hour(self, t):
        return ((np.asarray(t) - self.START) % DAY) // HOUR

    def times(self, rng, days, profile):
        days = np.asarray(days, np.int64)
        h = rng.choice(24, size=len(days), p=profile)
        return self.START + days * DAY + h * HOUR + rng.integers(0, HOUR, len(days))

    def rand_days(self, rng, n, weights=None):
        if weights is None:
            return rng.integers(0, self.D, n)
        w = np.asarray(weights, float)
        return rng.choice(self.D, size=n, p=w / w.sum())

    def add_calls(self, ts, a, b, d):
        n = len(ts)
        if n:
            self.calls.append((np.asarray(ts, np.int64), np.asarray(a, np.int32),
                               np.asarray(b, np.int32), np.asarray(d, np.int32)))

    def add_sms(self, ts, a, b, dom):
        n = len(ts)
        if n:
            dom = np.broadcast_to(np.asarray(dom, np.int32), (n,))
            self.smss.append((np.asarray(ts, np.int64), np.asarray(a, np.int32),
                              np.asarray(b, np.int32), np.array(dom, np.int32)))

    def add_net(self, ts, num, kind, target):
        n = len(ts)
        if n:
            kind = np.broadcast_to(np.asarray(kind, np.int8), (n,))
            target = np.broadcast_to(np.asarray(target, np.int32), (n,))
            self.nets.append((np.asarray(ts, np.int64), np.asarray(num, np.int32),
                              np.array(kind, np.int8), np.array(target, np.int32)))

    def add_tr(self, ts, fa, ta, amt, ch, vic=-1):
        n = len(ts)
        if n:
            fa = np.broadcast_to(np.asarray(fa, np.int32), (n,))
            ta = np.broadcast_to(np.asarray(ta, np.int32), (n,))
            ch = np.broadcast_to(np.asarray(ch, np.int8), (n,))
            vic = np.broadcast_to(np.asarray(vic, np.int32), (n,))
            self.trs.append((np.asarray(ts, np.int64), np.array(fa, np.int32),
                             np.array(ta, np.int32), np.asarray(amt, np.int64),
                             np.array(ch, np.int8), np.array(vic, np.int32)))

    # ------------------------------------------------------------ number making
    def mobile_str(self, rng, local=True, virtual=False):
        while True:
            if virtual:
                seg = pick(rng, VIRTUAL_PREFIXES) + f"{rng.integers(0, 10000):04d}"
            elif local:
                seg = self.local_segs[int(rng.integers(len(self.local_segs)))]
            else:
                seg = pick(rng, MOBILE_PREFIXES) + f"{rng.integers(0, 10000):04d}"
                if seg in self.local_seg_set:
                    continue
            n = seg + f"{rng.integers(0, 10000):04d}"
            if n not in self.ph.idx:
                return n

    def landline_str(self, rng, area="0795"):
        while True:
            n = area + str(int(rng.integers(2, 9))) + f"{rng.integers(0, 10**7):07d}"
            if n not in self.ph.idx:
                return n

    def voip_str(self, rng, style="area"):
        while True:
            if style == "95":
                n = "95" + f"{rng.integers(0, 10**9):09d}"
            else:
                a = pick(rng, VOIP_AREAS)
                k = 8 if len(a) == 2 else 7
                n = "0" + a + str(int(rng.integers(2, 9))) + f"{rng.integers(0, 10**(k - 1)):0{k - 1}d}"
            if n not in self.ph.idx:
                return n

    def overseas_str(self, rng, cc):
        L = OVERSEAS_LEN[cc]
        while True:
            n = "+" + cc + str(int(rng.integers(1, 10))) + f"{rng.integers(0, 10**(L - 1)):0{L - 1}d}"
            if n not in self.ph.idx:
                return n

    def port_str(self, rng):
        while True:
            n = "106" + pick(rng, ["90", "95", "98", "55", "57", "59", "91"]) + \
                f"{rng.integers(0, 10**7):07d}"
            if n not in self.ph.idx:
                return n

    def acct_str(self, rng, bank, kind):
        name, bin_, L, _, _, _ = BANKS[bank]
        while True:
            if kind == "personal":
                s = bin_ + f"{rng.integers(0, 10**(L - 6)):0{L - 6}d}"
            else:
                L2 = 17 + bank % 4
                s = str(bank % 9 + 1) + f"{rng.integers(0, 10**9):09d}" + f"{rng.integers(0, 10**(L2 - 10)):0{L2 - 10}d}"
            if s not in self.ac.idx:
                return s

    def new_account(self, rng, holder, kind="personal", opened=-1, bank=None, rural=False,
                    notify=None):
        if bank is None:
            bank = int(rng.choice(NB, p=BANK_P_RURAL if rural else BANK_P_URBAN))
        if notify is None:
            notify = rng.random() < .7
        i = self.ac.add(self.acct_str(rng, bank, kind), holder, bank, kind, opened, notify)
        self.ac.sms_min[i] = int(rng.choice([0, 0, 10000, 50000, 100000]))  # notify only above (fen)
        return i

    def gen_domain(self, rng, fraud=False, keyword=None):
        while True:
            if keyword is not None:
                parts = [keyword, pick(rng, SYL)] if rng.random() < .5 else [pick(rng, SYL), keyword]
                sep = "-" if rng.random() < .4 else ""
                base = sep.join(parts)
                if rng.random() < .35:
                    base += str(int(rng.integers(1, 999)))
            else:
                base = pick(rng, SYL) + pick(rng, SYL)
                if rng.random() < .3:
                    base += pick(rng, WORDS)
                if rng.random() < .1:
                    base += str(int(rng.integers(1, 99)))
            d = base + pick(rng, FRAUD_TLD if fraud else LEGIT_TLD)
            if d not in self.Sidx:
                return d

    def gen_app(self, rng, keyword=None):
        while True:
            a = "com." + pick(rng, SYL) + pick(rng, SYL)
            a += "." + (keyword if keyword and rng.random() < .5 else pick(rng, WORDS))
            if a not in self.Sidx:
                return a

    # ------------------------------------------------------------ population
    def build_people(self):
        rng = self.rng("people")
        P = self.P
        rows = []
        hh = 0
        while len(rows) < P:
            d = int(rng.choice(8, p=D_W))
            t = int(rng.choice(6, p=HH_W[d]))
            mem = []
            if t == 0:
                a = int(rng.integers(27, 63))
                s = int(rng.integers(2))
                mem.append((a, s, 0))
                if rng.random() < .88:
                    mem.append((int(np.clip(a + rng.integers(-4, 6), 22, 85)), 1 - s, 1))
                for _ in range(int(rng.choice(4, p=[.22, .5, .25, .03]))):
                    ka = a - int(rng.integers(22, 36))
                    if ka >= 10:
                        mem.append((ka, int(rng.integers(2)), 2))
                if rng.random() < .15:
                    mem.append((min(a + int(rng.integers(24, 33)), 94), int(rng.integers(2)), 3))
            elif t == 1:
                a = int(rng.integers(60, 89))
                s = int(rng.integers(2))
                mem.append((a, s, 0))
                if rng.random() < .8:
                    mem.append((int(np.clip(a + rng.integers(-5, 5), 58, 95)), 1 - s, 1))
            elif t == 2:
                mem.append((int(rng.integers(21, 38)), int(rng.integers(2)), 0))
            elif t == 3:
                mem.append((int(rng.integers(18, 25)), int(rng.integers(2)), 0))
            elif t == 4:
                mem.append((int(rng.integers(65, 95)), int(rng.random() < .65), 0))
            else:
                a = int(rng.integers(18, 49))
                s = int(rng.random() < .4)
                mem.append((a, s, 0))
                if rng.random() < .3:
                    mem.append((int(np.clip(a + rng.integers(-4, 5), 18, 55)), 1 - s, 1))
            for a, s, r in mem:
                rows.append((d, a, s, hh, t, r))
            hh += 1
        arr = np.array(rows[:P], np.int64)
        self.dist, self.age, self.sex, self.hh, self.hht, self.rel = (arr[:, k] for k in range(6))
        self.n_hh = int(self.hh.max()) + 1
        self.birth = 2026 - self.age - (rng.random(P) < .42)
        age, sex, hht = self.age, self.sex, self.hht
        u = rng.random(P)
        persona = np.full(P, -1)
        persona[age < 18] = PI["pupil"]
        student = (age >= 18) & ((hht == 3) | ((age <= 22) & (self.rel == 2) & (u < .55)))
        persona[student & (persona < 0)] = PI["student"]
        retiree = (age >= 62) | ((age >= 55) & (sex == 1) & (u < .6))
        persona[retiree & (persona < 0)] = PI["retiree"]
        mig = (hht == 5) & (persona < 0)
        mw = {"factory": .33, "factory_night": .2, "rider": .12, "courier": .06, "service": .16,
              "construction": .13}
        persona[mig] = rng.choice([PI[k] for k in mw], size=int(mig.sum()), p=prof(*mw.values()))
        rest = persona < 0
        ow = {"office": .26, "service": .13, "factory": .07, "factory_night": .03, "merchant": .085,
              "owner": .035, "rider": .035, "driver": .04, "agent": .012, "telemarketer": .008,
              "homemaker": .08, "unemployed": .045, "teacher": .04, "medical": .035,
              "accountant": .03, "courier": .012, "construction": .04}
        persona[rest] = rng.choice([PI[k] for k in ow], size=int(rest.sum()), p=prof(*ow.values()))
        # some young retirees still keep a market stall
        stall = (persona == PI["retiree"]) & (age < 72) & (rng.random(P) < .07)
        persona[stall] = PI["merchant"]
        self.persona = persona
        adult = age >= 18
        self.adult = adult
        r = lambda: rng.random(P)  # noqa: E731
        worker = adult & ~np.isin(persona, [PI["student"], PI["retiree"], PI["pupil"]])
        self.landlord = adult & (age >= 40) & (age <= 80) & (r() < np.where(persona == PI["owner"], .25, .07))
        self.daigou = adult & (age <= 40) & (age >= 22) & (persona != PI["student"]) & (
            r() < np.where(sex == 1, np.where(np.isin(persona, [PI["homemaker"], PI["unemployed"]]), .06, .018), .004))
        self.groupbuy = (np.isin(persona, [PI["homemaker"], PI["retiree"]]) & (age >= 30) & (age <= 68)
                         & (r() < .014))
        self.crypto = adult & (age <= 42) & (r() < np.where(sex == 0, .035, .008))
        self.gold = adult & (r() < np.where((sex == 1) & (age >= 40) & (age <= 78), .09, .018))
        self.has_loan = adult & (age <= 58) & (r() < .3)
        self.overseas_tie = adult & (r() < np.where(age >= 55, .05, .025))
        self.multi_sim = adult & (r() < np.where(np.isin(persona, [PI["merchant"], PI["agent"], PI["owner"], PI["driver"]]), .35, .10))
        self.new_res = adult & (r() < np.where(hht == 5, .07, np.where(hht == 2, .04, .01)))
        self.debtor = self.has_loan & (r() < .07)
        self.weishang = adult & (sex == 1) & (age <= 48) & (r() < .02)
        self.tutor = (persona == PI["teacher"]) & (r() < .3)
        self.remitter = (hht == 5) & adult & (r() < .55)
        self.worker = worker
        # savings level (yuan), what a victim can be talked out of
        med = np.select([age < 22, age < 30, age < 45, age < 60], [3000, 30000, 80000, 150000], 120000)
        med = med * np.where(persona == PI["owner"], 3.0, 1.0) * np.where(np.isin(self.dist, RURAL), .6, 1.0)
        self.wealth = lognorm(rng, 1.0, 1.0, P) * med
        # tenant households pay rent
        hh_rent_p = np.array([.25, .08, .7, 0., .05, .9])
        hu = rng.random(self.n_hh)
        self.tenant = (self.rel == 0) & (hu[self.hh] < hh_rent_p[hht])
        # household member lists
        order = np.argsort(self.hh, kind="stable")
        self.hh_order = order
        self.hh_start = np.searchsorted(self.hh[order], np.arange(self.n_hh + 1))

    def hh_members(self, h):
        return self.hh_order[self.hh_start[h]:self.hh_start[h + 1]]

    # ------------------------------------------------------------ phones
    def build_phones(self):
        rng = self.rng("phones")
        P = self.P
        segs = set()
        while len(segs) < 260:
            segs.add(pick(rng, MOBILE_PREFIXES) + f"{rng.integers(0, 10000):04d}")
        self.local_segs = sorted(segs)
        self.local_seg_set = segs
        S = self.START
        age = self.age
        p_has = np.select([age < 14, age < 18, age >= 80], [.6, .92, .85], .985)
        has = rng.random(P) < p_has
        self.prim_phone = np.full(P, -1, np.int64)
        self.sec_phone = np.full(P, -1, np.int64)
        self.landline = np.full(P, -1, np.int64)
        self.new_phone = np.full(P, -1, np.int64)
        self.change_ts = np.full(P, -1, np.int64)
        hometown = (self.hht == 5) & (rng.random(P) < .12)
        sim_change = has & self.adult & (rng.random(P) < .008) & (self.D >= 3)
        for i in range(P):
            if not has[i]:
                continue
            years = max(0.2, min(age[i] - 10, 18))
            act = S - int(rng.uniform(30 * DAY, years * 365 * DAY))
            if self.new_res[i]:
                act = S - int(rng.uniform(1 * DAY, 30 * DAY))
            if hometown[i]:
                self.prim_phone[i] = self.ph.add(self.mobile_str(rng, False), -1, "mobile", -1, user=i)
            else:
                if rng.random() < .03 and not self.new_res[i]:
                    act = -1
                self.prim_phone[i] = self.ph.add(self.mobile_str(rng, True), i, "mobile", act, user=i)
            if self.multi_sim[i]:
                a2 = S - int(rng.uniform(5 * DAY, 8 * 365 * DAY))
                self.sec_phone[i] = self.ph.add(self.mobile_str(rng, True, virtual=rng.random() < .15),
                                                i, "mobile", a2, user=i)
            if sim_change[i]:
                tc = S + int(rng.uniform(1 * DAY, (self.D - 1) * DAY))
                self.change_ts[i] = tc
                self.new_phone[i] = self.ph.add(self.mobile_str(rng, True), i, "mobile", tc, user=i)
        # household landlines, mostly for the elderly
        for h in range(self.n_hh):
            m = self.hh_members(h)
            if len(m) == 0:
                continue
            p = .35 if self.age[m].max() >= 60 else .12
            if self.hht[m[0]] in (2, 3, 5):
                p = .01
            if rng.random() < p:
                act = -1 if rng.random() < .35 else S - int(rng.uniform(365 * DAY, 25 * 365 * DAY))
                head = m[0]
                self.landline[m] = self.ph.add(self.landline_str(rng), head, "landline", act, user=head)
        self.has_phone = self.prim_phone >= 0
        # external (out-of-city) numbers: relatives and friends elsewhere
        n_ext = int(.55 * P) + 50
        self.ext_phone = np.array([self.ph.add(self.mobile_str(rng, False), -1, "mobile", -1)
                                   for _ in range(n_ext)], np.int64)
        # service numbers
        self.svc = {s: self.ph.add(s, -1, "service", -1) for s in SERVICE_SHORT}
        self.bank_svc = np.array([self.ph.add(b[3], -1, "service", -1) for b in BANKS], np.int64)
        self.ports = np.array([self.ph.add(self.port_str(rng), -1, "service",
                                           S - int(rng.uniform(60 * DAY, 3000 * DAY)) if rng.random() < .5 else -1)
                               for _ in range(int(260 * max(self.scale, .3)))], np.int64)
        self.express_ports = self.ports[:20]
        self.bank_ports = self.ports[20:40]
        self.code_ports = self.ports[40:]
        self.hotline400 = np.array([self.ph.add("400" + f"{rng.integers(0, 10**7):07d}", -1, "service", -1)
                                    for _ in range(40)], np.int64)
        # platform privacy relay numbers (AXB virtual numbers of delivery / ride platforms)
        nrel = max(40, int(320 * self.scale))
        self.relays = np.array([self.ph.add(self.mobile_str(rng, rng.random() < .5, virtual=rng.random() < .6),
                                            -1, "mobile", S - int(rng.uniform(30 * DAY, 900 * DAY)))
                                for _ in range(nrel)], np.int64)

    def phone_user_arrays(self):
        user = np.array(self.ph.user, np.int64)
        return user

    # ------------------------------------------------------------ accounts
    def build_accounts(self):
        rng = self.rng("accounts")
        P = self.P
        S = self.START
        age = self.age
        rural = np.isin(self.dist, RURAL)
        self.prim_acct = np.full(P, -1, np.int64)
        self.sav_acct = np.full(P, -1, np.int64)
        self.accts_of: list[list[int]] = [[] for _ in range(P)]
        self.recent_acct = np.full(P, -1, np.int64)
        u = rng.random(P)
        n = np.where(age < 16, (u < .25).astype(int), np.where(age < 18, (u < .55).astype(int), 0))
        stu = self.persona == PI["student"]
        n = np.where(stu, 1 + (rng.random(P) < .5), n)
        ad = (age >= 18) & ~stu
        n = np.where(ad, np.minimum(1 + rng.poisson(np.where(rural, .5, 1.3)), 6), n)
        recent = ad & (rng.random(P) < .03)
        for i in range(P):
            k = int(n[i])
            if k == 0:
                continue
            p = BANK_P_RURAL if rural[i] else BANK_P_URBAN
            banks = rng.choice(NB, size=min(k, NB), replace=False, p=p)
            for j, b in enumerate(banks):
                yrs = max(0.3, min(age[i] - 15, 22))
                op = S - int(rng.uniform(40 * DAY, yrs * 365 * DAY))
                if op < S - 15 * 365 * DAY and rng.random() < .12:
                    op = -1
                a = self.new_account(rng, i, "personal", op, bank=int(b))
                self.accts_of[i].append(a)
            if recent[i]:
                # opened days ago: a deposit promotion, a new job's payroll bank, a move
                op = S - int(rng.uniform(1 * DAY, 25 * DAY))
                a = self.new_account(rng, i, "personal", op, rural=rural[i])
                self.accts_of[i].append(a)
                self.recent_acct[i] = a
            if self.new_res[i] and age[i] >= 18 and rng.random() < .5:
                op = S - int(rng.uniform(1 * DAY, 30 * DAY))
                self.accts_of[i].insert(0, self.new_account(rng, i, "personal", op, rural=rural[i]))
            self.prim_acct[i] = self.accts_of[i][0]
            if len(self.accts_of[i]) > 1:
                self.sav_acct[i] = self.accts_of[i][1]
        # parents pay for pupils without a card: household adult's account
        self.payer_acct = self.prim_acct.copy()
        for h in range(self.n_hh):
            m = self.hh_members(h)
            ad_m = [x for x in m if self.age[x] >= 22 and self.prim_acct[x] >= 0]
            if ad_m:
                for x in m:
                    if self.payer_acct[x] < 0:
                        self.payer_acct[x] = ad_m[0]
                        self.payer_acct[x] = self.prim_acct[ad_m[0]]

    def old_open(self, rng):
        return self.START - int(rng.uniform(200 * DAY, 12 * 365 * DAY))

    def outside_personal(self, rng, n=1, opened=None):
        out = []
        for _ in range(n):
            op = self.old_open(rng) if opened is None else opened
            out.append(self.new_account(rng, -1, "personal", op if rng.random() > .3 else -1,
                                        notify=False))
        return np.array(out, np.int64)

    # ------------------------------------------------------------ entities
    def build_entities(self):
        rng = self.rng("entities")
        P, S = self.P, self.START
        sc = max(self.scale, .1)
        per = self.persona
        # --- merchants (resident stall owners and shops)
        mer_people = np.nonzero(per == PI["merchant"])[0]
        cats = ["breakfast", "restaurant", "grocery", "market", "clothing", "services", "night",
                "pharmacy", "convenience", "canteen"]
        self.mcat_names = cats
        cat_p = prof(.12, .2, .12, .14, .09, .12, .13, .03, .05, 0)
        m_acct, m_cat, m_dist, m_pop, m_owner, m_sweep_to = [], [], [], [], [], []
        for i in mer_people:
            c = int(rng.choice(len(cats), p=cat_p))
            if rng.random() < .55 or self.prim_acct[i] < 0:
                a = self.new_account(rng, i, "merchant", self.old_open(rng), rural=self.dist[i] in RURAL)
                sweep = self.prim_acct[i] if self.prim_acct[i] >= 0 else -1
            else:
                a = self.prim_acct[i]  # personal collection code on the everyday card
                sweep = self.sav_acct[i]
            m_acct.append(a)
            m_cat.append(c)
            m_dist.append(self.dist[i])
            m_pop.append(lognorm(rng, 1, .8))
            m_owner.append(i)
            m_sweep_to.append(sweep)
        self.n_res_merchants = len(m_acct)
        # chains and campus canteens: corporate, held outside the area
        for _ in range(int(45 * sc)):
            c = int(rng.choice([1, 2, 8, 7, 4], p=[.35, .25, .2, .1, .1]))
            m_acct.append(self.new_account(rng, -1, "corporate", self.old_open(rng), notify=False))
            m_cat.append(c)
            m_dist.append(int(rng.integers(8)))
            m_pop.append(lognorm(rng, 4, .5))
            m_owner.append(-1)
            m_sweep_to.append(-1)
        for _ in range(max(2, int(6 * sc))):
            m_acct.append(self.new_account(rng, -1, "corporate", self.old_open(rng), notify=False))
            m_cat.append(9)
            m_dist.append(2)
            m_pop.append(lognorm(rng, 8, .3))
            m_owner.append(-1)
            m_sweep_to.append(-1)
        self.m_acct = np.array(m_acct, np.int64)
        self.m_cat = np.array(m_cat)
        self.m_dist = np.array(m_dist)
        self.m_pop = np.array(m_pop)
        self.m_owner = np.array(m_owner)
        self.m_sweep_to = np.array(m_sweep_to, np.int64)
        # jewellers / gold shops
        owners = np.nonzero(per == PI["owner"])[0]
        jw = []
        for k in range(max(3, int(9 * sc))):
            if k % 2 == 0 and len(owners):
                h = int(pick(rng, owners))
            else:
                h = -1
            jw.append(self.new_account(rng, h, "merchant" if h >= 0 else "corporate", self.old_open(rng),
                                       notify=False))
        self.jewellers = np.array(jw, np.int64)
        mk = lambda n, h=-1, kind="corporate": np.array(  # noqa: E731
            [self.new_account(rng, h, kind, self.old_open(rng), notify=False) for _ in range(n)], np.int64)
        self.car_dealers = mk(max(2, int(5 * sc)))
        self.utilities = mk(7)
        self.lenders = mk(12)
        self.platforms = mk(6)
        self.bank_gold = np.array([self.new_account(rng, -1, "corporate", self.old_open(rng), bank=b, notify=False)
                                   for b in range(NB)], np.int64)
        self.schools = mk(max(2, int(8 * sc)))
        self.hospitals = mk(max(2, int(5 * sc)))
        self.training = mk(max(2, int(10 * sc)))
        # wholesale suppliers: some held by local owners
        sup = []
        for _ in range(int(60 * sc) + 5):
            h = int(pick(rng, owners)) if (len(owners) and rng.random() < .5) else -1
            sup.append(self.new_account(rng, h, "corporate", self.old_open(rng), notify=False))
        self.suppliers = np.array(sup, np.int64)
        # employers: owners' SMEs plus large employers
        self.sme_of_owner = {}
        emp_acct, emp_owner, emp_kind = [], [], []
        for o in owners:
            a = self.new_account(rng, o, "corporate", self.old_open(rng), rural=self.dist[o] in RURAL)
            self.sme_of_owner[int(o)] = a
            emp_acct.append(a)
            emp_owner.append(int(o))
            emp_kind.append(0)
        for k in range(int(25 * sc) + 3):
            emp_acct.append(self.new_account(rng, -1, "corporate", self.old_open(rng), notify=False))
            emp_owner.append(-1)
            emp_kind.append(1 if k % 3 else 2)  # 1 factory / 2 other big
        self.emp_acct = np.array(emp_acct, np.int64)
        self.emp_owner = np.array(emp_owner)
        self.emp_kind = np.array(emp_kind)
        E = len(emp_acct)
        self.emp_payday = rng.choice([5, 10, 15, 20, 25, 28, 30], size=E, p=prof(.1, .2, .3, .15, .1, .08, .07))
        self.emp_via_owner = (self.emp_owner >= 0) & (rng.random(E) < .2)
        self.emp_hour = rng.uniform(8.5, 11.5, E)
        sme = np.nonzero(self.emp_kind == 0)[0]
        big_f = np.nonzero(self.emp_kind == 1)[0]
        big_o = np.nonzero(self.emp_kind == 2)[0]
        employer = np.full(P, -1)
        wk = np.nonzero(self.worker & ~np.isin(per, [PI["merchant"], PI["owner"], PI["homemaker"],
                                                     PI["unemployed"], PI["rider"], PI["driver"]]))[0]
        sme_w = lognorm(rng, 1, 1.0, len(sme)) if len(sme) else None
        for i in wk:
            p = per[i]
            if p == PI["teacher"]:
                employer[i] = -2
                continue
            if p == PI["medical"]:
                employer[i] = -3
                continue
            if p in (PI["factory"], PI["factory_night"]) and rng.random() < .8 and len(big_f):
                employer[i] = int(pick(rng, big_f))
            elif len(sme) and rng.random() < .7:
                employer[i] = int(rng.choice(sme, p=sme_w / sme_w.sum()))
            elif len(big_o):
                employer[i] = int(pick(rng, big_o))
        self.employer = employer
        # salary (yuan / month, net)
        sal_med = {PI["office"]: 6800, PI["service"]: 4300, PI["factory"]: 5200,
                   PI["factory_night"]: 5900, PI["teacher"]: 7200, PI["medical"]: 8600,
                   PI["accountant"]: 6200, PI["construction"]: 6600, PI["telemarketer"]: 4600,
                   PI["agent"]: 4000, PI["courier"]: 5500}
        med = np.array([sal_med.get(int(x), 5000) for x in per])
        self.salary = lognorm(rng, 1, .35, P) * med
        # landlords and their tenants
        lords = np.nonzero(self.landlord & (self.prim_acct >= 0))[0]
        self.lord_of = np.full(P, -1)
        tenants = np.nonzero(self.tenant & (self.payer_acct >= 0))[0]
        if len(lords):
            ld = self.dist[lords]
            for i in tenants:
                same = lords[ld == self.dist[i]]
                pool = same if (len(same) and rng.random() < .75) else lords
                self.lord_of[i] = int(pick(rng, pool))
        rent_med = np.array([1600, 2600, 1300, 2200, 1100, 800, 800, 1200])
        self.rent = np.round(lognorm(rng, 1, .3, P) * rent_med[self.dist] / 100) * 100
        self.rent_day = rng.integers(1, 29, P)
        self.loan_day = rng.integers(1, 29, P)
        self.lender_of = rng.choice(self.lenders, P)
        self.loan_amt = lognorm(rng, 1600, .6, P)
        # hometown family accounts (students' parents, migrant families): outside the area
        self.home_acct = np.full(P, -1, np.int64)
        need = np.nonzero((per == PI["student"]) | self.remitter)[0]
        for i in need:
            if rng.random() < .75:
                self.home_acct[i] = self.outside_personal(rng)[0]
        # crypto OTC dealers ("U merchants"): a few residents, a few outside
        cand = np.nonzero(self.adult & (self.age < 40) & (self.sex == 0) & (self.prim_acct >= 0))[0]
        us = [int(self.prim_acct[int(pick(rng, cand))]) for _ in range(max(2, int(6 * sc)))]
        us += list(self.outside_personal(rng, max(2, int(6 * sc))))
        self.otc_dealers = np.array(us, np.int64)
        # renovation contractors: residents paid big sums by strangers
        cons = np.nonzero(np.isin(per, [PI["construction"], PI["owner"]]) & (self.prim_acct >= 0))[0]
        self.contractors = self.prim_acct[rng.choice(cons, size=min(len(cons), max(3, int(30 * sc))), replace=False)] if len(cons) else np.array([], np.int64)
        self.log(f"entities: {len(self.m_acct)} merchants, {E} employers, {len(self.ac.id)} accounts")

    # ------------------------------------------------------------ social graph
    def build_contacts(self):
        rng = self.rng("contacts")
        P, K = self.P, 16
        self.K = K
        cp = np.full((P, K), -1, np.int64)
        # friends: age-neighbours in the same district, some anywhere in town
        for d in range(8):
            m = np.nonzero(self.dist == d)[0]
            if len(m) == 0:
                continue
            o = m[np.argsort(self.age[m], kind="stable")]
            pos = np.empty(len(m), np.int64)
            pos[np.argsort(self.age[m], kind="stable")] = np.arange(len(m))
            for k in range(4, 12):
                off = rng.integers(-120, 121, len(m))
                cp[m, k] = o[np.clip(pos + off, 0, len(m) - 1)]
        anywhere = rng.random((P, K)) < .22
        cp = np.where(anywhere, rng.integers(0, P, (P, K)), cp)
        # colleagues
        emp = self.employer
        w = np.nonzero(emp >= 0)[0]
        if len(w):
            o = w[np.argsort(emp[w], kind="stable")]
            e_sorted = emp[o]
            start = np.searchsorted(e_sorted, e_sorted, "left")
            end = np.searchsorted(e_sorted, e_sorted, "right")
            size = end - start
            for k in range(12, 16):
                j = start + (rng.random(len(o)) * size).astype(np.int64)
                cp[o, k] = np.where(size > 1, o[j], cp[o, k])
        # household first
        for h in range(self.n_hh):
            m = self.hh_members(h)
            if len(m) < 2:
                continue
            for x in m:
                others = [y for y in m if y != x][:4]
                cp[x, :len(others)] = others
                cp[x, len(others):4] = -1
        if True:
            # households of one: slots 0-3 are partly family elsewhere
            single = np.ones(P, bool)
            for h in range(self.n_hh):
                m = self.hh_members(h)
                if len(m) >= 2:
                    single[m] = False
            cp[single, 0:4] = -1
        cp[cp == np.arange(P)[:, None]] = -1
        self.cp = cp
        # phone of each contact; missing -> relatives / friends elsewhere
        cph = np.where(cp >= 0, self.prim_phone[np.maximum(cp, 0)], -1)
        ext = self.ext_phone
        # each household shares a few out-of-town relatives
        hh_ext = rng.integers(0, len(ext), (self.n_hh, 4))
        fam_ext = ext[hh_ext[self.hh]]  # (P,4)
        slots_fam = np.concatenate([fam_ext, fam_ext[:, :2]], axis=1)  # (P,6)
        head = cph[:, :6]
        cph[:, :6] = np.where(head >= 0, head, slots_fam)
        mig_stu = (self.hht == 5) | (self.persona == PI["student"])
        cph[:, 4] = np.where(mig_stu | (rng.random(P) < .5), fam_ext[:, 0], cph[:, 4])
        cph[:, 5] = np.where(mig_stu | (rng.random(P) < .3), fam_ext[:, 1], cph[:, 5])
        cp[:, 4] = np.where(cph[:, 4] == fam_ext[:, 0], -1, cp[:, 4])
        cp[:, 5] = np.where(cph[:, 5] == fam_ext[:, 1], -1, cp[:, 5])
        miss = cph < 0
        cph[miss] = ext[rng.integers(0, len(ext), int(miss.sum()))]
        cp[miss] = -1
        self.cp, self.cph = cp, cph
        self.cw = prof(10, 8, 6, 5, 3, 2.5, 2, 2, 1.6, 1.5, 1.2, 1, 1.5, 1.3, 1.1, 1)

    # ================================================================ telecom bulk
    def own_number(self, rng, persons):
        """The number a person uses: primary, a second SIM, or the household landline."""
        num = self.prim_phone[persons].copy()
        u = rng.random(len(persons))
        sec = self.sec_phone[persons]
        use_sec = (sec >= 0) & (u < .3)
        num[use_sec] = sec[use_sec]
        ll = self.landline[persons]
        use_ll = (ll >= 0) & (self.age[persons] >= 55) & (u > .55) & ~use_sec
        num[use_ll] = ll[use_ll]
        return num

    def persona_times(self, rng, persons, days):
        ts = np.empty(len(persons), np.int64)
        grp = PROF_OF[self.persona[persons]]
        for g, pr in enumerate(PROFILES):
            m = grp == g
            if m.any():
                ts[m] = self.times(rng, days[m], pr)
        return ts

    def expand(self, rng, rate_person, dayf=None):
        """Poisson counts per (person, day) -> person and day arrays."""
        P, D = len(rate_person), self.D
        if dayf is None:
            dayf = np.ones(D)
        counts = rng.poisson(np.asarray(rate_person, float)[:, None] * np.asarray(dayf, float)[None, :])
        flat = np.repeat(np.arange(P * D), counts.ravel())
        return flat // D, flat % D

    def bulk_calls(self):
        rng = self.rng("calls")
        has = self.has_phone
        self.with_phone = np.nonzero(has)[0]
        self.dist_people = [self.with_phone[self.dist[self.with_phone] == d] for d in range(8)]
        # --- social calls over the contact graph
        pi, di = self.expand(rng, SOCIAL_RATE[self.persona] * has, np.where(self.weekend, .93, 1.0))
        n = len(pi)
        ts = self.persona_times(rng, pi, di)
        col = rng.choice(self.K, size=n, p=self.cw)
        other = self.cph[pi, col]
        own = self.own_number(rng, pi)
        flip = rng.random(n) < .45
        a = np.where(flip, other, own)
        b = np.where(flip, own, other)
        dur = np.where(col < 4, lognorm(rng, 80, 1.0, n), lognorm(rng, 50, 1.05, n))
        dur = np.clip(dur, 3, 5400).astype(np.int64)
        hr = self.local_hour(ts)
        unans = rng.random(n) < np.where((hr < 7) | (hr >= 23), .3, .13)
        dur[unans] = 0
        self.add_calls(ts, a, b, dur)
        # --- customer calls to service lines, and outbound calls from them
        svc_all = np.concatenate([np.array(list(self.svc.values())), self.bank_svc, self.hotline400])
        pi, di = self.expand(rng, .035 * has)
        n = len(pi)
        ts = self.times(rng, di, H_OFFICE)
        dur = np.clip(lognorm(rng, 170, .8, n), 10, 3600).astype(np.int64)
        dur[rng.random(n) < .07] = 0
        self.add_calls(ts, self.prim_phone[pi], rng.choice(svc_all, n), dur)
        pi, di = self.expand(rng, .012 * has)
        n = len(pi)
        ts = self.times(rng, di, H_OFFICE)
        dur = np.clip(lognorm(rng, 60, .8, n), 5, 900).astype(np.int64)
        dur[rng.random(n) < .35] = 0
        self.add_calls(ts, rng.choice(np.concatenate([self.bank_svc, self.hotline400]), n),
                       self.prim_phone[pi], dur)
        # --- delivery riders and drivers through platform relay numbers
        age = self.age
        drate = np.select([age < 18, age < 35, age < 55], [.12, .75, .45], .1) * has
        pi, di = self.expand(rng, drate * .45, np.where(self.weekend, 1.2, 1.0))
        n = len(pi)
        ts = np.where(rng.random(n) < .7, self.times(rng, di, H_MEAL), self.times(rng, di, H_SHOP))
        rel = rng.choice(self.relays, n)
        inb = rng.random(n) < .8
        dur = np.clip(lognorm(rng, 25, .6, n), 4, 300).astype(np.int64)
        dur[rng.random(n) < .15] = 0
        self.add_calls(ts, np.where(inb, rel, self.prim_phone[pi]), np.where(inb, self.prim_phone[pi], rel), dur)
        self.parcel_rate = drate
        # --- couriers ring strangers in their district
        cour = np.nonzero((self.persona == PI["courier"]) & has)[0]
        if len(cour):
            ci, di = self.expand(rng, np.full(len(cour), 26.0), np.where(self.weekend, .6, 1.0))
            n = len(ci)
            who = cour[ci]
            callee = np.empty(n, np.int64)
            for d in range(8):
                m = self.dist[who] == d
                if m.any() and len(self.dist_people[d]):
                    callee[m] = self.prim_phone[rng.choice(self.dist_people[d], int(m.sum()))]
            ts = self.times(rng, di, prof(*[0] * 8 + [6, 10, 10, 9, 6, 8, 10, 10, 9, 7, 4, 1, 0, 0, 0, 0]))
            dur = np.clip(lognorm(rng, 20, .5, n), 4, 200).astype(np.int64)
            dur[rng.random(n) < .25] = 0
            self.add_calls(ts, self.own_number(rng, who), callee, dur)
        # --- telemarketers (property, education, insurance, loan brokers)
        sc = max(self.scale, .1)
        tm_people = np.nonzero((self.persona == PI["telemarketer"]) & has)[0]
        tele = []
        S = self.START
        for k in range(max(8, int(55 * sc))):
            u = rng.random()
            if u < .4 and len(tm_people):
                p = int(pick(rng, tm_people))
                num = int(self.sec_phone[p] if self.sec_phone[p] >= 0 else self.prim_phone[p])
            elif u < .75:
                num = self.ph.add(self.voip_str(rng), -1, "voip", -1)
            else:
                num = self.ph.add(self.landline_str(rng), -1, "landline",
                                  S - int(rng.uniform(100 * DAY, 3000 * DAY)))
            t_from, t_to = S, self.END
            tele.append((num, t_from, t_to))
            if rng.random() < .3 and self.D >= 3:
                # the line gets tagged as harassment; the company swaps in a fresh number
                sw = S + int(rng.integers(1, self.D)) * DAY + 8 * HOUR
                tele[-1] = (num, t_from, sw)
                if rng.random() < .5:
                    nn = self.ph.add(self.mobile_str(rng, True, virtual=rng.random() < .5), -1, "mobile", sw - int(rng.uniform(0, 2 * DAY)))
                else:
                    nn = self.ph.add(self.voip_str(rng), -1, "voip", -1)
                tele.append((nn, sw, self.END))
        self.tele_numbers = [t[0] for t in tele]
        for num, t0, t1 in tele:
            per_day = rng.poisson(np.where(self.weekend, 25, 120))
            days = np.repeat(np.arange(self.D), per_day)
            ts = self.times(rng, days, H_OFFICE)
            ts = ts[(ts >= t0) & (ts < t1)]
            n = len(ts)
            u = rng.random(n)
            dur = np.where(u < .55, 0, np.where(u < .88, rng.integers(3, 26, n),
                                                 np.where(u < .98, rng.integers(26, 241, n), rng.integers(241, 900, n))))
            self.add_calls(ts, np.full(n, num), self.prim_phone[rng.choice(self.with_phone, n)], dur)
        # --- debt collectors: repeated calls to overdue borrowers and their relatives
        coll = []
        for k in range(max(3, int(14 * sc))):
            u = rng.random()
            if u < .5:
                coll.append(self.ph.add(self.voip_str(rng), -1, "voip", -1))
            elif u < .75:
                coll.append(self.ph.add(self.landline_str(rng, pick(rng, ["021", "0755", "020", "0571", "028"])), -1, "landline", -1))
            else:
                coll.append(self.ph.add(self.mobile_str(rng, False), -1, "mobile", -1))
        self.collectors = np.array(coll, np.int64)
        deb = np.nonzero(self.debtor & has)[0]
        if len(deb):
            assign = rng.choice(self.collectors, (len(deb), 2))
            di_, dd = self.expand(rng, np.full(len(deb), 1.3), np.where(self.weekend, .7, 1.0))
            n = len(di_)
            ts = self.times(rng, dd, prof(0, 0, 0, 0, 0, 0, 0, .5, 4, 8, 8, 7, 4, 6, 8, 8, 7, 6, 5, 5, 3, 1, 0, 0))
            dur = np.clip(lognorm(rng, 80, .8, n), 8, 900).astype(np.int64)
            dur[rng.random(n) < .6] = 0
            self.add_calls(ts, assign[di_, rng.integers(0, 2, n)], self.prim_phone[deb[di_]], dur)
            m = rng.random(n) < .2
            rel = self.cph[deb[di_[m]], rng.integers(0, 4, int(m.sum()))]
            d2 = np.clip(lognorm(rng, 50, .8, int(m.sum())), 5, 400).astype(np.int64)
            d2[rng.random(int(m.sum())) < .5] = 0
            self.add_calls(ts[m] + rng.integers(60, 1800, int(m.sum())), assign[di_[m], 0], rel, d2)
            m2 = rng.random(n) < .25
            self.add_sms(ts[m2] + 30, assign[di_[m2], 0], self.prim_phone[deb[di_[m2]]], -1)
        # --- sales agents (property, insurance, cars): many calls, some long, links by SMS
        ag = np.nonzero((self.persona == PI["agent"]) & has)[0]
        agent_dom = np.array([self.sid(x) for x in AGENT_DOMAINS])
        for p in ag:
            prospects = rng.choice(self.with_phone, 160)
            per_day = rng.poisson(np.where(self.weekend, 14, 28))
            days = np.repeat(np.arange(self.D), per_day)
            n = len(days)
            ts = self.times(rng, days, H_OFFICE)
            dur = np.clip(lognorm(rng, 70, 1.0, n), 5, 2400).astype(np.int64)
            dur[rng.random(n) < .3] = 0
            own = self.sec_phone[p] if self.sec_phone[p] >= 0 else self.prim_phone[p]
            tgt = self.prim_phone[rng.choice(prospects, n)]
            self.add_calls(ts, np.full(n, own), tgt, dur)
            ns = rng.poisson(6 * self.D)
            if ns:
                tss = self.times(rng, rng.integers(0, self.D, ns), H_OFFICE)
                self.add_sms(tss, np.full(ns, own), self.prim_phone[rng.choice(prospects, ns)],
                             rng.choice(agent_dom, ns))
        # --- relatives and business partners abroad
        cc_fam = ["1", "44", "61", "81", "82", "65", "852", "60", "66", "855", "63", "971", "886", "33", "49"]
        cc_w = prof(.22, .09, .11, .09, .05, .07, .1, .05, .04, .04, .03, .03, .04, .02, .02)
        ties = np.nonzero(self.overseas_tie & has)[0]
        biz = np.nonzero((self.daigou | ((np.isin(self.persona, [PI["owner"], PI["merchant"]])) & (rng.random(self.P) < .08))) & has)[0]
        for group, rate, med, ccs, w in ((ties, .3, 600, cc_fam, cc_w),
                                         (biz, .25, 180, ["82", "81", "852", "1", "33", "39", "66", "60"], prof(3, 3, 2, 1, 1, 1, 1, 1))):
            for p in group:
                k = 1 + int(rng.random() < .3)
                nums = [self.ph.add(self.overseas_str(rng, str(rng.choice(ccs, p=w))), -1, "overseas", -1) for _ in range(k)]
                nc = rng.poisson(rate * self.D)
                if nc == 0:
                    continue
                cc = self.ph.num[nums[0]][1:3]
                prf = prof(1, 1, .5, .3, .3, .5, 2, 6, 8, 7, 5, 3, 2, 2, 2, 3, 4, 5, 6, 7, 8, 8, 6, 3) if cc.startswith("1") else \
                    prof(.5, .3, .2, .2, .2, .2, .5, 1, 2, 3, 4, 5, 6, 6, 6, 7, 8, 9, 10, 10, 9, 8, 5, 2) if cc in ("44", "33", "49", "39") else H_SOCIAL
                ts = self.times(rng, rng.integers(0, self.D, nc), prf)
                dur = np.clip(lognorm(rng, med, .8, nc), 10, 7200).astype(np.int64)
                dur[rng.random(nc) < .15] = 0
                o = np.array([nums[int(rng.integers(k))] for _ in range(nc)])
                inb = rng.random(nc) < .7
                me = self.own_number(rng, np.full(nc, p))
                self.add_calls(ts, np.where(inb, o, me), np.where(inb, me, o), dur)
        # --- Hong Kong / Macau / Taiwan / Singapore insurance, immigration and wealth salesmen
        wl = np.sqrt(np.clip(self.wealth[self.with_phone], 1, None))
        for k in range(max(2, int(5 * sc))):
            num = self.ph.add(self.overseas_str(rng, str(rng.choice(["852", "853", "886", "65"], p=[.55, .15, .15, .15]))), -1, "overseas", -1)
            per_day = rng.poisson(np.where(self.weekend, 5, 24))
            days = np.repeat(np.arange(self.D), per_day)
            n = len(days)
            ts = self.times(rng, days, H_OFFICE)
            dur = np.clip(lognorm(rng, 60, 1.0, n), 3, 1800).astype(np.int64)
            dur[rng.random(n) < .45] = 0
            self.add_calls(ts, np.full(n, num), self.prim_phone[rng.choice(self.with_phone, n, p=wl / wl.sum())], dur)
        # --- newcomers ring around: landlords, movers, agencies, new colleagues
        nr = np.nonzero(self.new_res & has)[0]
        if len(nr):
            dayf = np.zeros(self.D)
            dayf[:min(6, self.D)] = 1
            pi, di = self.expand(rng, np.full(len(nr), 3.5), dayf)
            who = nr[pi]
            n = len(who)
            tgt = self.prim_phone[rng.choice(self.with_phone, n)]
            tgt = np.where(rng.random(n) < .2, rng.choice(self.relays, n), tgt)
            ts = self.times(rng, di, H_SOCIAL)
            dur = np.clip(lognorm(rng, 90, .9, n), 5, 1800).astype(np.int64)
            dur[rng.random(n) < .2] = 0
            inb = rng.random(n) < .4
            me = self.prim_phone[who]
            self.add_calls(ts, np.where(inb, tgt, me), np.where(inb, me, tgt), dur)
        self.log(f"bulk calls: {sum(len(c[0]) for c in self.calls)}")

    def bulk_sms(self):
        rng = self.rng("sms")
        has = self.has_phone
        age = self.age
        # person to person
        rate = np.where(age >= 50, .35, np.where(age < 25, .08, .17)) * has
        pi, di = self.expand(rng, rate)
        n = len(pi)
        ts = self.persona_times(rng, pi, di)
        col = rng.choice(self.K, size=n, p=self.cw)
        other = self.cph[pi, col]
        own = self.own_number(rng, pi)
        flip = rng.random(n) < .45
        links = np.array([self.sid(x) for x in ["mp.weixin.qq.com", "b23.tv", "v.douyin.com", "m.tb.cn", "xhslink.com"]])
        dom = np.where(rng.random(n) < .03, rng.choice(links, n), -1)
        self.add_sms(ts, np.where(flip, other, own), np.where(flip, own, other), dom)
        # verification codes from 106 ports (logins, payments, registrations)
        rate = np.select([age < 25, age < 45, age < 60], [1.1, 1.0, .6], .2) * has
        pi, di = self.expand(rng, rate)
        n = len(pi)
        w = 1 / np.arange(1, len(self.code_ports) + 1) ** .8
        snd = rng.choice(self.code_ports, n, p=w / w.sum())
        self.add_sms(self.persona_times(rng, pi, di), snd, self.prim_phone[pi], -1)
        # marketing campaigns: one port, one link, thousands of receivers within an hour
        mk_dom = ([self.sid(x) for x in SHORT_LINKS] * 3 + [self.sid(x) for x in LEGIT_DOMAINS[:40]] * 1
                  + [self.sid(x) for x in GRAY_DOMAINS])
        gray = set(self.sid(x) for x in GRAY_DOMAINS)
        senders = np.concatenate([self.code_ports, self.bank_ports, np.array([self.svc["10086"], self.svc["10010"], self.svc["10000"]])])
        loanish = self.has_loan.astype(float) * 2 + 1
        n_camp = int(38 * self.scale * self.D) + 1
        vis_ts, vis_num, vis_dom = [], [], []
        carriers = {self.svc["10086"]: ["10086.cn", "m.10086.cn"], self.svc["10010"]: ["wx.10010.com", "10010.com"],
                    self.svc["10000"]: ["e.189.cn", "189.cn"]}
        for c in range(n_camp):
            snd = int(pick(rng, senders))
            d = int(pick(rng, mk_dom)) if rng.random() < .75 else -1
            if snd in carriers and d >= 0:
                d = self.sid(pick(rng, carriers[snd]))
            size = int(min(lognorm(rng, 700, .9), .3 * self.P))
            if size < 5:
                continue
            if d in gray:
                pw = loanish[self.with_phone]
                aud = rng.choice(self.with_phone, size, p=pw / pw.sum())
            else:
                aud = rng.choice(self.with_phone, size)
            day = int(rng.integers(self.D))
            t0 = self.day_start(day) + int(rng.uniform(9, 20.5) * HOUR)
            spread = lognorm(rng, 1800, .8)
            ts = t0 + (rng.random(size) * spread).astype(np.int64)
            rcv = self.prim_phone[aud]
            self.add_sms(ts, np.full(size, snd), rcv, d)
            if d >= 0:
                clk = rng.random(size) < np.where(self.age[aud] >= 60, .006, .014)
                if clk.any():
                    vis_ts.append(ts[clk] + np.clip(lognorm(rng, 300, 1, int(clk.sum())), 5, 6 * HOUR).astype(np.int64))
                    vis_num.append(rcv[clk])
                    vis_dom.append(np.full(int(clk.sum()), d))
        for t_, n_, d_ in zip(vis_ts, vis_num, vis_dom):
            self.add_net(t_, n_, VISIT, d_)
        # parcel pickup codes, carrier notices
        pi, di = self.expand(rng, self.parcel_rate * .5)
        n = len(pi)
        dom = np.where(rng.random(n) < .15, self.sid("cainiao.com"), -1)
        self.add_sms(self.times(rng, di, H_SHOP), rng.choice(self.express_ports, n), self.prim_phone[pi], dom)
        pi, di = self.expand(rng, .04 * has)
        n = len(pi)
        dom = np.where(rng.random(n) < .3, self.sid("10086.cn"), -1)
        self.add_sms(self.times(rng, di, H_OFFICE),
                     rng.choice([self.svc["10086"], self.svc["10010"], self.svc["10000"]], n), self.prim_phone[pi], dom)
        self.log(f"bulk sms: {sum(len(c[0]) for c in self.smss)}")

    def bulk_net(self):
        rng = self.rng("net")
        has = self.has_phone
        age = self.age
        tail_dom = [self.gen_domain(rng) for _ in range(350)]
        doms = np.array([self.sid(x) for x in LEGIT_DOMAINS + tail_dom])
        w = 1 / np.arange(1, len(doms) + 1) ** 1.05
        rate = np.select([age < 18, age < 30, age < 45, age < 60], [2.5, 4.0, 3.0, 1.8], .6) * has
        pi, di = self.expand(rng, rate)
        n = len(pi)
        ts = np.where(age[pi] < 35, self.times(rng, di, H_YOUNG), self.persona_times(rng, pi, di))
        self.add_net(ts, self.prim_phone[pi], VISIT, rng.choice(doms, n, p=w / w.sum()))
        tail_app = [self.gen_app(rng) for _ in range(160)]
        apps = np.array([self.sid(x) for x in LEGIT_APPS + tail_app])
        w = 1 / np.arange(1, len(apps) + 1) ** .9
        pi, di = self.expand(rng, .07 * has)
        n = len(pi)
        self.add_net(self.persona_times(rng, pi, di), self.prim_phone[pi], INSTALL, rng.choice(apps, n, p=w / w.sum()))
        groups = [
            (np.isin(self.persona, [PI["office"], PI["teacher"], PI["accountant"], PI["owner"], PI["student"]]), .006, MEETING_APPS, H_OFFICE),
            (self.has_loan, .004, LOAN_APPS, H_SOCIAL),
            (self.crypto, .02, CRYPTO_APPS, H_YOUNG),
            (self.gold, .008, GOLD_APPS, H_SOCIAL),
            (self.adult, .0025, ["com.hicorenational.antifraud"], H_OFFICE),
            ((self.age >= 16) & (self.age <= 40), .002, PROXY_APPS, H_YOUNG),
        ]
        for mask, r, lst, pr in groups:
            pi, di = self.expand(rng, r * (mask & has))
            n = len(pi)
            ids = np.array([self.sid(x) for x in lst])
            self.add_net(self.times(rng, di, pr), self.prim_phone[pi], INSTALL, rng.choice(ids, n))
        # crypto hobbyists and gold buyers read quotes; office staff join meetings
        for mask, r, lst in ((self.crypto, .8, ["okx.com", "binance.com"]), (self.gold, .3, ["sge.com.cn", "chowtaifook.com"])):
            pi, di = self.expand(rng, r * (mask & has))
            ids = np.array([self.sid(x) for x in lst])
            self.add_net(self.times(rng, di, H_YOUNG), self.prim_phone[pi], VISIT, rng.choice(ids, len(pi)))
        self.log(f"bulk net: {sum(len(c[0]) for c in self.nets)}")

    # ================================================================ transfers bulk
    def bulk_transfers(self):
        rng = self.rng("transfers")
        P, D = self.P, self.D
        age, per = self.age, self.persona
        pa, payer = self.prim_acct, self.payer_acct
        T = self.add_tr
        # ---- shop / stall payments (QR codes, POS through payment apps)
        rate = np.select([per == PI["pupil"], per == PI["student"], per == PI["retiree"]], [.35, 1.8, .8], 1.5) * (payer >= 0)
        pi, di = self.expand(rng, rate, np.where(self.weekend, 1.15, 1.0))
        n = len(pi)
        merch = np.empty(n, np.int64)
        local = rng.random(n) < .75
        allw = self.m_pop / self.m_pop.sum()
        merch[~local] = rng.choice(len(self.m_acct), int((~local).sum()), p=allw)
        for d in range(8):
            m = local & (self.dist[pi] == d)
            md = np.nonzero(self.m_dist == d)[0]
            if not m.any():
                continue
            if len(md) == 0:
                merch[m] = rng.choice(len(self.m_acct), int(m.sum()), p=allw)
                continue
            w = self.m_pop[md] * np.where(self.m_cat[md] == 9, 1.0, 1.0)
            merch[m] = md[rng.choice(len(md), int(m.sum()), p=w / w.sum())]
        stu = per[pi] == PI["student"]
        canteens = np.nonzero(self.m_cat == 9)[0]
        sw = stu & (rng.random(n) < .5)
        merch[sw] = rng.choice(canteens, int(sw.sum()))
        cat = self.m_cat[merch]
        med = np.array([8, 45, 55, 25, 180, 60, 35, 55, 18, 12.0])
        sig = np.array([.4, .6, .8, .6, .6, .7, .5, .7, .6, .4])
        amt = to_fen(med[cat] * np.exp(sig[cat] * rng.standard_normal(n)))
        cprof = [H_BFAST, H_MEAL, H_SHOP, prof(0, 0, 0, 0, 0, 2, 6, 9, 10, 9, 7, 5, 3, 2, 2, 3, 5, 6, 4, 2, 1, 0, 0, 0),
                 H_SHOP, H_SHOP, H_EVEN, H_SHOP, H_SOCIAL, H_MEAL]
        ts = np.empty(n, np.int64)
        for c in range(10):
            m = cat == c
            if m.any():
                ts[m] = self.times(rng, di[m], cprof[c])
        fa = payer[pi]
        ta = self.m_acct[merch]
        ok = fa != ta
        ch = np.where(rng.random(n) < .8, CH["third_party"], CH["mobile"])
        T(ts[ok], fa[ok], ta[ok], amt[ok], ch[ok])
        # ---- stall owners sweep the day's takings
        nres = self.n_res_merchants
        rm = (merch < nres) & ok
        key = merch[rm] * D + di[rm]
        tot = np.bincount(key, weights=amt[rm], minlength=nres * D).reshape(nres, D)
        mi, dd = np.nonzero(tot > 0)
        sweep_to = self.m_sweep_to[mi]
        own_code = self.m_acct[mi] == pa[self.m_owner[mi]]
        go = (sweep_to >= 0) & (rng.random(len(mi)) < np.where(own_code, .25, .8))
        mi, dd, sweep_to, own_code = mi[go], dd[go], sweep_to[go], own_code[go]
        night = self.m_cat[mi] == 6
        tsw = np.where(night, self.START + (dd + 1) * DAY + rng.integers(int(.5 * HOUR), int(2.5 * HOUR), len(mi)),
                       self.START + dd * DAY + rng.integers(int(20.5 * HOUR), 23 * HOUR, len(mi)))
        frac = np.where(own_code, rng.uniform(.5, .9, len(mi)), rng.uniform(.75, 1.0, len(mi)))
        T(tsw, self.m_acct[mi], sweep_to, to_fen(tot[mi, dd] / 100 * frac, 1), CH["mobile"])
        # ---- merchants pay wholesalers, deposit cash
        res_m = np.arange(nres)
        mi, dd = self.expand(rng, np.full(nres, .3))
        n = len(mi)
        T(self.times(rng, dd, H_OFFICE), self.m_acct[mi], rng.choice(self.suppliers, n),
          to_fen(lognorm(rng, 6000, .7, n), 1), np.where(rng.random(n) < .6, CH["mobile"], CH["online"]))
        mi, dd = self.expand(rng, np.full(nres, .12))
        n = len(mi)
        T(self.times(rng, dd, H_OFFICE), -1, self.m_acct[mi], to_fen(lognorm(rng, 3000, .7, n), 100),
          np.where(rng.random(n) < .5, CH["counter"], CH["atm"]))
        del res_m
        # ---- person to person (contacts)
        rate = np.select([per == PI["pupil"], per == PI["student"]], [.02, .12], .22) * (pa >= 0)
        pi, di = self.expand(rng, rate, np.where(self.weekend, 1.1, 1.0))
        col = rng.choice(self.K, size=len(pi), p=self.cw)
        cpers = self.cp[pi, col]
        ok = cpers >= 0
        pi, di, cpers = pi[ok], di[ok], cpers[ok]
        ta = pa[cpers]
        ok = (ta >= 0) & (ta != pa[pi])
        pi, di, ta = pi[ok], di[ok], ta[ok]
        n = len(pi)
        u = rng.random(n)
        red = np.array([6.66, 8.88, 10, 16.8, 18.8, 20, 50, 66, 88, 100, 168, 188, 200])
        amt = np.where(u < .45, to_fen(rng.choice(red, n)),
                       np.where(u < .8, to_fen(lognorm(rng, 60, .9, n)),
                                np.where(u < .95, to_fen(lognorm(rng, 1500, .7, n), 100), to_fen(lognorm(rng, 8000, .8, n), 100))))
        T(self.persona_times(rng, pi, di), pa[pi], ta, amt, CH["mobile"])
        # ---- 20 May ("520"): couples send 520 / 1314
        d520 = [k for k, dt in enumerate(self.dates) if dt.month == 5 and dt.day == 20]
        if d520:
            d = d520[0]
            partner = self.cp[:, 0]
            cand = np.nonzero((np.isin(self.rel, [0, 1])) & (partner >= 0) & (pa >= 0) & (age < 62) & np.isin(self.hht, [0, 1]))[0]
            cand = cand[(pa[partner[cand]] >= 0) & np.isin(self.rel[partner[cand]], [0, 1])]
            go = cand[rng.random(len(cand)) < np.where(age[cand] < 40, .45, .2)]
            n = len(go)
            amt = to_fen(rng.choice([520, 1314, 5200, 52, 13.14, 520.13], n, p=prof(.45, .25, .05, .1, .1, .05)))
            special = rng.random(n)
            ts = np.where(special < .15, self.day_start(d) + 5 * HOUR + 20 * MINUTE + rng.integers(0, 60, n),
                          np.where(special < .3, self.day_start(d) + 13 * HOUR + 14 * MINUTE + rng.integers(0, 60, n),
                                   self.times(rng, np.full(n, d), H_SOCIAL)))
            T(ts, pa[go], pa[partner[go]], amt, CH["mobile"])
        # ---- payroll
        self._payroll(rng)
        # ---- platform payouts to riders, drivers, couriers
        gig = np.nonzero(np.isin(per, [PI["rider"], PI["driver"], PI["courier"]]) & (pa >= 0))[0]
        gi, dd = self.expand(rng, np.full(len(gig), .8))
        who = gig[gi]
        n = len(who)
        plat = np.where(per[who] == PI["rider"], self.platforms[rng.integers(0, 3, n)],
                        np.where(per[who] == PI["driver"], self.platforms[3], self.platforms[rng.integers(4, 6, n)]))
        T(self.times(rng, dd, prof(*[0] * 9 + [2, 6, 8, 8, 4, 1] + [0] * 9)), plat, pa[who],
          to_fen(lognorm(rng, 240, .4, n)), CH["third_party"])
        # ---- rent
        dom = self.dom
        ten = np.nonzero(self.tenant & (self.lord_of >= 0) & (payer >= 0))[0]
        for k, dt in enumerate(self.dates):
            who = ten[self.rent_day[ten] == dt.day]
            n = len(who)
            if n == 0:
                continue
            lord = self.lord_of[who]
            to = np.where((self.sav_acct[lord] >= 0) & (rng.random(n) < .25), self.sav_acct[lord], pa[lord])
            early = rng.random(n) < .3
            ts = self.times(rng, np.where(early & (k > 0), k - 1, k), H_SOCIAL)
            amt = to_fen(self.rent[who], 100)
            ok = payer[who] != to
            T(ts[ok], payer[who][ok], to[ok], amt[ok], CH["mobile"])
            for j in np.nonzero(ok & (rng.random(n) < .04))[0]:
                self.dispute_pool.append((int(who[j]), int(to[j]), int(ts[j]), int(amt[j]), "rent"))
        # ---- loans: repayments (often auto-debit before dawn) and disbursements
        bor = np.nonzero(self.has_loan & (pa >= 0))[0]
        for k, dt in enumerate(self.dates):
            who = bor[self.loan_day[bor] == dt.day]
            n = len(who)
            if n:
                auto = rng.random(n) < .7
                ts = np.where(auto, self.times(rng, np.full(n, k), H_AUTO), self.times(rng, np.full(n, k), H_SOCIAL))
                T(ts, pa[who], self.lender_of[who], to_fen(self.loan_amt[who]), CH["online"])
        adults = (age >= 20) & (age <= 58) & (pa >= 0)
        pi, di = self.expand(rng, .0015 * adults)
        n = len(pi)
        T(self.times(rng, di, H_OFFICE), rng.choice(self.lenders, n), pa[pi], to_fen(lognorm(rng, 10000, .8, n), 100), CH["online"])
        # ---- utilities, phone top-ups
        heads = (self.rel == 0) & (payer >= 0)
        pi, di = self.expand(rng, .05 * heads)
        n = len(pi)
        T(self.persona_times(rng, pi, di), payer[pi], rng.choice(self.utilities, n), to_fen(lognorm(rng, 90, .6, n)), CH["third_party"])
        # ---- cash: ATM withdrawals, counter withdrawals by the elderly, wallet cash-ins
        ad = (age >= 18) & (pa >= 0)
        pi, di = self.expand(rng, np.where(age >= 60, .05, .03) * ad)
        n = len(pi)
        src = np.where((self.sav_acct[pi] >= 0) & (rng.random(n) < .2), self.sav_acct[pi], pa[pi])
        T(self.times(rng, di, prof(*[.2] * 7 + [2, 5, 7, 8, 8, 8, 7, 7, 7, 8, 9, 9, 8, 6, 3, 1, .5])), src, -1,
          np.clip(to_fen(lognorm(rng, 900, .7, n), 100), 10000, 500000), CH["atm"])
        pi, di = self.expand(rng, .004 * ad * (age >= 55))
        n = len(pi)
        src = np.where((self.sav_acct[pi] >= 0) & (rng.random(n) < .5), self.sav_acct[pi], pa[pi])
        T(self.times(rng, di, H_OFFICE), src, -1, np.clip(to_fen(lognorm(rng, 15000, .6, n), 100), 100000, 8000000), CH["counter"])
        pi, di = self.expand(rng, .04 * ad)
        n = len(pi)
        T(self.persona_times(rng, pi, di), -1, pa[pi], to_fen(lognorm(rng, 800, 1.0, n)), CH["third_party"])
        # ---- own accounts: small moves, and savings consolidation across banks
        multi = np.array([len(x) >= 2 for x in self.accts_of])
        pi, di = self.expand(rng, .02 * multi)
        n = len(pi)
        up = rng.random(n) < .5
        T(self.persona_times(rng, pi, di), np.where(up, pa[pi], self.sav_acct[pi]), np.where(up, self.sav_acct[pi], pa[pi]),
          to_fen(lognorm(rng, 3000, 1.0, n), 100), CH["mobile"])
        self._consolidation(rng, multi)
        # ---- friends lending larger sums
        pi, di = self.expand(rng, .004 * ad)
        cpers = self.cp[pi, rng.integers(0, self.K, len(pi))]
        ok = (cpers >= 0)
        pi, di, cpers = pi[ok], di[ok], cpers[ok]
        ok = (pa[cpers] >= 0) & (pa[cpers] != pa[pi])
        pi, di, cpers = pi[ok], di[ok], cpers[ok]
        T(self.persona_times(rng, pi, di), pa[pi], pa[cpers], to_fen(lognorm(rng, 10000, .8, len(pi)), 1000), CH["mobile"])
        self._relatives_elsewhere(rng)
        self._big_purchases(rng)
        self._traders(rng)
        self._weddings(rng)
        self._students_crypto_gold(rng)
        self._sme(rng)
        self.log(f"bulk transfers: {sum(len(c[0]) for c in self.trs)}")

    def _relatives_elsewhere(self, rng):
        pa = self.prim_acct
        n_ext = int(.2 * self.P) + 20
        ext = []
        for _ in range(n_ext):
            u = rng.random()
            op = self.old_open(rng) if u < .88 else (self.START - int(rng.uniform(3 * DAY, 150 * DAY)) if u < .96 else -1)
            ext.append(self.new_account(rng, -1, "personal", op, notify=False))
        ext = np.array(ext, np.int64)
        # each household has a few relatives / friends banking elsewhere
        hh_ext = rng.integers(0, n_ext, (self.n_hh, 3))
        ad = (self.age >= 18) & (pa >= 0)
        pi, di = self.expand(rng, .05 * ad)
        n = len(pi)
        other = ext[hh_ext[self.hh[pi], rng.integers(0, 3, n)]]
        out = rng.random(n) < .55
        u = rng.random(n)
        amt = np.where(u < .5, to_fen(lognorm(rng, 800, .8, n), 100), np.where(u < .85, to_fen(lognorm(rng, 200, 1.0, n)),
                                                                            to_fen(lognorm(rng, 10000, .8, n), 1000)))
        self.add_tr(self.persona_times(rng, pi, di), np.where(out, pa[pi], other), np.where(out, other, pa[pi]), amt, CH["mobile"])
        self.ext_accts = ext

    def _payroll(self, rng):
        pa = self.prim_acct
        emp = self.employer
        paid_ts = np.full(self.P, -1, np.int64)
        paid_amt = np.zeros(self.P)
        groups = []
        for e in range(len(self.emp_acct)):
            groups.append((np.nonzero((emp == e) & (pa >= 0))[0], self.emp_acct[e], int(self.emp_payday[e]),
                           bool(self.emp_via_owner[e]), int(self.emp_owner[e]), float(self.emp_hour[e])))
        for code, accs, pday in ((-2, self.schools, 15), (-3, self.hospitals, 20)):
            w = np.nonzero((emp == code) & (pa >= 0))[0]
            k = rng.integers(0, len(accs), len(w))
            for j in range(len(accs)):
                groups.append((w[k == j], accs[j], pday, False, -1, float(rng.uniform(8.5, 10))))
        for members, acct, pday, via_owner, owner, hr in groups:
            if len(members) == 0:
                continue
            idx = [k for k, dt in enumerate(self.dates) if dt.day == pday]
            if not idx:
                continue
            k = idx[0]
            while k >= 0 and self.weekend[k]:
                k -= 1
            if k < 0:
                continue
            n = len(members)
            t0 = self.day_start(k) + int(hr * HOUR)
            if via_owner and owner >= 0 and pa[owner] >= 0:
                fa, ch = pa[owner], CH["mobile"]
                ts = t0 + np.sort(rng.integers(0, 40 * MINUTE, n))
            else:
                fa, ch = acct, CH["online"]
                ts = t0 + rng.integers(0, 90, n)
            amt = to_fen(self.salary[members] * rng.uniform(.92, 1.08, n))
            ok = pa[members] != fa
            self.add_tr(ts[ok], fa, pa[members][ok], amt[ok], ch)
            paid_ts[members[ok]] = ts[ok]
            paid_amt[members[ok]] = amt[ok] / 100
        # migrant workers send most of the wage home within hours
        r = np.nonzero(self.remitter & (paid_ts >= 0))[0]
        n = len(r)
        if n:
            ts = paid_ts[r] + np.clip(lognorm(rng, 3 * HOUR, 1.0, n), 600, 48 * HOUR).astype(np.int64)
            amt = to_fen(paid_amt[r] * rng.uniform(.5, .85, n), 100)
            self.add_tr(ts, pa[r], self.home_acct[r], amt, CH["mobile"])

    def _consolidation(self, rng, multi):
        pa = self.prim_acct
        cand = np.nonzero(multi & (self.age >= 25))[0]
        go = cand[rng.random(len(cand)) < .012 * self.dscale]
        rec = np.nonzero(self.recent_acct >= 0)[0]
        go = np.unique(np.concatenate([go, rec[rng.random(len(rec)) < .5]]))
        for i in go:
            accs = self.accts_of[i]
            tgt = self.recent_acct[i] if self.recent_acct[i] >= 0 else accs[int(rng.integers(len(accs)))]
            src = [a for a in accs if a != tgt]
            if not src:
                continue
            k = int(rng.integers(self.D))
            t = self.day_start(k) + int(rng.uniform(9, 15.5) * HOUR)
            counter = self.age[i] >= 60 and rng.random() < .6
            tot = 0
            for s in rng.permutation(src)[: int(rng.integers(1, 4))]:
                amt = int(np.clip(to_fen(lognorm(rng, 60000, .9), 100)[()], 500000, 80000000))
                self.add_tr([t], int(s), int(tgt), [amt], CH["counter"] if counter else CH["mobile"])
                tot += amt
                t += int(rng.uniform(5, 40) * MINUTE)
            if rng.random() < .3:
                t2 = t + int(rng.uniform(2, 30) * HOUR)
                self.add_tr([t2], int(tgt), int(self.bank_gold[self.ac.bank[tgt]]),
                            [int(tot * rng.uniform(.5, 1.0)) // 10000 * 10000 or 10000], CH["mobile"])
        del pa

    def _big_purchases(self, rng):
        pa = self.prim_acct
        cand = np.nonzero((self.age >= 25) & (self.age <= 68) & (pa >= 0))[0]
        go = cand[rng.random(len(cand)) < .006 * self.dscale]
        rest = np.nonzero(self.m_cat[:self.n_res_merchants] == 1)[0]
        for i in go:
            kind = rng.choice(6, p=prof(.2, .25, .15, .15, .15, .1))
            k = int(rng.integers(self.D))
            hrs = rng.uniform(9, 19)
            if kind == 3:
                hrs = rng.uniform(0, 24)
            t = self.day_start(k) + int(hrs * HOUR)
            src = pa[i]
            if self.sav_acct[i] >= 0 and rng.random() < .5:
                src = self.sav_acct[i]
            if kind == 0:  # car
                to = int(pick(rng, self.car_dealers))
                total = float(lognorm(rng, 120000, .5))
                if rng.random() < .5:
                    dep = float(rng.uniform(5000, 20000))
                    self.add_tr([t], src, to, to_fen([dep], 100), CH["mobile"])
                    t += int(rng.uniform(1, 3) * DAY)
                    total -= dep
                self.add_tr([t], src, to, to_fen([total], 100), CH["online"])
            elif kind == 1 and len(self.contractors):  # renovation: a private builder
                to = int(pick(rng, self.contractors))
                if to == src:
                    continue
                for _ in range(int(rng.integers(1, 3))):
                    amt = int(to_fen([lognorm(rng, 30000, .6)], 1000)[0])
                    self.add_tr([t], src, to, [amt], CH["mobile"])
                    if rng.random() < .15:
                        self.dispute_pool.append((int(i), to, int(t), amt, "renovation"))
                    t += int(rng.uniform(2, 6) * DAY)
            elif kind == 2:
                self.add_tr([t], src, int(pick(rng, self.training)), to_fen([lognorm(rng, 15000, .6)], 100), CH["mobile"])
            elif kind == 3:
                self.add_tr([t], src, int(pick(rng, self.hospitals)), to_fen([lognorm(rng, 12000, .8)]), CH["mobile"])
            elif kind == 4:
                self.add_tr([t], src, int(pick(rng, self.jewellers)), to_fen([lognorm(rng, 20000, .6)], 100), CH["third_party"])
            elif len(rest):
                to = int(self.m_acct[int(pick(rng, rest))])
                if to != src:
                    self.add_tr([t], src, to, to_fen([lognorm(rng, 25000, .5)], 100), CH["mobile"])

    def _traders(self, rng):
        pa, payer = self.prim_acct, self.payer_acct
        buyers_all = np.nonzero(payer >= 0)[0]
        # 代购 (cross-border personal shoppers): many strangers pay in, lumps go abroad at night
        for i in np.nonzero(self.daigou & (pa >= 0))[0]:
            cust = rng.choice(buyers_all, 80)
            sup = self.outside_personal(rng, 2)
            acc = 0
            for k in range(self.D):
                nb = rng.poisson(5)
                if nb:
                    who = rng.choice(cust, nb)
                    ts = self.times(rng, np.full(nb, k), H_YOUNG)
                    amt = np.where(rng.random(nb) < .3, to_fen(lognorm(rng, 1500, .8, nb)), to_fen(lognorm(rng, 1500, .8, nb), 1))
                    ok = payer[who] != pa[i]
                    self.add_tr(ts[ok], payer[who][ok], pa[i], amt[ok],
                                np.where(rng.random(int(ok.sum())) < .7, CH["mobile"], CH["third_party"]))
                    acc += int(amt[ok].sum())
                    for j in np.nonzero(ok & (rng.random(nb) < .04))[0]:
                        self.dispute_pool.append((int(who[j]), int(pa[i]), int(ts[j]), int(amt[j]), "daigou"))
                if acc > 200000 and rng.random() < .45:
                    t = self.day_start(k) + int(rng.uniform(21, 26) * HOUR)
                    out = int(acc * rng.uniform(.75, .95)) // 100 * 100
                    to = int(pick(rng, sup)) if rng.random() < .65 else -1
                    self.add_tr([t], pa[i], to, [out], CH["online"] if to < 0 else CH["mobile"])
                    acc -= out
        # community group-buy leaders (团长)
        for i in np.nonzero(self.groupbuy & (pa >= 0))[0]:
            pool = self.dist_people[self.dist[i]]
            pool = pool[payer[pool] >= 0]
            if len(pool) < 5:
                continue
            nb_ = pool[rng.integers(0, len(pool), 60)]
            sup = int(pick(rng, self.suppliers))
            for k in range(self.D):
                nb = rng.poisson(18)
                who = rng.choice(nb_, nb)
                ts = self.times(rng, np.full(nb, k), prof(*[0] * 7 + [6, 8, 6, 2, 1, 1, 1, 1, 1, 1, 1, 2, 6, 8, 6, 1, 0]))
                amt = to_fen(lognorm(rng, 45, .6, nb))
                ok = payer[who] != pa[i]
                self.add_tr(ts[ok], payer[who][ok], pa[i], amt[ok], CH["third_party"])
                if ok.any():
                    self.add_tr([self.day_start(k) + int(rng.uniform(22, 23.5) * HOUR)], pa[i], sup,
                                [int(amt[ok].sum() * rng.uniform(.85, .95)) or 100], CH["mobile"])
        # WeChat sellers / second-hand traders
        for i in np.nonzero(self.weishang & (pa >= 0))[0]:
            acc = 0
            sup = int(pick(rng, self.suppliers))
            for k in range(self.D):
                nb = rng.poisson(4)
                who = rng.choice(buyers_all, nb)
                ts = self.times(rng, np.full(nb, k), H_YOUNG)
                amt = to_fen(lognorm(rng, 180, .9, nb))
                ok = payer[who] != pa[i]
                self.add_tr(ts[ok], payer[who][ok], pa[i], amt[ok], CH["mobile"])
                acc += int(amt[ok].sum())
                for j in np.nonzero(ok & (rng.random(nb) < .03))[0]:
                    self.dispute_pool.append((int(who[j]), int(pa[i]), int(ts[j]), int(amt[j]), "weishang"))
                if acc > 50000 and rng.random() < .35:
                    out = int(acc * rng.uniform(.7, .9))
                    self.add_tr([self.day_start(k) + int(rng.uniform(10, 22) * HOUR)], pa[i], sup, [out], CH["mobile"])
                    acc -= out
        # private tutors paid by parents at weekends
        parents = np.nonzero((self.age >= 32) & (self.age <= 52) & (payer >= 0))[0]
        for i in np.nonzero(self.tutor & (pa >= 0))[0]:
            fam = rng.choice(parents, 12)
            for k in np.nonzero(self.weekend)[0]:
                nb = rng.poisson(4)
                who = rng.choice(fam, nb)
                ok = payer[who] != pa[i]
                self.add_tr(self.times(rng, np.full(nb, k), H_SOCIAL)[ok], payer[who][ok], pa[i],
                            to_fen(lognorm(rng, 2000, .5, nb), 100)[ok], CH["mobile"])

    def _weddings(self, rng):
        pa, payer = self.prim_acct, self.payer_acct
        wk = np.nonzero(self.weekend)[0]
        if len(wk) == 0:
            wk = np.arange(self.D)
        hosts = np.nonzero((self.age >= 24) & (self.age <= 36) & (pa >= 0))[0]
        rest = np.nonzero(self.m_cat[:self.n_res_merchants] == 1)[0]
        for _ in range(max(1, int(6 * self.scale * self.dscale))):
            h = int(pick(rng, hosts))
            k = int(pick(rng, wk))
            guests = set(int(x) for x in self.cp[h] if x >= 0)
            for m in self.hh_members(self.hh[h]):
                guests |= set(int(x) for x in self.cp[m] if x >= 0)
            pool = self.dist_people[self.dist[h]]
            guests |= set(int(x) for x in rng.choice(pool, int(rng.integers(30, 130))))
            g = np.array(sorted(guests))
            g = g[(payer[g] >= 0) & (payer[g] != pa[h])]
            n = len(g)
            ts = self.times(rng, np.full(n, k), prof(*[0] * 8 + [2, 6, 10, 12, 10, 6, 3, 2, 2, 2, 3, 3, 2, 1, 0, 0]))
            amt = to_fen(rng.choice([200, 300, 500, 600, 800, 1000, 1200, 1600, 2000, 3000], n,
                                    p=prof(.08, .06, .2, .15, .15, .14, .08, .06, .05, .03)))
            self.add_tr(ts, payer[g], pa[h], amt, CH["mobile"])
            if len(rest) and k + 1 < self.D:
                to = int(self.m_acct[int(pick(rng, rest))])
                if to != pa[h]:
                    self.add_tr([self.day_start(k + 1) + int(rng.uniform(10, 16) * HOUR)], pa[h], to,
                                to_fen([lognorm(rng, 30000, .4)], 100), CH["mobile"])

    def _students_crypto_gold(self, rng):
        pa = self.prim_acct
        stu = np.nonzero((self.persona == PI["student"]) & (pa >= 0))[0]
        go = stu[rng.random(len(stu)) < .4 * self.dscale]
        n = len(go)
        ts = self.times(rng, rng.integers(0, self.D, n), H_SOCIAL)
        src = self.home_acct[go]
        self.add_tr(ts, src, pa[go], to_fen(rng.choice([800, 1000, 1200, 1500, 1800, 2000, 2500, 3000], n)),
                    np.where(src >= 0, CH["mobile"], CH["online"]))
        go = stu[rng.random(len(stu)) < .2 * self.dscale]
        n = len(go)
        src = self.home_acct[go]
        self.add_tr(self.times(rng, rng.integers(0, self.D, n), H_SOCIAL), src, pa[go],
                    to_fen(rng.choice([100, 200, 300, 500], n)), np.where(src >= 0, CH["mobile"], CH["online"]))
        # legit crypto: buy or sell USDT through OTC dealers
        cr = np.nonzero(self.crypto & (pa >= 0))[0]
        pi, di = self.expand(rng, np.full(len(cr), .15))
        who = cr[pi]
        n = len(who)
        ts = self.times(rng, di, H_YOUNG)
        dealer = np.where(rng.random(n) < .5, rng.choice(self.otc_dealers, n), -1)
        buy = rng.random(n) < .6
        amt = np.clip(to_fen(lognorm(rng, 8000, 1.0, n), 100), 50000, 20000000)
        fa = np.where(buy, pa[who], dealer)
        ta = np.where(buy, dealer, pa[who])
        ok = fa != ta
        self.add_tr(ts[ok], fa[ok], ta[ok], amt[ok], CH["crypto_otc"])
        # gold: jewellers and bank gold-accumulation plans
        gd = np.nonzero(self.gold & (pa >= 0))[0]
        pi, di = self.expand(rng, np.full(len(gd), .12))
        who = gd[pi]
        n = len(who)
        jw = rng.random(n) < .6
        to = np.where(jw, rng.choice(self.jewellers, n), self.bank_gold[np.array(self.ac.bank)[pa[who]]])
        amt = np.where(jw, to_fen(lognorm(rng, 12000, .8, n), 100), to_fen(lognorm(rng, 900, .6, n), 10))
        ts = np.where(jw, self.times(rng, di, prof(*[0] * 10 + [6, 8, 8, 8, 8, 8, 8, 8, 8, 8, 6, 2, 0, 0])), self.times(rng, di, H_SOCIAL))
        ok = pa[who] != to
        self.add_tr(ts[ok], pa[who][ok], to[ok], amt[ok], np.where(jw, CH["third_party"], CH["mobile"])[ok])

    def _sme(self, rng):
        pa = self.prim_acct
        sme = np.nonzero(self.emp_kind == 0)[0]
        if len(sme) == 0:
            return
        acc = self.emp_acct[sme]
        ei, dd = self.expand(rng, np.full(len(sme), .4), np.where(self.weekend, .2, 1.0))
        n = len(ei)
        other = rng.choice(self.emp_acct[sme], n)
        src = np.where(rng.random(n) < .5, -1, other)
        ok = src != acc[ei]
        self.add_tr(self.times(rng, dd, H_OFFICE)[ok], src[ok], acc[ei][ok], to_fen(lognorm(rng, 20000, 1.0, n))[ok], CH["online"])
        ei, dd = self.expand(rng, np.full(len(sme), .3), np.where(self.weekend, .2, 1.0))
        n = len(ei)
        self.add_tr(self.times(rng, dd, H_OFFICE), acc[ei], rng.choice(self.suppliers, n), to_fen(lognorm(rng, 15000, 1.0, n)), CH["online"])
        own = self.emp_owner[sme]
        ei, dd = self.expand(rng, np.full(len(sme), 1 / 7))
        ok = pa[own[ei]] >= 0
        ei, dd = ei[ok], dd[ok]
        n = len(ei)
        self.add_tr(self.times(rng, dd, H_OFFICE), acc[ei], pa[own[ei]], to_fen(lognorm(rng, 15000, .8, n), 100), CH["online"])


# ==================================================================== fraud
def fen(x, unit=1.0):
    step = max(1, int(round(unit * 100)))
    return max(step, int(round(float(x) * 100 / step)) * step)


RING_PLAN = [("rebate",), ("rebate", "shopping"), ("investment", "romance"), ("police",),
             ("customer_service", "credit_repair"), ("loan",), ("customer_service",),
             ("game_trading", "shopping"), ("boss",), ("other",), ("investment",),
             ("police", "other"), ("loan", "rebate")]
NUM_KINDS = {
    "police": {"cold": {"voip": .35, "overseas": .35, "oop": .15, "local": .1, "virtual": .05},
               "handler": {"voip": .5, "overseas": .4, "virtual": .1}, "sms": {"oop": .6, "local": .4}},
    "customer_service": {"cold": {"voip95": .2, "voip": .2, "oop": .3, "local": .2, "overseas": .1},
                         "handler": {"voip95": .3, "voip": .3, "oop": .3, "overseas": .1},
                         "sms": {"oop": .6, "local": .4}},
    "credit_repair": {"cold": {"voip95": .25, "voip": .2, "oop": .3, "local": .2, "overseas": .05},
                      "handler": {"voip95": .3, "voip": .3, "oop": .4}, "sms": {"oop": .6, "local": .4}},
    "investment": {"cold": {"oop": .45, "local": .3, "virtual": .15, "voip": .1},
                   "handler": {"oop": .5, "virtual": .3, "overseas": .2}, "sms": {"oop": .6, "local": .4}},
    "romance": {"cold": {"oop": 1.0}, "handler": {"overseas": .5, "oop": .35, "virtual": .15}, "sms": {"oop": 1.0}},
    "loan": {"cold": {"oop": .5, "local": .3, "virtual": .2}, "handler": {"oop": .6, "virtual": .25, "local": .15},
             "sms": {"oop": .55, "local": .45}},
    "rebate": {"cold": {"oop": 1.0}, "handler": {"oop": .6, "virtual": .3, "overseas": .1},
               "sms": {"oop": .5, "local": .5}},
    "shopping": {"cold": {"oop": 1.0}, "handler": {"oop": .7, "local": .3}, "sms": {"oop": .6, "local": .4}},
    "game_trading": {"cold": {"oop": 1.0}, "handler": {"oop": .8, "virtual": .2}, "sms": {"oop": 1.0}},
    "boss": {"cold": {"oop": 1.0}, "handler": {"oop": 1.0}, "sms": {"oop": .7, "local": .3}},
    "other": {"cold": {"oop": 1.0}, "handler": {"oop": 1.0}, "sms": {"oop": .5, "local": .3, "virtual": .2}},
}
FIRST_CONTACT = {  # call / sms / invisible (social apps, ads, dating apps)
    "police": (1, 0, 0), "customer_service": (1, 0, 0), "credit_repair": (.8, .2, 0),
    "investment": (.4, .2, .4), "loan": (0, .75, .25), "rebate": (0, .45, .55), "shopping": (0, .35, .65),
    "game_trading": (0, 0, 1), "boss": (0, .5, .5), "romance": (0, 0, 1), "other": (0, 1, 0)}
COLD_CALLS = {"police": 70, "customer_service": 45, "credit_repair": 45, "investment": 30, "loan": 6}
COLD_SMS = {"loan": 120, "rebate": 70, "other": 260, "shopping": 45, "investment": 20, "credit_repair": 30}
REPORT_DELAY_H = {"police": (10, 1.0), "customer_service": (3, 1.0), "credit_repair": (4, 1.0),
                  "rebate": (8, 1.0), "loan": (12, 1.0), "shopping": (36, .8), "game_trading": (6, 1.0),
                  "boss": (2, .8), "other": (2, 1.0), "investment": (72, .8), "romance": (96, .8)}
HOURS_OF = {"police": H_RING_DAY, "customer_service": H_RING, "credit_repair": H_RING_DAY,
            "investment": H_RING_DAY, "romance": H_RING_EVE, "loan": H_RING, "rebate": H_RING,
            "shopping": H_RING, "game_trading": H_RING_EVE, "boss": H_RING_DAY, "other": H_RING}
OVERSEAS_CC = ["855", "95", "63", "856", "60", "84", "66", "971", "62"]


class Fraud:
    def __init__(self, c: City):
        self.c = c
        self.rng = c.rng("fraud")
        self.calls, self.sms_l, self.net_l, self.tr = [], [], [], []
        self.targets = {}
        self.taken = set()
        self.num_role = {}
        self.num_first = {}
        self.dom_first = {}
        self.app_first = {}
        self.ring_domains, self.ring_apps = set(), set()
        self.level = {}
        self.house_of = {}
        self.resident_acct = set()
        self.cash_pref = {}
        self.atm_cap = {}
        self.atm_used = defaultdict(int)
        self.heap = []
        self.seq = 0
        self.victim_pay = defaultdict(list)  # pid -> [(t, l1, amt)]
        self.contacts_of = defaultdict(set)
        self.visited = defaultdict(set)
        self.installed = defaultdict(set)
        self.cold_touched = set()
        self.batches = []
        self.acct_first_use = {}
        self.reports = []
        self.new_sim = {}
        self.stealth = set()

    # ------------------------------------------------------------ primitives
    def ok(self, t):
        return self.c.START <= t < self.c.END

    def call(self, t, a, b, d):
        t = int(t)
        if self.ok(t) and a >= 0 and b >= 0:
            self.calls.append((t, int(a), int(b), int(d)))
            for x, y in ((a, b), (b, a)):
                if x in self.num_role:
                    self.num_first[x] = min(self.num_first.get(x, t), t)
                    u = self.c.ph.user[y]
                    if u >= 0:
                        self.contacts_of[u].add(int(x))

    def sms(self, t, a, b, dom=-1):
        t = int(t)
        if self.ok(t) and a >= 0 and b >= 0:
            self.sms_l.append((t, int(a), int(b), int(dom)))
            if a in self.num_role:
                self.num_first[a] = min(self.num_first.get(a, t), t)
                u = self.c.ph.user[b]
                if u >= 0:
                    self.contacts_of[u].add(int(a))

    def visit(self, pid, t, dom):
        t = int(t)
        if pid in self.stealth and dom in self.ring_domains:
            return
        ph = self.phone(pid, t)
        if self.ok(t) and ph >= 0:
            self.net_l.append((t, int(ph), VISIT, int(dom)))
            if dom in self.ring_domains:
                self.dom_first[dom] = min(self.dom_first.get(dom, t), t)
                self.visited[pid].add(dom)

    def install(self, pid, t, app):
        t = int(t)
        if pid in self.stealth and app in self.ring_apps:
            if app not in self.installed[pid]:
                self.installed[pid].add(app)
                self.net_l.append((t, int(self.phone(pid, t)), INSTALL, int(self.c.sid(pick(self.rng, PROXY_APPS)))))
            return
        ph = self.phone(pid, t)
        if self.ok(t) and ph >= 0:
            self.net_l.append((t, int(ph), INSTALL, int(app)))
            if app in self.ring_apps:
                self.app_first[app] = min(self.app_first.get(app, t), t)
                self.installed[pid].add(app)

    def transfer(self, t, fa, ta, amt, ch, vic=-1):
        t = int(t)
        if not self.ok(t) or amt <= 0:
            return False
        self.tr.append((t, int(fa), int(ta), int(amt), int(ch), int(vic)))
        for a in (fa, ta):
            if a in self.level:
                self.acct_first_use[a] = min(self.acct_first_use.get(a, t), t)
        return True

    def push(self, t, kind, acct, amt=0):
        heapq.heappush(self.heap, (int(t), self.seq, kind, int(acct), int(amt)))
        self.seq += 1

    def phone(self, pid, t):
        c = self.c
        ov = self.new_sim.get(pid)
        if ov is not None and t >= ov[1]:
            return ov[0]
        if c.new_phone[pid] >= 0 and t >= c.change_ts[pid]:
            return int(c.new_phone[pid])
        return int(c.prim_phone[pid])

    def day_of(self, t):
        return int((t - self.c.START) // DAY)

    def hour_of(self, t):
        return int(((t - self.c.START) % DAY) // HOUR)

    def rt(self, day, prf):
        return self.c.day_start(day) + int(self.rng.choice(24, p=prf)) * HOUR + int(self.rng.integers(0, HOUR))

    def u(self, a, b):
        return float(self.rng.uniform(a, b))

    def wake(self, t):
        """Victims act while awake: a time before 07:00 moves to the morning."""
        if self.hour_of(t) < 7:
            return self.c.day_start(self.day_of(t)) + int(self.u(7, 9.5) * HOUR)
        return t

    def busy(self, pid, t, dur):
        """Relatives ring while the victim is held on the line: unanswered."""
        rng = self.rng
        for _ in range(int(rng.integers(0, 3))):
            col = int(rng.integers(0, 4))
            who = int(self.c.cph[pid, col])
            self.call(t + int(rng.uniform(60, max(120, dur))), who, self.phone(pid, t), 0)

    # ------------------------------------------------------------ numbers, domains, apps
    def new_number(self, r, kind, t, role, typ):
        c, rng = self.c, self.rng
        if kind == "oop":
            n = c.ph.add(c.mobile_str(rng, False), -1, "mobile", -1)
        elif kind == "virtual":
            n = c.ph.add(c.mobile_str(rng, False, virtual=True), -1, "mobile", -1)
        elif kind == "local":
            seller = self.pick_person(lambda i: 18 <= c.age[i] <= 45 or (c.age[i] >= 60 and c.dist[i] in RURAL))
            n = c.ph.add(c.mobile_str(rng, True), seller, "mobile", int(t - self.u(.5, 8) * DAY))
        elif kind == "voip":
            n = c.ph.add(c.voip_str(rng), -1, "voip", -1)
        elif kind == "voip95":
            n = c.ph.add(c.voip_str(rng, "95"), -1, "voip", -1)
        else:
            n = c.ph.add(c.overseas_str(rng, pick(rng, r["cc"])), -1, "overseas", -1)
        self.num_role[n] = role
        return n

    def kind_for(self, typ, purpose):
        d = NUM_KINDS[typ][purpose]
        return str(self.rng.choice(list(d), p=prof(*d.values())))

    def ring_number(self, r, t, purpose, typ):
        """Cold-contact numbers burn out in a day: a fresh one when the day's quota is spent."""
        rng = self.rng
        if purpose == "sms" and typ == "other" and rng.random() < .3:
            return int(pick(rng, self.c.bank_svc[:7]))  # fake base station spoofing a bank
        key = (self.day_of(t), purpose, typ)
        pool = r["pools"].setdefault(key, [])
        if pool and r["used"][pool[-1]] < r["caps"][pool[-1]]:
            n = pool[-1]
        else:
            n = self.new_number(r, self.kind_for(typ, purpose), t, "cold_call" if purpose == "cold" else "sms_blast", typ)
            r["caps"][n] = int(rng.integers(60, 170) if purpose == "cold" else rng.integers(150, 450))
            pool.append(n)
        r["used"][n] += 1
        return n

    def handler(self, r, t, typ, role="handler"):
        for n, t0, t1, rl, ty in r["handlers"]:
            if t0 <= t < t1 and rl == role and ty == typ:
                return n
        n = self.new_number(r, self.kind_for(typ, "handler"), t, role, typ)
        r["handlers"].append((n, t - int(self.u(0, .5) * DAY), t + int(self.u(2, 5) * DAY), role, typ))
        return n

    def dom_at(self, r, t, typ):
        cand = [d for d, t0, t1, ty in r["domains"] if t0 <= t < t1 and ty == typ]
        if not cand:
            cand = [d for d, t0, t1, ty in r["domains"] if ty == typ and t0 <= t] or \
                   [d for d, t0, t1, ty in r["domains"] if ty == typ]
            return cand[-1]
        return cand[int(self.rng.integers(len(cand)))]

    def app_at(self, r, t, typ):
        cand = [a for a, t0, t1, ty in r["apps"] if t0 <= t < t1 and ty == typ]
        if not cand:
            cand = [a for a, t0, t1, ty in r["apps"] if ty == typ]
        return cand[-1] if cand else None

    # ------------------------------------------------------------ people and accounts
    def pick_person(self, cond, tries=4000):
        c, rng = self.c, self.rng
        for _ in range(tries):
            i = int(rng.integers(c.P))
            if i not in self.taken and c.prim_phone[i] >= 0 and cond(i):
                self.taken.add(i)
                return i
        return -1

    def mule_account(self, kind, t0, level, house):
        c, rng = self.c, self.rng
        a = -1
        if kind == "lent":
            p = self.pick_person(lambda i: c.prim_acct[i] >= 0 and 18 <= c.age[i] <= 40 and c.persona[i] in (
                PI["student"], PI["unemployed"], PI["rider"], PI["factory"], PI["service"], PI["construction"],
                PI["courier"], PI["factory_night"], PI["driver"]))
            if p >= 0:
                a = int(c.accts_of[p][-1] if (len(c.accts_of[p]) > 1 and rng.random() < .4) else c.prim_acct[p])
                if a in self.level:
                    a = -1
                else:
                    self.resident_acct.add(a)
        elif kind == "newcard":
            a = self.new_card(t0)
        elif kind == "merchant":
            m = [int(x) for x in np.nonzero(c.m_acct[:c.n_res_merchants] != c.prim_acct[np.maximum(c.m_owner[:c.n_res_merchants], 0)])[0]]
            rng.shuffle(m)
            for j in m[:50]:
                own = int(c.m_owner[j])
                if own not in self.taken and int(c.m_acct[j]) not in self.level:
                    self.taken.add(own)
                    a = int(c.m_acct[j])
                    self.resident_acct.add(a)
                    break
        if a < 0:
            op = t0 - int(self.u(2, 120) * DAY) if rng.random() > .1 else c.old_open(rng)
            a = c.new_account(rng, -1, "personal", op, notify=False)
        self.level[a] = level
        self.house_of[a] = house
        if level == 4:
            res = a in self.resident_acct
            self.cash_pref[a] = ({"atm": .55, "counter": .15, "gold": .3} if res else
                                 {"atm": .35, "crypto": .4, "exit": .25})
            self.atm_cap[a] = fen(self.u(15000, 19900), 100)
        return a

    def new_card(self, t0):
        """Card farmers take a few recruits to one branch on one day; each opens a card to sell."""
        c, rng = self.c, self.rng
        for b in self.batches:
            if b["open"] <= t0 - 6 * HOUR and b["cards"]:
                return b["cards"].pop()
        rural = rng.random() < .4
        d = int(pick(rng, RURAL)) if rural else int(rng.integers(8))
        bank = int(rng.choice(NB, p=BANK_P_RURAL if rural else BANK_P_URBAN))
        day_open = t0 - self.u(.5, 10) * DAY
        op = int(day_open - (day_open - c.START) % DAY + self.u(9, 15) * HOUR)
        if op > t0 - 6 * HOUR:
            op = int(t0 - 6 * HOUR - self.u(0, 3) * HOUR)
        cards = []
        for _ in range(int(rng.integers(2, 5))):
            p = self.pick_person(lambda i: c.dist[i] == d and (18 <= c.age[i] <= 30 or (c.age[i] >= 60 and rural)))
            if p < 0:
                continue
            a = c.new_account(rng, p, "personal", op + int(rng.integers(0, 3600)), bank=bank, notify=rng.random() < .5)
            c.accts_of[p].append(a)
            self.resident_acct.add(a)
            cards.append(a)
        if not cards:
            return -1
        self.batches.append({"open": op, "cards": cards})
        return cards.pop()

    def windows(self, dur_lo, dur_hi, slots=1):
        c = self.c
        out = []
        for _ in range(slots):
            t = c.START - int(self.u(0, 1.2) * DAY)
            while t < c.END:
                d = int(self.u(dur_lo, dur_hi) * DAY)
                out.append((t, t + d))
                t += int(d * self.u(.55, .95))
        return out

    def active(self, pool, t):
        act = [a for a, t0, t1 in pool if t0 <= t < t1]
        if act:
            return act
        past = [(t0, a) for a, t0, t1 in pool if t0 <= t]
        if past:
            return [max(past)[1]]
        return [min((t0, a) for a, t0, t1 in pool)[1]]

    def l1_at(self, r, t, avoid=None):
        act = self.active(r["l1"], t)
        if avoid is not None and len(act) > 1:
            act = [a for a in act if a != avoid] or act
        return act[int(self.rng.integers(len(act)))]

    def paying_acct(self, pid, typ):
        c = self.c
        if typ == "boss":
            p = c.persona[pid]
            if p == PI["owner"] and pid in c.sme_of_owner:
                return c.sme_of_owner[pid]
            e = c.employer[pid]
            if p == PI["accountant"] and e >= 0 and c.emp_kind[e] == 0:
                return int(c.emp_acct[e])
        return int(c.payer_acct[pid])

    # ------------------------------------------------------------ setup
    def build(self):
        c, rng = self.c, self.rng
        self.houses = []
        for h in range(3):
            H = {"l2": [], "l3": [], "cash": []}
            for key, lvl, lo, hi, slots, kinds in (("l2", 2, 2, 5, 3, {"outside": .8, "newcard": .2}),
                                                   ("l3", 3, 3, 6, 2, {"outside": 1.0}),
                                                   ("cash", 4, 1.5, 4, 3, {"outside": .55, "newcard": .25, "lent": .2})):
                for t0, t1 in self.windows(lo, hi, slots):
                    k = str(rng.choice(list(kinds), p=prof(*kinds.values())))
                    H[key].append((self.mule_account(k, t0, lvl, h), t0, t1))
            self.houses.append(H)
        plan = list(RING_PLAN)
        self.rings = []
        for k, types in enumerate(plan):
            r = {"id": k, "types": types, "house": int(rng.integers(3)), "pools": {}, "used": defaultdict(int),
                 "caps": {}, "handlers": [], "cc": list(rng.choice(OVERSEAS_CC, 2, replace=False)),
                 "domains": [], "apps": [], "l1": []}
            merchant_ok = any(t in ("rebate", "shopping", "game_trading") for t in types)
            for t0, t1 in self.windows(.8, 3.0, 1 + int(rng.random() < .5)):
                kinds = {"lent": .2, "newcard": .22, "outside": .53, "merchant": .05 if merchant_ok else 0}
                kd = str(rng.choice(list(kinds), p=prof(*kinds.values())))
                r["l1"].append((self.mule_account(kd, t0, 1, r["house"]), t0, t1))
            for typ in types:
                nd = (self.c.D // 2 + 1) if typ == "other" else 1 + rng.poisson(1.2)
                for t0, t1 in self.split_windows(nd):
                    d = c.sid(c.gen_domain(rng, fraud=True, keyword=pick(rng, TYPE_KEYWORDS[typ])))
                    self.ring_domains.add(d)
                    r["domains"].append((d, t0, t1, typ))
                if typ in ("rebate", "investment", "loan", "romance") or (typ == "police" and rng.random() < .5) \
                        or (typ == "game_trading" and rng.random() < .3):
                    na = 1 + int(rng.random() < .35)
                    for t0, t1 in self.split_windows(na):
                        a = c.sid(c.gen_app(rng, keyword=pick(rng, TYPE_KEYWORDS[typ])))
                        self.ring_apps.add(a)
                        r["apps"].append((a, t0, t1, typ))
            self.rings.append(r)

    def split_windows(self, n):
        c = self.c
        cuts = np.sort(self.rng.uniform(c.START, c.END, max(0, n - 1)))
        edges = [c.START - 3 * DAY] + [int(x) for x in cuts] + [c.END + DAY]
        return [(edges[i], edges[i + 1] + int(self.u(0, .5) * DAY)) for i in range(n)]

    # ------------------------------------------------------------ targeting
    def weights(self, typ):
        c = self.c
        age, sex, per = c.age, c.sex, c.persona
        w = np.ones(c.P)
        if typ == "rebate":
            w *= np.where((age >= 18) & (age <= 40), 3, 1) * np.where(sex == 1, 1.8, 1)
            w *= np.where(np.isin(per, [PI["student"], PI["homemaker"], PI["unemployed"]]), 2, 1)
            w *= age >= 16
        elif typ == "investment":
            w *= np.where((age >= 30) & (age <= 62), 2.5, np.where(age < 25, .2, 1)) * np.where(c.wealth > 100000, 1.5, 1)
        elif typ == "police":
            w *= np.where((age >= 20) & (age <= 35) & (sex == 1), 2.5, 1) * np.where(age >= 60, 1.5, 1) * np.where(age < 18, .1, 1)
        elif typ == "customer_service":
            w *= np.where((age >= 18) & (age <= 40), 2.5, np.where(age > 65, .3, 1)) * (age >= 16)
        elif typ == "loan":
            w *= np.where((age >= 20) & (age <= 45), 2.5, 1) * np.where(sex == 0, 1.5, 1) * np.where(c.has_loan, 2, 1)
            w *= np.where(np.isin(per, [PI["unemployed"], PI["rider"], PI["factory"], PI["construction"]]), 1.5, 1) * (age >= 18)
        elif typ == "shopping":
            w *= np.where((age >= 16) & (age <= 45), 2, 1)
        elif typ == "credit_repair":
            w *= np.where((age >= 22) & (age <= 35), 3, .3) * (age >= 20)
        elif typ == "boss":
            w *= np.select([per == PI["owner"], per == PI["accountant"], per == PI["office"]], [30, 40, 1], .05)
        elif typ == "romance":
            alone = np.isin(c.hht, [2, 4, 5]) | (c.persona == PI["retiree"])
            w *= np.where((age >= 25) & (age <= 58), 2, .5) * np.where(alone, 3, 1) * (age >= 22)
        elif typ == "game_trading":
            w *= np.where((age >= 10) & (age <= 22), 6, np.where(age <= 30, .1, 0))
        elif typ == "other":
            w *= np.where((age >= 25) & (age <= 65), 2, .5) * np.where(np.isin(per, [PI["driver"], PI["owner"]]), 2, 1)
        w *= (c.prim_phone >= 0) & (c.payer_acct >= 0)
        return w

    def choose_targets(self, typ, n):
        w = self.weights(typ)
        if self.taken:
            w[np.fromiter(self.taken, np.int64)] = 0
        n = min(n, int((w > 0).sum()))
        if n <= 0:
            return []
        return [int(x) for x in self.rng.choice(self.c.P, n, replace=False, p=w / w.sum())]

    # ------------------------------------------------------------ run
    def run(self):
        c, rng = self.c, self.rng
        self.build()
        ring_of_type = defaultdict(list)
        for r in self.rings:
            for t in r["types"]:
                ring_of_type[t].append(r)
        for typ in SCAM_TYPES:
            rs = ring_of_type.get(typ, [])
            if not rs:
                continue
            mean = ENGAGED_MEAN[typ] * c.scale * c.dscale
            for r in rs:
                n = int(rng.poisson(mean / len(rs)))
                self.run_ring_type(r, typ, n)
        self.external_inflows()
        # a lent card's own ATM use counts against the same daily limit
        lv = np.fromiter(self.level, np.int64)
        for ts, fa, ta, amt, chn, vic in c.trs:
            m = (chn == CH["atm"]) & np.isin(fa, lv)
            for t, a, x in zip(ts[m], fa[m], amt[m]):
                self.atm_used[(int(a), self.day_of(int(t)))] += int(x)
        self.run_ledger()
        c.log(f"fraud: {len(self.targets)} targets, {len(self.tr)} ring transfers, {len(self.calls)} calls, "
              f"{len(self.sms_l)} sms")

    def run_ring_type(self, r, typ, n):
        c, rng = self.c, self.rng
        hours = HOURS_OF[typ]
        eng = self.choose_targets(typ, n)
        for pid in eng:
            self.taken.add(pid)
        if typ in ("investment", "romance"):
            dw = np.linspace(2.0, .6, c.D)
        elif typ in ("police", "boss", "credit_repair"):
            dw = np.where(c.weekend, .4, 1.0)
        else:
            dw = np.ones(c.D)
        dw = dw / dw.sum()
        for pid in eng:
            day = int(rng.choice(c.D, p=dw))
            t0 = self.rt(day, hours)
            pays = rng.random() < PAY_P[typ]
            fc = FIRST_CONTACT[typ]
            mode = int(rng.choice(3, p=prof(*[x + 1e-9 for x in fc])))
            self.targets[pid] = [typ, t0]
            if typ in ("rebate", "investment", "romance", "shopping", "game_trading") and rng.random() < .25:
                self.stealth.add(pid)
            getattr(self, "s_" + typ)(r, pid, t0, pays, typ, mode)
        # cold contacts that went nowhere
        w = np.sqrt(self.weights(typ))
        w[~c.has_phone] = 0
        ncall = int(COLD_CALLS.get(typ, 0) * len(eng) * self.u(.7, 1.3))
        if ncall:
            who = rng.choice(c.P, ncall, p=w / w.sum())
            for pid in who:
                pid = int(pid)
                if pid in self.targets:
                    continue
                t = self.rt(int(rng.choice(c.D, p=dw)), hours)
                num = self.ring_number(r, t, "cold", typ)
                u = rng.random()
                d = 0 if u < .55 else int(rng.uniform(2, 25)) if u < .85 else int(rng.uniform(25, 90)) if u < .97 else int(rng.uniform(90, 150))
                self.call(t, num, self.phone(pid, t), d)
                self.cold_touched.add(pid)
                if d == 0 and rng.random() < .04:
                    self.call(t + int(self.u(300, 7200)), self.phone(pid, t), num, int(self.u(3, 40)))
        nsms = int(COLD_SMS.get(typ, 0) * len(eng) * self.u(.7, 1.3))
        if nsms:
            who = rng.choice(c.P, nsms, p=w / w.sum())
            day = int(rng.integers(c.D))
            t_base = self.rt(day, hours)
            for k, pid in enumerate(who):
                pid = int(pid)
                if pid in self.targets:
                    continue
                if k % 300 == 0:  # a blast goes out in waves
                    t_base = self.rt(int(rng.integers(c.D)), hours)
                t = t_base + int(self.u(0, 3600))
                num = self.ring_number(r, t, "sms", typ)
                dom = self.dom_at(r, t, typ)
                self.sms(t, num, self.phone(pid, t), dom)
                self.cold_touched.add(pid)
                if rng.random() < .015:  # a curious click, nothing more
                    self.visit(pid, t + int(lognorm(rng, 400, 1.0)), dom)

    # ------------------------------------------------------------ payment helpers
    def pay(self, r, pid, t, amt, typ, ch=None, l1=None, src=None):
        c, rng = self.c, self.rng
        if src is None:
            src = self.paying_acct(pid, typ)
            if typ in ("rebate", "shopping", "game_trading") and rng.random() < .04:
                src = -1  # paid from a wallet balance at an uncovered institution
        if l1 is None:
            l1 = self.l1_at(r, t)
        if ch is None:
            ch = CH["mobile"] if rng.random() < .8 else CH["online"]
        if src >= 0 and src == l1:
            return None
        if self.transfer(t, src, l1, amt, ch if src >= 0 else CH["third_party"], vic=pid):
            self.push(t, 0, l1, amt)
            self.victim_pay[pid].append((int(t), int(l1), int(amt)))
            return l1
        return None

    def rebate_back(self, r, pid, t, amt):
        l1 = self.l1_at(r, t)
        to = int(self.c.prim_acct[pid])
        if to >= 0 and to != l1 and self.transfer(t, l1, to, amt, CH["mobile"]):
            self.push(t, 1, l1, amt)

    def loan_in(self, pid, t, amt):
        to = int(self.c.prim_acct[pid])
        if to >= 0:
            self.transfer(t, int(pick(self.rng, self.c.lenders)), to, amt, CH["online"])
            return amt
        return 0

    def consolidate(self, pid, t, share):
        c, rng = self.c, self.rng
        to = int(c.prim_acct[pid])
        got = 0
        for a in c.accts_of[pid]:
            if a == to or c.ac.holder[a] != pid or a in self.level:
                continue
            amt = fen(c.wealth[pid] * share * self.u(.2, .6), 100)
            if self.transfer(t, a, to, amt, CH["mobile"]):
                got += amt
            t += int(self.u(60, 600))
        return got

    def series(self, r, pid, t, amounts, gaps, typ, new_l1=.5, ch_fn=None, call_num=None):
        """A run of payments; returns the time after the last one."""
        l1 = None
        for k, amt in enumerate(amounts):
            if k:
                t += int(gaps[min(k - 1, len(gaps) - 1)] if not callable(gaps) else gaps())
            if l1 is None or self.rng.random() < new_l1:
                l1 = self.l1_at(r, t, avoid=l1)
            ch = ch_fn(t) if ch_fn else None
            self.pay(r, pid, t, amt, typ, ch=ch, l1=l1)
            if call_num is not None and self.rng.random() < .5:
                self.call(t + int(self.u(30, 200)), call_num, self.phone(pid, t), int(self.u(120, 900)))
        return t

    def budget(self, pid, lo, hi, cap):
        return min(cap, self.c.wealth[pid] * self.u(lo, hi))

    # ------------------------------------------------------------ scam scripts
    def first_touch(self, r, pid, t0, typ, mode, dur=(60, 300)):
        """The visible first contact: a call, an SMS with a link, or nothing (social apps)."""
        ph = self.phone(pid, t0)
        if mode == 0:
            n = self.ring_number(r, t0, "cold", typ)
            self.call(t0, n, ph, int(self.u(*dur)))
            return n
        if mode == 1:
            n = self.ring_number(r, t0, "sms", typ)
            self.sms(t0, n, ph, self.dom_at(r, t0, typ) if typ != "boss" else -1)
            return n
        return None

    def s_police(self, r, pid, t0, pays, typ, mode):
        rng = self.rng
        ph = self.phone(pid, t0)
        A = self.ring_number(r, t0, "cold", typ)
        d0 = int(self.u(150, 480))
        self.call(t0, A, ph, d0)
        t = t0 + d0 + int(self.u(10, 240))
        B = self.handler(r, t, typ, "fake_officer")
        d1 = int(self.u(1500, 5400))
        self.call(t, B, ph, d1)
        self.busy(pid, t, d1)
        if rng.random() < .55:
            dom = self.dom_at(r, t, typ)
            ts = t + int(self.u(300, d1))
            self.sms(ts, self.ring_number(r, ts, "sms", typ), self.phone(pid, ts), dom)
            self.visit(pid, ts + int(self.u(20, 300)), dom)
        app = self.app_at(r, t, typ)
        if app is not None and rng.random() < .4:
            self.install(pid, t + int(self.u(300, 1500)), app)
        else:
            self.install(pid, t + int(self.u(300, 1500)), self.c.sid(pick(rng, MEETING_APPS[:3])))
        t_end = t + d1
        if not pays:
            for _ in range(int(rng.integers(0, 3))):
                tt = t_end + int(self.u(2, 30) * HOUR)
                self.call(tt, B, self.phone(pid, tt), int(rng.choice([0, 0, int(self.u(5, 60))])))
            return
        if rng.random() < .2:
            c = self.c
            tn = t_end + int(self.u(1, 4) * HOUR)
            n = c.ph.add(c.mobile_str(rng, True), pid, "mobile", tn, user=pid)
            self.new_sim[pid] = (n, tn)
            self.call(tn + int(self.u(300, 1800)), B, n, int(self.u(1200, 3600)))
            t_end = tn + 3600
        if rng.random() < .55:
            tp = t_end + int(self.u(300, 2400))
        else:
            tp = self.c.day_start(self.day_of(t_end) + 1) + int(self.u(8.5, 11) * HOUR)
            dc = int(self.u(2400, 7200))
            self.call(tp, B, self.phone(pid, tp), dc)
            self.busy(pid, tp, dc)
            tp += int(self.u(600, 1800))
        if rng.random() < .15:
            tp = self.c.day_start(self.day_of(tp) + 1) + int(self.u(1, 4) * HOUR)
            self.call(tp - 300, B, self.phone(pid, tp), int(self.u(1800, 3600)))
        total = self.budget(pid, .4, .95, 2_000_000)
        if self.c.age[pid] < 40 and rng.random() < .3:
            for _ in range(int(rng.integers(1, 4))):
                total += self.loan_in(pid, tp - int(self.u(600, 2400)), fen(self.u(10000, 50000), 100)) / 100
        if self.c.sav_acct[pid] >= 0:
            self.consolidate(pid, tp - int(self.u(900, 3600)), .9)
        n = int(rng.choice([1, 2, 3, 4], p=[.35, .3, .2, .15]))
        parts = rng.dirichlet(np.ones(n) * 2) * max(total, 3000)
        amounts = [fen(p, 100 if rng.random() < .6 else 1) for p in parts]
        if rng.random() < .25:
            amounts = [fen(self.u(1000, 5000), 100)] + amounts
        elder = self.c.age[pid] >= 60

        def ch_fn(t):
            h = self.hour_of(t)
            if elder and 9 <= h < 16 and rng.random() < .5:
                return CH["counter"]
            return CH["mobile"] if rng.random() < .85 else CH["online"]
        self.series(r, pid, tp, amounts, lambda: self.u(300, 2400), typ, new_l1=.5, ch_fn=ch_fn, call_num=B)

    def s_customer_service(self, r, pid, t0, pays, typ, mode, loan_p=.55, dom_p=.4):
        rng = self.rng
        ph = self.phone(pid, t0)
        A = self.first_touch(r, pid, t0, typ, mode, (240, 1000))
        t = t0
        if A is None or mode == 1:
            t = t0 + int(self.u(600, 7200))
            A = self.handler(r, t, typ)
            self.call(t, A, self.phone(pid, t), int(self.u(240, 1000)))
        t += int(self.u(120, 600))
        if rng.random() < .75:
            self.install(pid, t, self.c.sid(pick(rng, MEETING_APPS)))
        if rng.random() < dom_p:
            self.visit(pid, t + int(self.u(30, 300)), self.dom_at(r, t, typ))
        if not pays:
            if rng.random() < .3:  # checks with the real platform hotline
                tt = t + int(self.u(600, 7200))
                self.call(tt, self.phone(pid, tt), int(self.c.svc["95188"] if rng.random() < .5 else self.c.svc["950618"]), int(self.u(60, 400)))
            return
        H = self.handler(r, t, typ)
        dsess = int(self.u(1200, 3600))
        self.call(t + 60, H, self.phone(pid, t), dsess)
        self.busy(pid, t, dsess)
        total = self.budget(pid, .15, .6, 300_000)
        tl = t + int(self.u(600, 1800))
        if rng.random() < loan_p:
            for _ in range(int(rng.integers(1, 4))):
                total += self.loan_in(pid, tl, fen(self.u(5000, 30000), 100)) / 100
                tl += int(self.u(200, 600))
        n = int(rng.choice([1, 2, 3, 4], p=[.3, .35, .2, .15]))
        base = np.sort(rng.dirichlet(np.ones(n) * 1.5)) * max(total, 2000)
        amounts = [fen(x, 1 if rng.random() < .5 else 100) for x in base]
        self.series(r, pid, tl + int(self.u(60, 600)), amounts, lambda: self.u(180, 900), typ, new_l1=.4,
                    ch_fn=lambda t: CH["mobile"] if rng.random() < .7 else CH["third_party"])

    def s_credit_repair(self, r, pid, t0, pays, typ, mode):
        self.s_customer_service(r, pid, t0, pays, typ, mode, loan_p=.75, dom_p=.6)

    def s_loan(self, r, pid, t0, pays, typ, mode):
        rng = self.rng
        self.first_touch(r, pid, t0, typ, mode if mode != 0 else 1)
        dom = self.dom_at(r, t0, typ)
        t = self.wake(t0 + int(self.u(60, 7200)))
        self.visit(pid, t, dom)
        app = self.app_at(r, t, typ)
        if app is not None:
            t += int(self.u(120, 1800))
            self.install(pid, t, app)
        t += int(self.u(1800, 14400))
        H = self.handler(r, t, typ, "loan_officer")
        self.call(t, H, self.phone(pid, t), int(self.u(120, 600)))
        if not pays:
            if rng.random() < .5:
                tt = t + int(self.u(2, 20) * HOUR)
                self.call(tt, H, self.phone(pid, tt), int(rng.choice([0, int(self.u(10, 90))])))
            return
        fees = [self.u(199, 3000)]
        if rng.random() < .75:
            fees.append(self.u(2000, 8000))
            if rng.random() < .45:
                fees.append(self.u(3000, 15000))
                if rng.random() < .2:
                    fees.append(self.u(5000, 20000))
        t += int(self.u(600, 3600))
        for k, f in enumerate(fees):
            if k:
                t += int(self.u(2, 24) * HOUR)
                self.call(t - int(self.u(300, 1200)), H, self.phone(pid, t), int(self.u(120, 500)))
            self.pay(r, pid, t, fen(f, 1 if rng.random() < .5 else 100), typ)

    def s_rebate(self, r, pid, t0, pays, typ, mode):
        rng = self.rng
        self.first_touch(r, pid, t0, typ, mode)
        dom = self.dom_at(r, t0, typ)
        t = self.wake(t0 + int(self.u(300, 7200) if mode == 1 else self.u(600, 36000)))
        self.visit(pid, t, dom)
        app = self.app_at(r, t, typ)
        if app is not None and rng.random() < .6:
            t += int(self.u(60, 900))
            self.install(pid, t, app)
        H = None
        if rng.random() < .25:
            H = self.handler(r, t, typ, "mentor")
            self.call(t + int(self.u(300, 3600)), H, self.phone(pid, t), int(self.u(60, 300)))
        if not pays:
            if rng.random() < .4:
                self.visit(pid, self.wake(t + int(self.u(1, 20) * HOUR)), dom)
            return
        t += int(self.u(600, 3600))
        a1 = fen(self.u(10, 100))
        self.pay(r, pid, t, a1, typ)
        self.rebate_back(r, pid, t + int(self.u(120, 900)), fen(a1 / 100 * self.u(1.1, 1.4), .01))
        if rng.random() < .8:
            t += int(self.u(600, 2400))
            a2 = fen(self.u(200, 1000))
            self.pay(r, pid, t, a2, typ)
            if rng.random() < .7:
                self.rebate_back(r, pid, t + int(self.u(120, 900)), fen(a2 / 100 * self.u(1.1, 1.3), .01))
            total = self.budget(pid, .4, 1.0, 400_000)
            amt = self.u(2000, 6000)
            paid = 0
            while paid < total and rng.random() < .85:
                t += int(self.u(600, 3600))
                if self.hour_of(t) < 7:
                    t += 7 * HOUR
                a = fen(min(amt, max(total - paid, 500)), 1 if rng.random() < .6 else 100)
                self.pay(r, pid, t, a, typ, ch=CH["mobile"] if rng.random() < .7 else CH["third_party"])
                paid += a / 100
                amt *= self.u(1.8, 3.0)
                self.visit(pid, t + int(self.u(30, 300)), dom)

    def s_investment(self, r, pid, t0, pays, typ, mode, romance=False):
        rng = self.rng
        c = self.c
        if not romance:
            self.first_touch(r, pid, t0, typ, mode, (60, 240))
        H = self.handler(r, t0 + 3600, typ, "handler")
        t = t0
        for d in range(int(rng.integers(1, 4))):
            t = self.wake(t0 + d * DAY + int(self.u(1, 10) * HOUR))
            self.call(t, H, self.phone(pid, t), int(self.u(60, 600) if not romance else self.u(600, 3600)))
        dom = self.dom_at(r, t, typ)
        tv = self.wake(t0 + int(self.u(2, 48) * HOUR))
        self.visit(pid, tv, dom)
        app = self.app_at(r, tv, typ)
        if app is not None:
            self.install(pid, tv + int(self.u(60, 1800)), app)
        if not pays:
            self.visit(pid, tv + int(self.u(1, 3) * DAY), dom)
            return
        def trading_time(t):
            # deposits go in during (weekday) market hours for stock-themed platforms
            d = self.day_of(t)
            while d < c.D and not romance and c.weekend[d]:
                d += 1
            if romance:
                return c.day_start(d) + int(self.u(19, 23.5) * HOUR)
            return c.day_start(d) + int(self.u(9.5, 15) * HOUR)
        total = self.budget(pid, .5, 1.4, 2_000_000)
        t = trading_time(tv + int(self.u(.5, 2) * DAY))
        first = fen(self.u(5000, 30000) if not romance else self.u(2000, 20000), 100)
        self.pay(r, pid, t, first, typ)
        paid = first / 100
        if rng.random() < .6:
            self.rebate_back(r, pid, t + int(self.u(.5, 1.5) * DAY), fen(self.u(1000, 5000) * (1 if not romance else .6), 1))
        while paid < total:
            t = trading_time(t + int(self.u(.8, 2.2) * DAY))
            a = fen(min(self.u(30000, 200000), max(total - paid, 5000)), 100)
            self.pay(r, pid, t, a, typ, ch=CH["mobile"] if rng.random() < .7 else CH["online"])
            if rng.random() < .5:
                self.call(t - int(self.u(600, 3600)), H, self.phone(pid, t), int(self.u(120, 900)))
            paid += a / 100
            if t >= c.END or rng.random() < .2:
                break

    def s_romance(self, r, pid, t0, pays, typ, mode):
        self.s_investment(r, pid, t0, pays, typ, mode, romance=True)

    def s_shopping(self, r, pid, t0, pays, typ, mode):
        rng = self.rng
        self.first_touch(r, pid, t0, typ, mode)
        dom = self.dom_at(r, t0, typ)
        t = t0 + int(self.u(60, 3600))
        self.visit(pid, t, dom)
        if rng.random() < .3:
            H = self.handler(r, t, typ, "seller")
            self.call(t + int(self.u(60, 1800)), H, self.phone(pid, t), int(self.u(60, 300)))
        if not pays:
            return
        t += int(self.u(600, 5400))
        self.pay(r, pid, t, fen(self.u(200, 3000), 1 if rng.random() < .5 else 10), typ,
                 ch=CH["third_party"] if rng.random() < .5 else CH["mobile"])
        if rng.random() < .5:
            t += int(self.u(1, 20) * HOUR)
            self.visit(pid, t - 120, dom)
            self.pay(r, pid, t, fen(self.u(300, 3000), 10), typ)

    def s_game_trading(self, r, pid, t0, pays, typ, mode):
        rng = self.rng
        dom = self.dom_at(r, t0, typ)
        t = t0 + int(self.u(60, 1800))
        self.visit(pid, t, dom)
        app = self.app_at(r, t, typ)
        if app is not None:
            self.install(pid, t + 300, app)
        if rng.random() < .2:
            self.call(t + int(self.u(300, 3600)), self.handler(r, t, typ, "seller"), self.phone(pid, t), int(self.u(60, 400)))
        if not pays:
            return
        t += int(self.u(300, 3600))
        self.pay(r, pid, t, fen(self.u(50, 800)), typ, ch=CH["third_party"])
        for _ in range(int(rng.choice([0, 1, 2, 3], p=[.3, .35, .25, .1]))):
            t += int(self.u(600, 5 * HOUR))
            self.visit(pid, t - 60, dom)
            self.pay(r, pid, t, fen(self.u(300, 3000), 10), typ, ch=CH["third_party"] if rng.random() < .6 else CH["mobile"])

    def s_boss(self, r, pid, t0, pays, typ, mode):
        rng = self.rng
        self.first_touch(r, pid, t0, typ, mode)
        if not pays:
            if rng.random() < .5:  # rings the real boss to check
                self.call(t0 + int(self.u(300, 3600)), self.phone(pid, t0), int(self.c.cph[pid, int(rng.integers(12, 16))]), int(self.u(30, 200)))
            return
        t = t0 + int(self.u(900, 5400))
        amounts = [fen(self.u(30000, 300000), 100 if rng.random() < .5 else 1)]
        if rng.random() < .25:
            amounts.append(fen(self.u(20000, 200000), 100))
        self.series(r, pid, t, amounts, lambda: self.u(900, 3600), typ, new_l1=.6,
                    ch_fn=lambda t: CH["online"] if rng.random() < .7 else CH["mobile"])

    def s_other(self, r, pid, t0, pays, typ, mode):
        rng = self.rng
        self.first_touch(r, pid, t0, typ, 1)
        dom = self.dom_at(r, t0, typ)
        t = t0 + int(self.u(60, 1800))
        self.visit(pid, t, dom)
        self.visit(pid, t + int(self.u(60, 300)), dom)  # fills in the form
        if not pays:
            return
        t += int(self.u(120, 900))
        n = int(rng.choice([1, 2, 3], p=[.5, .3, .2]))
        self.series(r, pid, t, [fen(self.u(1000, 20000), 1) for _ in range(n)], lambda: self.u(60, 400), typ,
                    new_l1=.3, ch_fn=lambda t: CH["third_party"] if rng.random() < .6 else CH["online"])

    # ------------------------------------------------------------ money of other cities, ledger
    def external_inflows(self):
        c, rng = self.c, self.rng
        for r in self.rings:
            for a, t0, t1 in r["l1"]:
                if min(t1, c.END) <= max(t0, c.START) + 60:
                    continue
                n = rng.poisson(2.5 * max(.2, (t1 - t0) / DAY))
                for _ in range(n):
                    t = int(self.u(max(t0, c.START), min(t1, c.END)))
                    if self.hour_of(t) < 8 and rng.random() < .7:
                        t += 9 * HOUR
                    amt = fen(lognorm(rng, 6000, 1.0), 1 if rng.random() < .5 else 100)
                    if self.transfer(t, -1, a, amt, CH["online"] if rng.random() < .6 else CH["mobile"]):
                        self.push(t, 0, a, amt)
        for H in self.houses:
            for a, t0, t1 in H["l2"]:
                if min(t1, c.END) <= max(t0, c.START) + 60:
                    continue
                for _ in range(rng.poisson(1.2 * max(.2, (t1 - t0) / DAY))):
                    t = int(self.u(max(t0, c.START), min(t1, c.END)))
                    amt = fen(lognorm(rng, 25000, .8), 1)
                    if self.transfer(t, -1, a, amt, CH["online"]):
                        self.push(t, 0, a, amt)

    def hold(self, a, t):
        lvl = self.level[a]
        base = {1: 420, 2: 1200, 3: 2400, 4: 1500}[lvl]
        x = base * float(np.exp(.9 * self.rng.standard_normal()))
        if self.rng.random() < .08:
            x += self.u(2, 8) * HOUR
        if self.hour_of(t) < 7:
            x *= 2.5
        return int(max(60, x))

    def run_ledger(self):
        c = self.c
        self.bal = defaultdict(int)
        self.pending = set()
        while self.heap:
            t, _, k, a, amt = heapq.heappop(self.heap)
            if t >= c.END:
                break
            if k == 0:
                self.bal[a] += amt
                if a in self.level and a not in self.pending:
                    self.pending.add(a)
                    self.push(t + self.hold(a, t), 2, a)
            elif k == 1:
                self.bal[a] -= amt
            else:
                self.pending.discard(a)
                self.forward(a, t)

    def later(self, a, t):
        self.pending.add(a)
        self.push(t, 2, a)

    def chan(self, a):
        if a in self.resident_acct:
            return CH["mobile"]
        return CH["online"] if self.rng.random() < .75 else CH["mobile"]

    def forward(self, a, t):
        rng = self.rng
        B = self.bal[a]
        if B < 20000:
            return
        lvl = self.level[a]
        H = self.houses[self.house_of[a]]
        if lvl < 4:
            opts = {1: (("l2", .72), ("cash", .2), ("exit", .08)), 2: (("l3", .4), ("cash", .52), ("exit", .08)),
                    3: (("cash", .9), ("exit", .1))}[lvl]
            nxt = str(rng.choice([o[0] for o in opts], p=prof(*[o[1] for o in opts])))
            send = B - int(B * self.u(0, .012))
            if rng.random() < .5:
                send = send // 10000 * 10000
            if send <= 0:
                return
            if nxt == "exit":
                if self.transfer(t, a, -1, send, CH["online"]):
                    self.bal[a] -= send
                return
            acc = self.active(H[nxt], t)
            k = int(rng.choice([1, 2, 3, 4], p=[.45, .35, .2, 0] if lvl == 1 else [.35, .3, .2, .15]))
            k = min(k, len(acc))
            tg = [int(x) for x in rng.choice(acc, k, replace=False)]
            parts = rng.dirichlet(np.ones(k) * 2)
            amounts = [int(send * p) // 100 * 100 for p in parts[:-1]]
            amounts.append(send - sum(amounts))
            tt = t
            for to, amt in zip(tg, amounts):
                if amt <= 0 or to == a:
                    continue
                tt += int(self.u(15, 150))
                if self.transfer(tt, a, to, amt, self.chan(a)):
                    self.bal[a] -= amt
                    self.push(tt, 0, to, amt)
            return
        # cash-out
        pref = self.cash_pref[a]
        m = str(rng.choice(list(pref), p=prof(*pref.values())))
        h = self.hour_of(t)
        d = self.day_of(t)
        if m == "atm":
            cap = self.atm_cap[a]
            if cap - self.atm_used[(a, d)] < 100000:
                self.later(a, self.c.day_start(d + 1) + int(self.u(30, 7200)))
                return
            tt = t
            while True:
                dd = self.day_of(tt)
                avail = min(self.bal[a], cap - self.atm_used[(a, dd)]) // 10000 * 10000
                if avail < 10000:
                    break
                piece = min(int(rng.choice([200000, 250000, 300000, 500000])), avail)
                if not self.transfer(tt, a, -1, piece, CH["atm"]):
                    break
                self.bal[a] -= piece
                self.atm_used[(a, dd)] += piece
                tt += int(self.u(40, 200))
            if self.bal[a] >= 100000:
                self.later(a, self.c.day_start(self.day_of(tt) + 1) + int(self.u(30, 7200)))
        elif m == "counter":
            if not (9 <= h < 16):
                self.later(a, self.c.day_start(d + (1 if h >= 16 else 0)) + int(self.u(9.3, 11) * HOUR))
                return
            amt = B // 10000 * 10000
            if amt and self.transfer(t, a, -1, amt, CH["counter"]):
                self.bal[a] -= amt
        elif m == "gold":
            if not (10 <= h < 21):
                self.later(a, self.c.day_start(d + (1 if h >= 21 else 0)) + int(self.u(10.5, 13) * HOUR))
                return
            amt = min(B, fen(self.u(20000, 100000), 1000)) // 100000 * 100000
            if amt >= 100000 and self.transfer(t, a, int(pick(rng, self.c.jewellers)), amt,
                                               CH["third_party"] if rng.random() < .6 else CH["mobile"]):
                self.bal[a] -= amt
            if self.bal[a] >= 100000:
                self.later(a, t + int(self.u(1, 4) * HOUR))
        else:
            k = int(rng.integers(1, 4)) if m == "crypto" else int(rng.integers(1, 3))
            parts = rng.dirichlet(np.ones(k) * 2)
            tt = t
            for p in parts:
                amt = int(B * p) // 10000 * 10000
                if amt <= 0:
                    continue
                if self.transfer(tt, a, -1, amt, CH["crypto_otc"] if m == "crypto" else CH["online"]):
                    self.bal[a] -= amt
                tt += int(self.u(30, 400))

    # ------------------------------------------------------------ reports
    def make_reports(self):
        c, rng = self.c, self.rng
        reps = []
        for pid in sorted(self.victim_pay):
            pays = sorted(self.victim_pay[pid])
            typ = self.targets[pid][0]
            if rng.random() > (.55 if typ in ("investment", "romance") else .72):
                continue
            med, sg = REPORT_DELAY_H[typ]
            ts = pays[-1][0] + max(1200, int(lognorm(rng, med * HOUR, sg)))
            if ts >= c.END:
                continue
            l1s = []
            for _, a, _ in pays:
                if a not in l1s:
                    l1s.append(a)
            u = rng.random()
            if u < .65 or len(l1s) == 1:
                named = list(l1s)
            elif u < .9:
                named = [max(pays, key=lambda x: x[2])[1]] if rng.random() < .5 else [pays[-1][1]]
            else:
                named = [int(x) for x in rng.choice(l1s, int(rng.integers(1, len(l1s))), replace=False)]
            if rng.random() < .03:  # names a shop they also paid, by mistake
                named.append(int(pick(rng, c.m_acct[:c.n_res_merchants])))
            total = sum(p[2] for p in pays)
            v = rng.random()
            if v < .6:
                claimed = total
            elif v < .8:
                claimed = -(-total // 100000) * 100000
            elif v < .9:
                claimed = fen(total / 100 * self.u(1.2, 2.0), 100)  # includes losses before these days
            else:
                claimed = pays[-1][2]
            reps.append((int(ts), pid, named, int(claimed), "victim"))
        # civil disputes reported as fraud: landlords, personal shoppers, builders, sellers
        pool = c.dispute_pool
        want = max(2, int(12 * c.scale * c.dscale))
        got = 0
        for j in rng.permutation(len(pool)):
            pid, acct, t, amt, kind = pool[int(j)]
            if pid in self.targets or got >= want:
                continue
            ts = t + int(self.u(1, 5) * DAY)
            if ts >= c.END:
                continue
            claimed = amt if rng.random() < .6 else fen(amt / 100 * self.u(1, 1.6), 100)
            reps.append((int(ts), pid, [acct], int(claimed), "dispute"))
            got += 1
        self.reports = sorted(reps, key=lambda x: (x[0], x[1]))

    # ------------------------------------------------------------ known-bad lists
    def make_lists(self):
        c, rng = self.c, self.rng
        S, E = c.START, c.END
        sc = max(c.scale, .1)
        L = {k: {} for k in ("numbers", "domains", "apps", "accounts")}

        def put(kind, value, ts, src):
            ts = int(ts)
            if ts >= E:
                return
            old = L[kind].get(value)
            if old is None or ts < old[0]:
                L[kind][value] = (ts, src)
        nsrc = ["national_platform", "miit_12321", "police_case", "operator_model"]
        for _ in range(int(2500 * sc)):
            u = rng.random()
            s = c.mobile_str(rng, rng.random() < .3) if u < .8 else c.voip_str(rng) if u < .95 else \
                c.overseas_str(rng, pick(rng, OVERSEAS_CC))
            put("numbers", s, S - self.u(1, 330) * DAY, pick(rng, nsrc))
        # stale: numbers from old cases, since recycled to newcomers
        nr = [int(i) for i in np.nonzero(c.new_res & (c.prim_phone >= 0))[0]]
        for i in rng.permutation(nr)[:max(2, int(6 * sc))]:
            ph = int(c.prim_phone[i])
            act = c.ph.act[ph]
            if act > 0 and c.ph.holder[ph] >= 0:
                put("numbers", c.ph.num[ph], act - self.u(30, 300) * DAY, "police_case")
        # wrong: harassment tags on telemarketers, couriers, collectors, a relay
        wrong = list(rng.choice(c.tele_numbers, min(4, len(c.tele_numbers)), replace=False))
        cour = np.nonzero((c.persona == PI["courier"]) & (c.prim_phone >= 0))[0]
        wrong += [int(c.prim_phone[int(x)]) for x in rng.choice(cour, min(2, len(cour)), replace=False)] if len(cour) else []
        wrong += list(rng.choice(c.collectors, 2, replace=False)) + [int(pick(rng, c.relays))]
        for n in wrong:
            put("numbers", c.ph.num[int(n)], self.u(S - 60 * DAY, E), pick(rng, ["user_tag", "operator_model"]))
        for n, f in self.num_first.items():
            if rng.random() < .35:
                put("numbers", c.ph.num[n], f + lognorm(rng, 20 * HOUR, .8), pick(rng, nsrc))
            if self.num_role[n] not in ("cold_call", "sms_blast") and rng.random() < .06:
                put("numbers", c.ph.num[n], S - self.u(5, 60) * DAY, "police_case")
        # domains / apps
        for _ in range(int(600 * sc)):
            put("domains", c.gen_domain(rng, fraud=True, keyword=pick(rng, TYPE_KEYWORDS[pick(rng, SCAM_TYPES)])),
                S - self.u(1, 300) * DAY, pick(rng, ["cncert", "vendor_feed", "police_case"]))
        for d, f in self.dom_first.items():
            if rng.random() < .5:
                put("domains", c.S[d], f + lognorm(rng, 30 * HOUR, .8), pick(rng, ["cncert", "vendor_feed"]))
            if rng.random() < .06:
                put("domains", c.S[d], S - self.u(10, 90) * DAY, "police_case")
        for g in rng.choice(GRAY_DOMAINS, 2, replace=False):
            put("domains", str(g), self.u(S - 90 * DAY, E), "vendor_feed")
        for _ in range(int(250 * sc)):
            put("apps", c.gen_app(rng, keyword=pick(rng, TYPE_KEYWORDS[pick(rng, SCAM_TYPES)])),
                S - self.u(1, 300) * DAY, pick(rng, ["national_antifraud_center", "police_case"]))
        for a, f in self.app_first.items():
            if rng.random() < .4:
                put("apps", c.S[a], f + lognorm(rng, 48 * HOUR, .7), "national_antifraud_center")
        for a in ("com.kaniu.qianbao", "com.oray.sunlogin"):
            put("apps", a, self.u(S - 120 * DAY, E), "vendor_feed")
        # accounts
        for _ in range(int(1500 * sc)):
            put("accounts", c.acct_str(rng, int(rng.integers(NB)), "personal"), S - self.u(1, 400) * DAY,
                pick(rng, ["police_case", "pboc_platform", "bank_report"]))
        young = np.nonzero((c.age >= 18) & (c.age <= 35) & (c.prim_acct >= 0))[0]
        for i in rng.choice(young, max(2, int(8 * sc)), replace=False):
            a = int(c.prim_acct[int(i)])
            if a not in self.level:
                put("accounts", c.ac.id[a], S - self.u(60, 400) * DAY, "police_case")
        for a, f in self.acct_first_use.items():
            lvl = self.level[a]
            if lvl >= 2 and rng.random() < .2:
                put("accounts", c.ac.id[a], f + self.u(20, 60) * HOUR, "bank_report")
            if lvl == 1 and rng.random() < .03:
                put("accounts", c.ac.id[a], S - self.u(10, 200) * DAY, "police_case")
        # what victims' reports lead to
        for ts, pid, named, claimed, kind in self.reports:
            for a in named:
                if a in self.level:
                    if rng.random() < .9:
                        put("accounts", c.ac.id[a], ts + self.u(.3, 6) * HOUR, "police_case")
                elif rng.random() < .5:
                    put("accounts", c.ac.id[a], ts + self.u(1, 12) * HOUR, "police_case")
            for n in self.contacts_of.get(pid, ()):
                if rng.random() < .6:
                    put("numbers", c.ph.num[n], ts + self.u(600, 6 * HOUR), "police_case")
            for d in self.visited.get(pid, ()):
                if rng.random() < .5:
                    put("domains", c.S[d], ts + self.u(1, 24) * HOUR, "police_case")
            for a in self.installed.get(pid, ()):
                if rng.random() < .4:
                    put("apps", c.S[a], ts + self.u(1, 24) * HOUR, "police_case")
        self.lists = L


# ==================================================================== assembly and output
def _cat(chunks, k, dtype):
    if not chunks:
        return np.zeros(0, dtype)
    return np.concatenate([ch[k] for ch in chunks]).astype(dtype, copy=False)


def finalize(c: City, f: Fraud):
    rng = c.rng("finalize")
    if f.calls:
        a = np.array(f.calls, np.int64)
        c.add_calls(a[:, 0], a[:, 1], a[:, 2], a[:, 3])
    if f.sms_l:
        a = np.array(f.sms_l, np.int64)
        c.add_sms(a[:, 0], a[:, 1], a[:, 2], a[:, 3])
    if f.net_l:
        a = np.array(f.net_l, np.int64)
        c.add_net(a[:, 0], a[:, 1], a[:, 2], a[:, 3])
    if f.tr:
        a = np.array(f.tr, np.int64)
        c.add_tr(a[:, 0], a[:, 1], a[:, 2], a[:, 3], a[:, 4], a[:, 5])
    # ring accounts and SIMs must exist before first use
    opened = np.array(c.ac.opened, np.int64)
    for a, t in f.acct_first_use.items():
        if opened[a] > t - HOUR:
            c.ac.opened[a] = int(t - f.u(1, 72) * HOUR)
    act = np.array(c.ph.act, np.int64)
    for n, t in f.num_first.items():
        if act[n] > t - HOUR:
            c.ph.act[n] = int(t - f.u(1, 72) * HOUR)
    # transfers
    T = {k: _cat(c.trs, i, dt) for i, (k, dt) in enumerate(
        [("ts", np.int64), ("fa", np.int64), ("ta", np.int64), ("amt", np.int64), ("ch", np.int8), ("vic", np.int64)])}
    ok = (T["ts"] >= c.START) & (T["ts"] < c.END) & (T["amt"] > 0) & (T["fa"] != T["ta"])
    opened = np.array(c.ac.opened, np.int64)
    for side in ("fa", "ta"):
        s = T[side]
        ok &= ~((s >= 0) & (opened[np.maximum(s, 0)] > T["ts"]))
    dropped_tr = int((~ok & (T["vic"] >= 0)).sum())
    T = {k: v[ok] for k, v in T.items()}
    # bank notifications and verification calls
    holder = np.array(c.ac.holder, np.int64)
    notify = np.array(c.ac.notify, bool)
    sms_min = np.array(c.ac.sms_min, np.int64)
    bank_dom = np.array([c.sid(d) for d in ("icbc.com.cn", "ccb.com", "abchina.com", "boc.cn", "bankcomm.com",
                                             "psbc.com", "cmbchina.com", "cib.com.cn", "citicbank.com",
                                             "gxcb.com.cn", "gxrcb.com")])
    bank = np.array(c.ac.bank, np.int64)
    for side in ("fa", "ta"):
        s = T[side]
        m = s >= 0
        acc = s[m]
        h = holder[acc]
        good = (h >= 0) & notify[acc] & (T["amt"][m] >= sms_min[acc])
        h = h[good]
        ph = c.prim_phone[h]
        g2 = ph >= 0
        ts = T["ts"][m][good][g2] + rng.integers(1, 40, int(g2.sum()))
        bk = bank[acc[good][g2]]
        link = np.where(rng.random(len(bk)) < .03, bank_dom[bk], -1)
        c.add_sms(ts, c.bank_svc[bk], ph[g2], link)
    fa = T["fa"]
    big = (T["amt"] >= 5_000_000) & (fa >= 0)
    big &= np.where(fa >= 0, holder[np.maximum(fa, 0)] >= 0, False) & (rng.random(len(fa)) < .25)
    who = holder[fa[big]]
    ph = c.prim_phone[who]
    g = ph >= 0
    n = int(g.sum())
    dur = np.clip(lognorm(rng, 90, .5, n), 20, 600).astype(np.int64)
    dur[rng.random(n) < .2] = 0
    c.add_calls(T["ts"][big][g] + rng.integers(60, 900, n), c.bank_svc[bank[fa[big][g]]], ph[g], dur)
    # SIM changes: the old number stops; callers mostly learn the new one
    old2new = np.full(len(c.ph.num), -1, np.int64)
    chg_t = np.full(len(c.ph.num), np.iinfo(np.int64).max, np.int64)
    chp = np.nonzero(c.new_phone >= 0)[0]
    old2new[c.prim_phone[chp]] = c.new_phone[chp]
    chg_t[c.prim_phone[chp]] = c.change_ts[chp]

    def remap(num, ts, p_keep):
        m = (old2new[num] >= 0) & (ts >= chg_t[num])
        keep = m & (rng.random(len(num)) < p_keep)
        out = np.where(m & ~keep, old2new[num], num)
        return out, keep
    C = {k: _cat(c.calls, i, np.int64) for i, k in enumerate(("ts", "a", "b", "d"))}
    C["a"], _ = remap(C["a"], C["ts"], 0.0)
    C["b"], kept = remap(C["b"], C["ts"], .15)
    C["d"][kept] = 0
    M = {k: _cat(c.smss, i, np.int64) for i, k in enumerate(("ts", "a", "b", "dom"))}
    M["a"], _ = remap(M["a"], M["ts"], 0.0)
    M["b"], _ = remap(M["b"], M["ts"], .15)
    N = {k: _cat(c.nets, i, np.int64) for i, k in enumerate(("ts", "num", "kind", "tgt"))}
    N["num"], _ = remap(N["num"], N["ts"], 0.0)
    act = np.array(c.ph.act, np.int64)
    dropped = {}
    for name, F, cols in (("calls", C, ("a", "b")), ("sms", M, ("a", "b")), ("net", N, ("num",))):
        ok = (F["ts"] >= c.START) & (F["ts"] < c.END)
        for col in cols:
            ok &= (F[col] >= 0)
            ok &= act[np.maximum(F[col], 0)] <= F["ts"]
        if "b" in cols:
            ok &= F["a"] != F["b"]
        dropped[name] = int((~ok).sum())
        for k in list(F):
            F[k] = F[k][ok]
    c.log(f"dropped (window/activation): {dropped}, loss transfers dropped: {dropped_tr}")
    return C, M, N, T


def ts_expr(col):
    return pl.when(pl.col(col) >= 0).then(
        pl.from_epoch(pl.col(col) + 8 * 3600, time_unit="s").dt.strftime("%Y-%m-%dT%H:%M:%S") + pl.lit("+08:00"))


def amt_expr(col):
    return (pl.col(col) // 100).cast(pl.String) + "." + (pl.col(col) % 100).cast(pl.String).str.zfill(2)


def ts_str(t):
    return datetime.fromtimestamp(int(t), TZ).strftime("%Y-%m-%dT%H:%M:%S+08:00")


def write(c: City, f: Fraud, C, M, N, T, out: Path):
    rng = c.rng("ids")
    out.mkdir(parents=True, exist_ok=True)
    (out / "lists").mkdir(exist_ok=True)
    (out / "labels").mkdir(exist_ok=True)

    def ids(n, prefix, width):
        vals = np.unique(rng.integers(0, 10 ** width, int(n * 1.05) + 32))
        while len(vals) < n:
            vals = np.unique(np.concatenate([vals, rng.integers(0, 10 ** width, n + 32)]))
        vals = rng.permutation(vals)[:n]
        return pl.select(pl.lit(prefix) + pl.Series(vals, dtype=pl.Int64).cast(pl.String).str.zfill(width)).to_series()

    person_ids = ids(c.P, "P", 7)
    PID = pl.Series(person_ids.to_list() + [None])
    PN = pl.Series(c.ph.num + [None])
    AN = pl.Series(c.ac.id + [None])
    SN = pl.Series(c.S + [None])

    def g(series, idx):
        idx = np.asarray(idx, np.int64)
        return series.gather(np.where(idx < 0, len(series) - 1, idx))

    sex = np.where(c.sex == 0, "M", "F")
    pl.DataFrame({"person_id": person_ids, "district": np.array(DISTRICTS)[c.dist],
                  "birth_year": c.birth.astype(np.int64), "sex": sex}).sort("person_id").write_csv(out / "persons.csv")
    pl.DataFrame({"number": PN[:-1], "holder_person_id": g(PID, c.ph.holder), "kind": c.ph.kind,
                  "a": np.array(c.ph.act, np.int64)}).with_columns(activated_at=ts_expr("a")).select(
        "number", "holder_person_id", "kind", "activated_at").sort("number").write_csv(out / "phones.csv")
    pl.DataFrame({"account_id": AN[:-1], "holder_person_id": g(PID, c.ac.holder),
                  "bank": [BANKS[b][0] for b in c.ac.bank], "kind": c.ac.kind,
                  "o": np.array(c.ac.opened, np.int64)}).with_columns(opened_at=ts_expr("o")).select(
        "account_id", "holder_person_id", "bank", "kind", "opened_at").sort("account_id").write_csv(out / "accounts.csv")
    counts = {}

    def events(F, prefix, width, cols, name):
        o = np.argsort(F["ts"], kind="stable")
        F2 = {k: v[o] for k, v in F.items()}
        df = pl.DataFrame({"event_id": ids(len(o), prefix, width), "t": F2["ts"]}).with_columns(ts=ts_expr("t"))
        df = df.with_columns(**{k: fn(F2) for k, fn in cols.items()})
        df.select(["event_id", "ts"] + list(cols)).write_csv(out / f"{name}.csv")
        counts[name] = len(o)
        return df["event_id"], F2

    events(C, "CL", 10, {"caller": lambda F: g(PN, F["a"]), "callee": lambda F: g(PN, F["b"]),
                         "duration_s": lambda F: pl.Series(F["d"], dtype=pl.Int64)}, "calls")
    events(M, "SM", 10, {"sender": lambda F: g(PN, F["a"]), "receiver": lambda F: g(PN, F["b"]),
                         "url_domain": lambda F: g(SN, F["dom"])}, "sms")
    events(N, "NT", 10, {"number": lambda F: g(PN, F["num"]),
                         "kind": lambda F: pl.Series(np.array(NET_KINDS)[F["kind"]]),
                         "target": lambda F: g(SN, F["tgt"])}, "net")
    o = np.argsort(T["ts"], kind="stable")
    T2 = {k: v[o] for k, v in T.items()}
    tid = ids(len(o), "TX", 12)
    df = pl.DataFrame({"event_id": tid, "t": T2["ts"], "a": T2["amt"]}).with_columns(ts=ts_expr("t"), amount=amt_expr("a"))
    df = df.with_columns(from_account=g(AN, T2["fa"]), to_account=g(AN, T2["ta"]),
                         channel=pl.Series(np.array(CHANNELS)[T2["ch"]]))
    df.select("event_id", "ts", "from_account", "to_account", "amount", "channel").write_csv(out / "transfers.csv")
    counts["transfers"] = len(o)
    # reports
    R = f.reports
    rid = ids(len(R), "JJ", 9)
    pl.DataFrame({"report_id": rid, "t": [r[0] for r in R], "person_id": g(PID, [r[1] for r in R]),
                  "paid_to": [";".join(c.ac.id[a] for a in r[2]) for r in R], "c": [r[3] for r in R]},
                 schema_overrides={"t": pl.Int64, "c": pl.Int64}).with_columns(
        ts=ts_expr("t"), claimed_amount=amt_expr("c")).select(
        "report_id", "ts", "person_id", "paid_to", "claimed_amount").write_csv(out / "reports.csv")
    counts["reports"] = len(R)
    for kind, d in f.lists.items():
        rows = sorted((v[0], k, v[1]) for k, v in d.items())
        pl.DataFrame({"value": [r[1] for r in rows], "t": [r[0] for r in rows], "source": [r[2] for r in rows]},
                     schema_overrides={"t": pl.Int64, "value": pl.String, "source": pl.String}).with_columns(
            listed_at=ts_expr("t")).select("value", "listed_at", "source").write_csv(out / "lists" / f"{kind}.csv")
        counts[f"lists/{kind}"] = len(rows)
    # labels, from the data as written
    vic = T2["vic"]
    loss = vic >= 0
    loss_ids = tid.filter(pl.Series(loss))
    first_loss, loss_sum = {}, defaultdict(int)
    for t, p, a in zip(T2["ts"][loss], vic[loss], T2["amt"][loss]):
        p = int(p)
        first_loss[p] = min(first_loss.get(p, int(t)), int(t))
        loss_sum[p] += int(a)
    tg = sorted(f.targets.items())
    pl.DataFrame({"person_id": g(PID, [p for p, _ in tg]), "scam_type": [v[0] for _, v in tg],
                  "fc": [int(v[1]) for _, v in tg], "fl": [first_loss.get(p, -1) for p, _ in tg],
                  "la": [loss_sum.get(p, -1) for p, _ in tg]},
                 schema_overrides={"fc": pl.Int64, "fl": pl.Int64, "la": pl.Int64}).with_columns(
        first_contact_ts=ts_expr("fc"), first_loss_ts=ts_expr("fl"),
        loss_amount=pl.when(pl.col("la") > 0).then(amt_expr("la"))).select(
        "person_id", "scam_type", "first_contact_ts", "first_loss_ts", "loss_amount").sort("person_id").write_csv(
        out / "labels" / "targets.csv")
    used_nums = set(np.unique(np.concatenate([C["a"], C["b"], M["a"]])).tolist())
    ln = sorted((c.ph.num[n], r) for n, r in f.num_role.items() if n in used_nums)
    pl.DataFrame({"number": [x[0] for x in ln], "role": [x[1] for x in ln]}, schema={"number": pl.String, "role": pl.String}).write_csv(out / "labels" / "numbers.csv")
    used_acc = set(np.unique(np.concatenate([T["fa"], T["ta"]])).tolist())
    roles = {1: "mule_1", 2: "mule_2", 3: "mule_3", 4: "cashout"}
    la = sorted((c.ac.id[a], roles[l]) for a, l in f.level.items() if a in used_acc)
    pl.DataFrame({"account_id": [x[0] for x in la], "role": [x[1] for x in la]}, schema={"account_id": pl.String, "role": pl.String}).write_csv(out / "labels" / "accounts.csv")
    used_s = set(np.unique(np.concatenate([M["dom"], N["tgt"]])).tolist())
    for name, pool in (("domains", f.ring_domains), ("apps", f.ring_apps)):
        vals = sorted(c.S[s] for s in pool if s in used_s)
        pl.DataFrame({"value": vals}, schema={"value": pl.String}).write_csv(out / "labels" / f"{name}.csv")
    pl.DataFrame({"event_id": loss_ids.sort()}).write_csv(out / "labels" / "losses.csv")
    meta = {"format": "dataset/1", "start": ts_str(c.START), "end": ts_str(c.END), "seed": c.seed,
            "note": f"independent synthetic city (generator d): {c.P} persons, {c.D} days"}
    (out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    stats = {"targets": len(tg), "victims_with_loss": len(first_loss), "fraud_numbers": len(ln),
             "mule_accounts": len(la), "loss_transfers": int(loss.sum()),
             "loss_total_yuan": round(sum(loss_sum.values()) / 100, 2),
             "ring_domains": len([s for s in f.ring_domains if s in used_s]),
             "ring_apps": len([s for s in f.ring_apps if s in used_s]),
             "victim_reports": sum(1 for r in R if r[4] == "victim"),
             "dispute_reports": sum(1 for r in R if r[4] == "dispute"),
             "cold_touched_nontargets": len(f.cold_touched - set(f.targets))}
    by_type = defaultdict(lambda: [0, 0])
    for p, v in tg:
        by_type[v[0]][0] += 1
        by_type[v[0]][1] += int(p in first_loss)
    stats["by_type"] = {k: {"targets": v[0], "with_loss": v[1]} for k, v in sorted(by_type.items())}
    return counts, stats


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--persons", type=int, default=20000)
    ap.add_argument("--days", type=int, default=10)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    t0 = time.time()
    c = City(args.seed, args.persons, args.days)
    c.build_people()
    c.build_phones()
    c.build_accounts()
    c.build_entities()
    c.build_contacts()
    c.log("population built")
    c.bulk_calls()
    c.bulk_sms()
    c.bulk_net()
    c.bulk_transfers()
    f = Fraud(c)
    f.run()
    f.make_reports()
    f.make_lists()
    C, M, N, T = finalize(c, f)
    counts, stats = write(c, f, C, M, N, T, args.out)
    stats["seconds"] = round(time.time() - t0, 1)
    stats["counts"] = counts
    (args.out.parent / f"{args.out.name}_stats.json").write_text(json.dumps(stats, indent=2) + "\n")
    print(json.dumps(stats, indent=2))


if __name__ == "__main__":
    main()
