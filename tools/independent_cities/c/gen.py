#!/usr/bin/env python3
"""Independent synthetic-city generator for telecom / online fraud data (variant "c").

    gen.py --seed N --persons P --days D --out DIR

Writes a dataset/1 directory (see /work/shared/contract/DATASET.md) with labels/.
Deterministic per seed. Bulk traffic is vectorised with numpy; the fraud side is a
small event-level simulation (scripts per scam type + a sweep-based laundering model).
Design notes: DESIGN.md beside this file.
"""
from __future__ import annotations

import os

os.environ.setdefault("POLARS_MAX_THREADS", "1")
for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "RAYON_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

import argparse  # noqa: E402
import heapq  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import random  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from datetime import date, datetime, timedelta, timezone  # noqa: E402

import numpy as np  # noqa: E402
import polars as pl  # noqa: E402

DAY, HOUR, MIN = 86400, 3600, 60
TZ8 = timezone(timedelta(hours=8))
START = datetime(2026, 3, 30, tzinfo=TZ8)  # a Monday; the week holds month-end payroll,
# 1st-of-month rent and the Qingming holiday (4-6 April 2026).
HOLIDAYS = {date(2026, 4, 4), date(2026, 4, 5), date(2026, 4, 6), date(2026, 5, 1),
            date(2026, 5, 2), date(2026, 5, 3), date(2026, 5, 4), date(2026, 5, 5)}

KINDS = ["mobile", "landline", "voip", "overseas", "service"]
K_MOB, K_LAND, K_VOIP, K_OVS, K_SVC = range(5)
CHANNELS = ["mobile", "online", "counter", "atm", "third_party", "crypto_otc"]
C_MOB, C_ONL, C_CNT, C_ATM, C_3P, C_OTC = range(6)
ACC_KINDS = ["personal", "merchant", "corporate"]
A_PER, A_MER, A_COR = range(3)

# Guangzhou-like districts and population shares.
DISTRICTS = ["440103", "440104", "440105", "440106", "440111", "440112", "440113", "440114",
             "440115", "440117", "440118"]
DIST_W = np.array([0.06, 0.06, 0.10, 0.11, 0.17, 0.08, 0.16, 0.10, 0.05, 0.03, 0.08])

SEGS = ["student", "factory", "office", "service", "courier", "driver", "merchant", "stall",
        "trader", "landlord", "telemarketer", "collector", "agent", "community", "healthcare",
        "retiree", "homemaker", "unemployed", "foreman", "finance", "daigou"]
S = {n: i for i, n in enumerate(SEGS)}
WORK_SEG_W = {"factory": .17, "office": .19, "service": .16, "courier": .012, "driver": .03,
              "merchant": .05, "stall": .025, "trader": .012, "landlord": .02,
              "telemarketer": .003, "collector": .003, "agent": .02, "community": .006,
              "healthcare": .025, "homemaker": .05, "unemployed": .045, "foreman": .008,
              "finance": .022, "daigou": .004}

BANKS = ["ICBC", "CCB", "ABC", "BOC", "BOCOM", "PSBC", "CMB", "CIB", "SPDB", "PAB", "CITIC",
         "CEB", "GDB", "GRCB", "GZCB"]
BANK_W = np.array([.16, .14, .10, .10, .06, .07, .10, .04, .03, .05, .03, .02, .04, .04, .02])
BANK_BIN = {"ICBC": ("622202", 19), "CCB": ("621700", 19), "ABC": ("622848", 19),
            "BOC": ("621661", 19), "BOCOM": ("622262", 19), "PSBC": ("621799", 19),
            "CMB": ("621483", 16), "CIB": ("622909", 18), "SPDB": ("621792", 16),
            "PAB": ("623058", 19), "CITIC": ("621771", 16), "CEB": ("622663", 16),
            "GDB": ("622568", 16), "GRCB": ("621058", 19), "GZCB": ("621440", 19)}
BANK_SVC = {"ICBC": "95588", "CCB": "95533", "ABC": "95599", "BOC": "95566", "BOCOM": "95559",
            "PSBC": "95580", "CMB": "95555", "CIB": "95561", "SPDB": "95528", "PAB": "95511",
            "CITIC": "95558", "CEB": "95595", "GDB": "95508", "GRCB": "95313", "GZCB": "96699"}

LOCAL_PREF = ["134", "135", "136", "137", "138", "139", "150", "151", "152", "157", "158",
              "159", "182", "183", "184", "187", "188", "198", "130", "131", "132", "155",
              "156", "185", "186", "166", "133", "153", "173", "177", "180", "181", "189",
              "199", "191", "193", "195", "178", "175", "176", "147", "149"]
VIRT_PREF = ["170", "171", "162", "165", "167"]
OTHER_AREA = ["755", "769", "757", "760", "750", "21", "10", "571", "28", "23", "27", "731",
              "771", "591", "592", "898", "851", "871", "377", "371", "29", "24"]
OVS_LEN = {"+852": 8, "+853": 8, "+855": 9, "+95": 9, "+856": 10, "+63": 10, "+60": 9,
           "+66": 9, "+84": 9, "+1": 10, "+44": 10, "+61": 9, "+81": 10, "+971": 9,
           "+65": 8, "+886": 9, "+82": 10, "+62": 10}

SYL = ["an", "bai", "bao", "bei", "cai", "chang", "cheng", "da", "dai", "dong", "fa", "fang",
       "fu", "gao", "guo", "hai", "hao", "he", "hong", "hua", "huang", "hui", "jia", "jian",
       "jin", "jing", "ju", "kai", "kang", "le", "li", "lian", "long", "mei", "ming", "nan",
       "ping", "qi", "qian", "qing", "rong", "rui", "sheng", "shi", "shun", "tai", "tian",
       "tong", "wang", "wei", "xin", "xing", "ya", "yi", "yin", "yong", "you", "yu", "yuan",
       "yue", "zhi", "zhong", "zhou", "jun", "fei", "tou", "zi", "kuai", "bang", "ke", "du",
       "wan", "mall", "go", "hub", "pay", "app", "e", "u", "shop", "net", "yun", "zhan"]
TLD_LEGIT = (["com"] * 30 + ["cn"] * 20 + ["com.cn"] * 8 + ["net"] * 6 + ["top"] * 4
             + ["vip"] * 3 + ["cc"] * 2 + ["xyz"] * 2 + ["shop"] * 2 + ["club"] + ["site"]
             + ["ltd"] + ["info"] + ["pro"])
TLD_FRAUD = (["com"] * 14 + ["cn"] * 6 + ["top"] * 10 + ["vip"] * 8 + ["cc"] * 6 + ["xyz"] * 5
             + ["shop"] * 3 + ["site"] * 3 + ["icu"] * 3 + ["pro"] * 3 + ["com.cn"] * 2
             + ["net"] * 4 + ["online"] * 2 + ["club"] * 2 + ["ltd"] * 2)
FRAUD_WORDS = {
    "police": ["ajcx", "gaj", "spp", "jcy", "fayuan", "qingcha", "anquan", "zhuizong", "gjfz",
               "wangan", "gov-cn", "court"],
    "customer_service": ["tuikuan", "lipei", "kf", "kefu", "peifu", "quxiao", "huiyuan", "dy",
                         "tb", "jd", "sf", "kuaidi", "refund"],
    "rebate": ["renwu", "jianzhi", "fanli", "dianzan", "shuadan", "rw", "task", "zhuli"],
    "investment": ["zq", "licai", "touzi", "gp", "jijin", "futures", "quant", "htzq", "gfzq",
                   "niu", "trade", "ex"],
    "loan": ["dai", "jiedai", "kuaidai", "xindai", "loan", "jieqian", "edu", "fenqi"],
    "shopping": ["shop", "mall", "xianyu", "tejia", "haitao", "store", "mai"],
    "credit_repair": ["zhengxin", "xiufu", "zx", "credit", "zhuxiao", "xyk"],
    "boss": ["oa", "bangong"],
    "romance": ["coin", "global", "fx", "crypto", "bet", "vip", "club"],
    "game_trading": ["jiaoyimao", "jym", "pxb", "7881", "dj", "zhuangbei", "yx", "game"],
    "other": ["yibao", "jiankang", "yanglao", "baojian", "yb"],
}
REAL_DOMAINS = [
    "baidu.com", "qq.com", "taobao.com", "tmall.com", "jd.com", "pinduoduo.com", "yangkeduo.com",
    "douyin.com", "kuaishou.com", "bilibili.com", "weibo.com", "163.com", "sina.com.cn",
    "sohu.com", "toutiao.com", "ixigua.com", "zhihu.com", "xiaohongshu.com", "meituan.com",
    "dianping.com", "ele.me", "ctrip.com", "12306.cn", "amap.com", "alipay.com", "tenpay.com",
    "icbc.com.cn", "ccb.com", "abchina.com", "boc.cn", "bankcomm.com", "psbc.com",
    "cmbchina.com", "cib.com.cn", "spdb.com.cn", "pingan.com", "citicbank.com", "cebbank.com",
    "cgbchina.com.cn", "grcbank.com", "gzcb.com.cn", "gov.cn", "gd.gov.cn", "gz.gov.cn",
    "chsi.com.cn", "10086.cn", "10010.com", "189.cn", "sf-express.com", "cainiao.com", "zto.com",
    "yto.net.cn", "iqiyi.com", "youku.com", "mgtv.com", "huya.com", "douyu.com", "hupu.com",
    "dongqiudi.com", "csdn.net", "github.com", "apple.com", "huawei.com", "mi.com",
    "vivo.com.cn", "oppo.com", "eastmoney.com", "10jqka.com.cn", "xueqiu.com", "futunn.com",
    "fang.com", "anjuke.com", "ke.com", "58.com", "zhaopin.com", "zhipin.com", "51job.com",
    "dingtalk.com", "meeting.tencent.com", "zoom.us", "feishu.cn", "wps.cn", "qcc.com",
    "tianyancha.com", "smzdm.com", "vip.com", "suning.com", "dewu.com", "goofish.com",
    "jiaoyimao.com", "pxb7.com", "7881.com", "5173.com", "jiayuan.com", "zhenai.com",
    "soulapp.cn", "immomo.com", "haodf.com", "guahao.com", "gzhmu.edu.cn", "sysu.edu.cn",
    "scut.edu.cn", "gdrcu.com", "gzmtr.com", "gzyct.com", "sina.cn", "ifeng.com",
    "thepaper.cn", "people.com.cn", "xinhuanet.com", "cctv.com", "weather.com.cn",
    "autohome.com.cn", "dongchedi.com", "yiche.com", "mafengwo.cn", "qunar.com", "ly.com",
    "fliggy.com", "didiglobal.com", "hellobike.com", "jianshu.com", "douban.com", "kugou.com",
    "music.163.com", "qidian.com", "fanqienovel.com", "zuoyebang.com", "yuanfudao.com",
    "xueersi.com", "keep.com", "pconline.com.cn", "zol.com.cn", "gaode.com", "chsi.cn",
    "12333.gov.cn", "gdzwfw.gov.cn", "gjzwfw.gov.cn", "chinatax.gov.cn", "gdgpo.gov.cn",
]
SHORT_LINKS = ["t.cn", "url.cn", "dwz.cn", "m.tb.cn", "u.jd.com", "v.douyin.com", "b23.tv",
               "xhslink.com", "dpurl.cn", "3.cn", "e.tb.cn", "mobile.yangkeduo.com", "s.click.taobao.com"]
REAL_APPS = [
    "com.tencent.mm", "com.tencent.mobileqq", "com.eg.android.AlipayGphone", "com.taobao.taobao",
    "com.jingdong.app.mall", "com.xunmeng.pinduoduo", "com.ss.android.ugc.aweme",
    "com.smile.gifmaker", "tv.danmaku.bili", "com.sina.weibo", "com.sankuai.meituan", "me.ele",
    "com.autonavi.minimap", "com.baidu.BaiduMap", "ctrip.android.view", "com.MobileTicket",
    "com.tencent.wemeet.app", "com.alibaba.android.rimet", "us.zoom.videomeetings",
    "com.ss.android.lark", "com.youqu.todesk", "com.oray.sunlogin.application",
    "com.teamviewer.teamviewer.market.mobile", "com.hexin.plat.android",
    "com.eastmoney.android.berlin", "cn.futu.trader", "com.xueqiu.android", "com.lphtsccft",
    "com.gf.client", "com.jd.jrapp", "com.p1.mobile.putong", "cn.soulapp.android",
    "com.immomo.momo", "com.jiayuan.app", "com.jym.mall", "com.pxb7.app",
    "com.tencent.tmgp.sgame", "com.miHoYo.Yuanshen", "com.tencent.tmgp.pubgmhd",
    "com.netease.cloudmusic", "com.kugou.android", "com.tencent.qqmusic", "com.UCMobile",
    "com.quark.browser", "com.baidu.searchbox", "com.zhihu.android", "com.xingin.xhs",
    "com.shizhuang.duapp", "com.achievo.vipshop", "com.icbc", "com.chinamworld.main",
    "com.android.bankabc", "com.chinamworld.bocmbci", "cmb.pb", "com.pingan.paces.ccms",
    "com.hicorenational.antifraud", "com.tencent.qqlive", "com.qiyi.video", "com.youku.phone",
    "com.dianping.v1", "com.sdu.didi.psnger", "com.jingyao.easybike", "com.ss.android.article.news",
    "com.kuaishou.nebula", "com.ss.android.ugc.aweme.lite", "com.tencent.news",
    "com.tencent.weread", "com.dragon.read", "com.gotokeep.keep", "com.wuba", "com.anjuke.android.app",
    "com.lianjia.beike", "com.hpbr.bosszhipin", "com.zhaopin.social", "com.tencent.karaoke",
    "com.unionpay", "com.ct.client", "com.greenpoint.android.mc10086.activity", "com.sinovatech.unicom.ui",
    "com.cainiao.wireless", "com.sf.activity", "com.tmri.app.main", "com.gzmtr.app",
    "cn.gov.tax.its", "com.hundsun.chinapension", "com.yitong.mbank.psbc", "com.bankcomm.Bankcomm",
]
MEETING_APPS = ["com.tencent.wemeet.app", "us.zoom.videomeetings", "com.alibaba.android.rimet",
                "com.ss.android.lark"]
REMOTE_APPS = ["com.youqu.todesk", "com.oray.sunlogin.application",
               "com.teamviewer.teamviewer.market.mobile"]
BROKER_APPS = ["com.hexin.plat.android", "com.eastmoney.android.berlin", "cn.futu.trader",
               "com.xueqiu.android", "com.lphtsccft", "com.gf.client"]
LOAN_APPS = ["com.jd.jrapp", "com.qihoo.jiasu.loan", "com.fenqile.fenqile", "com.zhaolian.app",
             "com.mashang.xiaofei", "com.yiqianhua.app", "com.hjzy.zhaolianjinrong"]
DATING_APPS = ["com.p1.mobile.putong", "cn.soulapp.android", "com.immomo.momo", "com.jiayuan.app",
               "com.zhenai.android"]
GAME_TRADE_APPS = ["com.jym.mall", "com.pxb7.app", "com.yx7881.app"]

SCAM_TYPES = ["rebate", "investment", "police", "customer_service", "loan", "shopping",
              "credit_repair", "boss", "romance", "game_trading", "other"]
TYPE_SHARE = {"rebate": .20, "investment": .10, "police": .08, "customer_service": .16,
              "loan": .11, "shopping": .09, "credit_repair": .05, "boss": .04, "romance": .05,
              "game_trading": .07, "other": .05}
PAY_PROB = {"rebate": .55, "investment": .45, "police": .35, "customer_service": .40,
            "loan": .50, "shopping": .65, "credit_repair": .35, "boss": .50, "romance": .40,
            "game_trading": .55, "other": .35}
REPORT_PROB = {"rebate": .5, "investment": .3, "police": .6, "customer_service": .55,
               "loan": .45, "shopping": .35, "credit_repair": .5, "boss": .75, "romance": .25,
               "game_trading": .35, "other": .4}
REPORT_LAG_H = {"rebate": 10, "investment": 48, "police": 6, "customer_service": 3, "loan": 20,
                "shopping": 24, "credit_repair": 8, "boss": 2, "romance": 72,
                "game_trading": 6, "other": 24}

# Ring templates: scam types, overseas base, number-source mix, mass-dial and mass-SMS volume
# per day (attempts), concurrent caller numbers, laundering syndicate.
RING_TEMPLATES = [
    dict(types=["police"], cc=["+855"], mix=dict(voip=.45, overseas=.30, farm=.10, ext=.10, virtual=.05),
         dial=650, sms=0, conc=4),
    dict(types=["police", "credit_repair"], cc=["+95", "+856"],
         mix=dict(voip=.35, overseas=.20, farm=.20, virtual=.15, ext=.10), dial=450, sms=0, conc=3),
    dict(types=["customer_service", "credit_repair"], cc=["+63"],
         mix=dict(farm=.35, virtual=.25, voip=.20, ext=.15, overseas=.05), dial=750, sms=150, conc=5),
    dict(types=["customer_service", "shopping"], cc=["+855"],
         mix=dict(ext=.35, farm=.30, virtual=.20, voip=.15), dial=500, sms=200, conc=4),
    dict(types=["rebate"], cc=["+95"], mix=dict(farm=.45, ext=.30, virtual=.25), dial=60, sms=450, conc=2),
    dict(types=["rebate", "game_trading"], cc=["+855"], mix=dict(virtual=.4, ext=.4, farm=.2),
         dial=50, sms=250, conc=2),
    dict(types=["investment"], cc=["+63", "+852"], mix=dict(overseas=.35, farm=.30, ext=.20, voip=.15),
         dial=160, sms=250, conc=2),
    dict(types=["romance", "investment"], cc=["+60", "+66"], mix=dict(overseas=.6, ext=.2, virtual=.2),
         dial=25, sms=0, conc=1),
    dict(types=["loan"], cc=["+84"], mix=dict(farm=.40, virtual=.30, ext=.20, voip=.10), dial=260,
         sms=500, conc=3),
    dict(types=["boss", "other", "shopping"], cc=["+971"], mix=dict(ext=.4, farm=.3, voip=.3), dial=220,
         sms=80, conc=2),
]


def norm(w):
    w = np.asarray(w, dtype=float)
    return w / w.sum()


H_CALL = norm([.3, .15, .08, .05, .05, .12, .45, 1.3, 2.8, 4.4, 5.2, 5.2, 4.2, 3.6, 4.2, 4.9, 5.1,
               4.9, 4.8, 5.2, 5.0, 4.0, 2.5, 1.0])
H_ELDER = norm([.1, .05, .03, .03, .05, .3, 1.5, 3.5, 5, 5.5, 5.5, 4.5, 3, 2.5, 3.5, 4.5, 4.5,
                4.5, 4.5, 4.5, 4, 2.5, 1, .3])
H_NET = norm([1.3, .7, .4, .2, .15, .2, .6, 1.5, 2.5, 3, 3.2, 3.4, 3.6, 3, 3, 3.1, 3.2, 3.4, 3.8,
              4.5, 5.0, 5.2, 4.5, 2.8])
H_PAY = norm([.45, .25, .12, .08, .08, .15, .6, 2.0, 3.5, 2.8, 2.6, 3.6, 5.0, 3.4, 2.4, 2.4, 2.6,
              3.2, 4.6, 5.0, 4.2, 3.2, 2.2, 1.0])
H_WORK = norm([0, 0, 0, 0, 0, 0, 0, .1, .8, 5, 6, 6, 2, 1.5, 5, 6, 6, 5, 1.2, .3, .1, 0, 0, 0])
H_COURIER = norm([0, 0, 0, 0, 0, 0, 0, .5, 3, 5, 6, 5.5, 3, 3, 5, 6, 6, 5.5, 4, 2.5, 1.2, .4, 0, 0])
H_MEAL = norm([.4, .3, .1, 0, 0, 0, .1, .6, 1.2, 1.5, 3.5, 7, 6.5, 3, 1.5, 1.3, 1.8, 4.5, 6.5,
               5.5, 3.2, 2.2, 1.5, .8])
H_RING = norm([.1, 0, 0, 0, 0, 0, 0, 0, .3, 2.5, 5, 5, 3.5, 1.5, 4.2, 5, 5, 4.5, 2, 3.2, 3.5, 2.8, 1.2, .4])
H_SMSMKT = norm([0, 0, 0, 0, 0, 0, 0, .3, 1.5, 3.5, 4, 4, 3.5, 2.5, 3, 3.5, 3.5, 3.5, 3, 2.5,
                 1.5, .8, .2, 0])
H_EVENING = norm([2, 1, .5, .2, .1, .1, .2, .4, .6, .7, .8, .9, 1.2, 1, .8, .8, .9, 1.2, 1.8,
                  3, 4.5, 5.5, 5, 3.5])


class Ev:
    """Column buffers: scalar appends plus whole numpy chunks."""

    def __init__(self, cols):
        self.cols = cols
        self.small = {c: [] for c in cols}
        self.chunks = []

    def add(self, *vals):
        for c, v in zip(self.cols, vals):
            self.small[c].append(v)

    def add_arrays(self, **kw):
        n = len(kw[self.cols[0]])
        if n == 0:
            return
        self.chunks.append({c: np.broadcast_to(np.asarray(kw[c]), (n,)).copy() for c in self.cols})

    def final(self):
        out = {}
        for c in self.cols:
            parts = [ch[c].astype(np.int64) for ch in self.chunks]
            parts.append(np.asarray(self.small[c], dtype=np.int64))
            out[c] = np.concatenate(parts) if parts else np.zeros(0, np.int64)
        return out


_EVE_CDF = np.cumsum(H_EVENING)


def G_choice_hour(R):
    return int(np.searchsorted(_EVE_CDF, R.random() * 0.999999))


def bell(a, mu, sd):
    return np.exp(-0.5 * ((a - mu) / sd) ** 2)


class City:
    def __init__(self, seed, n_persons, days):
        self.seed, self.N, self.D = seed, n_persons, days
        self.G = np.random.default_rng(seed)
        self.R = random.Random(seed * 1000003 + 17)
        self.T0 = int(START.timestamp())
        self.T1 = self.T0 + days * DAY
        self.dates = [(START + timedelta(days=d)).date() for d in range(days)]
        self.offday = np.array([d.weekday() >= 5 or d in HOLIDAYS for d in self.dates])
        # registries
        self.num_s, self.num_kind, self.num_holder, self.num_act = [], [], [], []
        self.num_idx = {}
        self.acc_s, self.acc_holder, self.acc_bank, self.acc_kind = [], [], [], []
        self.acc_open, self.acc_notify = [], []
        self.acc_used = set()
        self.names, self.name_idx = [], {}
        # event buffers
        self.calls = Ev(["ts", "a", "b", "d", "tag"])
        self.sms = Ev(["ts", "a", "b", "dom", "tag"])
        self.net = Ev(["ts", "num", "k", "tgt", "tag"])
        self.trs = Ev(["ts", "fr", "to", "amt", "ch", "vic", "tag"])
        # labels & lists
        self.fraud_num_role = {}
        self.fraud_domains, self.fraud_apps = set(), set()
        self.acc_role = {}
        self.targets = {}  # person -> dict
        self.reports = []
        self.lists = {"numbers": [], "domains": [], "apps": [], "accounts": []}

    # ------------------------------------------------------------------ time helpers
    def times(self, n, hw, off_factor=1.0, day_w=None):
        G = self.G
        dw = np.where(self.offday, off_factor, 1.0) if day_w is None else np.asarray(day_w, float)
        day = G.choice(self.D, n, p=dw / dw.sum())
        hour = G.choice(24, n, p=hw)
        return self.T0 + day * DAY + hour * HOUR + G.integers(0, HOUR, n)

    def hour(self, t):
        return ((t - self.T0) // HOUR) % 24

    def day(self, t):
        return (t - self.T0) // DAY

    def is_off(self, t):
        d = self.day(t)
        if 0 <= d < self.D:
            return bool(self.offday[d])
        dt = (START + timedelta(days=int(d))).date()
        return dt.weekday() >= 5 or dt in HOLIDAYS

    def in_hours(self, t, lo, hi, spread=None):
        """t if its local hour is in [lo, hi), else a time in the next such window."""
        h = self.hour(t)
        if lo <= h < hi:
            return t
        base = t - ((t - self.T0) % DAY)
        if h >= hi:
            base += DAY
        span = (hi - lo) * HOUR if spread is None else spread
        return base + lo * HOUR + int(self.R.random() * span * 0.6)

    def bank_hours(self, t):
        t = self.in_hours(t, 9, 16)
        while self.is_off(t) and self.R.random() < 0.7:
            t = t - ((t - self.T0) % DAY) + DAY + 9 * HOUR + int(self.R.random() * 4 * HOUR)
        return t

    def ln(self, median, sigma):
        return median * math.exp(self.R.gauss(0, sigma))

    # ------------------------------------------------------------------ registries
    def add_num(self, s, kind, holder=-1, act=-1):
        i = len(self.num_s)
        self.num_idx[s] = i
        self.num_s.append(s)
        self.num_kind.append(kind)
        self.num_holder.append(holder)
        self.num_act.append(act)
        return i

    def _uniq(self, fn):
        while True:
            s = fn()
            if s not in self.num_idx:
                return s

    def new_local_mobile(self, holder=-1, act=-1):
        R = self.R
        return self.add_num(self._uniq(lambda: R.choice(LOCAL_PREF) + R.choice(self.local_h)
                                       + "%04d" % R.randrange(10000)), K_MOB, holder, act)

    def new_ext_mobile(self, virtual=False, act=-1):
        R = self.R
        pref = VIRT_PREF if virtual else LOCAL_PREF
        return self.add_num(self._uniq(lambda: R.choice(pref) + "%04d" % R.randrange(10000)
                                       + "%04d" % R.randrange(10000)), K_MOB, -1, act)

    def new_landline(self, holder=-1, act=-1):
        R = self.R
        return self.add_num(self._uniq(lambda: "020" + R.choice("2383")
                                       + "%07d" % R.randrange(10 ** 7)), K_LAND, holder, act)

    def new_voip(self, act=-1):
        R = self.R

        def f():
            a = R.choice(OTHER_AREA)
            return "0" + a + "%0*d" % (10 - len(a), R.randrange(10 ** (10 - len(a))))
        return self.add_num(self._uniq(f), K_VOIP, -1, act)

    def new_overseas(self, cc):
        R = self.R
        n = OVS_LEN[cc]
        return self.add_num(self._uniq(lambda: cc + str(R.randrange(1, 10))
                                       + "%0*d" % (n - 1, R.randrange(10 ** (n - 1)))), K_OVS)

    def svc(self, s):
        if s in self.num_idx:
            return self.num_idx[s]
        return self.add_num(s, K_SVC)

    def add_acc(self, holder, bank, kind, opened=-1, notify=-1):
        R = self.R
        while True:
            if bank == "ALIPAY":
                s = "2088" + "%012d" % R.randrange(10 ** 12)
            elif bank == "WECHATPAY":
                s = ("wxp" + "%013d" % R.randrange(10 ** 13)) if kind == A_PER else \
                    ("19" + "%08d" % R.randrange(10 ** 8))
            elif kind == A_MER:
                s = "898" + "%012d" % R.randrange(10 ** 12)
            elif kind == A_COR:
                ln = R.choice([15, 17, 18, 19, 20])
                s = str(R.randrange(1, 10)) + "%0*d" % (ln - 1, R.randrange(10 ** (ln - 1)))
            else:
                pre, ln = BANK_BIN[bank]
                s = pre + "%0*d" % (ln - 6, R.randrange(10 ** (ln - 6)))
            if s not in self.acc_used:
                break
        self.acc_used.add(s)
        self.acc_s.append(s)
        self.acc_holder.append(holder)
        self.acc_bank.append(bank)
        self.acc_kind.append(kind)
        self.acc_open.append(opened)
        self.acc_notify.append(notify)
        return len(self.acc_s) - 1

    def ext_open(self, recent=0.06):
        """opened_at of an account held outside the area: the bank knows it, mostly."""
        R = self.R
        if R.random() < 0.1:
            return -1
        if R.random() < recent:
            return self.T0 - int(R.uniform(3, 60) * DAY)
        return self.T0 - int(R.uniform(60, 15 * 365) * DAY)

    def rand_bank(self):
        return BANKS[int(self.G.choice(len(BANKS), p=norm(BANK_W)))]

    def name(self, s):
        i = self.name_idx.get(s)
        if i is None:
            i = len(self.names)
            self.name_idx[s] = i
            self.names.append(s)
        return i

    def gen_domain(self, fraud_type=None):
        R = self.R
        while True:
            k = R.choice([1, 2, 2, 2, 3])
            parts = [R.choice(SYL) for _ in range(k)]
            if fraud_type is not None and R.random() < 0.55:
                parts.insert(R.randrange(len(parts) + 1), R.choice(FRAUD_WORDS[fraud_type]))
            sep = R.choice(["", "", "", "-"])
            core = sep.join(parts)
            if R.random() < 0.25:
                core += str(R.choice([1, 6, 8, 88, 66, 168, 365, 520, 666, 888, 2026, 99, 7]))
            tld = R.choice(TLD_FRAUD if fraud_type else TLD_LEGIT)
            if fraud_type and R.random() < 0.25:
                core = R.choice(["m", "h5", "app", "www", "wap", "dl", "vip"]) + "." + core
            s = core + "." + tld
            if s not in self.name_idx:
                return self.name(s)

    def gen_app(self, fraud_type=None):
        R = self.R
        while True:
            a = R.choice(["com", "com", "com", "cn", "net", "io"])
            b = "".join(R.choice(SYL) for _ in range(R.choice([1, 2, 2, 3])))
            if fraud_type and R.random() < 0.5:
                b = R.choice(FRAUD_WORDS[fraud_type]).replace("-", "") + b[:6]
            c = R.choice(["app", "android", "pro", "vip", "plus", "hd", "client", "mobile", "lite", "main"])
            s = f"{a}.{b}.{c}"
            if s not in self.name_idx and s[0].isalpha():
                return self.name(s)

    # ------------------------------------------------------------------ population
    def build_population(self):
        G, R, N = self.G, self.R, self.N
        ages = np.arange(12, 93)
        w = np.select([ages < 18, ages < 25, ages < 35, ages < 45, ages < 55, ages < 65, ages < 75,
                       ages < 85], [0.8, 1.8, 2.4, 2.0, 1.5, 1.1, 0.7, 0.35], 0.1)
        age = G.choice(ages, N, p=norm(w))
        pm = np.where((age >= 18) & (age <= 45), 0.53, np.where(age >= 80, 0.42, 0.5))
        male = G.random(N) < pm
        dist = G.choice(len(DISTRICTS), N, p=norm(DIST_W))
        wn = list(WORK_SEG_W)
        draw = G.choice(len(wn), N, p=norm([WORK_SEG_W[k] for k in wn]))
        seg = np.array([S[wn[i]] for i in draw])
        u = G.random(N)
        retire_age = np.where(male, 60, 55)
        seg = np.where(age < 18, S["student"], seg)
        seg = np.where((age >= 18) & (age <= 22) & (u < 0.6), S["student"], seg)
        old = age >= retire_age
        u2 = G.random(N)
        seg = np.where(old, np.select([u2 < 0.85, u2 < 0.93, u2 < 0.97], [S["retiree"], S["landlord"],
                                                                         S["merchant"]], S["stall"]), seg)
        # gendered / aged re-draws
        maleish = np.isin(seg, [S["courier"], S["driver"], S["foreman"]]) & ~male & (G.random(N) < 0.8)
        seg = np.where(maleish, S["service"], seg)
        young_ll = (seg == S["landlord"]) & (age < 32)
        seg = np.where(young_ll, S["office"], seg)
        self.age, self.male, self.dist, self.seg = age, male, dist, seg
        self.birth = 2026 - age - (G.random(N) < 0.25)
        work = (age >= 18) & ~old & (seg != S["student"])
        adult = age >= 18

        def flag(p):
            return G.random(N) < p
        self.migrant = ((age >= 18) & (age <= 50) & flag(0.45)) | (adult & flag(0.08))
        self.multisim = adult & (age <= 65) & (flag(0.07) | (np.isin(seg, [S["merchant"], S["agent"], S["trader"], S["daigou"]]) & flag(0.25)))
        self.new_res = (age >= 18) & (age <= 45) & flag(0.03)
        self.sim_change = adult & ~self.new_res & flag(0.008)
        self.hk = adult & (flag(0.06) | ((seg == S["trader"]) & flag(0.4)) | ((seg == S["daigou"]) & flag(0.7)))
        self.ovs_kin = adult & flag(0.03)
        self.crypto = (age >= 20) & (age <= 42) & (flag(0.006) | (male & flag(0.012)))
        self.gold = (age >= 35) & (age <= 72) & (flag(0.008) | (~male & flag(0.03)))
        self.investor = (age >= 25) & (age <= 68) & flag(0.09)
        low = np.isin(seg, [S["factory"], S["service"], S["unemployed"], S["driver"], S["courier"]])
        self.borrower = (age >= 20) & (age <= 52) & (flag(0.05) | (low & flag(0.06)))
        self.dater = (age >= 20) & (age <= 48) & flag(0.06)
        self.gamer = (age <= 28) & ((male & flag(0.35)) | flag(0.1))
        self.shopper = (age >= 16) & (age <= 50) & flag(0.4)
        self.farmer = np.zeros(N, bool)
        self.work = work
        # households: same district, sizes 1-5
        order = np.lexsort((G.random(N), dist))
        hh = np.empty(N, np.int64)
        i = h = 0
        while i < N:
            sz = int(G.choice([1, 2, 3, 4, 5], p=[.25, .30, .25, .15, .05]))
            j = min(N, i + sz)
            if j < N and dist[order[j - 1]] != dist[order[min(j, N - 1)]]:
                pass
            hh[order[i:j]] = h
            h += 1
            i = j
        self.hh = hh
        self.hh_members = [[] for _ in range(h)]
        for p in range(N):
            self.hh_members[hh[p]].append(p)
        self.district_persons = [np.nonzero(dist == d)[0] for d in range(len(DISTRICTS))]

    # ------------------------------------------------------------------ phones
    def build_phones(self):
        G, R, N, T0 = self.G, self.R, self.N, self.T0
        self.local_h = ["%04d" % x for x in R.sample(range(1000, 9999), 160)]
        for s in ["10086", "10010", "10000", "12345", "96110", "12381", "95338", "95311", "95543",
                  "95546", "95554", "950616", "10107888", "4000000999", "12306", "95519", "95500",
                  "95522", "95518", "12110", "114", "4008123123", "4006695568", "9501777"]:
            self.svc(s)
        for b, s in BANK_SVC.items():
            self.svc(s)
        age = self.age
        has = np.where(age < 14, G.random(N) < 0.7, np.where(age >= 80, G.random(N) < 0.75,
                                                              G.random(N) < 0.99))
        self.has_phone = has
        self.prim = np.full(N, -1, np.int64)
        self.sec = np.full(N, -1, np.int64)
        self.land = np.full(N, -1, np.int64)
        self.work_nums = [[] for _ in range(N)]
        self.sim_new = np.full(N, -1, np.int64)
        self.sim_t = np.full(N, -1, np.int64)

        def old_act():
            return -1 if R.random() < 0.07 else T0 - int(R.uniform(60, 14 * 365) * DAY)
        for p in range(N):
            if not has[p]:
                continue
            act = T0 - int(R.uniform(1, 25) * DAY) if self.new_res[p] else old_act()
            self.prim[p] = self.new_local_mobile(p, act)
            if self.multisim[p]:
                self.sec[p] = self.new_local_mobile(p, old_act() if R.random() < 0.8 else T0 - int(R.uniform(1, 60) * DAY))
            if self.sim_change[p]:
                t = T0 + int(R.uniform(0.5, max(0.6, self.D - 1.5)) * DAY)
                self.sim_new[p] = self.new_local_mobile(p, t)
                self.sim_t[p] = t
            sg = SEGS[self.seg[p]]
            if sg == "telemarketer":
                for _ in range(R.choice([2, 3, 3, 4])):
                    self.work_nums[p].append(self.new_voip(old_act()) if R.random() < 0.6
                                             else self.new_local_mobile(p, T0 - int(R.uniform(3, 200) * DAY)))
            elif sg == "agent" and R.random() < 0.5:
                self.work_nums[p].append(self.new_local_mobile(p, old_act()))
            elif sg == "merchant" and R.random() < 0.3:
                self.land[p] = self.new_landline(p, old_act())
        # household landlines for homes with elders
        for mem in self.hh_members:
            olds = [p for p in mem if age[p] >= 60]
            if olds and R.random() < 0.35:
                eld = max(olds, key=lambda q: age[q])
                if self.land[eld] < 0:
                    self.land[eld] = self.new_landline(eld, old_act())
        self.n_base_nums = len(self.num_s)

    # ------------------------------------------------------------------ accounts
    def build_accounts(self):
        G, R, N, T0 = self.G, self.R, self.N, self.T0
        age, seg = self.age, self.seg
        self.p_bank = [[] for _ in range(N)]
        self.p_wx = np.full(N, -1, np.int64)
        self.p_ali = np.full(N, -1, np.int64)
        self.p_mer = np.full(N, -1, np.int64)   # where customers pay this person (shop/stall)
        self.p_corp = np.full(N, -1, np.int64)

        def old_open():
            return -1 if R.random() < 0.05 else T0 - int(R.uniform(120, 20 * 365) * DAY)
        for p in range(N):
            a = age[p]
            notify = int(self.prim[p])
            if a < 16 and R.random() > 0.4:
                nb = 0
            elif 22 <= a <= 60:
                nb = 1 + int(G.binomial(3, 0.35))
            else:
                nb = 1 + int(G.binomial(1, 0.4))
            sg = SEGS[seg[p]]
            if sg in ("foreman", "trader", "landlord", "merchant"):
                nb += 1
            banks = R.sample(BANKS, min(nb, len(BANKS)))
            for k, b in enumerate(banks):
                op = T0 - int(R.uniform(2, 30) * DAY) if (self.new_res[p] and k == 0) else old_open()
                self.p_bank[p].append(self.add_acc(p, b, A_PER, op, notify))
            pw = 0.92 if 16 <= a <= 65 else (0.55 if a > 65 else 0.4)
            if R.random() < pw or sg == "stall":
                self.p_wx[p] = self.add_acc(p, "WECHATPAY", A_PER, old_open())
            pa = 0.78 if 16 <= a <= 55 else (0.35 if a > 55 else 0.25)
            if R.random() < pa or sg in ("stall", "daigou"):
                self.p_ali[p] = self.add_acc(p, "ALIPAY", A_PER, old_open())
            if sg == "merchant":
                u = R.random()
                if u < 0.45:
                    self.p_mer[p] = self.add_acc(p, "WECHATPAY", A_MER, old_open())
                elif u < 0.7:
                    self.p_mer[p] = self.add_acc(p, "ALIPAY", A_MER, old_open())
                else:
                    self.p_mer[p] = self.add_acc(p, self.rand_bank(), A_MER, old_open(), notify)
                if R.random() < 0.3:
                    self.p_corp[p] = self.add_acc(p, self.rand_bank(), A_COR, old_open(), notify)
            elif sg == "stall":
                self.p_mer[p] = self.p_wx[p]
            elif sg == "trader" and R.random() < 0.75:
                self.p_corp[p] = self.add_acc(p, self.rand_bank(), A_COR, old_open(), notify)
        # companies (employers)
        ncomp = max(20, N // 70)
        owners = np.nonzero(np.isin(seg, [S["merchant"], S["trader"]]))[0]
        self.comp_acc, self.comp_payday = [], []
        paydays = [(-2, .1), (1, .18), (2, .15), (3, .08), (5, .12), (10, .25), (15, .12)]
        for c in range(ncomp):
            hold = int(R.choice(owners)) if (len(owners) and R.random() < 0.5) else -1
            acc = self.add_acc(hold, self.rand_bank(), A_COR, old_open(),
                               int(self.prim[hold]) if hold >= 0 else -1)
            self.comp_acc.append(acc)
            d = R.choices([x for x, _ in paydays], [w for _, w in paydays])[0]
            # payday offset relative to the 1st of April (index 2 of the window)
            self.comp_payday.append(d)
        csize = norm(1.0 / np.arange(1, ncomp + 1) ** 0.9)
        self.employer = np.full(N, -1, np.int64)
        emp_segs = [S[x] for x in ("factory", "office", "service", "courier", "driver", "telemarketer",
                                   "collector", "agent", "community", "healthcare", "finance", "foreman")]
        for p in np.nonzero(np.isin(seg, emp_segs) & self.work)[0]:
            if R.random() < 0.65:
                self.employer[p] = int(G.choice(ncomp, p=csize)) if R.random() < 0.3 else R.randrange(ncomp)
            else:
                self.employer[p] = -2  # paid from outside the covered banks
        # external counterparties (holder empty)
        self.platforms = [self.add_acc(-1, b, k, self.ext_open(0)) for b, k in
                          [("ALIPAY", A_MER)] * 10 + [("WECHATPAY", A_MER)] * 10
                          + [(self.rand_bank(), A_COR) for _ in range(20)] + [("ICBC", A_MER)] * 4]
        self.plat_w = norm(1.0 / np.arange(1, len(self.platforms) + 1) ** 0.8)
        self.utilities = self.platforms[20:28]
        self.lenders = [self.add_acc(-1, self.rand_bank(), A_COR, self.ext_open(0)) for _ in range(8)]
        self.brokers = [self.add_acc(-1, self.rand_bank(), A_COR, self.ext_open(0)) for _ in range(8)]
        self.bigsellers = [self.add_acc(-1, self.rand_bank(), A_COR, self.ext_open()) for _ in range(30)]
        self.otc = [self.add_acc(-1, self.rand_bank(), A_PER, self.ext_open(0.2)) for _ in range(16)]
        self.suppliers = [self.add_acc(-1, self.rand_bank(), R.choice([A_COR, A_PER]), self.ext_open()) for _ in range(60)]
        mer_persons = np.nonzero(seg == S["merchant"])[0]
        gold = [int(self.p_mer[p]) for p in R.sample(list(mer_persons), min(10, len(mer_persons)))]
        self.gold_shops = gold + [self.add_acc(-1, b, A_COR, self.ext_open(0)) for b in ("ICBC", "CCB", "ABC")]
        self.gold_set = set(gold)
        # local merchants customers pay
        self.local_mer = np.array([p for p in range(N) if self.p_mer[p] >= 0 and self.p_mer[p] not in self.gold_set], np.int64)
        self.mer_pop = self.G.lognormal(0, 1.0, len(self.local_mer))
        self.ext_personal = {}

    def ext_person_acc(self, key):
        a = self.ext_personal.get(key)
        if a is None:
            a = self.add_acc(-1, self.rand_bank(), A_PER, self.ext_open())
            self.ext_personal[key] = a
        return a

    def pay_acc(self, p, big=False):
        """An account person p pays from: third-party wallet for small, bank card for big."""
        R = self.R
        banks = self.p_bank[p]
        tp = [int(x) for x in (self.p_wx[p], self.p_ali[p]) if x >= 0]
        if big and banks:
            return R.choice(banks), C_MOB
        if tp and (R.random() < 0.8 or not banks):
            return R.choice(tp), C_3P
        if banks:
            return banks[0], C_MOB
        return -1, C_MOB

    def recv_acc(self, p):
        R = self.R
        tp = [int(x) for x in (self.p_wx[p], self.p_ali[p]) if x >= 0]
        if tp and R.random() < 0.7:
            return R.choice(tp)
        if self.p_bank[p]:
            return self.p_bank[p][0]
        return tp[0] if tp else -1

    # ------------------------------------------------------------------ catalogs
    def build_catalogs(self):
        R = self.R
        self.dom_real = [self.name(d) for d in REAL_DOMAINS]
        self.dom_short = [self.name(d) for d in SHORT_LINKS]
        self.dom_tail = [self.gen_domain() for _ in range(2200)]
        self.dom_mkt = [self.gen_domain() for _ in range(140)]
        allw = np.concatenate([50.0 / np.arange(1, len(self.dom_real) + 1) ** 0.9,
                               np.full(len(self.dom_short), 0.6),
                               0.8 / np.arange(1, len(self.dom_tail) + 1) ** 0.35,
                               np.full(len(self.dom_mkt), 0.05)])
        self.dom_all = np.array(self.dom_real + self.dom_short + self.dom_tail + self.dom_mkt)
        self.dom_w = norm(allw)
        self.app_real = [self.name(a) for a in REAL_APPS + LOAN_APPS + DATING_APPS + GAME_TRADE_APPS]
        self.app_tail = [self.gen_app() for _ in range(1200)]
        aw = np.concatenate([20.0 / np.arange(1, len(self.app_real) + 1) ** 0.7,
                             1.0 / np.arange(1, len(self.app_tail) + 1) ** 0.4])
        self.app_all = np.array(self.app_real + self.app_tail)
        self.app_w = norm(aw)
        self.n_legit_names = len(self.names)

    # ------------------------------------------------------------------ contacts
    def build_contacts(self):
        G, R, N = self.G, self.R, self.N
        age, seg = self.age, self.seg
        cn, cp, offs, clen, nhh = [], [], np.zeros(N + 1, np.int64), np.zeros(N, np.int64), np.zeros(N, np.int64)
        phone_persons = np.nonzero(self.prim >= 0)[0]
        dist_phone = [np.array([p for p in dp if self.prim[p] >= 0], np.int64) for dp in self.district_persons]
        base_k = np.clip(G.lognormal(math.log(16), 0.55, N), 3, 150)
        base_k = np.where(age >= 65, base_k * 0.6, base_k)
        base_k = np.where(np.isin(seg, [S["merchant"], S["agent"], S["trader"], S["foreman"]]), base_k * 2, base_k)
        base_k = np.where(self.new_res, base_k * 0.4, base_k)
        self.kin_ext = [[] for _ in range(N)]
        for p in range(N):
            lst_n, lst_p = [], []
            for q in self.hh_members[self.hh[p]]:
                if q != p and self.prim[q] >= 0:
                    lst_n.append(int(self.land[q] if (self.land[q] >= 0 and R.random() < 0.3) else self.prim[q]))
                    lst_p.append(q)
            nhh[p] = len(lst_n)
            ext = []
            if self.migrant[p]:
                ext += [self.new_ext_mobile() for _ in range(R.randint(2, 6))]
            elif R.random() < 0.3:
                ext += [self.new_ext_mobile() for _ in range(R.randint(1, 2))]
            if self.hk[p]:
                ext += [self.new_overseas(R.choice(["+852", "+852", "+852", "+853"])) for _ in range(R.randint(1, 3))]
            if self.ovs_kin[p]:
                ext += [self.new_overseas(R.choice(["+1", "+44", "+61", "+81", "+60", "+65", "+886", "+82", "+855", "+63", "+95", "+66", "+971"]))]
            self.kin_ext[p] = ext
            lst_n += ext
            lst_p += [-1] * len(ext)
            k = int(base_k[p])
            m = max(0, k - len(lst_n))
            if m and len(phone_persons):
                dp = dist_phone[self.dist[p]]
                n_loc = int(m * 0.6)
                picks = list(dp[G.integers(0, len(dp), n_loc)]) if len(dp) else []
                picks += list(phone_persons[G.integers(0, len(phone_persons), m - n_loc)])
                seen = set(lst_p)
                for q in picks:
                    q = int(q)
                    if q != p and q not in seen:
                        seen.add(q)
                        lst_n.append(int(self.prim[q]))
                        lst_p.append(q)
                # some out-of-area friends / colleagues
                for _ in range(int(m * 0.08)):
                    lst_n.append(self.new_ext_mobile())
                    lst_p.append(-1)
            cn += lst_n
            cp += lst_p
            clen[p] = len(lst_n)
            offs[p + 1] = offs[p] + len(lst_n)
        self.c_num = np.array(cn, np.int64)
        self.c_per = np.array(cp, np.int64)
        self.c_off, self.c_len, self.c_nhh = offs, clen, nhh
        self.ext_pool = np.array([self.new_ext_mobile(virtual=(R.random() < 0.08)) for _ in range(int(self.N * 0.25))], np.int64)

    def contact_pick(self, p, n):
        if self.c_len[p] == 0:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        j = (self.c_len[p] * self.G.random(n) ** 2.3).astype(np.int64)
        return self.c_num[self.c_off[p] + j], self.c_per[self.c_off[p] + j]

    # ------------------------------------------------------------------ everyday calls
    def normal_calls(self):
        G, N, D = self.G, self.N, self.D
        age, seg = self.age, self.seg
        has = (self.prim >= 0) & (self.c_len > 0)
        rate = G.lognormal(math.log(2.4), 0.6, N)
        mult = np.ones(N)
        mult[age >= 65] = 0.6
        mult[seg == S["student"]] = 0.45
        mult[np.isin(seg, [S["merchant"], S["trader"], S["foreman"]])] = 1.9
        mult[np.isin(seg, [S["driver"], S["landlord"], S["daigou"]])] = 1.4
        rate = rate * mult
        cnt = G.poisson(rate * D) * has
        P = np.repeat(np.arange(N), cnt)
        n = len(P)
        j = np.minimum((self.c_len[P] * G.random(n) ** 2.3).astype(np.int64), self.c_len[P] - 1)
        callee = self.c_num[self.c_off[P] + j]
        callee_p = self.c_per[self.c_off[P] + j]
        caller = self.prim[P].copy()
        s2 = (self.sec[P] >= 0) & (G.random(n) < 0.3)
        caller[s2] = self.sec[P][s2]
        ld = (self.land[P] >= 0) & (G.random(n) < 0.35)
        caller[ld] = self.land[P][ld]
        eld = age[P] >= 60
        ts = np.where(eld, self.times(n, H_ELDER, 1.0), self.times(n, H_CALL, 0.85))
        swap = ((callee_p < 0) & (G.random(n) < 0.5)) | ((callee_p >= 0) & (G.random(n) < 0.2))
        a = np.where(swap, callee, caller)
        b = np.where(swap, caller, callee)
        ans = G.random(n) < 0.8
        dur = G.lognormal(math.log(52), 1.05, n)
        fam = j < self.c_nhh[P]
        kin = (callee_p < 0) & (j < self.c_nhh[P] + 6)
        dur = np.where(fam | kin, dur * 1.8, dur)
        dur = np.clip(dur, 3, 10800).astype(np.int64) * ans
        self.calls.add_arrays(ts=ts, a=a, b=b, d=dur, tag=0)
        # callbacks after missed calls
        mi = np.nonzero(~ans & (G.random(n) < 0.45))[0]
        tcb = ts[mi] + 20 + G.exponential(600, len(mi)).astype(np.int64)
        dcb = (np.clip(G.lognormal(math.log(45), 0.9, len(mi)), 3, 3600) * (G.random(len(mi)) < 0.85)).astype(np.int64)
        self.calls.add_arrays(ts=tcb, a=b[mi], b=a[mi], d=dcb, tag=0)
        # calls to/from service numbers (banks, carriers, gov hotline)
        svc = [self.num_idx[s] for s in list(BANK_SVC.values()) + ["10086", "10010", "10000", "12345", "95338", "95311", "10107888", "95519", "95518"]]
        m = G.poisson(0.05 * D * has.sum())
        pp = np.nonzero(has)[0][G.integers(0, has.sum(), m)]
        sv = np.array(svc)[G.integers(0, len(svc), m)]
        inbound = G.random(m) < 0.25  # bank/carrier calls the customer
        d = np.clip(G.lognormal(math.log(150), 0.8, m), 10, 3600).astype(np.int64)
        d = np.where(inbound & (G.random(m) < 0.35), 0, d)
        self.calls.add_arrays(ts=self.times(m, H_WORK, 0.6), a=np.where(inbound, sv, self.prim[pp]),
                              b=np.where(inbound, self.prim[pp], sv), d=d, tag=1)

    # ------------------------------------------------------------------ look-alike callers
    def burst(self, srcs, per_day, hw, off, callee_fn, p_ans, dur_med, dur_sig, tag=1,
              inbound=0.0, dur_fn=None):
        G = self.G
        srcs = np.asarray(srcs, np.int64)
        if len(srcs) == 0:
            return
        pd = np.broadcast_to(np.asarray(per_day, float), (len(srcs),))
        cnt = G.poisson(pd * self.D)
        src = np.repeat(srcs, cnt)
        n = len(src)
        if n == 0:
            return
        ts = self.times(n, hw, off)
        cal = callee_fn(n, src)
        ans = G.random(n) < p_ans
        if dur_fn is None:
            d = np.clip(G.lognormal(math.log(dur_med), dur_sig, n), 2, 7200)
        else:
            d = dur_fn(n)
        d = (d * ans).astype(np.int64)
        inb = G.random(n) < inbound
        self.calls.add_arrays(ts=ts, a=np.where(inb, cal, src), b=np.where(inb, src, cal), d=d, tag=tag)

    def person_picker(self, w):
        w = np.where(self.prim >= 0, w, 0.0)
        cdf = np.cumsum(w)
        cdf /= cdf[-1]

        def pick(n, _src=None):
            p = np.searchsorted(cdf, self.G.random(n))
            return self.prim[np.minimum(p, self.N - 1)]
        return pick

    def lookalike_calls(self):
        G, R, N, D = self.G, self.R, self.N, self.D
        age, seg = self.age, self.seg
        self.la = {}
        uni = self.person_picker(np.ones(N))
        shop_w = np.where(self.shopper, 2.0, 1.0) * np.where(age < 65, 1.0, 0.3)
        # 1. platform privacy / relay numbers (food delivery, ride hailing, e-commerce couriers)
        relay = [self.new_ext_mobile(virtual=R.random() < 0.5, act=-1 if R.random() < 0.6 else self.T0 - int(R.uniform(30, 900) * DAY))
                 for _ in range(max(20, N // 130))]
        self.la["relay"] = relay
        self.burst(relay, G.lognormal(math.log(26), 0.4, len(relay)), H_MEAL, 1.1,
                   self.person_picker(shop_w), 0.85, 35, 0.6, inbound=0.22)
        # 2. couriers: own mobile, many short calls inside their district
        couriers = np.nonzero((seg == S["courier"]) & (self.prim >= 0))[0]
        self.la["courier"] = [int(self.prim[p]) for p in couriers]
        for p in couriers:
            dp = self.district_persons[self.dist[p]]
            dp = dp[self.prim[dp] >= 0]

            def cf(n, _s, dp=dp):
                loc = self.prim[dp[G.integers(0, len(dp), n)]]
                return np.where(G.random(n) < 0.75, loc, uni(n))
            self.burst([self.prim[p]], R.uniform(25, 60), H_COURIER, 0.6, cf, 0.72, 22, 0.5, inbound=0.12)
        # 3. telemarketers (insurance, property, education, broadband): rotate 2-4 work numbers
        ext = self.ext_pool

        def tm_callee(n, _s):
            return np.where(G.random(n) < 0.6, uni(n), ext[G.integers(0, len(ext), n)])

        def tm_dur(n):
            u = G.random(n)
            return np.where(u < 0.7, G.uniform(3, 15, n), np.where(u < 0.95, G.uniform(15, 90, n), G.uniform(90, 600, n)))
        tms = [x for p in np.nonzero(seg == S["telemarketer"])[0] for x in self.work_nums[p]]
        self.la["telemarketer"] = tms
        self.burst(tms, G.uniform(40, 90, len(tms)), H_WORK, 0.15, tm_callee, 0.33, 0, 0, dur_fn=tm_dur)
        # legit AI / robocall marketing lines
        robo = [self.new_voip() for _ in range(max(6, N // 1000))]
        self.la["robocall"] = robo
        self.burst(robo, G.uniform(100, 200, len(robo)), H_WORK, 0.3, tm_callee, 0.25, 0, 0,
                   dur_fn=lambda n: G.uniform(4, 25, n))
        # 4. debt collectors: agencies with voip lines hammering debtors (and their contacts)
        debt = np.nonzero(self.borrower & (self.prim >= 0) & (G.random(N) < 0.35))[0]
        coll = []
        if len(debt):
            for _ in range(4):
                lines = [self.new_voip() for _ in range(R.randint(6, 12))]
                coll += lines

                def cc(n, _s, debt=debt):
                    dp = debt[G.integers(0, len(debt), n)]
                    out = self.prim[dp].copy()
                    side = G.random(n) < 0.15
                    for i in np.nonzero(side)[0]:
                        c, _ = self.contact_pick(int(dp[i]), 1)
                        if len(c):
                            out[i] = c[0]
                    return out
                self.burst(lines, G.uniform(20, 45, len(lines)), H_CALL, 0.7, cc, 0.4, 80, 0.8)
            for p in np.nonzero((seg == S["collector"]) & (self.prim >= 0))[0]:
                self.burst([self.prim[p]], R.uniform(25, 50), H_WORK, 0.3,
                           lambda n, _s: self.prim[debt[G.integers(0, len(debt), n)]], 0.45, 90, 0.8)
                coll.append(int(self.prim[p]))
        self.la["collector"] = coll
        # 5. agents (property / insurance): client pools, longer calls
        agents = np.nonzero((seg == S["agent"]) & (self.prim >= 0))[0]
        ag_nums = []
        phone_p = np.nonzero(self.prim >= 0)[0]
        for p in agents:
            pool = self.prim[phone_p[G.integers(0, len(phone_p), R.randint(60, 250))]]
            src = self.work_nums[p][0] if self.work_nums[p] else int(self.prim[p])
            ag_nums.append(src)
            self.burst([src], R.uniform(8, 25), H_CALL, 0.8, lambda n, _s, pool=pool: pool[G.integers(0, len(pool), n)],
                       0.6, 110, 0.8, inbound=0.3)
        self.la["agent"] = ag_nums
        # 6. hospitals & schools: landlines, elder- / parent-weighted
        hosp = [self.new_landline() for _ in range(max(4, N // 2000))]
        self.la["hospital"] = hosp
        self.burst(hosp, G.uniform(15, 40, len(hosp)), H_WORK, 0.4,
                   self.person_picker(np.where(age >= 55, 3.0, 1.0)), 0.7, 75, 0.6, inbound=0.3)
        schools = [self.new_landline() for _ in range(max(5, N // 1500))]
        self.la["school"] = schools
        self.burst(schools, G.uniform(4, 12, len(schools)), H_WORK, 0.05,
                   self.person_picker(bell(age, 40, 6)), 0.8, 100, 0.6, inbound=0.2)
        # 7. community / grid workers calling elderly residents (long calls)
        cw = np.nonzero((seg == S["community"]) & (self.prim >= 0))[0]
        self.la["community"] = [int(self.prim[p]) for p in cw]
        for p in cw:
            el = self.district_persons[self.dist[p]]
            el = el[(age[el] >= 60) & (self.prim[el] >= 0)]
            if len(el) == 0:
                continue
            pool = el[G.integers(0, len(el), R.randint(40, 120))]
            land_or = np.where(self.land[pool] >= 0, self.land[pool], self.prim[pool])
            self.burst([self.prim[p]], R.uniform(12, 30), H_WORK, 0.3,
                       lambda n, _s, lo=land_or: lo[G.integers(0, len(lo), n)], 0.75, 170, 0.7)
        # 8. 96110 anti-fraud publicity calls (random, not tied to any case)
        self.burst([self.num_idx["96110"]], max(5, N * 0.0015), H_WORK, 0.5,
                   self.person_picker(np.where(age >= 60, 2.0, 1.0) + np.where(age <= 25, 1.0, 0.0)), 0.6, 90, 0.5)
        # 9. new residents: many first-time numbers (landlords, agents, employers) early in the week
        for p in np.nonzero(self.new_res & (self.prim >= 0))[0]:
            k = R.randint(5, 15)
            for _ in range(k):
                t = self.T0 + int(R.uniform(0, min(self.D, 3.5)) * DAY)
                t = self.in_hours(t, 9, 21)
                tgt = int(self.prim[R.choice(list(agents) or [p])]) if R.random() < 0.3 else (
                    int(uni(1)[0]) if R.random() < 0.6 else self.new_ext_mobile())
                if tgt == self.prim[p]:
                    continue
                d = int(self.ln(90, 0.8)) if R.random() < 0.8 else 0
                if R.random() < 0.7:
                    self.calls.add(t, int(self.prim[p]), tgt, d, 1)
                else:
                    self.calls.add(t, tgt, int(self.prim[p]), d, 1)
        # 10. new relationships: pairs with frequent long evening calls
        daters = [int(p) for p in np.nonzero(self.dater & (self.prim >= 0))[0]]
        R.shuffle(daters)
        for i in range(0, len(daters) - 1, 2):
            if R.random() > 0.45:
                continue
            a, b = daters[i], daters[i + 1]
            d0 = R.uniform(-3, self.D - 1)
            for d in range(max(0, int(d0)), self.D):
                for _ in range(int(G.poisson(1.4))):
                    t = self.T0 + d * DAY + int(G.choice(24, p=H_EVENING)) * HOUR + R.randrange(HOUR)
                    x, y = (a, b) if R.random() < 0.5 else (b, a)
                    self.calls.add(t, int(self.prim[x]), int(self.prim[y]),
                                   int(min(self.ln(700, 0.9), 10000)) if R.random() < 0.9 else 0, 1)
        # 11. cross-border business calls for traders / daigou (HK, Macau, Vietnam, Malaysia)
        biz = np.nonzero(np.isin(seg, [S["trader"], S["daigou"]]) & (self.prim >= 0))[0]
        bizn = [self.new_overseas(R.choice(["+852", "+852", "+853", "+84", "+60", "+66", "+65"])) for _ in range(max(10, len(biz) // 2))]
        for p in biz:
            mine = R.sample(bizn, min(len(bizn), R.randint(2, 5)))
            self.burst(mine, R.uniform(0.3, 1.2), H_WORK, 0.5,
                       lambda n, _s, q=int(self.prim[p]): np.full(n, q), 0.8, 150, 0.8, inbound=0.5)
        self.la["biz_overseas"] = bizn

    # ------------------------------------------------------------------ everyday SMS
    def normal_sms(self):
        G, R, N, D = self.G, self.R, self.N, self.D
        age = self.age
        has = self.prim >= 0
        ph = np.nonzero(has)[0]
        # 106 ports: verification codes, marketing, loan marketing, couriers, hospitals
        def ports(k):
            def f():
                return R.choice(["1069", "10690", "1065", "10655", "10657"]) + ("%09d" % R.randrange(10 ** 9))[:R.choice([7, 8, 9])]
            return np.array([self.svc(self._uniq(f)) for _ in range(k)], np.int64)
        p_code = ports(50)
        p_mkt = ports(80)
        p_loan = ports(12)
        p_cour = np.concatenate([ports(10), np.array([self.num_idx[s] for s in ["95338", "95311", "95543", "95546", "95554", "950616"]])])
        p_hosp = ports(6)
        self.ports_mkt = p_mkt
        legit_loan_dom = [self.gen_domain() for _ in range(12)]
        self.legit_loan_dom = legit_loan_dom
        mkt_dom = np.array([R.choice(self.dom_mkt + self.dom_short + self.dom_real[:40]) for _ in p_mkt])
        loan_dom = np.array([legit_loan_dom[i] for i in range(len(p_loan))])

        def blast(ports_, dom_of_port, rate, w, p_url, hw, off=1.0, click=0.0):
            cnt = G.poisson(rate * D * w * has)
            P = np.repeat(np.arange(N), cnt)
            n = len(P)
            if n == 0:
                return
            pi = G.integers(0, len(ports_), n)
            ts = self.times(n, hw, off)
            dom = np.where(G.random(n) < p_url, dom_of_port[pi], -1) if dom_of_port is not None else np.full(n, -1)
            self.sms.add_arrays(ts=ts, a=ports_[pi], b=self.prim[P], dom=dom, tag=0)
            if click > 0:
                c = np.nonzero((dom >= 0) & (G.random(n) < click * np.where(age[P] < 60, 1.0, 0.4)))[0]
                self.net.add_arrays(ts=ts[c] + 10 + G.exponential(900, len(c)).astype(np.int64),
                                    num=self.prim[P[c]], k=1, tgt=dom[c], tag=0)
        ones = np.ones(N)
        blast(p_code, None, 0.7, np.where(age < 65, 1.0, 0.3), 0, H_NET)
        blast(p_mkt, mkt_dom, 0.8, ones, 0.65, H_SMSMKT, 1.0, click=0.012)
        blast(p_loan, loan_dom, 0.12, np.where(self.borrower, 4.0, 1.0), 0.8, H_SMSMKT, 1.0, click=0.02)
        cour_dom = np.array([self.name_idx[R.choice(["cainiao.com", "sf-express.com", "zto.com", "yto.net.cn"])] for _ in p_cour])
        blast(p_cour, cour_dom, 0.35, np.where(self.shopper, 1.8, 1.0), 0.25, H_COURIER, 0.8, click=0.05)
        blast(p_hosp, None, 0.02, np.where(age >= 55, 3.0, 1.0), 0, H_WORK)
        # monthly bills from the carriers (1-2 April), everyone at once
        for di in (2, 3):
            if di < D:
                P = ph[G.random(len(ph)) < 0.5]
                carrier = np.array([self.num_idx["10086"], self.num_idx["10010"], self.num_idx["10000"]])[
                    np.asarray(self.prim[P] % 3)]
                self.sms.add_arrays(ts=self.T0 + di * DAY + 9 * HOUR + G.integers(0, 8 * HOUR, len(P)),
                                    a=carrier, b=self.prim[P], dom=-1, tag=0)
        # person-to-person
        cnt = G.poisson(0.15 * D * np.where(age < 50, 1.0, 0.5)) * (has & (self.c_len > 0))
        P = np.repeat(np.arange(N), cnt)
        n = len(P)
        j = np.minimum((self.c_len[P] * G.random(n) ** 2.3).astype(np.int64), self.c_len[P] - 1)
        shares = np.array([self.name_idx[d] for d in ["v.douyin.com", "m.tb.cn", "b23.tv", "xhslink.com", "e.tb.cn", "mobile.yangkeduo.com"]])
        dom = np.where(G.random(n) < 0.06, shares[G.integers(0, len(shares), n)], -1)
        self.sms.add_arrays(ts=self.times(n, H_NET), a=self.prim[P], b=self.c_num[self.c_off[P] + j], dom=dom, tag=0)
        # agents and small businesses blasting promos from personal mobiles
        prop = [self.name_idx[d] for d in ("fang.com", "anjuke.com", "ke.com", "58.com")] + self.dom_tail[:30]
        uni = self.person_picker(np.ones(N))
        for p in np.nonzero(np.isin(self.seg, [S["agent"], S["merchant"]]) & has)[0]:
            if R.random() > 0.25:
                continue
            src = self.work_nums[p][0] if self.work_nums[p] else int(self.prim[p])
            k = R.randint(30, 160)
            dd = R.choice(prop)
            ts = self.times(k, H_SMSMKT, 0.8)
            self.sms.add_arrays(ts=ts, a=src, b=uni(k), dom=np.where(G.random(k) < 0.8, dd, -1), tag=1)
        # 96110 / 12110 public anti-fraud SMS to a sample of residents (no case link)
        P = ph[G.random(len(ph)) < 0.08]
        self.sms.add_arrays(ts=self.times(len(P), H_WORK, 0.5), a=self.num_idx["12110"], b=self.prim[P], dom=-1, tag=1)

    # ------------------------------------------------------------------ everyday network events
    def normal_net(self):
        G, R, N, D = self.G, self.R, self.N, self.D
        age, seg = self.age, self.seg
        has = self.prim >= 0
        rate = G.lognormal(math.log(3.0), 0.7, N) * np.select([age < 30, age >= 75, age >= 65], [1.4, 0.1, 0.3], 1.0)
        cnt = G.poisson(rate * D) * has
        P = np.repeat(np.arange(N), cnt)
        n = len(P)
        num = np.where((self.sec[P] >= 0) & (G.random(n) < 0.2), self.sec[P], self.prim[P])
        dom = self.dom_all[np.searchsorted(np.cumsum(self.dom_w), G.random(n) * 0.999999)]
        self.net.add_arrays(ts=self.times(n, H_NET), num=num, k=1, tgt=dom, tag=0)
        cnt = G.poisson(0.1 * D * np.where(age < 60, 1.0, 0.3)) * has
        P = np.repeat(np.arange(N), cnt)
        n = len(P)
        app = self.app_all[np.searchsorted(np.cumsum(self.app_w), G.random(n) * 0.999999)]
        self.net.add_arrays(ts=self.times(n, H_NET), num=self.prim[P], k=0, tgt=app, tag=0)

        def special(mask, prob, apps, hw=H_NET, visit=None):
            idx = np.nonzero(mask & has & (G.random(N) < prob))[0]
            if len(idx) == 0:
                return
            ts = self.times(len(idx), hw)
            ap = np.array([self.name_idx[R.choice(apps)] for _ in idx])
            self.net.add_arrays(ts=ts, num=self.prim[idx], k=0, tgt=ap, tag=1)
            if visit:
                vd = np.array([self.name_idx[R.choice(visit)] for _ in idx])
                self.net.add_arrays(ts=ts - G.integers(30, 600, len(idx)), num=self.prim[idx], k=1, tgt=vd, tag=1)
        office = np.isin(seg, [S["office"], S["finance"], S["student"], S["agent"], S["healthcare"]])
        special(office, 0.05, MEETING_APPS, H_WORK)
        special(office, 0.012, REMOTE_APPS, H_WORK)
        special(age >= 55, 0.006, REMOTE_APPS + ["com.tencent.wemeet.app"])  # kids set up remote help
        special(self.investor, 0.03, BROKER_APPS, H_WORK, ["eastmoney.com", "10jqka.com.cn", "xueqiu.com", "futunn.com"])
        special((age >= 25) & (age <= 60) & ~self.investor, 0.006, BROKER_APPS, H_WORK, ["eastmoney.com", "10jqka.com.cn"])
        special(self.borrower, 0.2, LOAN_APPS)
        special(self.dater, 0.15, DATING_APPS, H_EVENING, ["jiayuan.com", "zhenai.com", "soulapp.cn"])
        special(self.gamer, 0.05, GAME_TRADE_APPS, H_EVENING, ["jiaoyimao.com", "pxb7.com", "7881.com", "5173.com"])
        special(np.ones(N, bool), 0.012, ["com.hicorenational.antifraud"])

    # ------------------------------------------------------------------ everyday money
    def tr(self, t, fr, to, fen, ch, vic=-1, tag=0):
        self.trs.add(int(t), int(fr), int(to), max(1, int(fen)), ch, vic, tag)

    def is3p(self, a):
        return a >= 0 and self.acc_bank[a] in ("ALIPAY", "WECHATPAY")

    def ch_of(self, fr, to, default=C_MOB):
        return C_3P if (self.is3p(fr) or self.is3p(to)) else default

    def own_other(self, p, acc):
        opts = [a for a in self.p_bank[p] + [int(self.p_wx[p]), int(self.p_ali[p])] if a >= 0 and a != acc]
        return self.R.choice(opts) if opts else -1

    def wday(self, dom):
        """window day index of a calendar day-of-month offset (-2 = 30 March)."""
        d0 = date(2026, 4, 1) + timedelta(days=dom - 1) if dom >= 1 else date(2026, 3, 31) + timedelta(days=dom + 1)
        return (d0 - START.date()).days

    def normal_transfers(self):
        G, R, N, D, T0 = self.G, self.R, self.N, self.D, self.T0
        age, seg = self.age, self.seg
        accbank = np.array(self.acc_bank)
        is3p = np.isin(accbank, ["ALIPAY", "WECHATPAY"])
        acckind = np.array(self.acc_kind)
        pwx, pali = self.p_wx, self.p_ali
        pb0 = np.array([b[0] if b else -1 for b in self.p_bank], np.int64)
        self.pb0 = pb0
        anyacc = (pwx >= 0) | (pali >= 0) | (pb0 >= 0)
        # 1. consumer payments to local shops / stalls and to platforms
        rate = G.lognormal(math.log(1.3), 0.6, N) * np.select([age < 18, age >= 65], [0.6, 0.5], 1.0)
        cnt = G.poisson(rate * D) * anyacc
        P = np.repeat(np.arange(N), cnt)
        n = len(P)
        u = G.random(n)
        acc = np.where((u < 0.55) & (pwx[P] >= 0), pwx[P], np.where((u < 0.85) & (pali[P] >= 0), pali[P], pb0[P]))
        acc = np.where(acc < 0, np.maximum(np.maximum(pwx[P], pali[P]), pb0[P]), acc)
        local = G.random(n) < 0.55
        pop = self.mer_pop
        mi = np.searchsorted(np.cumsum(pop) / pop.sum(), G.random(n) * 0.999999)
        md = self.dist[self.local_mer]
        same = G.random(n) < 0.65
        for d in range(len(DISTRICTS)):
            sel = np.nonzero(same & (self.dist[P] == d))[0]
            cand = np.nonzero(md == d)[0]
            if len(cand) and len(sel):
                c = np.cumsum(pop[cand])
                mi[sel] = cand[np.searchsorted(c / c[-1], G.random(len(sel)) * 0.999999)]
        to_local = self.p_mer[self.local_mer[mi]]
        plat = np.array(self.platforms)[np.searchsorted(np.cumsum(self.plat_w), G.random(n) * 0.999999)]
        to = np.where(local, to_local, plat)
        amt = np.where(local, G.lognormal(math.log(26), 0.9, n), G.lognormal(math.log(55), 1.1, n))
        fen = np.round(np.clip(amt, 1, 30000) * 100).astype(np.int64)
        fen = np.where(local & (G.random(n) < 0.4), np.maximum(100, fen // 100 * 100), fen)
        ts = self.times(n, H_PAY)
        ok = acc != to
        ch = np.where(is3p[acc], C_3P, C_MOB)
        self.trs.add_arrays(ts=ts[ok], fr=acc[ok], to=to[ok], amt=fen[ok], ch=ch[ok], vic=-1, tag=0)
        # 1b. shop settlements at night (T+1, 01:00-03:30) and stall supplier runs at dawn
        day = (ts - T0) // DAY
        m = ok & local
        key = to[m] * D + day[m]
        uq, inv = np.unique(key, return_inverse=True)
        sums = np.bincount(inv, weights=fen[m])
        for k, s in zip(uq.tolist(), sums.tolist()):
            a, dd = divmod(k, D)
            own = self.acc_holder[a]
            if own < 0:
                continue
            if acckind[a] == A_MER:
                if dd + 1 < D and pb0[own] >= 0 and pb0[own] != a:
                    self.tr(T0 + (dd + 1) * DAY + HOUR + R.randrange(int(2.5 * HOUR)), a, pb0[own], s * 0.994, C_ONL)
            elif SEGS[seg[own]] == "stall":
                if dd + 1 < D and R.random() < 0.6:
                    sup = R.choice(self.suppliers[:25])
                    self.tr(T0 + (dd + 1) * DAY + 4 * HOUR + R.randrange(int(2.5 * HOUR)), a, sup,
                            round(s * R.uniform(0.45, 0.8), -2) or 100, C_3P)
                if R.random() < 0.35 and pb0[own] >= 0:
                    self.tr(T0 + dd * DAY + 21 * HOUR + R.randrange(3 * HOUR), a, pb0[own], s * R.uniform(0.3, 0.9), C_3P)
        # merchants / traders paying suppliers during the day
        for p in np.nonzero(np.isin(seg, [S["merchant"]]))[0]:
            src = int(self.p_corp[p]) if self.p_corp[p] >= 0 else int(pb0[p])
            if src < 0:
                continue
            for _ in range(int(G.poisson(0.45 * D))):
                t = self.T0 + R.randrange(D) * DAY + R.randint(9, 17) * HOUR + R.randrange(HOUR)
                self.tr(t, src, R.choice(self.suppliers), self.ln(3000, 1.0) * 100, C_ONL)
            if R.random() < 0.08 * D:  # cash takings deposited
                t = self.bank_hours(self.T0 + R.randrange(D) * DAY)
                self.tr(t, -1, src, round(self.ln(8000, 0.8), -2) * 100, R.choice([C_CNT, C_ATM]))
        # 2. person-to-person (family support, red packets, splitting bills, repaying friends)
        cnt = G.poisson(0.1 * D * np.ones(N)) * anyacc * (self.c_len > 0)
        P = np.repeat(np.arange(N), cnt)
        n = len(P)
        j = np.minimum((self.c_len[P] * G.random(n) ** 2.3).astype(np.int64), self.c_len[P] - 1)
        Q = self.c_per[self.c_off[P] + j]
        keep = Q >= 0
        P, Q = P[keep], Q[keep]
        keep = anyacc[Q]
        P, Q = P[keep], Q[keep]
        n = len(P)
        u = G.random(n)
        fr = np.where((u < 0.6) & (pwx[P] >= 0), pwx[P], np.where((u < 0.85) & (pali[P] >= 0), pali[P], pb0[P]))
        fr = np.where(fr < 0, np.maximum(np.maximum(pwx[P], pali[P]), pb0[P]), fr)
        fr_wx = fr == pwx[P]
        fr_al = fr == pali[P]
        to = np.where(fr_wx & (pwx[Q] >= 0), pwx[Q], np.where(fr_al & (pali[Q] >= 0), pali[Q], pb0[Q]))
        to = np.where(to < 0, np.maximum(np.maximum(pwx[Q], pali[Q]), pb0[Q]), to)
        reds = np.array([666, 888, 1666, 5200, 6600, 8800, 10000, 16800, 20000, 52000, 50000, 100000])
        fen = np.where(G.random(n) < 0.4, reds[G.integers(0, len(reds), n)],
                       np.round(np.clip(G.lognormal(math.log(300), 1.2, n), 1, 80000) * 100))
        ok = (fr >= 0) & (to >= 0) & (fr != to)
        ch = np.where(is3p[np.maximum(fr, 0)], C_3P, np.where(G.random(n) < 0.8, C_MOB, C_ONL))
        self.trs.add_arrays(ts=self.times(n, H_PAY)[ok], fr=fr[ok], to=to[ok], amt=fen[ok].astype(np.int64),
                            ch=ch[ok], vic=-1, tag=0)
        self.payroll(pb0)
        self.rent_and_landlords(pb0)
        self.personal_money(pb0)

    def payroll(self, pb0):
        G, R, N, D, T0 = self.G, self.R, self.N, self.D, self.T0
        seg = self.seg
        sal = {"factory": (5500, .25), "office": (9000, .4), "service": (5000, .25), "courier": (8000, .3),
               "driver": (7000, .3), "telemarketer": (5000, .3), "collector": (6000, .3), "agent": (7000, .7),
               "community": (6500, .2), "healthcare": (10000, .4), "finance": (8000, .3), "foreman": (15000, .4)}
        batch = {}
        for c in range(len(self.comp_acc)):
            wd = self.wday(self.comp_payday[c])
            if 0 <= wd < D:
                h = R.uniform(9, 11) if R.random() < 0.7 else R.uniform(0.5, 2)
                batch[c] = T0 + wd * DAY + int(h * HOUR)
        for p in np.nonzero(self.employer != -1)[0]:
            e = int(self.employer[p])
            if pb0[p] < 0:
                continue
            med, sg = sal[SEGS[seg[p]]]
            amount = self.ln(med, sg)
            if e >= 0:
                if e not in batch:
                    continue
                t = batch[e] + R.randrange(600)
                self.tr(t, self.comp_acc[e], pb0[p], amount * 100, C_ONL)
            else:
                if R.random() > 0.45 * D / 7:
                    continue
                t = T0 + R.randrange(D) * DAY + int(R.uniform(8, 18) * HOUR)
                self.tr(t, -1, pb0[p], amount * 100, C_ONL)
            # after pay: to wallet, credit card, hometown, ...
            if R.random() < 0.4:
                w = int(self.p_wx[p]) if self.p_wx[p] >= 0 else int(self.p_ali[p])
                if w >= 0:
                    self.tr(t + R.randint(300, 12 * HOUR), pb0[p], w, amount * R.uniform(0.15, 0.5) * 100, C_3P)
            if R.random() < 0.25:
                self.tr(t + R.randint(600, 2 * DAY), pb0[p], -1, amount * R.uniform(0.2, 0.7) * 100, C_MOB)
            if self.migrant[p] and R.random() < 0.5:
                dest = self.ext_person_acc(("home", int(self.hh[p]))) if R.random() < 0.7 else -1
                self.tr(t + R.randint(600, 3 * DAY), pb0[p], dest, round(self.ln(2000, 0.5), -2) * 100, C_MOB)
            if SEGS[seg[p]] == "foreman":
                self.foreman_cash(p, t)

    def foreman_cash(self, p, t):
        """Construction foremen: cash for migrant workers at month end, ATM bursts up to the
        daily limit, and transfers to a crew."""
        R = self.R
        cards = self.p_bank[p]
        for d in range(R.randint(1, 2)):
            td = self.in_hours(t + d * DAY + R.randint(0, 6 * HOUR), 8, 22)
            for c in R.sample(cards, min(len(cards), R.randint(1, 3))):
                tot = 0
                limit = R.choice([10000, 15000, 20000])
                while tot < limit:
                    a = min(limit - tot, R.choice([2000, 2500, 3000, 5000]))
                    self.tr(td, c, -1, a * 100, C_ATM)
                    tot += a
                    td += R.randint(25, 80)
                td += R.randint(300, 1800)
        if R.random() < 0.4:
            crew = np.nonzero(np.isin(self.seg, [S["factory"], S["unemployed"]]) & self.male)[0]
            if len(crew):
                t2 = t + R.randint(HOUR, DAY)
                for q in R.sample(list(crew), min(len(crew), R.randint(8, 25))):
                    ra = self.recv_acc(int(q))
                    if ra >= 0:
                        self.tr(t2, cards[0], ra, round(self.ln(5500, 0.3), -2) * 100, self.ch_of(cards[0], ra))
                        t2 += R.randint(20, 240)

    def rent_and_landlords(self, pb0):
        G, R, N, D, T0 = self.G, self.R, self.N, self.D, self.T0
        age, seg = self.age, self.seg
        landlords = np.nonzero(seg == S["landlord"])[0]
        if len(landlords) == 0:
            return
        ll_by_d = [landlords[self.dist[landlords] == d] for d in range(len(DISTRICTS))]
        tenants = np.nonzero((age >= 18) & (age <= 50) & (self.migrant | (G.random(N) < 0.15)))[0]
        got = {}
        rent_days = np.array([self.wday(x) for x in (-1, 1, 2, 3, 4, 5)])
        rw = norm([0.1, 0.35, 0.2, 0.12, 0.12, 0.11])
        # one rent payer per household
        seen = set()
        for p in tenants:
            if self.hh[p] in seen:
                continue
            seen.add(self.hh[p])
            lls = ll_by_d[self.dist[p]]
            if len(lls) == 0:
                continue
            ll = int(lls[(self.hh[p] * 7919) % len(lls)])
            wd = int(G.choice(rent_days, p=rw))
            if not 0 <= wd < D:
                continue
            fr, ch = self.pay_acc(int(p))
            to = self.recv_acc(ll)
            if fr < 0 or to < 0:
                continue
            if self.is3p(fr) and self.is3p(to) and self.acc_bank[fr] != self.acc_bank[to]:
                to = int(pb0[ll]) if pb0[ll] >= 0 else to
            t = T0 + wd * DAY + int(R.uniform(8, 23.5) * HOUR)
            amt = round(self.ln(1800, 0.35), -1) * 100
            self.tr(t, fr, to, amt, self.ch_of(fr, to))
            got.setdefault(ll, []).append((t, to, amt))
        for ll, lst in got.items():
            tot = sum(a for _, _, a in lst)
            last = max(t for t, _, _ in lst)
            src = lst[0][1]
            dest = self.own_other(ll, src)
            if R.random() < 0.4:
                dest = R.choice(self.brokers + self.bigsellers[:3])
            if dest >= 0:
                self.tr(last + R.randint(2 * HOUR, 2 * DAY), src, dest, tot * R.uniform(0.6, 0.95), self.ch_of(src, dest, C_ONL))
            if R.random() < 0.5:
                self.tr(last + R.randint(HOUR, DAY), src, R.choice(self.utilities), self.ln(900, 0.6) * 100, C_3P if self.is3p(src) else C_ONL)

    def usdt_rate(self):
        return round(self.R.uniform(7.08, 7.32), 2)

    def gold_price(self, t):
        d = max(0, self.day(t))
        return round(768 + 6 * math.sin(d * 1.3 + self.seed) + self.R.uniform(-2, 2), 2)

    def personal_money(self, pb0):
        G, R, N, D, T0 = self.G, self.R, self.N, self.D, self.T0
        age, seg = self.age, self.seg
        wk = D / 7.0
        for p in range(N):
            banks = self.p_bank[p]
            wx, al = int(self.p_wx[p]), int(self.p_ali[p])
            accs = banks + [x for x in (wx, al) if x >= 0]
            if not accs:
                continue
            a = age[p]
            sg = SEGS[seg[p]]
            # own-account shuffles (sometimes a 2-hop chain within minutes)
            if len(accs) >= 2:
                for _ in range(int(G.poisson(0.04 * D))):
                    t = self.times(1, H_PAY)[0]
                    x, y = R.sample(accs, 2)
                    amt = self.ln(2000, 1.0) * 100
                    self.tr(t, x, y, amt, self.ch_of(x, y))
                    if R.random() < 0.25 and len(accs) >= 3:
                        z = R.choice([q for q in accs if q not in (x, y)])
                        self.tr(t + R.randint(40, 900), y, z, amt * R.uniform(0.5, 1.0), self.ch_of(y, z))
            # cash: pensioners at the counter, others at ATMs (multiples of 100)
            if banks:
                r = 0.1 if a >= 60 else 0.035
                for _ in range(int(G.poisson(r * D))):
                    t = self.times(1, H_ELDER if a >= 60 else H_PAY)[0]
                    if a >= 60 and R.random() < 0.5:
                        self.tr(self.bank_hours(t), banks[0], -1, round(self.ln(2000, 0.6), -2) * 100, C_CNT)
                    else:
                        self.tr(t, R.choice(banks), -1, R.choice([100, 200, 300, 500, 500, 1000, 1000, 2000, 3000]) * 100, C_ATM)
                # bills, card repayments, insurance
                for _ in range(int(G.poisson(0.05 * D))):
                    t = self.times(1, H_PAY)[0]
                    src = R.choice(accs)
                    self.tr(t, src, R.choice(self.utilities), self.ln(150, 0.8) * 100, self.ch_of(src, -1))
            # traders: large in, large out, same day, incl. cross-border (leaving covered banks)
            if sg == "trader":
                src = int(self.p_corp[p]) if self.p_corp[p] >= 0 else banks[0]
                for d in range(D):
                    if self.offday[d] and R.random() < 0.6:
                        continue
                    inflow = 0
                    for _ in range(R.randint(2, 8)):
                        t = T0 + d * DAY + int(R.uniform(9, 20) * HOUR)
                        amt = self.ln(15000, 1.0) * 100
                        u = R.random()
                        fr = -1 if u < 0.3 else (self.ext_person_acc(("cust", p, R.randrange(40))) if u < 0.7 else
                                                 R.choice(self.suppliers))
                        self.tr(t, fr, src, amt, C_ONL)
                        inflow += amt
                    t = T0 + d * DAY + int(R.uniform(11, 22) * HOUR)
                    for _ in range(R.randint(1, 3)):
                        dest = R.choice(self.suppliers) if R.random() < 0.6 else -1
                        self.tr(t, src, dest, inflow * R.uniform(0.2, 0.45), C_ONL)
                        t += R.randint(60, 3 * HOUR)
            # daigou: many strangers pay in, money out to HK suppliers / via USDT
            if sg == "daigou":
                rec = [x for x in (wx, al) if x >= 0] or banks
                buyers = np.nonzero(self.shopper & (pb0 >= 0))[0]
                for d in range(D):
                    tot = 0
                    for q in G.choice(buyers, R.randint(3, 12)):
                        to = R.choice(rec)
                        fr = int(self.p_wx[q]) if (self.acc_bank[to] == "WECHATPAY" and self.p_wx[q] >= 0) else (
                            int(self.p_ali[q]) if (self.acc_bank[to] == "ALIPAY" and self.p_ali[q] >= 0) else int(pb0[q]))
                        amt = self.ln(900, 0.8) * 100
                        self.tr(T0 + d * DAY + int(G.choice(24, p=H_EVENING)) * HOUR + R.randrange(HOUR), fr, to, amt, self.ch_of(fr, to))
                        tot += amt
                    if banks and R.random() < 0.6:
                        t = T0 + d * DAY + int(R.uniform(10, 23) * HOUR)
                        if R.random() < 0.35:
                            rate = self.usdt_rate()
                            q = int(tot * 0.8 / 100 / rate)
                            if q > 10:
                                self.tr(t, banks[0], R.choice(self.otc), round(q * rate * 100), C_OTC)
                        else:
                            self.tr(t, banks[0], -1, tot * 0.8, C_ONL)
            # legit crypto buyers (USDT from OTC dealers, often late at night)
            if self.crypto[p] and banks:
                for _ in range(int(G.poisson(1.6 * wk))):
                    t = self.times(1, H_EVENING)[0]
                    rate = self.usdt_rate()
                    q = int(self.ln(1500, 0.9))
                    if R.random() < 0.8:
                        self.tr(t, R.choice(banks), R.choice(self.otc), round(q * rate * 100), C_OTC)
                    else:
                        self.tr(t, R.choice(self.otc), R.choice(banks), round(q * (rate - 0.05) * 100), C_OTC)
            # gold buyers (repeat buys in a rising market)
            if self.gold[p] and banks:
                for _ in range(1 + int(G.poisson(0.8 * wk))):
                    t = self.in_hours(self.times(1, H_PAY)[0], 10, 21)
                    g = R.choice([5, 10, 10, 20, 20, 30, 50, 100])
                    shop = R.choice(self.gold_shops)
                    self.tr(t, R.choice(banks), shop, round(g * self.gold_price(t) * 100), C_MOB if R.random() < 0.7 else C_CNT)
            # brokerage transfers (bank -> securities custody) on trading days
            if self.investor[p] and banks and R.random() < 0.2 * wk:
                t = self.times(1, H_WORK, 0.0)[0]
                self.tr(t, banks[0], R.choice(self.brokers), round(self.ln(30000, 0.9), -2) * 100, C_ONL)
                if R.random() < 0.3:
                    self.tr(t + R.randint(DAY // 2, 4 * DAY), R.choice(self.brokers), banks[0], self.ln(20000, 0.9) * 100, C_ONL)
            # legit loans: disbursement then spending / repayments
            if self.borrower[p] and (banks or accs) and R.random() < 0.18 * wk:
                t = self.times(1, H_NET)[0]
                dest = banks[0] if banks else accs[0]
                amt = round(self.ln(8000, 0.8), -2) * 100
                self.tr(t, R.choice(self.lenders), dest, amt, C_ONL)
                if R.random() < 0.6:
                    q = self.own_other(p, dest)
                    if q >= 0:
                        self.tr(t + R.randint(120, 6 * HOUR), dest, q, amt * R.uniform(0.5, 1.0), self.ch_of(dest, q))
            if self.borrower[p] and banks and R.random() < 0.25 * wk:
                self.tr(self.times(1, H_PAY)[0], banks[0], R.choice(self.lenders), self.ln(1200, 0.6) * 100, C_MOB)
            # big legitimate purchases: consolidation from own accounts first, first-time payee
            if a >= 25 and banks and R.random() < 0.005 * wk:
                t = self.in_hours(self.times(1, H_WORK, 0.8)[0], 9, 18)
                total = round(self.ln(80000, 0.8), -2) * 100
                for x in accs:
                    if x != banks[0] and R.random() < 0.6:
                        self.tr(t - R.randint(600, 2 * DAY), x, banks[0], total * R.uniform(0.1, 0.5), self.ch_of(x, banks[0]))
                if R.random() < 0.3:
                    self.tr(t - R.randint(HOUR, 3 * DAY), R.choice(self.lenders), banks[0], total * 0.4, C_ONL)
                seller = R.choice(self.bigsellers)
                parts = [1.0] if R.random() < 0.6 else [0.3, 0.7]
                for k, share in enumerate(parts):
                    self.tr(t + k * R.randint(60, 1800), banks[0], seller, total * share,
                            R.choice([C_ONL, C_MOB, C_CNT]))
            # elderly parents helping children with a large sum (first-time large transfer)
            if a >= 58 and banks and R.random() < 0.003 * wk:
                kids = [q for q in self.hh_members[self.hh[p]] if 22 <= age[q] <= 50 and self.p_bank[q]]
                kid_acc = self.p_bank[kids[0]][0] if kids else self.ext_person_acc(("kid", p))
                t = self.bank_hours(self.times(1, H_ELDER)[0])
                self.tr(t, banks[0], kid_acc, round(self.ln(100000, 0.7), -3) * 100, C_CNT if R.random() < 0.5 else C_MOB)

    # ================================================================== FRAUD SIDE
    def build_farmers(self):
        G, R, N, T0 = self.G, self.R, self.N, self.T0
        age, seg = self.age, self.seg
        cand = np.nonzero((age >= 18) & (age <= 34) & (self.prim >= 0) & ~self.sim_change &
                          np.isin(seg, [S["student"], S["unemployed"], S["factory"], S["service"], S["driver"], S["courier"]]))[0]
        w = np.where(self.male[cand], 2.5, 1.0) * np.where(age[cand] <= 25, 1.5, 1.0)
        nf = min(len(cand), max(6, int(self.N * 0.0035)))
        farmers = G.choice(cand, nf, replace=False, p=norm(w))
        self.farm_sims, self.farm_bank, self.farm_3p = [], [], []
        for f in farmers:
            f = int(f)
            self.farmer[f] = True
            recent = R.random() < 0.65
            base = T0 - int(R.uniform(8, 70) * DAY)
            sims = []
            for _ in range(R.choice([0, 1, 1, 2, 2, 3])):
                act = base + int(R.uniform(-3, 3) * DAY) if recent else T0 - int(R.uniform(200, 3000) * DAY)
                sims.append(self.new_local_mobile(f, act))
            own = {self.acc_bank[a] for a in self.p_bank[f]}
            free = [b for b in BANKS if b not in own]
            R.shuffle(free)
            for b in free[:R.choice([1, 2, 2, 3, 4])]:
                op = base + int(R.uniform(0, 6) * DAY) if recent else T0 - int(R.uniform(300, 3000) * DAY)
                notify = R.choice(sims) if sims else int(self.prim[f])
                self.farm_bank.append(self.add_acc(f, b, A_PER, op, notify))
            if R.random() < 0.35:
                self.farm_3p.append(self.add_acc(f, R.choice(["ALIPAY", "WECHATPAY"]), A_PER, base))
            self.farm_sims += sims
        R.shuffle(self.farm_sims)
        R.shuffle(self.farm_bank)
        self.farmers = [int(f) for f in farmers]

    def vuln(self, typ):
        a = self.age.astype(float)
        f = ~self.male
        seg = self.seg
        one = np.ones(self.N)

        def sm(d):
            m = one.copy()
            for k, v in d.items():
                m[seg == S[k]] *= v
            return m
        if typ == "rebate":
            w = bell(a, 28, 8) * (1 + 0.6 * f) * sm(dict(student=1.5, homemaker=1.8, service=1.3, unemployed=1.6, factory=1.2))
        elif typ == "investment":
            w = bell(a, 45, 11) * sm(dict(office=1.4, merchant=1.5, retiree=1.2, finance=1.2)) * np.where(self.investor, 2.5, 1)
        elif typ == "police":
            w = (0.4 + np.where(a >= 62, 1.6, 0) + np.where((a >= 19) & (a <= 30), 1.0, 0)) * sm(dict(student=1.4, retiree=1.3))
        elif typ == "customer_service":
            w = bell(a, 33, 10) * np.where(self.shopper, 2.5, 1.0)
        elif typ == "loan":
            w = bell(a, 32, 8) * sm(dict(factory=2, service=2, unemployed=2.5, driver=2, courier=1.5)) * np.where(self.borrower, 3, 1)
        elif typ == "shopping":
            w = bell(a, 27, 8) * np.where(self.shopper, 2.0, 1.0)
        elif typ == "credit_repair":
            w = bell(a, 27, 4)
        elif typ == "boss":
            w = bell(a, 38, 9) * sm(dict(finance=15, merchant=2, office=1.5))
        elif typ == "romance":
            w = bell(a, 40, 9) * np.where(self.dater, 3.0, 1.0) * sm(dict(retiree=0.6))
        elif typ == "game_trading":
            w = bell(a, 17, 5) * np.where(self.gamer, 5.0, 0.3)
        else:  # other: elderly health products / medical insurance
            w = np.where(a >= 58, 1.0 + (a - 58) / 10, 0.02)
        w = w * (self.prim >= 0) * ~self.farmer * ~self.sim_change
        return w

    # ---------------------------------------------------------------- rings
    def build_rings(self):
        G, R, T0, T1 = self.G, self.R, self.T0, self.T1
        self.rings = []
        self.ring_dom_set, self.ring_app_set = set(), set()
        self.sweep = {}   # acc -> (level, syndicate id)
        self.syn = []
        methods = [dict(atm=.40, otc=.30, leave=.15, gold=.10, counter=.05),
                   dict(otc=.55, leave=.30, atm=.10, gold=.05),
                   dict(atm=.30, counter=.15, gold=.20, otc=.25, leave=.10)]
        for s_i in range(3):
            syn = dict(id=s_i, methods=methods[s_i], m2=[], m3=[], co=[])
            for lvl, key, n in ((2, "m2", R.randint(6, 10)), (3, "m3", R.randint(3, 6)), (4, "co", R.randint(4, 7))):
                for _ in range(n):
                    local = key == "co" and self.farm_bank and R.random() < 0.5 or (key == "m2" and self.farm_bank and R.random() < 0.15)
                    if local:
                        acc = self.farm_bank.pop()
                    else:
                        kind = A_COR if (key != "co" and R.random() < 0.25) else A_PER
                        acc = self.add_acc(-1, self.rand_bank(), kind, self.ext_open(0.35))
                    t0 = T0 + int(R.uniform(-2, self.D - 1.5) * DAY)
                    syn[key].append(dict(acc=acc, t0=t0, t1=t0 + int(R.uniform(2, 6) * DAY)))
                    self.sweep[acc] = (lvl, s_i)
                    self.acc_role[acc] = {2: "mule_2", 3: "mule_3", 4: "cashout"}[lvl]
            self.syn.append(syn)
        for i, tpl in enumerate(RING_TEMPLATES):
            scale = self.N / 20000.0
            rg = dict(id=i, types=list(tpl["types"]), cc=list(tpl["cc"]), mix=dict(tpl["mix"]),
                      dial=tpl["dial"] * R.uniform(0.7, 1.3) * scale, sms=tpl["sms"] * R.uniform(0.6, 1.4) * scale,
                      conc=max(1, int(round(tpl["conc"] * min(1.5, scale ** 0.5)))), syn=i % 3 if R.random() < 0.7 else R.randrange(3),
                      nums=[], smsers=[], handlers=[], callbacks=[], m1=[], dom={}, app={})
            # mix drift per seed
            for k in rg["mix"]:
                rg["mix"][k] *= R.uniform(0.6, 1.4)
            # rotating caller numbers
            for _ in range(rg["conc"]):
                t = T0 - int(R.uniform(0, 1) * DAY)
                while t < T1:
                    src = self.pick_src(rg)
                    life = self.num_life(src)
                    self.ring_number(rg, src, t, t + life, "caller")
                    t += life + int(R.uniform(0, 6) * HOUR)
            if rg["sms"] > 0:
                for _ in range(R.choice([1, 2])):
                    t = T0 - int(R.uniform(0, 1) * DAY)
                    while t < T1:
                        src = R.choice(["farm", "ext", "virtual"])
                        life = int(max(4 * HOUR, R.expovariate(1 / (1.0 * DAY))))
                        rec = self.ring_number(rg, src, t, t + life, "sms")
                        rg["smsers"].append(rec)
                        t += life + int(R.uniform(0, 10) * HOUR)
            for _ in range(R.randint(2, 4)):
                src = "overseas" if R.random() < 0.55 else R.choice(["farm", "ext", "virtual"])
                rg["handlers"].append(self.ring_number(rg, src, T0 - 20 * DAY, T1 + 20 * DAY, "handler", keep=False))
            for _ in range(R.randint(1, 2)):
                rg["callbacks"].append(self.ring_number(rg, R.choice(["voip", "virtual", "ext"]), T0 - 20 * DAY, T1 + 20 * DAY, "callback", keep=False))
            for typ in rg["types"]:
                wins = []
                t = T0 - int(R.uniform(0, 2) * DAY)
                while t < T1:
                    life = int(R.uniform(1, 3.5) * DAY)
                    d = self.gen_domain(typ)
                    self.ring_dom_set.add(d)
                    wins.append((d, t, t + life))
                    t += life
                rg["dom"][typ] = wins
                apps = [self.gen_app(typ) for _ in range(R.choice([1, 1, 2]))]
                self.ring_app_set.update(apps)
                rg["app"][typ] = apps
            # payout account (rebates / fake profits), funded from outside
            pa = self.add_acc(-1, R.choice(["ALIPAY", "WECHATPAY"]) if R.random() < 0.5 else self.rand_bank(), A_PER, self.ext_open(0.3))
            rg["payout"] = pa
            self.acc_role[pa] = "mule_1"
            self.rings.append(rg)
        self.type_rings = {t: [r for r in self.rings if t in r["types"]] for t in SCAM_TYPES}

    def pick_src(self, rg):
        ks = list(rg["mix"])
        return self.R.choices(ks, [rg["mix"][k] for k in ks])[0]

    def num_life(self, src):
        mean = {"voip": 0.6, "overseas": 3.0, "farm": 1.8, "ext": 1.8, "virtual": 1.5}[src]
        return int(min(6 * DAY, max(3 * HOUR, self.R.expovariate(1 / (mean * DAY)))))

    def ring_number(self, rg, src, t0, t1, role, keep=True):
        R = self.R
        if src == "farm" and self.farm_sims:
            n = self.farm_sims.pop()
        elif src in ("farm", "ext"):
            n = self.new_ext_mobile()
        elif src == "virtual":
            n = self.new_ext_mobile(virtual=True)
        elif src == "voip":
            n = self.new_voip()
        else:
            cc = R.choice(rg["cc"]) if R.random() < 0.8 else R.choice(["+855", "+95", "+63", "+856", "+60", "+84", "+66", "+971", "+1", "+44", "+852", "+62"])
            n = self.new_overseas(cc)
        rec = dict(n=n, src=src, t0=t0, t1=t1, role=role)
        if keep:
            rg["nums"].append(rec)
        self.fraud_num_role.setdefault(n, role)
        return rec

    def ring_caller(self, rg, t, srcs=None):
        act = [r for r in rg["nums"] if r["role"] == "caller" and r["t0"] <= t < r["t1"]]
        if srcs:
            pref = [r for r in act if r["src"] in srcs]
            act = pref or act
        if act:
            return self.R.choice(act)["n"]
        src = self.R.choice(srcs) if srcs else self.pick_src(rg)
        return self.ring_number(rg, src, t - HOUR, t + self.num_life(src), "caller")["n"]

    def ring_smser(self, rg, t):
        act = [r for r in rg["smsers"] if r["t0"] <= t < r["t1"]]
        if act:
            return self.R.choice(act)["n"]
        rec = self.ring_number(rg, self.R.choice(["farm", "ext", "virtual"]), t - HOUR, t + DAY, "sms")
        rg["smsers"].append(rec)
        return rec["n"]

    def ring_domain(self, rg, typ, t):
        wins = rg["dom"].get(typ) or next(iter(rg["dom"].values()))
        for d, a, b in wins:
            if a <= t < b:
                return d
        return wins[-1][0]

    def ring_m1(self, rg, t, kind):
        R, T0 = self.R, self.T0
        act = [m for m in rg["m1"] if m["kind"] == kind and m["t0"] <= t < m["t1"]]
        if act:
            return R.choice(act)["acc"]
        holder_local = False
        if kind == "bank":
            if self.farm_bank and R.random() < 0.6:
                acc = self.farm_bank.pop()
                holder_local = True
            else:
                acc = self.add_acc(-1, self.rand_bank(), A_PER, self.ext_open(0.45))
        elif kind == "3p":
            if self.farm_3p and R.random() < 0.6:
                acc = self.farm_3p.pop()
                holder_local = True
            else:
                acc = self.add_acc(-1, R.choice(["ALIPAY", "WECHATPAY"]), A_PER, self.ext_open(0.45))
        elif kind == "corp":
            acc = self.add_acc(-1, self.rand_bank(), A_COR, T0 - int(R.uniform(15, 240) * DAY))
        else:  # fake merchant (QR code "shop")
            acc = self.add_acc(-1, R.choice(["WECHATPAY", "ALIPAY", self.rand_bank()]), A_MER, T0 - int(R.uniform(5, 90) * DAY))
        t0 = t - int(R.uniform(0, 0.4) * DAY)
        m = dict(acc=acc, kind=kind, t0=t0, t1=t0 + int(R.uniform(1.5, 4.5) * DAY), local=holder_local)
        rg["m1"].append(m)
        self.acc_role[acc] = "mule_1"
        self.sweep[acc] = (1, rg["syn"])
        # "raising" the card: a few tiny transactions in the days before first use
        if R.random() < 0.4:
            for _ in range(R.randint(2, 5)):
                tw = t0 - int(R.uniform(0.2, 4) * DAY)
                if R.random() < 0.5:
                    self.tr(tw, acc, R.choice(self.platforms), R.uniform(1, 50) * 100, self.ch_of(acc, -1), tag=3)
                else:
                    self.tr(tw, -1, acc, R.uniform(1, 80) * 100, C_ONL, tag=3)
        return acc

    # ---------------------------------------------------------------- event helpers
    def c_call(self, t, a, b, d):
        self.calls.add(int(t), int(a), int(b), int(d), 3)

    def c_sms(self, t, a, b, dom=-1):
        self.sms.add(int(t), int(a), int(b), int(dom), 3)

    def c_net(self, t, num, kind, tgt):
        self.net.add(int(t), int(num), kind, int(tgt), 3)

    def busy_line(self, p, t, d):
        R = self.R
        if R.random() < 0.35 and d > 600:
            nums, _ = self.contact_pick(p, R.randint(1, 3))
            for x in nums:
                self.calls.add(int(t + R.uniform(60, d - 30)), int(x), int(self.prim[p]), 0, 0)

    def victim_src(self, p, big):
        src, ch = self.pay_acc(p, big)
        if src < 0:
            adults = [q for q in self.hh_members[self.hh[p]] if self.age[q] >= 30 and (self.p_bank[q] or self.p_wx[q] >= 0)]
            if adults:
                src, ch = self.pay_acc(adults[0], big)
        return src, ch

    def vpay(self, rg, p, t, fen, kind, big=None, channel=None, src=None, floor=100):
        """A loss: victim p pays the ring (an m1 account active at t)."""
        R = self.R
        fen = int(max(floor, fen))
        if big is None:
            big = fen >= 500000
        if src is None:
            src, ch = self.victim_src(p, big)
        else:
            ch = C_3P if self.is3p(src) else C_MOB
        if src < 0:
            return None
        if kind == "3p" and not self.is3p(src):
            kind = "bank"
        to = self.ring_m1(rg, t, kind)
        if self.is3p(src) and self.is3p(to) and self.acc_bank[src] != self.acc_bank[to]:
            to = self.ring_m1(rg, t, "bank")
        if self.is3p(src):
            ch = C_3P
            fen = min(fen, 5000000)
        elif channel is not None:
            ch = channel
        elif ch == C_3P:
            ch = C_MOB
        if ch == C_CNT:
            t = self.bank_hours(t)
        self.tr(t, src, to, fen, ch, vic=p, tag=3)
        return src

    def payout(self, rg, p, t, fen, dest):
        pa = rg["payout"]
        self.tr(t - self.R.randint(600, 6 * HOUR), -1, pa, fen * self.R.uniform(1.2, 3), C_ONL, tag=3)
        self.tr(t, pa, dest, fen, C_3P if (self.is3p(pa) or self.is3p(dest)) else C_MOB, tag=3)

    def consolidate(self, p, dest, t, total):
        R = self.R
        for x in self.p_bank[p] + [int(self.p_wx[p]), int(self.p_ali[p])]:
            if x >= 0 and x != dest and R.random() < 0.6:
                self.tr(t - R.randint(120, 1800), x, dest, total * R.uniform(0.15, 0.6), self.ch_of(x, dest), tag=3)

    def victim_loans(self, p, dest, t, k=None):
        R = self.R
        for _ in range(k or R.randint(1, 3)):
            self.tr(t - R.randint(300, 2400), R.choice(self.lenders), dest, round(self.ln(15000, 0.6), -2) * 100, C_ONL, tag=3)

    # ---------------------------------------------------------------- scam scripts
    def s_police(self, rg, p, t0, pay, typ):
        R = self.R
        v = int(self.prim[p])
        first_num = int(self.land[p]) if (self.land[p] >= 0 and self.age[p] >= 60 and R.random() < 0.4) else v
        t = self.in_hours(t0, 9, 21)
        c1 = self.ring_caller(rg, t, ("voip", "overseas", "farm", "virtual"))
        first = t
        for _ in range(R.choice([0, 0, 1, 1, 2])):
            self.c_call(t, c1, first_num, 0)
            t += R.randint(90, 1800)
        d1 = int(R.uniform(150, 900))
        self.c_call(t, c1, first_num, d1)  # "courier / medical insurance / telecom" pretext
        t += d1
        if not pay and R.random() < 0.45:
            return first
        t += R.randint(15, 240)
        c2 = R.choice(rg["handlers"])["n"]  # the "police officer"
        d2 = int(min(self.ln(2400, 0.5), 3 * 3600))
        self.c_call(t, c2, v, d2)
        self.busy_line(p, t, d2)
        dom = self.ring_domain(rg, "police", t)
        self.c_net(t + R.randint(200, 900), v, 1, dom)  # the "case file" / warrant page
        if R.random() < 0.8:
            app = self.name_idx[R.choice(MEETING_APPS[:2] + REMOTE_APPS[:2])] if R.random() < 0.7 else R.choice(rg["app"]["police"])
            self.c_net(t + R.randint(400, 1500), v, 0, app)
        if not pay:
            if R.random() < 0.5:
                tt = t + d2 + R.randint(3 * HOUR, 20 * HOUR)
                self.c_call(self.in_hours(tt, 9, 21), c2, v, int(R.uniform(30, 400)))
            return first
        elder = self.age[p] >= 60
        total = min(2e8, max(5e5, self.ln(60000 * (1.6 if elder else 1.0), 0.9) * 100))
        src, _ = self.victim_src(p, True)
        if src < 0:
            return first
        tp = t + int(d2 * R.uniform(0.5, 0.95))
        if R.random() < 0.6:
            self.consolidate(p, src, tp, total)
        if R.random() < 0.15:
            self.victim_loans(p, src, tp)
        rounds = 1 if R.random() < 0.7 else 2
        for r in range(rounds):
            if r == 1:  # next day: "notarisation / guarantee fee", more calls
                tp = self.in_hours(tp + R.randint(14 * HOUR, 30 * HOUR), 9, 20)
                dd = int(self.ln(1800, 0.5))
                self.c_call(tp - dd, c2, v, dd)
                total = total * R.uniform(0.3, 0.8)
            k = R.choice([1, 1, 2, 2, 3, 4])
            parts = np.random.default_rng(R.randrange(1 << 30)).dirichlet(np.ones(k) * 3) * total
            ch = C_CNT if (elder and R.random() < 0.45) else None
            for x in parts:
                x = round(x, -6) if (x > 3e6 and R.random() < 0.4) else x  # "transfer 50,000 first"
                self.vpay(rg, p, tp, x, "bank", big=True, channel=ch, src=src)
                tp += R.randint(60, 900)
        return first

    def s_cs(self, rg, p, t0, pay, typ):
        R = self.R
        v = int(self.prim[p])
        t = self.in_hours(t0, 9, 21)
        first = t
        dom = self.ring_domain(rg, typ, t)
        if R.random() < 0.3:  # SMS "refund / membership cancel", victim calls back
            s = self.ring_smser(rg, t)
            self.c_sms(t, s, v, dom if R.random() < 0.7 else -1)
            t += R.randint(60, 5400)
            if R.random() < 0.6:
                self.c_net(t, v, 1, dom)
                t += R.randint(30, 300)
            d = int(self.ln(650, 0.5))
            self.c_call(t, R.choice(rg["callbacks"])["n"], v, 0) if R.random() < 0.2 else None
            self.c_call(t, v, R.choice(rg["callbacks"])["n"], d)
        else:
            c = self.ring_caller(rg, t)
            if R.random() < 0.35:
                self.c_call(t, c, v, 0)
                t += R.randint(60, 1200)
            d = int(self.ln(700, 0.5)) if pay else int(self.ln(240, 0.7))
            self.c_call(t, c, v, d)
        self.busy_line(p, t, d)
        if R.random() < 0.55:
            app = self.name_idx[R.choice(MEETING_APPS[:2] + REMOTE_APPS)] if R.random() < 0.75 else R.choice(rg["app"][typ])
            self.c_net(t + R.randint(60, 400), v, 0, app)
        if R.random() < 0.6:
            self.c_net(t + R.randint(100, 600), v, 1, dom)
        if not pay:
            return first
        tp = t + int(d * R.uniform(0.4, 0.9))
        total = min(3e7, max(1e5, self.ln(15000, 0.9) * 100))
        src, _ = self.victim_src(p, total > 5e5)
        if src < 0:
            return first
        if R.random() < 0.3 and not self.is3p(src):
            self.victim_loans(p, src, tp)
        k = R.choice([2, 2, 3, 3, 4, 5])
        amts = sorted(np.random.default_rng(R.randrange(1 << 30)).dirichlet(np.ones(k) * 2) * total)
        if R.random() < 0.3:
            amts = [R.choice([1, 10, 100, 100, 500, 1000])] + amts  # "send 1 yuan to verify"
        for x in amts:
            self.vpay(rg, p, tp, x, "bank" if x > 300000 or R.random() < 0.6 else "3p", src=src, floor=1)
            tp += R.randint(90, 1200)
        if R.random() < 0.2:
            tp = self.in_hours(tp + R.randint(12 * HOUR, 30 * HOUR), 9, 21)
            d = int(self.ln(600, 0.5))
            self.c_call(tp, self.ring_caller(rg, tp), v, d)
            self.vpay(rg, p, tp + d // 2, total * R.uniform(0.2, 0.6), "bank", src=src)
        return first

    def s_credit(self, rg, p, t0, pay, typ):
        R = self.R
        v = int(self.prim[p])
        t = self.in_hours(t0, 9, 20)
        first = t
        c = self.ring_caller(rg, t, ("voip", "virtual", "farm", "ext"))
        d = int(self.ln(1200, 0.45)) if pay else int(self.ln(300, 0.7))
        self.c_call(t, c, v, d)
        self.busy_line(p, t, d)
        dom = self.ring_domain(rg, typ, t)
        self.c_net(t + R.randint(120, 600), v, 1, dom)
        if R.random() < 0.6:
            self.c_net(t + R.randint(200, 900), v, 0, self.name_idx[R.choice(MEETING_APPS[:2])])
        if not pay:
            return first
        tp = t + int(d * 0.7)
        total = min(1e7, max(2e5, self.ln(12000, 0.7) * 100))
        src, _ = self.victim_src(p, True)
        if src < 0:
            return first
        if R.random() < 0.25:
            self.victim_loans(p, src, tp)
        for x in np.random.default_rng(R.randrange(1 << 30)).dirichlet(np.ones(R.choice([2, 3])) * 2) * total:
            self.vpay(rg, p, tp, x, "bank", src=src)
            tp += R.randint(120, 1500)
        return first

    def s_rebate(self, rg, p, t0, pay, typ):
        R = self.R
        v = int(self.prim[p])
        first = t0
        t = self.in_hours(t0, 10, 23)
        dom = self.ring_domain(rg, typ, t)
        if R.random() < 0.35:  # recruitment SMS "part-time, 300/day"
            self.c_sms(t, self.ring_smser(rg, t), v, dom)
            first = t
            t += R.randint(60, 4 * HOUR)
        else:
            t += R.randint(10 * MIN, 6 * HOUR)  # invisible: QQ / Douyin DM
        if R.random() < 0.15:
            c = self.ring_caller(rg, t)
            self.c_call(t, c, v, int(R.uniform(30, 200)))
        self.c_net(t, v, 1, dom)
        if R.random() < 0.7:
            self.c_net(t + R.randint(60, 600), v, 0, R.choice(rg["app"][typ]))
        if not pay:
            if R.random() < 0.3:
                self.c_net(t + R.randint(HOUR, DAY), v, 1, dom)
            return first
        t = self.in_hours(t + R.randint(10 * MIN, 3 * HOUR), 19, 24)
        steps = R.choices([1, 2, 3, 4, 5], [0.18, 0.25, 0.25, 0.2, 0.12])[0]
        ladder = [R.uniform(50, 300), R.uniform(300, 1200), R.uniform(3000, 9000), R.uniform(10000, 30000), R.uniform(20000, 90000)]
        for i in range(steps):
            x = round(ladder[i]) * 100
            src = self.vpay(rg, p, t, x, "3p" if x < 500000 else "bank")
            if src is None:
                break
            if i < 2 and (i < steps - 1 or R.random() < 0.5):
                self.payout(rg, p, t + R.randint(120, 900), x * R.uniform(1.1, 1.3), src)
            t += R.randint(8 * MIN, 50 * MIN)
            if i >= 2 and R.random() < 0.5:
                t = self.in_hours(t + R.randint(10 * HOUR, 22 * HOUR), 19, 24)
                self.c_net(t - R.randint(60, 900), v, 1, self.ring_domain(rg, typ, t))
        return first

    def s_invest(self, rg, p, t0, pay, typ):
        R = self.R
        v = int(self.prim[p])
        pre = R.random() < 0.3
        first = t0 - int(R.uniform(2, 14) * DAY) if pre else t0
        t = self.in_hours(self.T0 + R.randint(0, DAY) if pre else t0, 9, 22)
        app = R.choice(rg["app"][typ])
        dom = self.ring_domain(rg, typ, t)
        if first == t0 and R.random() < 0.3:
            self.c_sms(t, self.ring_smser(rg, t), v, dom)
            t += R.randint(HOUR, 6 * HOUR)
        h = R.choice(rg["handlers"])["n"]
        for _ in range(R.randint(1, 4)):
            tc = self.in_hours(t + int(R.uniform(0, 3) * DAY), 10, 22)
            self.c_call(tc, h, v, int(self.ln(1200, 0.6)) if R.random() < 0.85 else 0)
        self.c_net(self.in_hours(t + R.randint(600, 2 * DAY), 8, 24), v, 1, dom)
        self.c_net(self.in_hours(t + R.randint(600, 2 * DAY), 8, 24), v, 0, app)
        if not pay:
            return first
        td = self.in_hours(t + int(R.uniform(0.2, 2) * DAY), 9, 15)
        n = R.choices([1, 2, 3, 4], [0.35, 0.35, 0.2, 0.1])[0]
        src, _ = self.victim_src(p, True)
        if src < 0:
            return first
        amt = self.ln(25000, 0.6)
        for i in range(n):
            while self.is_off(td):
                td = self.in_hours(td + DAY, 9, 15)
            self.c_net(td - R.randint(60, 1800), v, 1, self.ring_domain(rg, typ, td))
            if R.random() < 0.4:
                self.consolidate(p, src, td, amt * 100)
            self.vpay(rg, p, td, round(amt, -2 if R.random() < 0.6 else 0) * 100,
                      "corp" if R.random() < 0.5 else "bank", big=True,
                      channel=C_CNT if (amt > 150000 and R.random() < 0.3) else None, src=src)
            if i == 0 and R.random() < 0.3:
                self.payout(rg, p, self.in_hours(td + int(R.uniform(0.5, 2) * DAY), 9, 15), amt * 100 * R.uniform(0.03, 0.1), src)
            td = self.in_hours(td + int(R.uniform(0.6, 3) * DAY), 9, 15)
            amt *= R.uniform(1.3, 3.5)
        return first

    def s_loan(self, rg, p, t0, pay, typ):
        R = self.R
        v = int(self.prim[p])
        t = self.in_hours(t0, 9, 23)
        first = t
        dom = self.ring_domain(rg, typ, t)
        u = R.random()
        if u < 0.55:
            self.c_sms(t, self.ring_smser(rg, t), v, dom)
            t += R.randint(60, 8 * HOUR)
        elif u < 0.8:
            c = self.ring_caller(rg, t)
            self.c_call(t, c, v, int(self.ln(150, 0.5)))
            t += R.randint(60, HOUR)
        else:
            t += R.randint(10 * MIN, 3 * HOUR)
        self.c_net(t, v, 1, dom)
        if R.random() < 0.8:
            self.c_net(t + R.randint(60, 600), v, 0, R.choice(rg["app"][typ]))
        if R.random() < 0.6:
            tc = t + R.randint(10 * MIN, 3 * HOUR)
            cb = R.choice(rg["callbacks"])["n"]
            if R.random() < 0.5:
                self.c_call(tc, v, cb, int(self.ln(360, 0.5)))
            else:
                self.c_call(tc, self.ring_caller(rg, tc), v, int(self.ln(360, 0.5)))
        if not pay:
            return first
        tp = t + R.randint(15 * MIN, 4 * HOUR)
        fees = [R.uniform(200, 2000), R.uniform(2000, 8000), R.uniform(5000, 20000), R.uniform(5000, 30000)]
        for i in range(R.choices([1, 2, 3, 4], [0.3, 0.35, 0.25, 0.1])[0]):
            x = round(fees[i], -1 if R.random() < 0.5 else 0) * 100
            if self.vpay(rg, p, tp, x, "3p" if x < 300000 else "bank") is None:
                break
            tp += R.randint(20 * MIN, 20 * HOUR)
            tp = self.in_hours(tp, 8, 24)
        return first

    def s_shop(self, rg, p, t0, pay, typ):
        R = self.R
        v = int(self.prim[p])
        t = self.in_hours(t0, 10, 24)
        first = t - R.randint(10 * MIN, 2 * DAY)
        dom = self.ring_domain(rg, typ, t)
        if R.random() < 0.7:
            for _ in range(R.randint(1, 3)):
                self.c_net(t - R.randint(0, 6 * HOUR), v, 1, dom)
        if not pay:
            return first
        x = self.ln(1200, 0.8) * 100
        self.vpay(rg, p, t, x, "3p" if R.random() < 0.6 else "merchant")
        if R.random() < 0.3:
            self.vpay(rg, p, t + R.randint(10 * MIN, 5 * HOUR), x * R.uniform(0.3, 1.5), "3p")
        return first

    def s_boss(self, rg, p, t0, pay, typ):
        R = self.R
        v = int(self.prim[p])
        t = self.in_hours(t0, 9, 17)
        while self.is_off(t) and R.random() < 0.8:
            t = self.in_hours(t + DAY, 9, 17)
        first = t
        if R.random() < 0.4:
            self.c_sms(t, self.ring_smser(rg, t) if rg["smsers"] else self.ring_caller(rg, t), v, -1)
        if R.random() < 0.3:
            self.c_call(t + R.randint(60, 900), self.ring_caller(rg, t), v, int(R.uniform(20, 90)))
        if not pay:
            return first
        tp = t + R.randint(15 * MIN, 90 * MIN)
        corp = -1
        if SEGS[self.seg[p]] == "finance" and self.employer[p] >= 0 and R.random() < 0.7:
            corp = self.comp_acc[int(self.employer[p])]
        if corp >= 0:
            total = round(self.ln(120000, 0.8), -3) * 100
            for x in ([total] if R.random() < 0.6 else [total * 0.4, total * 0.6]):
                self.vpay(rg, p, tp, x, "corp" if R.random() < 0.6 else "bank", src=corp, channel=C_ONL)
                tp += R.randint(5 * MIN, 40 * MIN)
        else:
            self.vpay(rg, p, tp, round(self.ln(15000, 0.7), -2) * 100, "bank", big=True)
        return first

    def s_romance(self, rg, p, t0, pay, typ):
        R = self.R
        v = int(self.prim[p])
        pre = R.random() < 0.5
        first = t0 - int(R.uniform(3, 20) * DAY) if pre else t0
        t = self.T0 + R.randint(0, DAY // 2) if pre else t0
        if not pre and R.random() < 0.4:
            self.c_net(t - R.randint(HOUR, DAY), v, 0, self.name_idx[R.choice(DATING_APPS)])
        h = R.choice(rg["handlers"])["n"]
        day = 0
        while t + day * DAY < self.T1 + DAY:
            if R.random() < 0.6:
                tc = self.T0 + self.day(t) * DAY + day * DAY + int(G_choice_hour(R)) * HOUR + R.randrange(HOUR)
                x, y = (h, v) if R.random() < 0.7 else (v, h)
                self.c_call(tc, x, y, int(self.ln(1500, 0.6)) if R.random() < 0.9 else 0)
            day += 1
        dom = self.ring_domain(rg, typ, t)
        tv = self.in_hours(t + int(R.uniform(0.3, 2) * DAY), 9, 24)
        self.c_net(tv, v, 1, dom)
        if R.random() < 0.6:
            self.c_net(tv + R.randint(60, 900), v, 0, R.choice(rg["app"][typ]))
        if not pay:
            return first
        td = tv + R.randint(HOUR, DAY)
        amt = self.ln(12000, 0.6)
        for _ in range(R.choices([1, 2, 3, 4], [0.3, 0.35, 0.25, 0.1])[0]):
            td = self.in_hours(td, 20, 24) if R.random() < 0.6 else td
            self.vpay(rg, p, td, round(amt) * 100, R.choice(["bank", "bank", "corp", "3p"]), big=True)
            td += int(R.uniform(0.5, 2.5) * DAY)
            amt *= R.uniform(1.5, 3)
        return first

    def s_game(self, rg, p, t0, pay, typ):
        R = self.R
        v = int(self.prim[p])
        t = self.in_hours(t0, 14, 24)
        first = t - R.randint(5 * MIN, 3 * HOUR)
        dom = self.ring_domain(rg, typ, t)
        for _ in range(R.randint(1, 4)):
            self.c_net(t + R.randint(0, 1800), v, 1, dom)
        if R.random() < 0.3:
            self.c_call(t + R.randint(300, 1800), self.ring_caller(rg, t, ("voip", "virtual")), v, int(self.ln(500, 0.5)))
        if not pay:
            return first
        tp = t + R.randint(10 * MIN, HOUR)
        for i in range(R.choice([1, 2, 2, 3, 4])):
            self.vpay(rg, p, tp, round(R.uniform(100, 3000) * (1 + i * 0.6)) * 100, "3p" if R.random() < 0.7 else "merchant")
            tp += R.randint(5 * MIN, 40 * MIN)
        return first

    def s_other(self, rg, p, t0, pay, typ):
        R = self.R
        v = int(self.land[p]) if (self.land[p] >= 0 and R.random() < 0.5) else int(self.prim[p])
        t = self.in_hours(t0, 8, 19)
        first = t
        c = self.ring_caller(rg, t, ("farm", "ext", "voip"))
        for _ in range(R.randint(1, 2)):
            self.c_call(t, c, v, int(self.ln(600, 0.5)))
            t += R.randint(HOUR, DAY)
        if not pay:
            return first
        tp = self.in_hours(t, 8, 18)
        for _ in range(R.choice([1, 1, 2])):
            self.vpay(rg, p, tp, round(self.ln(2500, 0.7), -1) * 100, "bank", big=True,
                      channel=C_CNT if R.random() < 0.3 else None)
            tp += int(R.uniform(0.3, 2) * DAY)
        return first

    # ---------------------------------------------------------------- fraud driver
    def run_fraud(self):
        G, R, N, D, T0, T1 = self.G, self.R, self.N, self.D, self.T0, self.T1
        self.build_farmers()
        self.build_rings()
        n_t = int(round(N * D * 0.0017 * R.uniform(0.85, 1.15)))
        counts = G.multinomial(n_t, norm([TYPE_SHARE[t] for t in SCAM_TYPES]))
        scripts = {"police": self.s_police, "customer_service": self.s_cs, "credit_repair": self.s_credit,
                   "rebate": self.s_rebate, "investment": self.s_invest, "loan": self.s_loan,
                   "shopping": self.s_shop, "boss": self.s_boss, "romance": self.s_romance,
                   "game_trading": self.s_game, "other": self.s_other}
        taken = np.zeros(N, bool)
        plan = []
        for typ, k in zip(SCAM_TYPES, counts):
            w = self.vuln(typ) * ~taken
            k = int(min(k, np.count_nonzero(w)))
            if k == 0:
                continue
            for p in G.choice(N, k, replace=False, p=norm(w)):
                taken[p] = True
                plan.append((self.in_hours(T0 + int(R.uniform(0, D - 0.12) * DAY), 8, 23), int(p), typ))
        plan.sort()
        for t0, p, typ in plan:
            rg = R.choice(self.type_rings[typ])
            pay = R.random() < PAY_PROB[typ]
            first = scripts[typ](rg, p, t0, pay, typ)
            if first < T1:
                self.targets[p] = dict(type=typ, first=int(first), ring=rg["id"])
        self.mass_dial()
        self.mass_sms()
        self.outside_inflows()
        self.launder()

    def ring_times(self, n, lo, hi):
        G = self.G
        out = np.zeros(0, np.int64)
        hw = H_RING / H_RING.max()
        for _ in range(6):
            t = G.integers(lo, hi, 4 * n + 8)
            keep = G.random(len(t)) < hw[((t - self.T0) // HOUR) % 24]
            out = np.concatenate([out, t[keep]])
            if len(out) >= n:
                return np.sort(out[:n])
        return np.sort(np.concatenate([out, G.integers(lo, hi, n)])[:n])

    def mass_dial(self):
        G, R, N, D, T0, T1 = self.G, self.R, self.N, self.D, self.T0, self.T1
        ext = self.ext_pool
        uni = self.person_picker(np.ones(N))
        eld_land = np.nonzero((self.land >= 0) & (self.age >= 60))[0]
        for rg in self.rings:
            w = sum(norm(self.vuln(t)) for t in rg["types"])
            pick = self.person_picker(w)
            for r in rg["nums"]:
                if r["role"] != "caller":
                    continue
                lo, hi = max(r["t0"], T0), min(r["t1"], T1)
                if hi <= lo:
                    continue
                n = int(G.poisson(rg["dial"] / rg["conc"] * (hi - lo) / DAY))
                if n == 0:
                    continue
                ts = self.ring_times(n, lo, hi)
                u = G.random(n)
                cal = np.where(u < 0.55, pick(n), np.where(u < 0.8, uni(n), ext[G.integers(0, len(ext), n)]))
                if ("police" in rg["types"] or "other" in rg["types"]) and len(eld_land):
                    m = G.random(n) < 0.06
                    cal[m] = self.land[eld_land[G.integers(0, len(eld_land), m.sum())]]
                pa = {"overseas": 0.10, "voip": 0.25}.get(r["src"], 0.35)
                ans = G.random(n) < pa
                u = G.random(n)
                d = np.where(u < 0.78, G.lognormal(math.log(8), 0.6, n),
                             np.where(u < 0.96, G.lognormal(math.log(35), 0.5, n), G.lognormal(math.log(140), 0.5, n)))
                d = (np.clip(d, 2, 1200) * ans).astype(np.int64)
                self.calls.add_arrays(ts=ts, a=r["n"], b=cal, d=d, tag=2)
                cb = np.nonzero(~ans & (G.random(n) < 0.03))[0]
                self.calls.add_arrays(ts=ts[cb] + 30 + G.exponential(1200, len(cb)).astype(np.int64), a=cal[cb], b=r["n"],
                                      d=(G.uniform(5, 40, len(cb)) * (G.random(len(cb)) < 0.4)).astype(np.int64), tag=2)

    def mass_sms(self):
        G, R, N, T0, T1 = self.G, self.R, self.N, self.T0, self.T1
        for rg in self.rings:
            styp = [t for t in rg["types"] if t not in ("police", "romance", "boss")]
            if not rg["smsers"] or rg["sms"] <= 0 or not styp:
                continue
            w = sum(norm(self.vuln(t)) for t in styp)
            pick = self.person_picker(w)
            span = sum(max(0, min(r["t1"], T1) - max(r["t0"], T0)) for r in rg["smsers"])
            conc = max(1.0, span / (T1 - T0))
            for r in rg["smsers"]:
                lo, hi = max(r["t0"], T0), min(r["t1"], T1)
                if hi <= lo:
                    continue
                n = int(G.poisson(rg["sms"] / conc * (hi - lo) / DAY))
                if n == 0:
                    continue
                ts = self.ring_times(n, lo, hi)
                typ = R.choice(styp)
                dom = np.array([self.ring_domain(rg, typ, int(t)) for t in ts])
                dom = np.where(G.random(n) < 0.9, dom, -1)
                rc = pick(n)
                self.sms.add_arrays(ts=ts, a=r["n"], b=rc, dom=dom, tag=2)
                c = np.nonzero((dom >= 0) & (G.random(n) < 0.006))[0]
                self.net.add_arrays(ts=ts[c] + 20 + G.exponential(1800, len(c)).astype(np.int64), num=rc[c], k=1, tgt=dom[c], tag=2)

    def outside_inflows(self):
        """Money of victims elsewhere flowing through the same mule accounts (not labelled losses)."""
        G, R, T0, T1 = self.G, self.R, self.T0, self.T1
        for rg in self.rings:
            for m in rg["m1"]:
                lo, hi = max(m["t0"], T0), min(m["t1"], T1)
                if hi <= lo:
                    continue
                for _ in range(int(G.poisson(0.9 * (hi - lo) / DAY))):
                    t = R.randint(lo, hi - 1)
                    acc = m["acc"]
                    if self.is3p(acc):
                        fr = self.add_acc(-1, self.acc_bank[acc], A_PER, self.ext_open()) if R.random() < 0.5 else -1
                        ch = C_3P
                    else:
                        fr = self.add_acc(-1, self.rand_bank(), A_PER, self.ext_open()) if R.random() < 0.3 else -1
                        ch = R.choice([C_MOB, C_ONL])
                    self.tr(t, fr, acc, self.ln(6000, 1.0) * 100, ch, tag=4)
        for syn in self.syn:
            for m in syn["m2"]:
                lo, hi = max(m["t0"], T0), min(m["t1"], T1)
                for _ in range(int(G.poisson(1.5 * max(0, hi - lo) / DAY))):
                    self.tr(R.randint(lo, hi - 1), -1, m["acc"], self.ln(30000, 0.8) * 100, C_ONL, tag=4)

    def pick_pool(self, pool, t):
        act = [m for m in pool if m["t0"] <= t < m["t1"]]
        return self.R.choice(act or pool)["acc"]

    def launder(self):
        R, T0, T1 = self.R, self.T0, self.T1
        sm = self.trs.small
        heap = []
        seq = 0
        for i in range(len(sm["ts"])):
            to = sm["to"][i]
            if to in self.sweep and T0 <= sm["ts"][i] < T1:
                heap.append((sm["ts"][i], seq, 0, to, sm["amt"][i]))
                seq += 1
        heapq.heapify(heap)
        bal, pending = {}, set()
        self.atm_used = {}
        while heap:
            t, _, ev, acc, amt = heapq.heappop(heap)
            if t >= T1:
                continue
            lvl, syn_i = self.sweep[acc]
            if ev == 0:
                bal[acc] = bal.get(acc, 0) + amt
                if acc not in pending:
                    pending.add(acc)
                    if lvl == 1:
                        dl = self.ln(240, 0.8) if R.random() < 0.7 else self.ln(2400, 0.9)
                    else:
                        dl = self.ln({2: 600, 3: 900, 4: 1500}[lvl], 0.8)
                    heapq.heappush(heap, (t + int(dl) + 5, seq, 1, acc, 0))
                    seq += 1
                continue
            pending.discard(acc)
            amt = bal.get(acc, 0)
            if amt < 10000:
                continue
            keep = int(amt * R.uniform(0.005, 0.03)) if (lvl == 1 and R.random() < 0.5) else 0
            out = amt - keep
            if R.random() < 0.5:
                out = out // 100 * 100
            bal[acc] = amt - out
            syn = self.syn[syn_i]
            u = R.random()
            if lvl == 4:
                self.cashout(acc, t, out, syn)
                continue
            if lvl == 1:
                nxt = "m2" if u < 0.55 else ("co" if u < 0.85 or self.is3p(acc) or self.acc_holder[acc] < 0 else "self")
            elif lvl == 2:
                nxt = "m3" if u < 0.5 else "co"
            else:
                nxt = "co"
            if nxt == "self":
                self.cashout(acc, t, out, dict(methods=dict(atm=0.7, counter=0.3)))
                continue
            k = 1 if out < 2000000 else R.choice([1, 2, 2, 3])
            parts = np.random.default_rng(R.randrange(1 << 30)).dirichlet(np.ones(k) * 4) * out
            tt = t
            used = set()
            for x in parts:
                x = int(x)
                if x < 100:
                    continue
                dest = self.pick_pool(syn[nxt], tt)
                if dest in used and len(syn[nxt]) > 1:
                    dest = self.pick_pool(syn[nxt], tt)
                used.add(dest)
                ch = C_3P if self.is3p(acc) else R.choice([C_MOB, C_ONL, C_ONL])
                self.tr(tt, acc, dest, x, ch, tag=4)
                heapq.heappush(heap, (tt, seq, 0, dest, x))
                seq += 1
                tt += R.randint(10, 120)

    def cashout(self, acc, t, amt, syn):
        R = self.R
        ms = syn["methods"]
        method = R.choices(list(ms), list(ms.values()))[0]
        if self.is3p(acc) and method in ("atm", "counter", "gold"):
            method = "leave"
        if method == "atm":
            if 7 <= self.hour(t) <= 22 and R.random() < 0.5:
                t = t - ((t - self.T0) % DAY) + DAY + int(R.uniform(0.3, 4.5) * HOUR)
            key = (acc, self.day(t))
            room = 2000000 - self.atm_used.get(key, 0)
            tot = min(amt, room) // 10000 * 10000
            done = 0
            while done < tot:
                op = min(tot - done, R.choice([2000, 2500, 3000, 4000, 5000]) * 100)
                self.tr(t, acc, -1, op, C_ATM, tag=4)
                done += op
                t += R.randint(20, 75)
            self.atm_used[key] = self.atm_used.get(key, 0) + done
            amt -= done
            if amt < 10000:
                return
            method = "otc" if R.random() < 0.5 else "leave"
        if method == "counter":
            t = self.bank_hours(t)
            self.tr(t, acc, -1, amt, C_CNT, tag=4)
            return
        if method == "gold":
            t = self.in_hours(t, 10, 21)
            price = self.gold_price(t)
            g = int(amt / 100 / price)
            if g >= 5:
                g = g // 10 * 10 if g >= 20 else g
                self.tr(t, acc, R.choice(self.gold_shops), round(g * price * 100), C_MOB, tag=4)
                return
            method = "leave"
        if method == "otc":
            rate = self.usdt_rate()
            k = 1 if amt < 3000000 else R.choice([1, 2, 3])
            for x in np.random.default_rng(R.randrange(1 << 30)).dirichlet(np.ones(k) * 4) * amt:
                q = int(x / 100 / rate)
                if q < 10:
                    continue
                dest = R.choice(self.otc) if R.random() < 0.4 else -1
                self.tr(t, acc, dest, round(q * rate * 100), C_OTC, tag=4)
                t += R.randint(60, 900)
            return
        # leave the covered banks
        k = 1 if amt < 2000000 else R.choice([1, 2])
        for x in np.random.default_rng(R.randrange(1 << 30)).dirichlet(np.ones(k) * 4) * amt:
            if x >= 100:
                self.tr(t, acc, -1, int(x), R.choice([C_ONL, C_MOB]), tag=4)
                t += R.randint(30, 600)

    # ---------------------------------------------------------------- reports, disputes, lists
    def make_reports(self):
        R, T0, T1 = self.R, self.T0, self.T1
        sm = self.trs.small
        paid = {}
        for i in range(len(sm["ts"])):
            v = sm["vic"][i]
            if v >= 0 and T0 <= sm["ts"][i] < T1:
                paid.setdefault(v, []).append((sm["ts"][i], sm["to"][i], sm["amt"][i], sm["fr"][i]))
        self.report_named_innocent = []
        self.report_rows = []
        for v, lst in sorted(paid.items()):
            typ = self.targets.get(v, {}).get("type")
            if typ is None or R.random() > REPORT_PROB[typ]:
                continue
            lst.sort()
            last = lst[-1][0]
            ts = last + int(max(600, self.ln(REPORT_LAG_H[typ] * HOUR, 1.0)))
            if R.random() < 0.85:
                ts = self.in_hours(ts, 7, 24)
            if ts >= T1:
                continue
            accs = []
            for _, to, _, _ in lst:
                if to not in accs:
                    accs.append(to)
            if len(accs) > 1 and R.random() < 0.3:  # remembers only some payees
                accs = R.sample(accs, R.randint(1, len(accs) - 1))
            if R.random() < 0.08:  # names an innocent account too (own card, a shop paid that day)
                p_acc = [a for a in self.p_bank[v] if a != lst[0][3]]
                extra = R.choice(p_acc) if p_acc and R.random() < 0.4 else int(self.p_mer[R.choice(list(self.local_mer))])
                accs.append(extra)
                self.report_named_innocent.append((ts, extra))
            total = sum(a for _, _, a, _ in lst)
            u = R.random()
            if u < 0.65:
                claim = total
            elif u < 0.85:
                claim = max(100, round(total, -4))
            else:
                claim = int(total * R.uniform(0.8, 1.6))
            self.report_rows.append((ts, v, accs, max(100, int(claim))))
        # dispute reports that name innocent accounts (shops, daigou, landlords, private sellers)
        nd = max(3, int(self.N * self.D * 0.00015 * R.uniform(0.7, 1.3)))
        daig = [p for p in range(self.N) if self.seg[p] == S["daigou"]]
        lls = [p for p in range(self.N) if self.seg[p] == S["landlord"]]
        people = [p for p in range(self.N) if self.age[p] >= 18 and p not in self.targets and self.prim[p] >= 0]
        for _ in range(nd):
            rp = R.choice(people)
            u = R.random()
            if u < 0.4:
                acc = int(self.p_mer[R.choice(list(self.local_mer))])
            elif u < 0.55 and daig:
                acc = self.recv_acc(R.choice(daig))
            elif u < 0.7 and lls:
                acc = self.recv_acc(R.choice(lls))
            else:
                acc = self.recv_acc(R.choice(people))
            src, ch = self.pay_acc(rp, False)
            if acc < 0 or src < 0 or acc == src:
                continue
            tp = T0 + int(R.uniform(0, self.D - 0.5) * DAY)
            tp = self.in_hours(tp, 9, 23)
            amt = int(self.ln(2000, 0.9) * 100)
            self.tr(tp, src, acc, amt, self.ch_of(src, acc))
            ts = self.in_hours(tp + int(max(1800, self.ln(20 * HOUR, 0.8))), 8, 23)
            if ts >= T1:
                continue
            self.report_rows.append((ts, rp, [acc], int(amt * R.uniform(1.0, 1.5))))
            self.report_named_innocent.append((ts, acc))
        self.report_rows.sort()
        # reporters often dial 110 first; many others call 110 for unrelated reasons
        n110 = self.svc("110")
        for ts, p, _, _ in self.report_rows:
            if R.random() < 0.5 and self.prim[p] >= 0:
                self.calls.add(int(ts - R.randint(120, 3 * HOUR)), int(self.prim[p]), n110, int(self.ln(150, 0.5)), 1)
        ph = np.nonzero(self.prim >= 0)[0]
        for p in self.G.choice(ph, int(self.G.poisson(0.0006 * len(ph) * self.D))):
            self.calls.add(int(self.times(1, H_CALL)[0]), int(self.prim[p]), n110, int(self.ln(120, 0.6)), 1)

    def make_lists(self, calls):
        R, T0, T1 = self.R, self.T0, self.T1
        L = self.lists
        # first and last use of each number in the final calls / SMS
        src = {"numbers": ["12321", "miit", "police", "carrier"]}
        used_first = self.num_first_use
        for n, role in self.fraud_num_role.items():
            f = used_first.get(n)
            if f is None:
                continue
            p = 0.35 if role in ("caller", "sms") else 0.2
            if R.random() < p:
                t = f + int(self.ln(20 * HOUR, 0.7))
                if role == "handler" and R.random() < 0.3 or (self.num_kind[n] == K_OVS and R.random() < 0.1):
                    t = T0 - int(R.uniform(1, 30) * DAY)
                if t < T1:
                    L["numbers"].append((self.num_s[n], t, R.choice(src["numbers"])))
        # wrong entries: annoyed users' complaints about legit mass callers
        for key, k in (("telemarketer", R.randint(4, 9)), ("robocall", R.randint(1, 3)), ("courier", R.randint(1, 3)),
                       ("collector", R.randint(2, 4)), ("relay", R.randint(1, 2)), ("agent", R.randint(0, 2))):
            pool = self.la.get(key) or []
            for n in R.sample(pool, min(k, len(pool))):
                L["numbers"].append((self.num_s[n], T0 + int(R.uniform(-30, self.D - 0.2) * DAY), R.choice(["12321", "carrier"])))
        # stale entries: recycled numbers now held by innocent new subscribers
        rec = [int(self.prim[p]) for p in np.nonzero(self.new_res & (self.prim >= 0))[0]]
        rec += [int(x) for x in self.sim_new if x >= 0]
        for n in R.sample(rec, min(len(rec), R.randint(6, 12))):
            act = self.num_act[n] if self.num_act[n] > 0 else T0
            L["numbers"].append((self.num_s[n], act - int(R.uniform(30, 400) * DAY), R.choice(["12321", "police"])))
        for _ in range(R.randint(30, 60)):  # old fraud numbers never seen again
            cc = R.choice(["+855", "+95", "+63", "+856", "+60"])
            s = cc + str(R.randrange(1, 10)) + "%0*d" % (OVS_LEN[cc] - 1, R.randrange(10 ** (OVS_LEN[cc] - 1))) if R.random() < 0.4 else \
                R.choice(VIRT_PREF + LOCAL_PREF) + "%08d" % R.randrange(10 ** 8)
            if s not in self.num_idx:
                L["numbers"].append((s, T0 - int(R.uniform(5, 300) * DAY), R.choice(["12321", "miit", "police"])))
        # domains
        for d in self.ring_dom_set:
            f = self.dom_first_use.get(d)
            if f is not None and R.random() < 0.45:
                t = f + int(self.ln(36 * HOUR, 0.6))
                if t < T1:
                    L["domains"].append((self.names[d], t, R.choice(["police", "12321", "cnnic"])))
        for _ in range(R.randint(30, 50)):
            L["domains"].append((self.names[self.gen_domain(R.choice(SCAM_TYPES))], T0 - int(R.uniform(3, 200) * DAY), R.choice(["police", "12321"])))
        seen_legit = [d for d in self.dom_tail[:300] if d in self.dom_first_use]
        for d in R.sample(seen_legit, min(2, len(seen_legit))) + [R.choice(self.legit_loan_dom)]:
            L["domains"].append((self.names[d], T0 + int(R.uniform(-20, self.D - 0.5) * DAY), "12321"))
        # apps
        for a in self.ring_app_set:
            f = self.app_first_use.get(a)
            if f is None or R.random() > 0.55:
                continue
            t = T0 - int(R.uniform(1, 30) * DAY) if R.random() < 0.5 else f + int(self.ln(3 * DAY, 0.5))
            if t < T1:
                L["apps"].append((self.names[a], t, R.choice(["national_center", "app_review"])))
        for _ in range(R.randint(15, 30)):
            L["apps"].append((self.names[self.gen_app(R.choice(SCAM_TYPES))], T0 - int(R.uniform(5, 300) * DAY), "national_center"))
        for a in ["com.oray.sunlogin.application"] + [self.names[R.choice(self.app_tail[:100])]]:
            L["apps"].append((a, T0 - int(R.uniform(1, 60) * DAY), "app_review"))
        # accounts
        mule = self.acc_role
        for ts, _, accs, _ in self.report_rows:
            for a in accs:
                if R.random() < (0.6 if a in mule else 0.5):
                    t = ts + int(self.ln(3 * HOUR, 0.8))
                    if t < T1:
                        L["accounts"].append((self.acc_s[a], t, "police_report"))
        for a, f in self.acc_first_use.items():
            if a not in mule:
                continue
            u = R.random()
            if u < 0.12:
                t = f + int(R.uniform(1, 3) * DAY)
                if t < T1:
                    L["accounts"].append((self.acc_s[a], t, "bank"))
            elif u < 0.19:
                L["accounts"].append((self.acc_s[a], T0 - int(R.uniform(1, 40) * DAY), "national_platform"))
        stale = [a for p in R.sample(range(self.N), 40) for a in self.p_bank[p][:1]]
        for a in stale[:R.randint(8, 16)]:
            L["accounts"].append((self.acc_s[a], T0 - int(R.uniform(60, 500) * DAY), R.choice(["national_platform", "province"])))
        for k in L:
            best = {}
            for v, t, s in L[k]:
                if v not in best or t < best[v][0]:
                    best[v] = (t, s)
            L[k] = sorted(((v, t, s) for v, (t, s) in best.items()), key=lambda x: (x[1], x[0]))

    # ---------------------------------------------------------------- finalize & write
    def finalize(self):
        G, R, T0, T1 = self.G, self.R, self.T0, self.T1

        def win(d):
            m = (d["ts"] >= T0) & (d["ts"] < T1)
            return {k: v[m] for k, v in d.items()}

        def filt(d, m):
            return {k: v[m] for k, v in d.items()}
        C = win(self.calls.final())
        C = filt(C, C["a"] != C["b"])
        Sm = win(self.sms.final())
        Sm = filt(Sm, Sm["a"] != Sm["b"])
        Nt = win(self.net.final())
        Tr = win(self.trs.final())
        Tr = filt(Tr, (Tr["fr"] != Tr["to"]) & (Tr["amt"] > 0))
        # SIM changes: the old number is replaced from the switch time
        nn = len(self.num_s)
        sw_t = np.full(nn, 1 << 62, np.int64)
        sw_new = np.arange(nn, dtype=np.int64)
        for p in np.nonzero(self.sim_new >= 0)[0]:
            sw_t[self.prim[p]] = self.sim_t[p]
            sw_new[self.prim[p]] = self.sim_new[p]
        m = C["ts"] >= sw_t[C["a"]]
        C["a"] = np.where(m, sw_new[C["a"]], C["a"])
        m = C["ts"] >= sw_t[C["b"]]
        moved = m & (G.random(len(m)) < 0.85)
        C["b"] = np.where(moved, sw_new[C["b"]], C["b"])
        C["d"] = np.where(m & ~moved, 0, C["d"])
        for d, col in ((Sm, "b"), (Sm, "a"), (Nt, "num")):
            m = d["ts"] >= sw_t[d[col]]
            d[col] = np.where(m, sw_new[d[col]], d[col])
        # bank notification SMS for card movements of 100 yuan and more
        notify = np.array(self.acc_notify + [-1], np.int64)
        bank_num = np.array([self.num_idx[BANK_SVC[b]] if b in BANK_SVC else -1 for b in self.acc_bank] + [-1], np.int64)
        parts = []
        for side in ("fr", "to"):
            a = np.where(Tr[side] >= 0, Tr[side], len(self.acc_bank))
            ok = (notify[a] >= 0) & (bank_num[a] >= 0) & (Tr["amt"] >= 10000) & (Tr["ch"] != C_OTC)
            ts = Tr["ts"][ok] + G.integers(2, 40, ok.sum())
            parts.append(dict(ts=ts, a=bank_num[a][ok], b=notify[a][ok], dom=np.full(ok.sum(), -1), tag=np.zeros(ok.sum(), np.int64)))
        for pt in parts:
            m = pt["ts"] < T1
            for k in Sm:
                Sm[k] = np.concatenate([Sm[k], pt[k][m]])
        # first uses
        big = np.int64(1 << 62)
        fu = np.full(nn, big, np.int64)
        for arr, ts in ((C["a"], C["ts"]), (C["b"], C["ts"]), (Sm["a"], Sm["ts"]), (Sm["b"], Sm["ts"])):
            np.minimum.at(fu, arr, ts)
        self.num_first_use = {n: int(fu[n]) for n in self.fraud_num_role if fu[n] < big}
        self.num_used = fu < big
        nm = len(self.names)
        fd = np.full(nm, big, np.int64)
        m = Sm["dom"] >= 0
        np.minimum.at(fd, Sm["dom"][m], Sm["ts"][m])
        m = Nt["k"] == 1
        np.minimum.at(fd, Nt["tgt"][m], Nt["ts"][m])
        fa = np.full(nm, big, np.int64)
        m = Nt["k"] == 0
        np.minimum.at(fa, Nt["tgt"][m], Nt["ts"][m])
        self.dom_first_use = {int(i): int(fd[i]) for i in np.nonzero(fd < big)[0]}
        self.app_first_use = {int(i): int(fa[i]) for i in np.nonzero(fa < big)[0]}
        na = len(self.acc_s)
        fac = np.full(na, big, np.int64)
        for side in ("fr", "to"):
            m = Tr[side] >= 0
            np.minimum.at(fac, Tr[side][m], Tr["ts"][m])
        self.acc_first_use = {a: int(fac[a]) for a in self.acc_role if fac[a] < big}
        self.make_lists(C)
        # MIIT 12381 warning SMS to everyone who talked with a number once it is listed
        s12381 = self.num_idx["12381"]
        listed = {self.num_idx[v]: t for v, t, _ in self.lists["numbers"] if v in self.num_idx and T0 <= t < T1}
        if listed:
            ln_arr = np.full(nn, -1, np.int64)
            for n, t in listed.items():
                ln_arr[n] = t
            add_ts, add_b = [], []
            for x, y in (("a", "b"), ("b", "a")):
                lt = ln_arr[C[x]]
                m = (lt >= 0) & (C["d"] > 0) & (C["ts"] < lt) & (C["ts"] >= lt - 72 * HOUR)
                other = C[y][m]
                hold = np.array(self.num_holder, np.int64)[other] >= 0
                add_ts.append(lt[m][hold] + G.integers(60, 6 * HOUR, hold.sum()))
                add_b.append(other[hold])
            ts = np.concatenate(add_ts)
            b = np.concatenate(add_b)
            key = np.unique(np.stack([b, ts // DAY]), axis=1, return_index=True)[1] if len(b) else np.zeros(0, np.int64)
            ts, b = ts[key], b[key]
            m = ts < T1
            for k, v in (("ts", ts[m]), ("a", np.full(m.sum(), s12381)), ("b", b[m]), ("dom", np.full(m.sum(), -1)), ("tag", np.full(m.sum(), 1))):
                Sm[k] = np.concatenate([Sm[k], v])
        self.C, self.Sm, self.Nt, self.Tr = C, Sm, Nt, Tr

    def write(self, out):
        G, T0, T1 = self.G, self.T0, self.T1
        os.makedirs(os.path.join(out, "lists"), exist_ok=True)
        os.makedirs(os.path.join(out, "labels"), exist_ok=True)

        def ts_expr(c):
            return pl.from_epoch(pl.col(c) + 8 * HOUR, time_unit="s").dt.strftime("%Y-%m-%dT%H:%M:%S") + pl.lit("+08:00")

        def opt_ts(c):
            return pl.when(pl.col(c) >= 0).then(ts_expr(c)).otherwise(pl.lit(None, pl.String))

        def amt_expr(c):
            return (pl.col(c) // 100).cast(pl.String) + pl.lit(".") + (pl.col(c) % 100).cast(pl.String).str.zfill(2)

        def pid(c):
            return pl.when(pl.col(c) >= 0).then(pl.lit("P") + pl.col(c).cast(pl.String).str.zfill(6)).otherwise(pl.lit(None, pl.String))

        def gather(strings, idx):
            s = pl.Series(list(strings) + [None], dtype=pl.String)
            idx = np.where(idx >= 0, idx, len(strings))
            return s.gather(idx)

        def order(ts):
            return np.lexsort((G.random(len(ts)), ts))
        counts = {}

        def dump(df, name):
            df.write_csv(os.path.join(out, name + ".csv"))
            counts[name] = df.height
        N = self.N
        dump(pl.DataFrame({"i": np.arange(N), "district": [DISTRICTS[d] for d in self.dist],
                           "birth_year": self.birth.astype(np.int64), "sex": np.where(self.male, "M", "F")}).select(
            pid("i").alias("person_id"), "district", "birth_year", "sex"), "persons")
        nn = len(self.num_s)
        dump(pl.DataFrame({"number": self.num_s, "h": np.array(self.num_holder, np.int64),
                           "kind": [KINDS[k] for k in self.num_kind], "act": np.array(self.num_act, np.int64)}).select(
            "number", pid("h").alias("holder_person_id"), "kind", opt_ts("act").alias("activated_at")), "phones")
        dump(pl.DataFrame({"account_id": self.acc_s, "h": np.array(self.acc_holder, np.int64), "bank": self.acc_bank,
                           "kind": [ACC_KINDS[k] for k in self.acc_kind], "op": np.array(self.acc_open, np.int64)}).select(
            "account_id", pid("h").alias("holder_person_id"), "bank", "kind", opt_ts("op").alias("opened_at")), "accounts")
        C = self.C
        o = order(C["ts"])
        dump(pl.DataFrame({"event_id": [f"C{i:09d}" for i in range(len(o))], "ts": C["ts"][o],
                           "caller": gather(self.num_s, C["a"][o]), "callee": gather(self.num_s, C["b"][o]),
                           "duration_s": C["d"][o]}).with_columns(ts_expr("ts").alias("ts")), "calls")
        Sm = self.Sm
        o = order(Sm["ts"])
        dump(pl.DataFrame({"event_id": [f"S{i:09d}" for i in range(len(o))], "ts": Sm["ts"][o],
                           "sender": gather(self.num_s, Sm["a"][o]), "receiver": gather(self.num_s, Sm["b"][o]),
                           "url_domain": gather(self.names, Sm["dom"][o])}).with_columns(ts_expr("ts").alias("ts")), "sms")
        Nt = self.Nt
        o = order(Nt["ts"])
        dump(pl.DataFrame({"event_id": [f"N{i:09d}" for i in range(len(o))], "ts": Nt["ts"][o],
                           "number": gather(self.num_s, Nt["num"][o]),
                           "kind": np.where(Nt["k"][o] == 0, "app_install", "url_visit"),
                           "target": gather(self.names, Nt["tgt"][o])}).with_columns(ts_expr("ts").alias("ts")), "net")
        Tr = self.Tr
        o = order(Tr["ts"])
        tids = np.array([f"T{i:09d}" for i in range(len(o))])
        dump(pl.DataFrame({"event_id": tids, "ts": Tr["ts"][o],
                           "from_account": gather(self.acc_s, Tr["fr"][o]), "to_account": gather(self.acc_s, Tr["to"][o]),
                           "amt": Tr["amt"][o], "channel": np.array(CHANNELS)[Tr["ch"][o]]}).select(
            "event_id", ts_expr("ts").alias("ts"), "from_account", "to_account", amt_expr("amt").alias("amount"), "channel"), "transfers")
        rr = self.report_rows
        dump(pl.DataFrame({"report_id": [f"R{i:06d}" for i in range(len(rr))], "ts": np.array([r[0] for r in rr], np.int64),
                           "p": np.array([r[1] for r in rr], np.int64),
                           "paid_to": [";".join(self.acc_s[a] for a in r[2]) for r in rr],
                           "c": np.array([r[3] for r in rr], np.int64)},
                          schema={"report_id": pl.String, "ts": pl.Int64, "p": pl.Int64, "paid_to": pl.String, "c": pl.Int64}).select(
            "report_id", ts_expr("ts").alias("ts"), pid("p").alias("person_id"), "paid_to", amt_expr("c").alias("claimed_amount")), "reports")
        for k, rows in self.lists.items():
            dump(pl.DataFrame({"value": [r[0] for r in rows], "t": np.array([r[1] for r in rows], np.int64),
                               "source": [r[2] for r in rows]}, schema={"value": pl.String, "t": pl.Int64, "source": pl.String}).select(
                "value", ts_expr("t").alias("listed_at"), "source"), "lists/" + k)
        # ---- labels
        vic = Tr["vic"]
        lm = vic >= 0
        loss_ids = tids[np.argsort(o)][lm] if len(o) else np.zeros(0, str)
        first_loss, loss_amt = {}, {}
        for v, t, a in zip(vic[lm].tolist(), Tr["ts"][lm].tolist(), Tr["amt"][lm].tolist()):
            first_loss[v] = min(first_loss.get(v, t), t)
            loss_amt[v] = loss_amt.get(v, 0) + a
        tg = sorted(self.targets.items())
        dump(pl.DataFrame({"p": np.array([p for p, _ in tg], np.int64), "scam_type": [d["type"] for _, d in tg],
                           "f": np.array([d["first"] for _, d in tg], np.int64),
                           "l": np.array([first_loss.get(p, -1) for p, _ in tg], np.int64),
                           "a": np.array([loss_amt.get(p, 0) for p, _ in tg], np.int64)},
                          schema={"p": pl.Int64, "scam_type": pl.String, "f": pl.Int64, "l": pl.Int64, "a": pl.Int64}).select(
            pid("p").alias("person_id"), "scam_type", ts_expr("f").alias("first_contact_ts"), opt_ts("l").alias("first_loss_ts"),
            pl.when(pl.col("a") > 0).then(amt_expr("a")).otherwise(pl.lit(None, pl.String)).alias("loss_amount")), "labels/targets")
        used_num = set(np.unique(np.concatenate([C["a"], C["b"], Sm["a"], Sm["b"]])).tolist())
        nums = sorted((n, r) for n, r in self.fraud_num_role.items() if n in used_num)
        dump(pl.DataFrame({"number": [self.num_s[n] for n, _ in nums], "role": [r for _, r in nums]},
                          schema={"number": pl.String, "role": pl.String}), "labels/numbers")
        used_acc = set(np.unique(np.concatenate([Tr["fr"], Tr["to"]])).tolist())
        accs = sorted((a, r) for a, r in self.acc_role.items() if a in used_acc)
        dump(pl.DataFrame({"account_id": [self.acc_s[a] for a, _ in accs], "role": [r for _, r in accs]},
                          schema={"account_id": pl.String, "role": pl.String}), "labels/accounts")
        doms = sorted(self.names[d] for d in self.ring_dom_set if d in self.dom_first_use)
        dump(pl.DataFrame({"value": doms}, schema={"value": pl.String}), "labels/domains")
        apps = sorted(self.names[a] for a in self.ring_app_set if a in self.app_first_use)
        dump(pl.DataFrame({"value": apps}, schema={"value": pl.String}), "labels/apps")
        dump(pl.DataFrame({"event_id": np.sort(loss_ids)}, schema={"event_id": pl.String}), "labels/losses")
        meta = {"format": "dataset/1",
                "start": START.strftime("%Y-%m-%dT%H:%M:%S+08:00"),
                "end": (START + timedelta(days=self.D)).strftime("%Y-%m-%dT%H:%M:%S+08:00"),
                "seed": self.seed,
                "note": "independent synthetic city (generator c, /work/indep/c/gen.py): Guangzhou-like, "
                        f"{self.N} persons, {self.D} days"}
        with open(os.path.join(out, "meta.json"), "w", encoding="utf-8") as fh:
            json.dump(meta, fh, ensure_ascii=False, indent=1)
        self.counts = counts
        self.stats = dict(targets=len(self.targets), victims_with_loss=len(loss_amt),
                          loss_total_yuan=round(sum(loss_amt.values()) / 100, 2), fraud_numbers=len(nums),
                          mule_accounts=len(accs), fraud_domains=len(doms), fraud_apps=len(apps),
                          reports=len(rr), loss_transfers=int(lm.sum()),
                          by_type={t: sum(1 for _, d in tg if d["type"] == t) for t in SCAM_TYPES},
                          victims_by_type={t: sum(1 for p, d in tg if d["type"] == t and p in loss_amt) for t in SCAM_TYPES},
                          account_roles={r: sum(1 for _, x in accs if x == r) for r in ("mule_1", "mule_2", "mule_3", "cashout")})


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--persons", type=int, default=20000)
    ap.add_argument("--days", type=int, default=7)
    ap.add_argument("--out", required=True)
    a = ap.parse_args(argv)
    t0 = time.time()
    c = City(a.seed, a.persons, a.days)
    steps = [("population", c.build_population), ("phones", c.build_phones), ("accounts", c.build_accounts),
             ("catalogs", c.build_catalogs), ("contacts", c.build_contacts), ("calls", c.normal_calls),
             ("lookalike calls", c.lookalike_calls), ("sms", c.normal_sms), ("net", c.normal_net),
             ("transfers", c.normal_transfers), ("fraud", c.run_fraud), ("reports", c.make_reports),
             ("finalize", c.finalize), ("write", lambda: c.write(a.out))]
    for name, fn in steps:
        ts = time.time()
        fn()
        print(f"  {name:16s} {time.time() - ts:6.1f}s", file=sys.stderr)
    c.stats["seconds"] = round(time.time() - t0, 1)
    print(json.dumps(dict(counts=c.counts, stats=c.stats), indent=1))


if __name__ == "__main__":
    main()
