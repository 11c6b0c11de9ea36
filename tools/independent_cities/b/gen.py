#!/usr/bin/env python3
"""Independent synthetic city generator for telecom / online fraud data (format dataset/1).

    gen.py --seed N --persons P --days D --out DIR

Written from first principles (see DESIGN.md next to this file): a carrier's CDR / SMS / DPI
view and the covered banks' ledgers of a mid-sized Chinese city, with everyday life, many
innocent look-alikes of fraud, and a dozen fraud rings with their own scripts and mule chains.

Internally every time is "local seconds since the city start" (start = a Monday 00:00 +08:00);
bulk traffic is generated with numpy arrays, fraud scripts with a small Python loop per target.
"""
from __future__ import annotations

import argparse
import calendar
import datetime as _dt
import json
import math
import os
import sys
import time

os.environ.setdefault("POLARS_MAX_THREADS", "1")

import numpy as np  # noqa: E402
import polars as pl  # noqa: E402

DAY = 86400
HOUR = 3600
MINUTE = 60
START_DATE = _dt.date(2026, 3, 9)  # a Monday
L0 = calendar.timegm((START_DATE.year, START_DATE.month, START_DATE.day, 0, 0, 0))
MISSING = np.iinfo(np.int64).min

DISTRICTS = ["360102", "360103", "360104", "360111", "360112", "360113", "360121", "360123", "360124"]
DISTRICT_W = np.array([0.13, 0.12, 0.10, 0.14, 0.12, 0.09, 0.14, 0.09, 0.07])

# bank code: (card BIN, card length, service short code, resident weight, outside weight)
BANKS = {
    "ICBC": ("622202", 19, "95588", 0.19, 0.14),
    "CCB": ("621700", 19, "95533", 0.17, 0.13),
    "ABC": ("622848", 19, "95599", 0.15, 0.12),
    "BOC": ("621661", 19, "95566", 0.08, 0.08),
    "BOCOM": ("622262", 19, "95559", 0.05, 0.05),
    "PSBC": ("621799", 19, "95580", 0.10, 0.08),
    "CMB": ("621483", 16, "95555", 0.07, 0.07),
    "CIB": ("622909", 18, "95561", 0.04, 0.05),
    "JXB": ("623058", 19, "956055", 0.06, 0.005),
    "NCRCB": ("621592", 19, "96268", 0.05, 0.005),
    "PAB": ("622155", 16, "95511", 0.01, 0.06),
    "CMBC": ("622622", 16, "95568", 0.01, 0.06),
    "SPDB": ("622521", 16, "95528", 0.01, 0.05),
    "CEB": ("622660", 16, "95595", 0.005, 0.04),
    "CITIC": ("622690", 16, "95558", 0.005, 0.04),
    "GDB": ("622568", 16, "95508", 0.0, 0.03),
}
BANK_CODES = list(BANKS)
BANK_RES_W = np.array([BANKS[b][3] for b in BANK_CODES]); BANK_RES_W /= BANK_RES_W.sum()
BANK_OUT_W = np.array([BANKS[b][4] for b in BANK_CODES]); BANK_OUT_W /= BANK_OUT_W.sum()
BANK_OLD_W = BANK_RES_W.copy()
for _b, _f in (("PSBC", 3.0), ("ABC", 1.6), ("NCRCB", 3.0), ("CMB", 0.3), ("CIB", 0.3)):
    BANK_OLD_W[BANK_CODES.index(_b)] *= _f
BANK_OLD_W /= BANK_OLD_W.sum()

MOB_PREFIX = ["134", "135", "136", "137", "138", "139", "150", "151", "152", "157", "158", "159",
              "182", "183", "187", "188", "178", "130", "131", "132", "155", "156", "185", "186",
              "176", "166", "133", "153", "180", "181", "189", "177", "173", "199", "191", "198"]
VOIP_PREFIX = ["170", "171", "162", "165", "167"]
OUT_AREA = ["010", "021", "020", "0755", "0571", "028", "027", "0731", "0592", "0591"]
CH = {"mobile": 0, "online": 1, "counter": 2, "atm": 3, "third_party": 4, "crypto_otc": 5}
CH_NAMES = list(CH)
KINDS = ["mobile", "landline", "voip", "overseas", "service"]
MOB, LAND, VOIP, OVS, SERV = range(5)
ACC_KINDS = ["personal", "merchant", "corporate"]

# hour-of-day weights (weekday, weekend)
PROF = {
    "social": ([3, 1.5, 1, .6, .6, 1.2, 4, 9, 14, 17, 18, 17, 15, 14, 15, 16, 16, 17, 18, 20, 21, 18, 12, 6],
               [5, 2.5, 1.5, .8, .6, .8, 2, 5, 9, 13, 16, 17, 16, 15, 15, 15, 16, 17, 19, 21, 21, 18, 13, 8]),
    "biz": ([0, 0, 0, 0, 0, 0, .2, 1, 8, 14, 15, 13, 5, 7, 14, 15, 14, 10, 4, 1.5, .8, .3, 0, 0],
            [0, 0, 0, 0, 0, 0, 0, .5, 4, 7, 8, 7, 3, 4, 7, 7, 6, 4, 2, 1, .5, .2, 0, 0]),
    "shop": ([1.5, .8, .4, .2, .2, .4, 2, 6, 8, 6, 6, 9, 12, 8, 6, 6, 7, 9, 11, 10, 9, 8, 6, 3],
             [2.5, 1.2, .6, .3, .2, .3, 1, 3, 6, 8, 9, 11, 12, 10, 9, 9, 9, 10, 12, 12, 11, 9, 7, 4]),
    "net": ([4, 2, 1, .6, .5, .8, 2, 5, 7, 7, 7, 8, 10, 8, 7, 7, 7, 8, 9, 11, 13, 14, 12, 8],
            [6, 3.5, 2, 1, .6, .7, 1.5, 3, 5, 7, 8, 9, 10, 9, 9, 9, 9, 9, 10, 12, 14, 14, 13, 10]),
    "notice": ([.5, .3, .2, .1, .1, .2, 1, 4, 8, 10, 10, 10, 8, 8, 9, 10, 10, 10, 9, 8, 7, 5, 3, 1],
               [.6, .3, .2, .1, .1, .2, .6, 2, 6, 9, 10, 10, 9, 9, 9, 9, 9, 9, 9, 8, 7, 5, 3, 1.2]),
    "fraud": ([1, .5, .3, .2, .2, .3, .8, 2.5, 6, 9, 10, 9, 6, 7, 9, 10, 9, 8, 7, 7, 6, 5, 3, 2],
              [1.2, .6, .3, .2, .2, .3, .6, 2, 5, 8, 9, 8, 6, 7, 8, 9, 8, 8, 7, 7, 6, 5, 3, 2]),
    "elder": ([.2, .1, .1, .1, .3, 1.5, 5, 9, 12, 13, 12, 10, 6, 5, 8, 10, 10, 9, 8, 7, 5, 2, .8, .4],
              [.2, .1, .1, .1, .3, 1.5, 5, 9, 12, 13, 12, 10, 6, 5, 8, 10, 10, 9, 8, 7, 5, 2, .8, .4]),
}

LEGIT_DOMAINS = (
    "www.baidu.com m.baidu.com www.qq.com weixin.qq.com mp.weixin.qq.com m.taobao.com www.tmall.com "
    "m.jd.com weibo.com www.douyin.com www.bilibili.com www.zhihu.com www.163.com news.sina.com.cn "
    "www.sohu.com m.ctrip.com www.12306.cn i.meituan.com m.dianping.com mobile.yangkeduo.com "
    "www.xiaohongshu.com www.kuaishou.com m.toutiao.com www.alipay.com www.iqiyi.com www.youku.com "
    "www.amap.com www.eastmoney.com www.10jqka.com.cn www.icbc.com.cn www.ccb.com www.abchina.com "
    "www.boc.cn www.cmbchina.com www.10086.cn www.chinaunicom.com www.189.cn www.gov.cn www.nc.gov.cn "
    "www.jiangxi.gov.cn www.chsi.com.cn www.zhaopin.com www.58.com nc.ke.com nc.anjuke.com "
    "www.autohome.com.cn www.dongchedi.com www.cainiao.com www.sf-express.com www.ele.me "
    "www.didiglobal.com blog.csdn.net github.com www.apple.com.cn consumer.huawei.com www.mi.com "
    "www.vivo.com.cn www.oppo.com bbs.hupu.com www.douban.com www.ximalaya.com www.kugou.com "
    "music.163.com www.qidian.com fanqienovel.com zoom.us meeting.tencent.com www.dingtalk.com "
    "www.feishu.cn www.wps.cn www.haodf.com www.jianshu.com www.360.cn www.sogou.com cn.bing.com "
    "www.so.com tianqi.moji.com www.12333.gov.cn www.chinatax.gov.cn www.ncmtr.com www.jxnews.com.cn "
    "www.jxhrss.gov.cn www.yiche.com www.lianjia.com www.pcauto.com.cn www.vip.com www.suning.com "
    "www.dangdang.com www.smzdm.com www.mafengwo.cn www.tuniu.com www.qunar.com www.ly.com "
    "www.huya.com www.douyu.com www.163yun.com www.mgtv.com www.pptv.com www.le.com www.hao123.com "
    "www.cnki.net www.xuexi.cn www.people.com.cn www.xinhuanet.com www.cctv.com www.ifeng.com "
    "www.thepaper.cn www.guancha.cn www.dxy.cn www.jd.com www.pinduoduo.com www.csrc.gov.cn "
    "www.sse.com.cn www.szse.cn www.htsc.com.cn www.gtja.com www.citics.com www.95579.com "
    "www.futunn.com www.tigerbrokers.com www.zhaoshang.net www.sge.com.cn www.chinagold.com.cn "
    "www.jiayuan.com www.zhenai.com www.immomo.com www.tantanapp.com www.soulapp.cn "
    "www.jym.cn www.pxb7.com www.5173.com www.jd.com.cn jr.jd.com www.mybank.cn www.webank.com "
    "www.xiaomijr.com www.360jie.com www.fenqile.com www.yirendai.com www.renrendai.com "
    "www.creditchina.gov.cn www.pbccrc.org.cn www.court.gov.cn www.spp.gov.cn www.mps.gov.cn "
    "www.12389.gov.cn www.ccdi.gov.cn www.chinacourt.org www.12377.cn"
).split()
SHORTENERS = ["t.cn", "dwz.cn", "url.cn", "3.cn", "m.tb.cn", "u.jd.com", "v.douyin.com", "b23.tv",
              "xhslink.com", "suo.im", "c.pinduoduo.com", "s.click.taobao.com"]
LEGIT_APPS = (
    "com.tencent.mm com.tencent.mobileqq com.ss.android.ugc.aweme com.smile.gifmaker com.taobao.taobao "
    "com.jingdong.app.mall com.xunmeng.pinduoduo com.sankuai.meituan me.ele com.eg.android.AlipayGphone "
    "com.sina.weibo tv.danmaku.bili com.xingin.xhs com.zhihu.android com.autonavi.minimap "
    "com.sdu.didi.psnger com.ss.android.article.news com.kugou.android com.netease.cloudmusic "
    "com.tencent.qqmusic com.tencent.qqlive com.qiyi.video com.youku.phone ctrip.android.view "
    "com.MobileTicket com.icbc com.chinamworld.main com.android.bankabc com.chinamworld.bocmbci "
    "cmb.pb com.yitong.mbank.psbc com.bankcomm.Bankcomm com.cib.cibmb com.eastmoney.android.berlin "
    "com.hexin.plugin com.lphtsccft com.guotai.dazhihui com.android.dazhihui cn.futu.trader "
    "com.tigerbrokers.stock com.tencent.wemeet.app us.zoom.videomeetings com.alibaba.android.rimet "
    "com.ss.android.lark com.tencent.wework com.immomo.momo com.p1.mobile.putong cn.soulapp.android "
    "com.jiayuan.app com.zhenai.android com.jd.jrapp com.webank.wemoney com.mybank.android.phone "
    "com.xiaomi.loan com.fenqile.android com.jym.mall com.pxb7.app com.tencent.tmgp.sgame "
    "com.tencent.tmgp.pubgmhd com.miHoYo.Yuanshen com.netease.dwrg com.hicorenational.antifraud "
    "com.kuaishou.nebula com.ss.android.ugc.aweme.lite com.dragon.read com.ximalaya.ting.android "
    "com.baidu.searchbox com.UCMobile com.quark.browser com.tencent.mtt com.wuba com.lianjia.beike "
    "com.anjuke.android.app com.cubic.autohome com.ss.android.auto com.cainiao.wireless "
    "com.sf.activity com.dianping.v1 com.achievo.vipshop com.suning.mobile.ebuy com.smzdm.client.android "
    "com.mfw.roadbook com.Qunar com.tongcheng.android com.duowan.kiwi air.tv.douyu.android "
    "cn.gov.tax.its com.tencent.weread com.moji.mjweather com.ct.client com.sinovatech.unicom.ui "
    "com.greenpoint.android.mc10086.activity cn.wps.moffice_eng com.baidu.netdisk com.tencent.androidqqmail "
    "com.duokan.reader com.chaozh.iReaderFree cn.xuexi.android com.jxgov.ganfutong com.alipay.mobile.jxrs "
    "com.ncmetro.app com.hellobike.atlas com.mobike.mobikeapp com.gotokeep.keep com.dxy.medicine "
    "com.haodf.android com.pingan.papd com.chinalife.ebz com.cpic.taipingyang com.picc.epicc"
).split()
MEETING_APPS = ["com.tencent.wemeet.app", "us.zoom.videomeetings", "com.alibaba.android.rimet", "com.ss.android.lark"]
INVEST_APPS = ["com.eastmoney.android.berlin", "com.hexin.plugin", "com.lphtsccft", "cn.futu.trader",
               "com.tigerbrokers.stock", "com.guotai.dazhihui"]
DATING_APPS = ["com.immomo.momo", "com.p1.mobile.putong", "cn.soulapp.android", "com.jiayuan.app", "com.zhenai.android"]
LOAN_APPS = ["com.jd.jrapp", "com.webank.wemoney", "com.mybank.android.phone", "com.xiaomi.loan", "com.fenqile.android"]
GAMETRADE_APPS = ["com.jym.mall", "com.pxb7.app"]
SYL = ["hui", "jin", "cai", "fu", "bao", "xin", "da", "tong", "hua", "rong", "yin", "tai", "long", "sheng",
       "feng", "kai", "an", "ying", "ju", "zhong", "guo", "mei", "jia", "le", "hao", "ming", "yi", "tian",
       "heng", "xing", "shun", "wei", "bo", "chuang", "zhi", "yun", "lian", "qi", "yu", "chen"]
FRAUD_TLD = ["com", "cc", "top", "vip", "xyz", "net", "shop", "club", "site", "icu", "fun", "app",
             "info", "me", "co", "live", "life", "link", "cn", "pro"]
FRAUD_TLD_W = np.array([14, 8, 12, 8, 7, 5, 4, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 1, 3, 2], float)
LEGIT_TLD = ["com", "cn", "com.cn", "net", "top", "vip", "cc", "org", "xyz"]
LEGIT_TLD_W = np.array([45, 25, 12, 6, 4, 2, 2, 2, 2], float)
TYPE_DOMAIN_STEM = {
    "rebate": ["dd", "shua", "task", "fanli", "job", "jz", "dianzan", "hy"],
    "investment": ["hk", "zq", "jj", "fx", "gold", "coin", "usdt", "bit", "qh", "tz", "gp"],
    "police": ["gaj", "spp", "jcy", "gat", "fy", "aqjc", "zfw", "ga"],
    "customer_service": ["kf", "tb", "jd", "pdd", "refund", "tk", "bz", "dy", "ks"],
    "loan": ["dai", "jie", "xd", "loan", "credit", "qb", "dk"],
    "shopping": ["mall", "shop", "pin", "mai", "tm", "gou"],
    "credit_repair": ["zx", "credit", "xyd", "xd", "zhengxin"],
    "boss": ["qq", "im", "chat", "oa"],
    "romance": ["love", "yh", "bc", "lottery", "cp", "jy"],
    "game_trading": ["game", "zh", "jiaoyi", "jy", "sy", "pxb"],
}
SCAM_TYPES = ["rebate", "investment", "police", "customer_service", "loan", "shopping",
              "credit_repair", "boss", "romance", "game_trading"]
# share of targets per scam type (sums to 1)
TYPE_SHARE = {"rebate": 0.27, "investment": 0.12, "customer_service": 0.14, "loan": 0.12, "police": 0.08,
              "shopping": 0.08, "credit_repair": 0.06, "boss": 0.05, "romance": 0.05, "game_trading": 0.03}
OVS_CC = ["855", "95", "63", "60", "856", "66", "84", "971", "86"]
OVS_CC_W = np.array([30, 14, 14, 10, 8, 6, 6, 4, 8], float)
LEGIT_OVS_CC = ["1", "44", "61", "81", "65", "852", "886", "60", "66", "82", "49", "33", "64", "853"]


def lognorm(rng, med, sig, n=None):
    return med * np.exp(sig * rng.standard_normal(n))


class Gen:
    def __init__(self, seed: int, persons: int, days: int):
        self.seed = seed
        self.rng = np.random.default_rng(seed)
        self.P = persons
        self.D = days
        self.END = days * DAY
        self.wkend = np.array([(START_DATE + _dt.timedelta(d)).weekday() >= 5 for d in range(days)])
        self.dom = np.array([(START_DATE + _dt.timedelta(d)).day for d in range(days)])
        self.cdf = {}
        for k, (wd, we) in PROF.items():
            a = np.cumsum(wd, dtype=float); b = np.cumsum(we, dtype=float)
            self.cdf[k] = (a / a[-1], b / b[-1])
        # registries
        self.ph_num: list[str] = []; self.ph_hold: list[int] = []; self.ph_kind: list[int] = []
        self.ph_act: list[int] = []; self.ph_idx: dict[str, int] = {}
        self.ac_id: list[str] = []; self.ac_hold: list[int] = []; self.ac_bank: list[str] = []
        self.ac_kind: list[int] = []; self.ac_open: list[int] = []; self.ac_idx: dict[str, int] = {}
        self.vocab: list[str] = []; self.vidx: dict[str, int] = {}
        self.calls: list[tuple] = []; self.sms: list[tuple] = []; self.net: list[tuple] = []
        self.tr: list[tuple] = []
        self.stats: dict[str, float] = {}

    # ------------------------------------------------------------------ registries
    def v(self, s: str) -> int:
        i = self.vidx.get(s)
        if i is None:
            i = len(self.vocab); self.vocab.append(s); self.vidx[s] = i
        return i

    def add_phone(self, num, holder=-1, kind=MOB, act=MISSING) -> int:
        i = len(self.ph_num)
        self.ph_num.append(num); self.ph_hold.append(holder); self.ph_kind.append(kind)
        self.ph_act.append(int(act)); self.ph_idx[num] = i
        return i

    def add_account(self, aid, holder, bank, kind, opened) -> int:
        i = len(self.ac_id)
        self.ac_id.append(aid); self.ac_hold.append(holder); self.ac_bank.append(bank)
        self.ac_kind.append(kind); self.ac_open.append(int(opened)); self.ac_idx[aid] = i
        return i

    def new_numbers(self, n, make) -> list[str]:
        out: list[str] = []
        seen = set()
        while len(out) < n:
            for s in make(n - len(out) + 8):
                if s not in self.ph_idx and s not in seen:
                    seen.add(s); out.append(s)
                    if len(out) == n:
                        break
        return out

    def mk_mobile(self, local=True):
        rng = self.rng

        def make(m):
            pre = rng.choice(MOB_PREFIX, m)
            seg = rng.choice(self.local_segs, m) if local else rng.integers(0, 10000, m)
            tail = rng.integers(0, 10000, m)
            return [f"{p}{s:04d}{t:04d}" for p, s, t in zip(pre, seg, tail)]
        return make

    def mk_voip(self):
        rng = self.rng

        def make(m):
            pre = rng.choice(VOIP_PREFIX, m); tail = rng.integers(0, 10 ** 8, m)
            return [f"{p}{t:08d}" for p, t in zip(pre, tail)]
        return make

    def mk_landline(self, area="0791"):
        rng = self.rng

        def make(m):
            first = rng.choice(["8", "6", "8", "8", "5"], m); tail = rng.integers(0, 10 ** 7, m)
            return [f"{area}{f}{t:07d}" for f, t in zip(first, tail)]
        return make

    def mk_overseas(self, ccs, w=None):
        rng = self.rng

        def make(m):
            cc = rng.choice(ccs, m, p=None if w is None else w / w.sum())
            out = []
            for c in cc:
                if c == "86":
                    out.append("+86" + str(rng.choice(MOB_PREFIX)) + f"{rng.integers(0, 10 ** 8):08d}")
                elif c == "1":
                    out.append("+1" + f"{rng.integers(201, 990)}{rng.integers(0, 10 ** 7):07d}")
                else:
                    ln = 8 if c in ("852", "853", "65") else 9 if c in ("855", "95", "66", "84", "60", "971", "33", "61", "44") else 10
                    out.append("+" + c + str(rng.integers(1, 10)) + f"{rng.integers(0, 10 ** (ln - 1)):0{ln - 1}d}")
            return out
        return make

    def mk_port(self):
        rng = self.rng

        def make(m):
            pre = rng.choice(["1069", "1065", "10690", "1068"], m)
            ln = rng.integers(8, 12, m)
            return [p + "".join(str(x) for x in rng.integers(0, 10, int(k) - len(p) + 4)) for p, k in zip(pre, ln)]
        return make

    def card_number(self, bank, corporate=False):
        rng = self.rng
        while True:
            if corporate:
                ln = int(rng.integers(17, 21))
                s = str(rng.integers(1, 10)) + "".join(str(x) for x in rng.integers(0, 10, ln - 1))
            else:
                bin_, ln = BANKS[bank][0], BANKS[bank][1]
                s = bin_ + "".join(str(x) for x in rng.integers(0, 10, ln - len(bin_)))
            if s not in self.ac_idx:
                return s

    def new_account(self, holder, bank=None, kind=0, opened=MISSING, outside=False):
        if bank is None:
            bank = BANK_CODES[int(self.rng.choice(len(BANK_CODES), p=BANK_OUT_W if outside else BANK_RES_W))]
        return self.add_account(self.card_number(bank, corporate=(kind == 2)), holder, bank, kind, opened)

    # ------------------------------------------------------------------ time helpers
    def tod(self, days, prof, n=None):
        """seconds within the day, drawn from an hour profile (weekday / weekend)."""
        days = np.asarray(days)
        if days.ndim == 0:
            days = np.full(n, int(days))
        wd, we = self.cdf[prof]
        u = self.rng.random(len(days))
        h = np.where(self.wkend[days], np.searchsorted(we, u, side="right"), np.searchsorted(wd, u, side="right"))
        return np.minimum(h, 23) * HOUR + self.rng.integers(0, HOUR, len(days))

    def pick_days(self, persons, weekday_only=False):
        W = self.dayw[persons]
        if weekday_only:
            W = W * (~self.wkend)[None, :]
        cw = np.cumsum(W, axis=1)
        u = self.rng.random(len(persons)) * cw[:, -1]
        return np.minimum((cw < u[:, None]).sum(axis=1), self.D - 1)

    def times_for(self, persons, prof, weekday_only=False, shift=True):
        d = self.pick_days(persons, weekday_only)
        t = self.tod(d, prof)
        if shift:
            t = (t + self.chrono[persons]) % DAY
        return d * DAY + t

    def times_uniform_days(self, n, prof, day_w=None):
        if day_w is None:
            day_w = np.ones(self.D)
        d = self.rng.choice(self.D, n, p=day_w / day_w.sum())
        return d * DAY + self.tod(d, prof)

    def cluster(self, key, t, p=0.3, scale=420):
        """Pull a share of events close to the previous event of the same key (sessions)."""
        if len(t) < 2:
            return t
        o = np.lexsort((t, key))
        ks, ts = key[o], t[o]
        same = np.r_[False, ks[1:] == ks[:-1]]
        pull = same & (self.rng.random(len(t)) < p)
        prev = np.r_[ts[:1], ts[:-1]]
        new = np.where(pull, prev + self.rng.exponential(scale, len(t)).astype(np.int64) + 5, ts)
        out = np.empty_like(t)
        out[o] = new
        return out

    # ------------------------------------------------------------------ event sinks
    def add_calls(self, t, a, b, dur, bg=True):
        self.calls.append((np.asarray(t, np.int64), np.asarray(a, np.int64), np.asarray(b, np.int64),
                           np.asarray(dur, np.int64), bg))

    def add_sms(self, t, a, b, dom, bg=True):
        self.sms.append((np.asarray(t, np.int64), np.asarray(a, np.int64), np.asarray(b, np.int64),
                         np.asarray(dom, np.int64), bg))

    def add_net(self, t, ph, kind, tgt, bg=True):
        t = np.asarray(t, np.int64)
        self.net.append((t, np.asarray(ph, np.int64), np.broadcast_to(np.asarray(kind, np.int64), t.shape).copy(),
                         np.asarray(tgt, np.int64), bg))

    def add_tr(self, t, fr, to, amt, ch, loss=None, bg=True):
        t = np.asarray(t, np.int64)
        if loss is None:
            loss = np.zeros(len(t), bool)
        self.tr.append((t, np.asarray(fr, np.int64), np.asarray(to, np.int64), np.asarray(amt, np.int64),
                        np.broadcast_to(np.asarray(ch, np.int64), t.shape).copy(), np.asarray(loss, bool), bg))

    def emit_calls(self, t, a, b, ans_p, med, sig, retry_p=0.35, cb_p=0.3, cb_ans=0.8, bg=True, cap=7200):
        rng = self.rng
        n = len(t)
        if n == 0:
            return
        ans = rng.random(n) < ans_p
        med = np.broadcast_to(np.asarray(med, float), (n,))
        dur = np.where(ans, np.clip(lognorm(rng, 1.0, sig, n) * med, 3, cap), 0).astype(np.int64)
        un = ~ans
        r = un & (rng.random(n) < retry_p)
        c = un & ~r & (rng.random(n) < cb_p)
        nr, nc = int(r.sum()), int(c.sum())
        t2 = t[r] + rng.integers(40, 600, nr)
        d2 = np.where(rng.random(nr) < 0.55, np.clip(lognorm(rng, 1.0, sig, nr) * med[r], 3, cap), 0).astype(np.int64)
        t3 = t[c] + rng.exponential(1500, nc).astype(np.int64) + 30
        d3 = np.where(rng.random(nc) < cb_ans, np.clip(lognorm(rng, 1.0, sig, nc) * med[c] * 0.8, 3, cap), 0).astype(np.int64)
        self.add_calls(np.r_[t, t2, t3], np.r_[a, a[r], b[c]], np.r_[b, b[r], a[c]], np.r_[dur, d2, d3], bg)

    # ------------------------------------------------------------------ population
    def build_population(self):
        rng = self.rng
        P = self.P
        ages, sexes, hhs, dists = [], [], [], []
        hid = 0
        while len(ages) < P:
            d = int(rng.choice(len(DISTRICTS), p=DISTRICT_W / DISTRICT_W.sum()))
            r = rng.random()
            m = []
            if r < 0.17:
                m = [(int(rng.integers(18, 40)), int(rng.random() < 0.45))]
            elif r < 0.35:
                a = int(rng.integers(23, 70)); m = [(a, 0), (max(20, a - int(rng.integers(-2, 6))), 1)]
            elif r < 0.65:
                a = int(rng.integers(27, 58)); b = max(21, a - int(rng.integers(-2, 6)))
                m = [(a, 0), (b, 1)]
                for _ in range(1 if rng.random() < 0.6 else 2):
                    m.append((int(np.clip(a - rng.integers(23, 36), 0, 30)), int(rng.integers(2))))
                if rng.random() < 0.12:
                    m = m[1:] if rng.random() < 0.75 else [m[0]] + m[2:]
            elif r < 0.77:
                a = int(rng.integers(27, 48)); b = max(21, a - int(rng.integers(-2, 6)))
                m = [(a, 0), (b, 1), (int(np.clip(a - rng.integers(23, 34), 0, 25)), int(rng.integers(2)))]
                g = a + int(rng.integers(24, 32)); s = int(rng.random() < 0.6)
                m.append((g, s))
                if rng.random() < 0.5:
                    m.append((g + int(rng.integers(-3, 4)), 1 - s))
            elif r < 0.91:
                a = int(rng.integers(60, 88)); m = [(a, 0), (max(55, a - int(rng.integers(-2, 6))), 1)]
            else:
                m = [(int(rng.integers(62, 97)), int(rng.random() < 0.68))]
            for a, s in m:
                ages.append(a); sexes.append(s); hhs.append(hid); dists.append(d)
            hid += 1
        self.age = np.array(ages[:P]); self.sex = np.array(sexes[:P]); self.hh = np.array(hhs[:P])
        self.dist = np.array(dists[:P])
        self.birth = 2025 - self.age + (rng.random(P) < 0.2)
        age = self.age
        # occupations: 0 child, 1 student, 2 employee, 3 self-employed, 4 gig worker, 5 home/unemployed, 6 retired
        occ = np.full(P, 5)
        u = rng.random(P)
        occ[age < 16] = 0
        st = (age >= 16) & (age < 23)
        occ[st & (u < 0.65)] = 1
        occ[st & (u >= 0.65)] = 2
        wk = (age >= 23) & (age < 60)
        occ[wk & (u < 0.66)] = 2
        occ[wk & (u >= 0.66) & (u < 0.78)] = 3
        occ[wk & (u >= 0.78) & (u < 0.84)] = 4
        occ[(age >= 60) & (u < 0.88)] = 6
        occ[(age >= 60) & (u >= 0.88)] = 3
        self.occ = occ
        adult = age >= 18
        self.adult = adult
        # latent traits
        act = lognorm(rng, 1.0, 0.65, P)
        act *= np.where(age < 16, 0.35, np.where(age < 23, 0.9, np.where(age < 60, 1.1, np.where(age < 75, 0.7, 0.45))))
        act *= np.where(occ == 4, 1.6, np.where(occ == 3, 1.3, 1.0))
        self.act = act
        self.shop = lognorm(rng, 1.0, 0.7, P) * np.where(age < 16, 0.2, np.where(age < 40, 1.3, np.where(age < 60, 1.0, np.where(age < 75, 0.45, 0.2))))
        self.web = lognorm(rng, 1.0, 0.7, P) * np.where(age < 14, 0.6, np.where(age < 35, 1.5, np.where(age < 55, 1.0, np.where(age < 70, 0.45, 0.15))))
        # day-level burstiness: person x day multipliers, and a circadian shift
        dw = rng.gamma(1.6, 1 / 1.6, (P, self.D))
        wkpref = lognorm(rng, 1.0, 0.35, P)
        dw *= np.where(self.wkend[None, :], wkpref[:, None], 1.0)
        self.dayw = dw
        self.chrono = (rng.normal(0, 2400, P)).astype(np.int64)
        night = (occ == 2) & (rng.random(P) < 0.05)
        self.chrono[night] += 7 * HOUR
        self.newres = adult & (age < 50) & (rng.random(P) < 0.025)
        self.single = adult & (age < 60) & (rng.random(P) < 0.18)
        # households as lists
        order = np.argsort(self.hh, kind="stable")
        bounds = np.flatnonzero(np.r_[True, self.hh[order][1:] != self.hh[order][:-1], True])
        self.households = [order[bounds[i]:bounds[i + 1]] for i in range(len(bounds) - 1)]

    # ------------------------------------------------------------------ phones
    def build_phones(self):
        rng = self.rng
        P, age = self.P, self.age
        self.local_segs = rng.choice(10000, 420, replace=False)
        p_has = np.where(age < 10, 0.0, np.where(age < 16, 0.45, np.where(age < 76, 0.975, np.where(age < 86, 0.8, 0.5))))
        has = rng.random(P) < p_has
        self.has_phone = has
        nsim = np.where(has, 1, 0)
        mid = has & (age >= 20) & (age < 62)
        nsim[mid & (rng.random(P) < 0.16)] = 2
        nsim[mid & (rng.random(P) < 0.03)] = 3
        nsim[self.newres & has & (rng.random(P) < 0.5)] += 1  # kept the old SIM from home
        total = int(nsim.sum())
        nums = self.new_numbers(total, self.mk_mobile(True))
        self.prim = np.full(P, -1); self.sec = np.full(P, -1)
        self.extra_sims: dict[int, list[int]] = {}
        k = 0
        for p in np.flatnonzero(nsim > 0):
            for j in range(nsim[p]):
                yrs = rng.uniform(0.05, max(0.1, min(age[p] - 12, 16)))
                act = -int(yrs * 365 * DAY)
                if self.newres[p] and j == 0:
                    act = int(rng.uniform(-45 * DAY, self.END - DAY))
                if rng.random() < 0.07:
                    act = MISSING
                i = self.add_phone(nums[k], int(p), MOB, act); k += 1
                if j == 0:
                    self.prim[p] = i
                elif j == 1:
                    self.sec[p] = i
                else:
                    self.extra_sims.setdefault(int(p), []).append(i)
        # household landlines (older households more)
        self.landline = np.full(P, -1)
        heads = []
        for members in self.households:
            oldest = members[np.argmax(age[members])]
            pl_ = 0.35 if age[oldest] >= 60 else 0.07
            if rng.random() < pl_:
                heads.append(int(oldest))
        ll = self.new_numbers(len(heads), self.mk_landline())
        for h, num in zip(heads, ll):
            act = MISSING if rng.random() < 0.3 else -int(rng.uniform(1, 25) * 365 * DAY)
            self.landline[h] = self.add_phone(num, h, LAND, act)
        self.resident_mobiles = np.array([i for i in range(len(self.ph_num)) if self.ph_kind[i] == MOB])
        # sorted by number string, for list dialers
        self.sorted_mobiles = np.array(sorted(self.resident_mobiles, key=lambda i: self.ph_num[i]))
        # service numbers
        self.svc = {}
        for b in BANK_CODES:
            self.svc["bank_" + b] = self.add_phone(BANKS[b][2], -1, SERV, MISSING)
        for name, code in (("cmcc", "10086"), ("cu", "10010"), ("ct", "10000"), ("grid", "95598"), ("gov", "12345"),
                           ("si", "12333"), ("sf", "95338"), ("zto", "95311"), ("yd", "95546"), ("yto", "95554"),
                           ("ems", "11183"), ("alipay", "95188"), ("tencent", "95017"), ("jd", "950618"),
                           ("weather", "12379"), ("taxi", "95128")):
            self.svc[name] = self.add_phone(code, -1, SERV, MISSING)
        ports = self.new_numbers(110, self.mk_port())
        pidx = [self.add_phone(n, -1, SERV, MISSING) for n in ports]
        self.ports_verify = np.array(pidx[:30]); self.ports_market = np.array(pidx[30:90])
        self.ports_parcel = np.array(pidx[90:100]); self.ports_misc = np.array(pidx[100:110])

    # ------------------------------------------------------------------ accounts, employers, merchants
    def build_accounts(self):
        rng = self.rng
        P, age, occ = self.P, self.age, self.occ
        self.accts: list[list[int]] = [[] for _ in range(P)]
        nacc = np.where(age < 16, (rng.random(P) < 0.12).astype(int),
                        np.where(age < 23, 1 + (rng.random(P) < 0.5), np.minimum(6, 1 + rng.poisson(1.2, P))))
        nacc = np.where(age >= 70, np.minimum(nacc, 2), nacc)
        for p in range(P):
            w = BANK_OLD_W if age[p] >= 60 else BANK_RES_W
            banks = rng.choice(len(BANK_CODES), nacc[p], replace=False, p=w) if nacc[p] else []
            for j, b in enumerate(banks):
                yrs = rng.uniform(0.1, max(0.2, min(age[p] - 10, 25)))
                op = -int(yrs * 365 * DAY)
                if self.newres[p] and j == 0 and rng.random() < 0.6:
                    op = -int(rng.uniform(3, 60) * DAY)
                if rng.random() < 0.04:
                    op = MISSING
                self.accts[p].append(self.new_account(p, BANK_CODES[b], 0, op))
        self.primacc = np.array([a[0] if a else -1 for a in self.accts])
        # employers (local corporate accounts) and employees
        emp = np.flatnonzero(occ == 2)
        outside_emp = rng.random(len(emp)) < 0.15
        local_emp = emp[~outside_emp]
        self.outside_employee = emp[outside_emp]
        nE = max(5, len(local_emp) // 14)
        size_w = rng.pareto(1.2, nE) + 1
        e_of = rng.choice(nE, len(local_emp), p=size_w / size_w.sum())
        self.employer_of = np.full(P, -1)
        self.employer_of[local_emp] = e_of
        owners_pool = np.flatnonzero((occ == 3) & (age >= 28))
        self.emp_acct = np.zeros(nE, np.int64)
        self.emp_payday = rng.choice([5, 8, 10, 10, 15, 15, 15, 20, 25, 28], nE)
        self.emp_members = [[] for _ in range(nE)]
        for p, e in zip(local_emp, e_of):
            self.emp_members[e].append(int(p))
        for e in range(nE):
            big = len(self.emp_members[e]) > 40
            holder = -1 if (big or rng.random() < 0.3 or len(owners_pool) == 0) else int(rng.choice(owners_pool))
            self.emp_acct[e] = self.new_account(holder, None, 2, -int(rng.uniform(0.5, 20) * 365 * DAY))
        self.salary = np.clip(lognorm(rng, 5200, 0.45, P), 2200, 60000)
        # finance staff (boss-impersonation targets): one per employer with >= 5 staff
        self.finance = np.full(P, -1)
        for e in range(nE):
            if len(self.emp_members[e]) >= 5:
                self.finance[self.emp_members[e][0]] = e
        # local merchants: self-employed own a shop with a merchant account
        se = np.flatnonzero((occ == 3) & self.has_phone)
        shop = se[rng.random(len(se)) < 0.75]
        self.merch_acct = []
        self.merch_owner = []
        self.merch_dist = []
        for p in shop:
            self.merch_acct.append(self.new_account(int(p), None, 1, -int(rng.uniform(0.2, 15) * 365 * DAY)))
            self.merch_owner.append(int(p)); self.merch_dist.append(int(self.dist[p]))
        # chain stores / supermarkets: corporate, holder empty
        for _ in range(max(8, self.P // 800)):
            self.merch_acct.append(self.new_account(-1, None, 2, -int(rng.uniform(2, 20) * 365 * DAY)))
            self.merch_owner.append(-1); self.merch_dist.append(int(rng.integers(len(DISTRICTS))))
        self.merch_acct = np.array(self.merch_acct); self.merch_owner = np.array(self.merch_owner)
        self.merch_dist = np.array(self.merch_dist)
        self.merch_pop = rng.pareto(1.1, len(self.merch_acct)) + 1
        self.merch_pop[self.merch_owner < 0] *= 8
        # merchant landlines (restaurants, shops)
        ml = [p for p in self.merch_owner if p >= 0 and rng.random() < 0.3]
        nums = self.new_numbers(len(ml), self.mk_landline())
        self.shop_lines = np.array([self.add_phone(n, int(p), LAND, -int(rng.uniform(1, 15) * 365 * DAY)) for p, n in zip(ml, nums)])
        # gold shops (merchant accounts)
        self.gold_shops = rng.choice(self.merch_acct[self.merch_owner >= 0], 4, replace=False)
        # outside merchants / platforms (holder empty)
        self.ecom = np.array([self.new_account(-1, None, int(rng.random() < 0.5) + 1, MISSING, outside=True) for _ in range(45)])
        self.ecom_pop = rng.pareto(0.9, 45) + 1
        self.utility = np.array([self.new_account(-1, None, 2, -int(rng.uniform(5, 20) * 365 * DAY)) for _ in range(9)])
        self.dealers = np.array([self.new_account(-1, None, 2, -int(rng.uniform(1, 12) * 365 * DAY)) for _ in range(14)])
        self.brokers = np.array([self.new_account(-1, None, 2, MISSING, outside=True) for _ in range(10)])
        self.lenders = np.array([self.new_account(-1, None, 2, MISSING, outside=True) for _ in range(12)])
        self.platforms = np.array([self.new_account(-1, None, 2, MISSING, outside=True) for _ in range(5)])
        self.ssf = self.new_account(-1, "JXB", 2, -int(15 * 365 * DAY))
        self.hospital_acct = np.array([self.new_account(-1, None, 2, -int(10 * 365 * DAY)) for _ in range(5)])
        self.suppliers = np.array([self.new_account(-1, None, int(rng.integers(3)), MISSING, outside=True) for _ in range(60)])
        self.otc = np.array([self.new_account(-1, None, 0, MISSING, outside=True) for _ in range(14)])
        # special roles
        a = self.adult & self.has_phone & (self.primacc >= 0)
        u = rng.random(P)
        self.courier = a & (occ == 4) & (u < 0.4)
        self.driver = a & (occ == 4) & (u >= 0.4)
        self.ins_agent = a & (age >= 25) & (age < 55) & (occ == 2) & (u < 0.012)
        self.re_agent = a & (age >= 22) & (age < 45) & (occ == 2) & (u >= 0.012) & (u < 0.022)
        self.community = a & (age >= 28) & (age < 56) & (occ == 2) & (u >= 0.022) & (u < 0.027)
        u2 = rng.random(P)
        self.landlord = a & (age >= 38) & (age < 75) & (u2 < 0.035)
        self.trader = a & (age >= 22) & (age < 42) & (u2 >= 0.035) & (u2 < 0.039) & ~self.landlord
        self.investor = a & (age >= 28) & (age < 72) & (rng.random(P) < 0.07)
        self.crypto = a & (age >= 20) & (age < 40) & (self.sex == 0) & (rng.random(P) < 0.02)
        self.borrower = a & (age >= 20) & (age < 55) & (rng.random(P) < 0.10)
        self.debtor = self.borrower & (rng.random(P) < 0.25)
        # card farmers and card renters (fraud suppliers, residents)
        u3 = rng.random(P)
        self.farmer = a & (age >= 20) & (age < 50) & (u3 < np.where(self.sex == 0, 0.0032, 0.0014)) & ~self.trader
        self.renter = a & (age >= 18) & (age < 32) & (occ != 2) & (u3 >= 0.01) & (u3 < 0.024) & ~self.farmer
        self.farm_sims: list[int] = []
        self.farm_accts: list[int] = []
        for p in np.flatnonzero(self.farmer):
            for _ in range(int(rng.integers(4, 13))):
                num = self.new_numbers(1, self.mk_mobile(True))[0]
                self.farm_sims.append(self.add_phone(num, int(p), MOB, int(rng.uniform(-70 * DAY, -2 * DAY))))
            banks = rng.choice(len(BANK_CODES), int(rng.integers(2, 7)), replace=False, p=BANK_RES_W)
            for b in banks:
                ai = self.new_account(int(p), BANK_CODES[b], 0, int(rng.uniform(-120 * DAY, -DAY)))
                self.accts[p].append(ai); self.farm_accts.append(ai)
        rng.shuffle(self.farm_sims)
        self.farm_sims_used = 0
        # rented cards: the renter's own (often old, dormant) cards
        self.rent_accts = [ai for p in np.flatnonzero(self.renter) for ai in self.accts[p]]
        rng.shuffle(self.rent_accts)

    # ------------------------------------------------------------------ social graph
    def build_social(self):
        rng = self.rng
        P, age, has = self.P, self.age, self.has_phone
        U, V, T = [], [], []
        # household pairs
        for m in self.households:
            m = m[has[m]]
            for i in range(len(m)):
                for j in range(i + 1, len(m)):
                    U.append(m[i]); V.append(m[j]); T.append(0)
        # kin across households
        nh = len(self.households)
        hd = np.array([self.dist[m[0]] for m in self.households])
        by_d = [np.flatnonzero(hd == x) for x in range(len(DISTRICTS))]
        for h in range(nh):
            mh = self.households[h][has[self.households[h]]]
            if len(mh) == 0:
                continue
            for _ in range(int(rng.integers(1, 4))):
                if rng.random() < 0.6:
                    cand = by_d[hd[h]]; g = int(cand[int(rng.integers(len(cand)))])
                else:
                    g = int(rng.integers(nh))
                if g == h:
                    continue
                mg = self.households[g][has[self.households[g]]]
                if len(mg) == 0:
                    continue
                for x in rng.choice(mh, min(len(mh), 2), replace=False):
                    y = rng.choice(mg)
                    U.append(x); V.append(y); T.append(1)
        # colleagues
        for mem in self.emp_members:
            mem = np.array([p for p in mem if has[p]])
            if len(mem) < 2:
                continue
            k = np.minimum(len(mem) - 1, rng.integers(2, 10, len(mem)))
            src = np.repeat(mem, k)
            dst = rng.choice(mem, len(src))
            ok = src != dst
            U.extend(src[ok]); V.extend(dst[ok]); T.extend([2] * int(ok.sum()))
        # friends: neighbours in a (district, age) ordering with jitter
        ph = np.flatnonzero(has)
        key = self.dist[ph] * 1000 + np.clip(age[ph] + rng.normal(0, 4, len(ph)), 0, 99) * 10 + rng.random(len(ph))
        order = ph[np.argsort(key)]
        pos = np.empty(P, np.int64); pos[order] = np.arange(len(order))
        deg = rng.poisson(np.where(age[ph] < 30, 9, np.where(age[ph] < 60, 7, 4)) * lognorm(rng, 1, 0.5, len(ph)))
        src = np.repeat(ph, deg)
        off = (rng.geometric(0.04, len(src)) * rng.choice([-1, 1], len(src)))
        far = rng.random(len(src)) < 0.2
        dstpos = np.where(far, rng.integers(0, len(order), len(src)), np.clip(pos[src] + off, 0, len(order) - 1))
        dst = order[dstpos]
        ok = src != dst
        U.extend(src[ok]); V.extend(dst[ok]); T.extend([3] * int(ok.sum()))
        U = np.array(U, np.int64); V = np.array(V, np.int64); T = np.array(T, np.int64)
        lo, hi = np.minimum(U, V), np.maximum(U, V)
        o = np.lexsort((T, hi, lo))
        lo, hi, T = lo[o], hi[o], T[o]
        first = np.r_[True, (lo[1:] != lo[:-1]) | (hi[1:] != hi[:-1])]
        self.eu, self.ev, self.et = lo[first], hi[first], T[first]
        self.ew = lognorm(rng, 1.0, 0.9, len(self.eu))
        self.edir = rng.beta(2, 2, len(self.eu))
        self.stats["social_edges"] = len(self.eu)
        # contacts outside the covered area: relatives / friends elsewhere (holder empty)
        k = rng.poisson(np.where(self.newres[ph], 6, np.where(age[ph] >= 65, 1.0, 2.4)))
        pool_n = int(k.sum() * 0.75) + 10
        nums = self.new_numbers(pool_n, self.mk_mobile(False))
        pool = np.array([self.add_phone(n, -1, MOB, MISSING) for n in nums])
        self.out_p = np.repeat(ph, k)
        self.out_ph = rng.choice(pool, len(self.out_p))
        self.out_w = lognorm(rng, 1.0, 1.0, len(self.out_p))
        # overseas relatives / business partners
        ov = ph[(rng.random(len(ph)) < 0.015) | self.trader[ph]]
        nums = self.new_numbers(len(ov), self.mk_overseas(LEGIT_OVS_CC))
        self.ovs_p = ov
        self.ovs_ph = np.array([self.add_phone(n, -1, OVS, MISSING) for n in nums], dtype=np.int64)

    def phone_of(self, persons, p_sec=0.2):
        ph = self.prim[persons].copy()
        s = self.sec[persons]
        use = (s >= 0) & (self.rng.random(len(persons)) < p_sec)
        ph[use] = s[use]
        return ph

    # ------------------------------------------------------------------ background calls
    def bg_calls(self):
        rng = self.rng
        D = self.D
        # social
        base = np.array([0.12, 0.22, 0.13, 0.06])[self.et]
        lam = base * self.ew * np.sqrt(self.act[self.eu] * self.act[self.ev]) * D
        n = rng.poisson(lam)
        ei = np.repeat(np.arange(len(lam)), n)
        fwd = rng.random(len(ei)) < self.edir[ei]
        a = np.where(fwd, self.eu[ei], self.ev[ei]); b = np.where(fwd, self.ev[ei], self.eu[ei])
        typ = self.et[ei]
        col = typ == 2
        t = np.empty(len(ei), np.int64)
        t[~col] = self.times_for(a[~col], "social")
        t[col] = self.times_for(a[col], "biz", weekday_only=True, shift=False)
        t = self.cluster(a, t, 0.25, 600)
        med = np.array([45, 150, 75, 110])[typ].astype(float)
        ans = np.where(self.age[b] >= 75, 0.72, 0.84)
        self.emit_calls(t, self.phone_of(a), self.phone_of(b, 0.12), ans, med, 1.0)
        # household landline use by the elderly
        ll = np.flatnonzero(self.landline >= 0)
        if len(ll):
            n = rng.poisson(0.25 * D, len(ll))
            src = np.repeat(ll, n)
            kin = self.kin_of(src)
            t = self.times_for(src, "elder")
            self.emit_calls(t, self.landline[src], self.prim[kin], 0.85, 140, 0.9)
        # contacts outside the covered area
        lam = 0.14 * self.out_w * np.sqrt(self.act[self.out_p]) * D
        n = rng.poisson(lam)
        ei = np.repeat(np.arange(len(lam)), n)
        p = self.out_p[ei]; o = self.out_ph[ei]
        t = self.times_for(p, "social")
        out = rng.random(len(ei)) < 0.5
        a = np.where(out, self.phone_of(p), o); b = np.where(out, o, self.phone_of(p, 0.1))
        self.emit_calls(t, a, b, 0.8, 160, 1.0)
        # overseas relatives: rare, long, odd hours
        n = rng.poisson(0.2 * D / 7 * 3, len(self.ovs_p))
        ei = np.repeat(np.arange(len(n)), n)
        t = self.times_uniform_days(len(ei), "net")
        out = rng.random(len(ei)) < 0.45
        pp = self.prim[self.ovs_p[ei]]
        oo = self.ovs_ph[ei]
        self.emit_calls(t, np.where(out, pp, oo), np.where(out, oo, pp), 0.7, 600, 0.9)
        # residents calling hotlines (banks, operator, 12345, courier hotlines)
        ph = np.flatnonzero(self.has_phone & (self.age >= 16))
        n = rng.poisson(0.045 * D * self.act[ph])
        src = np.repeat(ph, n)
        hot = np.array([self.svc[k] for k in ("cmcc", "cu", "ct", "gov", "si", "sf", "alipay", "taxi", "grid")] +
                       [self.svc["bank_" + b] for b in BANK_CODES[:10]])
        tgt = rng.choice(hot, len(src))
        t = self.times_for(src, "biz", shift=False)
        self.emit_calls(t, self.phone_of(src), tgt, 0.97, 240, 0.8, retry_p=0.2, cb_p=0.0)
        # calls to shops / restaurants landlines
        if len(self.shop_lines):
            n = rng.poisson(0.03 * D * self.act[ph])
            src = np.repeat(ph, n)
            t = self.times_for(src, "shop", shift=False)
            self.emit_calls(t, self.phone_of(src), rng.choice(self.shop_lines, len(src)), 0.85, 50, 0.7, cb_p=0.1)
        self.bg_business_calls()

    def kin_of(self, persons):
        """a random phone-owning relative (household or kin edge), else a random resident."""
        rng = self.rng
        if not hasattr(self, "_kin"):
            m = self.et <= 1
            u, v = self.eu[m], self.ev[m]
            a = np.r_[u, v]; b = np.r_[v, u]
            o = np.argsort(a, kind="stable")
            self._kin_a, self._kin_b = a[o], b[o]
            self._kin = True
        lo = np.searchsorted(self._kin_a, persons, "left"); hi = np.searchsorted(self._kin_a, persons, "right")
        cnt = hi - lo
        pick = lo + (rng.random(len(persons)) * np.maximum(cnt, 1)).astype(np.int64)
        res = np.where(cnt > 0, self._kin_b[np.minimum(pick, len(self._kin_b) - 1)], rng.choice(np.flatnonzero(self.has_phone), len(persons)))
        return res

    def campaign(self, callers, per_day, pool, pool_w, prof, ans_p, med, sig, weekday_factor=0.35,
                 sequential=False, cb_p=0.08, retry_p=0.1, bg=True, window=None):
        """Outbound calling from business lines to many strangers."""
        rng = self.rng
        D = self.D
        dayf = np.where(self.wkend, weekday_factor, 1.0)
        lam = np.outer(per_day, dayf) * rng.gamma(4, 0.25, (len(callers), D))
        n = rng.poisson(lam)
        ci = np.repeat(np.repeat(np.arange(len(callers)), D), n.ravel())
        di = np.repeat(np.tile(np.arange(D), len(callers)), n.ravel())
        if len(ci) == 0:
            return
        tt = di * DAY + self.tod(di, prof)
        pw = pool_w / pool_w.sum()
        tgt = rng.choice(pool, len(ci), p=pw)
        if sequential:
            # dial a list in order: within each caller-day, number order follows time order
            start = rng.integers(0, len(self.sorted_mobiles), len(callers) * D)
            key = ci * D + di
            o = np.lexsort((tt, key))
            ks = key[o]
            rank = np.arange(len(o)) - np.searchsorted(ks, ks, "left")
            seqt = self.sorted_mobiles[(start[ks] + rank * rng.integers(1, 3, len(o))) % len(self.sorted_mobiles)]
            use = rng.random(len(o)) < 0.7
            tg = tgt[o].copy(); tg[use] = seqt[use]
            tgt[o] = tg
        self.emit_calls(tt, callers[ci], tgt, ans_p, med, sig, retry_p=retry_p, cb_p=cb_p, cb_ans=0.6, bg=bg)

    def bg_business_calls(self):
        rng = self.rng
        ph = np.flatnonzero(self.has_phone & (self.age >= 16))
        mob = self.prim[ph]
        shopw = self.shop[ph]
        # couriers: own mobiles, many strangers, short
        c = np.flatnonzero(self.courier)
        self.campaign(self.prim[c], rng.uniform(25, 60, len(c)), mob, shopw, "biz", 0.78, 28, 0.6, 0.6, cb_p=0.25)
        # ride-hailing / food delivery privacy numbers (platform voip pool, holder empty)
        nums = self.new_numbers(max(60, self.P // 70), self.mk_voip())
        self.privacy = np.array([self.add_phone(n, -1, VOIP, MISSING if rng.random() < 0.5 else -int(rng.uniform(30, 900) * DAY)) for n in nums])
        self.campaign(self.privacy, rng.uniform(8, 20, len(self.privacy)), mob, shopw * np.where(self.age[ph] < 45, 1.5, 0.5),
                      "shop", 0.85, 25, 0.6, 1.0, cb_p=0.3)
        # drivers calling passengers on their own phone sometimes
        d = np.flatnonzero(self.driver)
        self.campaign(self.prim[d], rng.uniform(2, 8, len(d)), mob, shopw, "shop", 0.8, 30, 0.6, 1.1)
        # telemarketing call centres: landlines, voip and out-of-town lines dialling lists
        tm = self.new_numbers(10, self.mk_landline()) + self.new_numbers(8, self.mk_voip())
        for area in rng.choice(OUT_AREA, 7):
            tm += self.new_numbers(1, self.mk_landline(area))
        self.telemkt = np.array([self.add_phone(n, -1, LAND if not n.startswith(tuple(VOIP_PREFIX)) else VOIP,
                                                MISSING if rng.random() < 0.4 else -int(rng.uniform(60, 2000) * DAY)) for n in tm])
        self.campaign(self.telemkt, rng.uniform(120, 380, len(self.telemkt)), mob, np.ones(len(mob)), "biz",
                      0.33, 22, 1.2, 0.15, sequential=True, cb_p=0.04, retry_p=0.05)
        # insurance / real-estate / health-product sales staff on their own mobiles
        s = np.flatnonzero(self.ins_agent | self.re_agent)
        self.campaign(self.prim[s], rng.uniform(25, 70, len(s)), mob, np.where(self.age[ph] > 30, 1.0, 0.5), "biz",
                      0.45, 45, 1.3, 0.5, sequential=True, cb_p=0.06)
        # hospitals (landlines, holder empty) calling patients, weighted to the elderly
        hn = self.new_numbers(8, self.mk_landline())
        self.hosp_lines = np.array([self.add_phone(n, -1, LAND, MISSING) for n in hn])
        self.campaign(self.hosp_lines, rng.uniform(15, 45, 8), mob, np.where(self.age[ph] >= 60, 5.0, 1.0), "biz",
                      0.7, 100, 0.8, 0.3, cb_p=0.15)
        # community workers calling elderly residents of their district
        for p in np.flatnonzero(self.community):
            sel = (self.dist[ph] == self.dist[p]) & (self.age[ph] >= 60)
            if sel.sum() == 0:
                continue
            self.campaign(self.prim[[p]], np.array([rng.uniform(8, 22)]), mob[sel], np.ones(int(sel.sum())), "biz",
                          0.75, 130, 0.8, 0.1, cb_p=0.2)
        # debt collectors from other cities, calling debtors repeatedly and their relatives
        cn = self.new_numbers(6, self.mk_mobile(False))
        for area in rng.choice(OUT_AREA, 5):
            cn += self.new_numbers(1, self.mk_landline(area))
        cn += self.new_numbers(3, self.mk_voip())
        self.collectors = np.array([self.add_phone(n, -1, MOB if len(n) == 11 and n[0] == "1" and n[:3] not in VOIP_PREFIX
                                                   else VOIP if n[:3] in VOIP_PREFIX else LAND, MISSING) for n in cn])
        debt = np.flatnonzero(self.debtor & self.has_phone)
        if len(debt):
            dphones = np.r_[self.prim[debt], self.prim[self.kin_of(debt[: len(debt) // 2])]]
            dw = np.r_[np.full(len(debt), 4.0), np.ones(len(debt) // 2)]
            self.campaign(self.collectors, rng.uniform(30, 80, len(self.collectors)), dphones, dw, "biz",
                          0.3, 40, 0.9, 0.6, cb_p=0.03, retry_p=0.5)
        # new residents calling landlords, agents, employers: many new contacts
        nr = np.flatnonzero(self.newres & self.has_phone)
        n = rng.poisson(2.5 * self.D, len(nr))
        src = np.repeat(nr, n)
        t = self.times_for(src, "biz", shift=False)
        self.emit_calls(t, self.prim[src], rng.choice(mob, len(src)), 0.8, 90, 0.9, cb_p=0.3)

    # ------------------------------------------------------------------ background SMS
    def bg_sms(self):
        rng = self.rng
        D = self.D
        # person to person along social edges
        lam = np.array([0.02, 0.03, 0.03, 0.02])[self.et] * self.ew * D
        n = rng.poisson(lam)
        ei = np.repeat(np.arange(len(lam)), n)
        fwd = rng.random(len(ei)) < 0.5
        a = np.where(fwd, self.eu[ei], self.ev[ei]); b = np.where(fwd, self.ev[ei], self.eu[ei])
        t = self.cluster(a, self.times_for(a, "social"), 0.4, 120)
        self.add_sms(t, self.phone_of(a), self.phone_of(b), np.full(len(t), -1))
        ph = np.flatnonzero(self.has_phone)
        allmob = self.resident_mobiles
        # verification codes
        n = rng.poisson(0.22 * D * self.web[ph])
        src = np.repeat(ph, n)
        t = self.times_for(src, "net")
        self.add_sms(t, rng.choice(self.ports_verify, len(t)), self.phone_of(src, 0.1), np.full(len(t), -1))
        # operator notices (some with the operator's link)
        n = rng.poisson(0.1 * D, len(ph))
        src = np.repeat(ph, n)
        t = self.times_for(src, "notice", shift=False)
        op = rng.choice([self.svc["cmcc"], self.svc["cu"], self.svc["ct"]], len(t), p=[0.6, 0.22, 0.18])
        dom = np.where(rng.random(len(t)) < 0.2, self.v("www.10086.cn"), -1)
        self.add_sms(t, op, self.prim[src], dom)
        # parcel pick-up codes
        n = rng.poisson(0.12 * D * self.shop[ph])
        src = np.repeat(ph, n)
        t = self.times_for(src, "biz", shift=False)
        snd = np.where(rng.random(len(t)) < 0.6, rng.choice(self.ports_parcel, len(t)),
                       rng.choice([self.svc["sf"], self.svc["zto"], self.svc["yd"], self.svc["yto"], self.svc["ems"]], len(t)))
        dom = np.where(rng.random(len(t)) < 0.15, self.v("www.cainiao.com"), -1)
        self.add_sms(t, snd, self.prim[src], dom)
        # bulk marketing campaigns: bursts from 106 ports, most with a link
        mk_dom = [self.v(d) for d in rng.choice(LEGIT_DOMAINS, len(self.ports_market))]
        sh = [self.v(s) for s in SHORTENERS]
        spamw = lognorm(rng, 1.0, 1.0, len(allmob))
        spamw = spamw / spamw.sum()
        T, A, B, M = [], [], [], []
        for i, port in enumerate(self.ports_market):
            for d in range(D):
                if rng.random() < 0.45:
                    size = int(lognorm(rng, 500, 0.8) * self.P / 20000) + 1
                    t0 = d * DAY + self.tod(np.array([d]), "notice")[0]
                    dur = rng.uniform(300, 2400)
                    T.append(t0 + np.sort(rng.uniform(0, dur, size)).astype(np.int64))
                    A.append(np.full(size, port))
                    B.append(rng.choice(allmob, size, p=spamw))
                    r = rng.random()
                    M.append(np.full(size, mk_dom[i] if r < 0.55 else (sh[i % len(sh)] if r < 0.8 else -1)))
        if T:
            t, a, b, m = np.concatenate(T), np.concatenate(A), np.concatenate(B), np.concatenate(M)
            self.add_sms(t, a, b, m)
            # a few recipients click through
            cl = (m >= 0) & (rng.random(len(t)) < 0.025)
            self.add_net(t[cl] + rng.exponential(400, int(cl.sum())).astype(np.int64) + 5, b[cl], 1, m[cl])
        # misc government / hospital / school notices (no link)
        n = rng.poisson(0.05 * D, len(ph))
        src = np.repeat(ph, n)
        t = self.times_for(src, "notice", shift=False)
        self.add_sms(t, rng.choice(np.r_[self.ports_misc, [self.svc["gov"], self.svc["si"]]], len(t)), self.prim[src], np.full(len(t), -1))
        # one city-wide weather alert broadcast
        d = int(rng.integers(self.D))
        t0 = d * DAY + int(rng.uniform(7, 20) * HOUR)
        t = t0 + rng.integers(0, 900, len(allmob))
        self.add_sms(t, np.full(len(t), self.svc["weather"]), allmob, np.full(len(t), -1))
        # couriers text recipients; new residents text strangers
        c = np.flatnonzero(self.courier)
        n = rng.poisson(6 * D, len(c))
        src = np.repeat(c, n)
        t = self.times_for(src, "biz", shift=False)
        self.add_sms(t, self.prim[src], rng.choice(self.prim[ph], len(src), p=self.shop[ph] / self.shop[ph].sum()), np.full(len(t), -1))

    # ------------------------------------------------------------------ background network events
    def bg_net(self):
        rng = self.rng
        D = self.D
        ph = np.flatnonzero(self.has_phone)
        # domain vocabulary: popular named domains + a long tail of small sites (some on cheap TLDs)
        tail = []
        for _ in range(2500):
            s = "".join(rng.choice(SYL, int(rng.integers(1, 3)))) + (str(rng.integers(1, 999)) if rng.random() < 0.2 else "")
            tail.append(("www." if rng.random() < 0.6 else "") + s + "." + str(rng.choice(LEGIT_TLD, p=LEGIT_TLD_W / LEGIT_TLD_W.sum())))
        dom = np.array([self.v(d) for d in LEGIT_DOMAINS + sorted(set(tail))])
        dw = 1.0 / (np.arange(len(dom)) + 3) ** 1.05
        dw[len(LEGIT_DOMAINS):] *= 0.35
        dw /= dw.sum()
        fav = rng.choice(dom, (self.P, 8), p=dw)
        n = rng.poisson(3.2 * D * self.web[ph])
        src = np.repeat(ph, n)
        t = self.cluster(src, self.times_for(src, "net"), 0.45, 240)
        usefav = rng.random(len(src)) < 0.6
        tgt = np.where(usefav, fav[src, rng.integers(0, 8, len(src))], rng.choice(dom, len(src), p=dw))
        self.add_net(t, self.phone_of(src, 0.15), 1, tgt)
        # app installs
        atail = []
        for _ in range(900):
            r = rng.random()
            if r < 0.08:
                atail.append("uni.UNI" + "".join(rng.choice(list("0123456789ABCDEF"), 7)))
            elif r < 0.12:
                atail.append("io.dcloud.H5" + "".join(rng.choice(list("0123456789ABCDEF"), 7)))
            else:
                atail.append("com." + "".join(rng.choice(SYL, int(rng.integers(1, 3)))) + "." + str(rng.choice(["app", "android", "mobile", "reader", "client", "mall", "game", "video", "lite"])))
        apps = np.array([self.v(a) for a in LEGIT_APPS + sorted(set(atail))])
        aw = 1.0 / (np.arange(len(apps)) + 4) ** 0.9
        aw[len(LEGIT_APPS):] *= 0.5
        aw /= aw.sum()
        n = rng.poisson(0.035 * D * np.sqrt(self.web[ph]))
        src = np.repeat(ph, n)
        t = self.times_for(src, "net")
        tgt = rng.choice(apps, len(src), p=aw)
        # targeted installs: meeting apps for office workers, trading apps for investors, dating apps for singles
        extra = []
        for mask, pool, rate in ((self.occ == 2, MEETING_APPS, 0.012), (self.investor, INVEST_APPS, 0.03),
                                 (self.single, DATING_APPS, 0.01), (self.borrower, LOAN_APPS, 0.01),
                                 ((self.age < 25) & (self.age >= 12), GAMETRADE_APPS, 0.004),
                                 (self.age >= 0, ["com.hicorenational.antifraud"], 0.002)):
            pp = np.flatnonzero(mask & self.has_phone)
            k = rng.poisson(rate * D, len(pp))
            s2 = np.repeat(pp, k)
            extra.append((s2, np.array([self.v(x) for x in pool])[rng.integers(0, len(pool), len(s2))]))
        src = np.r_[src, np.concatenate([e[0] for e in extra])]
        tgt = np.r_[tgt, np.concatenate([e[1] for e in extra])]
        t = np.r_[t, self.times_for(np.concatenate([e[0] for e in extra]), "net")]
        phs = self.phone_of(src, 0.1)
        self.add_net(t, phs, 0, tgt)
        # visits to investment / meeting sites by those users
        iv = np.flatnonzero(self.investor & self.has_phone)
        n = rng.poisson(1.5 * D, len(iv))
        s2 = np.repeat(iv, n)
        idom = np.array([self.v(d) for d in ("www.eastmoney.com", "www.10jqka.com.cn", "www.htsc.com.cn", "www.futunn.com", "www.sse.com.cn", "www.sge.com.cn")])
        self.add_net(self.times_for(s2, "biz", shift=False), self.prim[s2], 1, rng.choice(idom, len(s2)))
        self.apps_vocab = apps
        self.dom_vocab = dom

    # ------------------------------------------------------------------ background transfers
    def bg_transfers(self):
        rng = self.rng
        D, P = self.D, self.P
        acc_ok = np.flatnonzero(self.primacc >= 0)
        nacc = np.array([len(a) for a in self.accts])

        def any_acct(persons, p_prim=0.75):
            out = self.primacc[persons].copy()
            alt = rng.random(len(persons)) < (1 - p_prim)
            for i in np.flatnonzero(alt):
                a = self.accts[persons[i]]
                out[i] = a[int(rng.integers(len(a)))]
            return out

        def money(x, cents_p=0.5):
            x = np.asarray(x, float)
            f = np.round(x * 100).astype(np.int64)
            whole = rng.random(len(f)) > cents_p
            f[whole] = np.round(x[whole]).astype(np.int64) * 100
            return np.maximum(f, 1)

        # shopping and online purchases
        w = self.shop[acc_ok] * np.where(self.age[acc_ok] < 16, 0.3, 1.0)
        n = rng.poisson(1.0 * D * w)
        src = np.repeat(acc_ok, n)
        t = self.cluster(src, self.times_for(src, "shop"), 0.2, 600)
        local = rng.random(len(src)) < 0.65
        near = rng.random(len(src)) < 0.7
        to = np.empty(len(src), np.int64)
        li = np.flatnonzero(local)
        # merchants near home: sample within district by popularity
        mpw = self.merch_pop / self.merch_pop.sum()
        cand = rng.choice(len(self.merch_acct), len(li), p=mpw)
        for _ in range(4):  # re-draw a share so most shopping is in the home district
            bad = near[li] & (self.merch_dist[cand] != self.dist[src[li]])
            if not bad.any():
                break
            cand[bad] = rng.choice(len(self.merch_acct), int(bad.sum()), p=mpw)
        to[li] = self.merch_acct[cand]
        oi = np.flatnonzero(~local)
        to[oi] = rng.choice(self.ecom, len(oi), p=self.ecom_pop / self.ecom_pop.sum())
        amt = np.where(local, lognorm(rng, 28, 1.0, len(src)), lognorm(rng, 85, 1.1, len(src)))
        ch = rng.choice([4, 0, 1], len(src), p=[0.86, 0.09, 0.05])
        fr = any_acct(src)
        self.add_tr(t, fr, to, money(amt, 0.6), ch)
        shop_to, shop_t, shop_amt = to[li], t[li], money(amt[li], 0)  # approx for settlement
        # merchant nightly settlement sweeps to the owner's personal account (01:00-04:00)
        recv = np.zeros(len(self.ac_id) + 10, np.int64)
        day_of = shop_t // DAY
        for d in range(D - 1):
            m = day_of == d
            tot = np.bincount(shop_to[m], weights=shop_amt[m], minlength=len(recv))
            for j, acc in enumerate(self.merch_acct):
                own = self.merch_owner[j]
                if tot[acc] <= 0 or own < 0 or self.primacc[own] < 0:
                    continue
                if rng.random() < 0.85:
                    ts = (d + 1) * DAY + int(rng.uniform(0.5, 4) * HOUR)
                    self.add_tr([ts], [acc], [self.primacc[own]], [int(tot[acc] * rng.uniform(0.96, 1.0))], CH["online"])
        # chain stores sweep to head office (leaving covered banks) and merchants pay suppliers
        sup_n = rng.poisson(0.15 * D, len(self.merch_acct))
        s = np.repeat(np.arange(len(self.merch_acct)), sup_n)
        self.add_tr(self.times_uniform_days(len(s), "biz", np.where(self.wkend, 0.3, 1.0)), self.merch_acct[s],
                    rng.choice(self.suppliers, len(s)), money(lognorm(rng, 6000, 0.8, len(s)), 0.3), CH["online"])
        dep_n = rng.poisson(0.12 * D, len(self.merch_acct))
        s = np.repeat(np.arange(len(self.merch_acct)), dep_n)
        self.add_tr(self.times_uniform_days(len(s), "biz", np.where(self.wkend, 0.5, 1.0)), np.full(len(s), -1),
                    self.merch_acct[s], money(lognorm(rng, 2500, 0.7, len(s)), 0) // 10000 * 10000 + 10000,
                    rng.choice([2, 3], len(s), p=[0.6, 0.4]))
        # wages: employer payday inside the window -> funding inflow then a payroll batch
        for e in range(len(self.emp_acct)):
            mem = [p for p in self.emp_members[e] if self.primacc[p] >= 0]
            if not mem:
                continue
            pdays = np.flatnonzero(self.dom == self.emp_payday[e])
            for d in pdays:
                d = int(d)
                while d > 0 and self.wkend[d]:
                    d -= 1
                mem_a = np.array(mem)
                amt = money(self.salary[mem_a] * rng.uniform(0.9, 1.1, len(mem_a)), 0.8)
                tb = d * DAY + int(rng.uniform(9, 15) * HOUR)
                self.add_tr([tb - int(rng.uniform(0.5, 4) * HOUR)], [-1], [self.emp_acct[e]], [int(amt.sum() * 1.03)], CH["online"])
                ts = tb + np.sort(rng.integers(0, 60 + 3 * len(mem_a), len(mem_a)))
                self.add_tr(ts, np.full(len(mem_a), self.emp_acct[e]), self.primacc[mem_a], amt, CH["online"])
        # outside employers pay wages from outside the covered banks
        oe = np.array([p for p in self.outside_employee if self.primacc[p] >= 0], dtype=np.int64)
        pd = rng.choice([5, 10, 15, 20, 25], len(oe))
        m = np.isin(pd, self.dom)
        oe = oe[m]
        if len(oe):
            d = np.array([int(np.flatnonzero(self.dom == x)[0]) for x in pd[m]])
            self.add_tr(d * DAY + self.tod(d, "biz"), np.full(len(oe), -1), self.primacc[oe],
                        money(self.salary[oe], 0.8), CH["online"])
        # pensions from the social security fund (one account to thousands)
        ret = np.flatnonzero((self.occ == 6) & (self.primacc >= 0))
        pday = np.flatnonzero(self.dom == 15)
        if len(pday) and len(ret):
            d = int(pday[0])
            ts = d * DAY + 6 * HOUR + np.sort(rng.integers(0, 5 * HOUR, len(ret)))
            self.add_tr(ts, np.full(len(ret), self.ssf), self.primacc[ret], money(lognorm(rng, 3100, 0.35, len(ret)), 0.9), CH["online"])
        # gig platforms settle daily to riders / drivers
        g = np.flatnonzero((self.courier | self.driver) & (self.primacc >= 0))
        for d in range(D):
            on = g[rng.random(len(g)) < 0.8]
            ts = d * DAY + int(2 * HOUR) + rng.integers(0, 3 * HOUR, len(on))
            self.add_tr(ts, rng.choice(self.platforms, len(on)), self.primacc[on], money(lognorm(rng, 260, 0.4, len(on)), 0.9), CH["online"])
        # rent: tenants pay landlords (landlords receive from several strangers)
        ll = np.flatnonzero(self.landlord & (self.primacc >= 0))
        tenants = []
        for members in self.households:
            payer = members[np.argmax(self.age[members])]
            if self.primacc[payer] >= 0 and rng.random() < 0.27 and self.age[payer] < 65:
                tenants.append(int(payer))
        tenants = np.array(tenants + [int(p) for p in np.flatnonzero(self.newres & (self.primacc >= 0))])
        if len(ll) and len(tenants):
            lw = rng.pareto(1.0, len(ll)) + 1
            lord = ll[rng.choice(len(ll), len(tenants), p=lw / lw.sum())]
            due = rng.integers(1, 29, len(tenants)) + rng.integers(-2, 3, len(tenants))
            rent = np.round(lognorm(rng, 1700, 0.35, len(tenants)) / 50) * 50
            new = self.newres[tenants]
            for i in range(len(tenants)):
                ds = np.flatnonzero(self.dom == due[i])
                if new[i]:
                    act = self.ph_act[self.prim[tenants[i]]] if self.prim[tenants[i]] >= 0 else MISSING
                    d0 = max(0, (act // DAY) if act != MISSING and act > 0 else 0)
                    ds = np.array([min(self.D - 1, d0 + int(rng.integers(0, 3)))])
                if len(ds) == 0:
                    continue
                d = int(ds[0])
                amt = rent[i] * (3 if new[i] else 1)
                ts = d * DAY + self.tod(np.array([d]), "social")[0]
                self.add_tr([ts], [self.primacc[tenants[i]]], [self.primacc[lord[i]]], [int(amt * 100)],
                            int(rng.choice([0, 4, 1], p=[0.6, 0.3, 0.1])))
        # family money along household / kin edges
        m = self.et <= 1
        u, v = self.eu[m], self.ev[m]
        ok = (self.primacc[u] >= 0) & (self.primacc[v] >= 0)
        u, v = u[ok], v[ok]
        n = rng.poisson(0.035 * D, len(u))
        ei = np.repeat(np.arange(len(u)), n)
        young_to_old = rng.random(len(ei)) < 0.5
        a, b = u[ei], v[ei]
        older_a = self.age[a] > self.age[b]
        fr = np.where(young_to_old ^ older_a, a, b); to = np.where(young_to_old ^ older_a, b, a)
        r = rng.random(len(ei))
        amt = np.where(r < 0.4, rng.choice([52, 66, 88, 100, 168, 200, 520, 1314], len(ei)) * 100,
                       np.where(r < 0.8, rng.integers(5, 31, len(ei)) * 10000, money(lognorm(rng, 300, 1.0, len(ei)), 0.5)))
        t = self.times_for(fr, "social")
        self.add_tr(t, self.primacc[fr], any_acct(to, 0.85), amt, rng.choice([4, 0], len(ei), p=[0.6, 0.4]))
        # friends settling up
        m = self.et >= 2
        u, v = self.eu[m], self.ev[m]
        ok = (self.primacc[u] >= 0) & (self.primacc[v] >= 0)
        u, v = u[ok], v[ok]
        n = rng.poisson(0.012 * D, len(u))
        ei = np.repeat(np.arange(len(u)), n)
        fw = rng.random(len(ei)) < 0.5
        fr = np.where(fw, u[ei], v[ei]); to = np.where(fw, v[ei], u[ei])
        self.add_tr(self.times_for(fr, "shop"), self.primacc[fr], self.primacc[to],
                    money(lognorm(rng, 85, 0.9, len(ei)), 0.6), rng.choice([4, 0], len(ei), p=[0.8, 0.2]))
        # cash at ATMs / counters
        w = np.where(self.age[acc_ok] >= 60, 0.09, 0.035)
        n = rng.poisson(w * D)
        src = np.repeat(acc_ok, n)
        old = self.age[src] >= 60
        amt = np.where(old, rng.integers(5, 31, len(src)), rng.integers(1, 31, len(src))) * 10000
        ch = np.where(old & (rng.random(len(src)) < 0.5), CH["counter"], CH["atm"])
        self.add_tr(self.times_for(src, "elder"), any_acct(src), np.full(len(src), -1), amt, ch)
        # cash deposits
        n = rng.poisson(0.006 * D, len(acc_ok))
        src = np.repeat(acc_ok, n)
        self.add_tr(self.times_for(src, "biz", shift=False), np.full(len(src), -1), self.primacc[src],
                    rng.integers(5, 200, len(src)) * 10000, rng.choice([2, 3], len(src)))
        # bills: utilities, phone top-ups, credit-card repayments, loan repayments
        adults = acc_ok[self.age[acc_ok] >= 18]
        n = rng.poisson(0.05 * D, len(adults))
        src = np.repeat(adults, n)
        self.add_tr(self.times_for(src, "shop"), any_acct(src), rng.choice(self.utility, len(src)),
                    money(lognorm(rng, 120, 0.7, len(src)), 0.5), rng.choice([4, 0], len(src), p=[0.7, 0.3]))
        n = rng.poisson(0.03 * D, len(adults))
        src = np.repeat(adults, n)
        self.add_tr(self.times_for(src, "social"), any_acct(src), np.full(len(src), -1),
                    money(lognorm(rng, 2200, 0.9, len(src)), 0.7), CH["mobile"])
        bw = np.flatnonzero(self.borrower & (self.primacc >= 0))
        n = rng.poisson(0.03 * D, len(bw))
        src = np.repeat(bw, n)
        self.add_tr(self.times_for(src, "social"), self.primacc[src], rng.choice(self.lenders, len(src)),
                    money(lognorm(rng, 1500, 0.7, len(src)), 0.7), rng.choice([0, 4], len(src)))
        n = rng.poisson(0.012 * D, len(bw))
        src = np.repeat(bw, n)
        self.add_tr(self.times_for(src, "social"), rng.choice(self.lenders, len(src)), self.primacc[src],
                    rng.integers(2, 60, len(src)) * 100000, CH["online"])
        # people moving savings between their own accounts (sometimes a chain through 3 banks)
        multi = np.flatnonzero(nacc >= 2)
        mv = multi[rng.random(len(multi)) < 0.08 * D / 7]
        for p in mv:
            acc = list(self.accts[p])
            rng.shuffle(acc)
            t0 = int(self.times_for(np.array([p]), "social")[0])
            amt = int(max(2000, lognorm(rng, 6 * self.salary[p] * (1.5 if self.age[p] >= 40 else 0.7), 0.8)) // 1000) * 100000
            hops = 1 if len(acc) == 2 or rng.random() < 0.6 else 2
            for h in range(hops):
                self.add_tr([t0], [acc[h]], [acc[h + 1]], [amt], int(rng.choice([0, 1], p=[0.8, 0.2])))
                t0 += int(rng.exponential(1800)) + 60
                amt = int(amt * rng.uniform(0.7, 1.0)) // 100 * 100
        # big legitimate purchases to new payees (often after consolidating and / or a loan)
        big = acc_ok[(self.age[acc_ok] >= 25) & (self.age[acc_ok] < 70) & (rng.random(len(acc_ok)) < 0.0035 * D / 7)]
        for p in big:
            t0 = int(self.times_for(np.array([p]), "biz", shift=False)[0])
            kind = rng.random()
            if kind < 0.4:
                amt, to = rng.uniform(80000, 300000), int(rng.choice(self.dealers[:8]))
            elif kind < 0.7:
                amt, to = rng.uniform(30000, 200000), int(rng.choice(self.dealers[8:]))
            elif kind < 0.85:
                amt, to = rng.uniform(10000, 60000), int(rng.choice(self.hospital_acct))
            else:
                amt, to = rng.uniform(15000, 80000), int(rng.choice(self.merch_acct))
            amt = int(round(amt, -2)) * 100
            acc = self.accts[p]
            pre = t0 - int(rng.uniform(600, 6 * HOUR))
            if len(acc) > 1 and rng.random() < 0.6:
                for a in acc[1:]:
                    self.add_tr([pre], [a], [acc[0]], [int(amt / len(acc) * rng.uniform(0.5, 1.2)) // 100 * 100 + 100], CH["mobile"])
                    pre += int(rng.uniform(30, 600))
            if rng.random() < 0.25:
                self.add_tr([pre - HOUR], [int(rng.choice(self.lenders))], [acc[0]], [amt // 2 // 10000 * 10000 + 10000], CH["online"])
            self.add_tr([t0], [acc[0]], [to], [amt], int(rng.choice([2, 0, 1], p=[0.5, 0.3, 0.2])))
        # 代购 traders: many strangers pay in, bulk payments go out to suppliers within hours
        tr = np.flatnonzero(self.trader & (self.primacc >= 0))
        for p in tr:
            for d in range(D):
                k = rng.poisson(12 if not self.wkend[d] else 8)
                if k == 0:
                    continue
                cust = rng.choice(acc_ok, k, p=self.shop[acc_ok] / self.shop[acc_ok].sum())
                ts = d * DAY + self.tod(np.full(k, d), "shop")
                amt = money(lognorm(rng, 900, 0.8, k), 0.4)
                self.add_tr(ts, self.primacc[cust], np.full(k, self.primacc[p]), amt, rng.choice([4, 0], k, p=[0.7, 0.3]))
                tot = int(amt.sum())
                for j in range(int(rng.integers(1, 3))):
                    out_t = int(ts.max()) + int(rng.uniform(0.3, 6) * HOUR)
                    dest = int(rng.choice(self.suppliers)) if rng.random() < 0.7 else -1
                    self.add_tr([out_t], [self.primacc[p]], [dest], [int(tot * rng.uniform(0.35, 0.5)) // 100 * 100 + 100],
                                int(rng.choice([0, 1, 4])))
        # investors: bank-securities transfers, some gold buying
        iv = np.flatnonzero(self.investor & (self.primacc >= 0))
        n = rng.poisson(0.08 * D, len(iv))
        src = np.repeat(iv, n)
        out = rng.random(len(src)) < 0.6
        bk = rng.choice(self.brokers, len(src))
        amt = rng.integers(5, 200, len(src)) * 100000
        t = self.times_for(src, "biz", weekday_only=True, shift=False)
        self.add_tr(t, np.where(out, self.primacc[src], bk), np.where(out, bk, self.primacc[src]), amt, CH["online"])
        gb = iv[rng.random(len(iv)) < 0.08]
        self.add_tr(self.times_for(gb, "biz", shift=False), self.primacc[gb], rng.choice(self.gold_shops, len(gb)),
                    rng.integers(5, 60, len(gb)) * 100000, rng.choice([2, 0], len(gb)))
        # crypto hobbyists buying / selling USDT through OTC dealers
        cr = np.flatnonzero(self.crypto & (self.primacc >= 0))
        n = rng.poisson(0.25 * D, len(cr))
        src = np.repeat(cr, n)
        out = rng.random(len(src)) < 0.6
        dl = rng.choice(self.otc, len(src))
        amt = money(rng.integers(1, 50, len(src)) * 1000 * rng.uniform(0.98, 1.02, len(src)), 0.3)
        self.add_tr(self.times_for(src, "net"), np.where(out, self.primacc[src], dl), np.where(out, dl, self.primacc[src]),
                    amt, np.where(out, CH["crypto_otc"], CH["mobile"]))
        # second-hand and game-item trades between strangers (young)
        yo = acc_ok[(self.age[acc_ok] >= 14) & (self.age[acc_ok] < 35)]
        n = rng.poisson(0.02 * D, len(yo))
        src = np.repeat(yo, n)
        self.add_tr(self.times_for(src, "net"), self.primacc[src], self.primacc[rng.choice(yo, len(src))],
                    money(lognorm(rng, 180, 1.0, len(src)), 0.3), CH["third_party"])
        # card renters / farmers still live their own small lives on their personal cards (already above)

    # ------------------------------------------------------------------ fraud
    def build_rings(self):
        rng = self.rng
        templates = [
            (["rebate"], "spray"), (["rebate"], "spray"), (["rebate"], "careful"),
            (["investment"], "careful"), (["investment", "romance"], "careful"),
            (["police"], "spray"), (["police"], "careful"),
            (["customer_service"], "careful"), (["customer_service"], "spray"),
            (["loan"], "spray"), (["loan", "credit_repair"], "careful"), (["credit_repair"], "spray"),
            (["shopping"], "careful"), (["boss"], "careful"), (["game_trading", "shopping"], "careful"),
            (["romance"], "careful"),
        ]
        keep = [i for i in range(len(templates)) if rng.random() < 0.85]
        covered = set(t for i in keep for t in templates[i][0])
        for i in range(len(templates)):
            if i not in keep and not set(templates[i][0]) <= covered:
                keep.append(i); covered |= set(templates[i][0])
        keep.sort()
        # shared laundering services (跑分 platforms) serve several rings at hops 2+
        nsvc = 4
        svc_pools = []
        for s in range(nsvc):
            svc_pools.append({
                2: [self.new_account(-1, None, 0, MISSING, outside=True) for _ in range(int(rng.integers(4, 9)))],
                3: [self.new_account(-1, None, 0, MISSING, outside=True) for _ in range(int(rng.integers(3, 7)))],
                "cashout": [self.new_account(-1, None, 0, MISSING, outside=True) for _ in range(int(rng.integers(2, 5)))],
            })
            # some local renters' cards sit at the cash-out end (ATM withdrawals in the city)
            for _ in range(int(rng.integers(1, 3))):
                if self.rent_accts:
                    svc_pools[s]["cashout"].append(self.rent_accts.pop())
        self.rings = []
        for rid, i in enumerate(keep):
            types, style = templates[i]
            r = {"id": rid, "types": types, "style": style, "nums": {"call": [], "sms": []}, "domains": [], "apps": []}
            main = types[0]
            mix = {"police": (0.55, 0.33, 0.12), "investment": (0.5, 0.35, 0.15), "romance": (0.65, 0.3, 0.05),
                   "customer_service": (0.15, 0.45, 0.4), "credit_repair": (0.1, 0.45, 0.45), "loan": (0.1, 0.4, 0.5),
                   "rebate": (0.2, 0.4, 0.4), "shopping": (0.1, 0.3, 0.6), "boss": (0.0, 0.2, 0.8),
                   "game_trading": (0.1, 0.3, 0.6)}[main]
            r["mix"] = np.array(mix) / sum(mix)
            spray = style == "spray"
            scale = self.P / 20000
            r["calls_per_day"] = (rng.uniform(250, 650) if spray else rng.uniform(8, 40)) * scale
            sms_heavy = main in ("rebate", "loan", "shopping", "game_trading", "boss")
            r["sms_per_day"] = (rng.uniform(300, 900) if spray else rng.uniform(20, 120)) if sms_heavy else (rng.uniform(0, 60) if spray else 0) 
            r["sms_per_day"] *= scale
            r["conc"] = int(rng.integers(4, 9)) if spray else int(rng.integers(1, 3))
            r["life"] = rng.uniform(0.6, 1.6) * DAY if spray else rng.uniform(2, 5) * DAY
            r["dial"] = "seq" if (spray and rng.random() < 0.6) else "profile"
            # domains with active windows (rotated when burned)
            nd = int(rng.integers(2, 6))
            for k in range(nd):
                stem = str(rng.choice(TYPE_DOMAIN_STEM[types[k % len(types)]]))
                name = stem + ("-" if rng.random() < 0.3 else "") + "".join(rng.choice(list("abcdefghjkmnpqrstuvwxyz0123456789"), int(rng.integers(2, 6)))) \
                    + "." + str(rng.choice(FRAUD_TLD, p=FRAUD_TLD_W / FRAUD_TLD_W.sum()))
                if rng.random() < 0.25:
                    name = ("www." if rng.random() < 0.5 else str(rng.choice(["m.", "h5.", "app.", "vip."]))) + name
                s = -rng.uniform(0, 10) * DAY + k * self.END / nd * rng.uniform(0.6, 1.0)
                r["domains"].append((self.v(name), s, s + rng.uniform(3, 20) * DAY, types[k % len(types)]))
            na = {"investment": 2, "loan": 2, "rebate": 1, "police": 1, "romance": 1, "credit_repair": 1, "customer_service": 1,
                  "game_trading": 1, "shopping": 0, "boss": 0}
            for typ in types:
                for k in range(na[typ] if rng.random() < 0.85 else na[typ] + 1):
                    q = rng.random()
                    if q < 0.25:
                        name = "uni.UNI" + "".join(rng.choice(list("0123456789ABCDEF"), 7))
                    elif q < 0.35:
                        name = "io.dcloud.H5" + "".join(rng.choice(list("0123456789ABCDEF"), 7))
                    else:
                        suffix = {"investment": ["trade", "pro", "global", "hk", "licai", "gold"], "loan": ["dai", "loan", "jie", "qianbao", "credit"],
                                  "rebate": ["task", "job", "shop", "vip"], "police": ["anquan", "safe", "jiance", "gov"],
                                  "romance": ["chat", "love", "im"], "credit_repair": ["zx", "credit"], "customer_service": ["kefu", "service", "meet"],
                                  "game_trading": ["game", "trade"], "shopping": ["mall"], "boss": ["im"]}[typ]
                        name = "com." + "".join(rng.choice(SYL, int(rng.integers(1, 3)))) + "." + str(rng.choice(suffix))
                    r["apps"].append((self.v(name), typ))
            # mule accounts
            n1 = int(rng.integers(4, 14))
            res_share = rng.uniform(0.3, 0.8)
            m1 = []
            for _ in range(n1):
                if rng.random() < res_share:
                    if rng.random() < 0.55 and self.farm_accts:
                        m1.append(self.farm_accts.pop(int(rng.integers(len(self.farm_accts)))))
                        continue
                    if self.rent_accts:
                        m1.append(self.rent_accts.pop())
                        continue
                m1.append(self.new_account(-1, None, 0, MISSING, outside=True))
            r["pool"] = {1: m1}
            sv = svc_pools[rid % nsvc]
            own2 = [self.new_account(-1, None, 0, MISSING, outside=True) for _ in range(int(rng.integers(1, 4)))]
            r["pool"][2] = own2 + list(sv[2])
            r["pool"][3] = list(sv[3])
            r["pool"]["cashout"] = list(sv["cashout"])
            r["depth"] = int(rng.choice([1, 2, 3], p=[0.25, 0.5, 0.25]))
            cm = rng.dirichlet([3, 3, 2, 1])
            r["cashmix"] = cm  # atm, crypto, leave, gold/counter
            r["sleep"] = rng.random() < 0.4
            self.rings.append(r)
        self.svc_pools = svc_pools
        self.acct_role: dict[int, str] = {}
        for r in self.rings:
            for lvl, accs in r["pool"].items():
                role = {1: "mule_1", 2: "mule_2", 3: "mule_3", "cashout": "cashout"}[lvl]
                for a in accs:
                    self.acct_role.setdefault(a, role)
        self.fr = {"calls": [], "sms": [], "net": [], "tr": []}
        self.num_burn: dict[int, tuple] = {}
        self.ring_num_role: dict[int, set] = {}
        self.num_first: dict[int, int] = {}
        self.atm_used: dict[tuple, int] = {}
        self.acct_first: dict[int, int] = {}

    # -- ring numbers
    def make_ring_number(self, r, chan, t):
        rng = self.rng
        if chan == "sms":
            q = rng.random()
            kind = "local" if q < 0.55 else ("port" if q < 0.8 else "voip")
        else:
            kind = ["ovs", "voip", "local"][int(rng.choice(3, p=r["mix"]))]
        if kind == "local":
            if self.farm_sims_used < len(self.farm_sims):
                idx = self.farm_sims[self.farm_sims_used]; self.farm_sims_used += 1
                if self.ph_act[idx] == MISSING or self.ph_act[idx] > t - 2 * HOUR:
                    self.ph_act[idx] = int(t - rng.uniform(2, 72) * HOUR)
            else:
                holder = int(rng.choice(np.flatnonzero(self.farmer))) if self.farmer.any() else -1
                idx = self.add_phone(self.new_numbers(1, self.mk_mobile(True))[0], holder, MOB, int(t - rng.uniform(2, 72) * HOUR))
        elif kind == "port":
            idx = self.add_phone(self.new_numbers(1, self.mk_port())[0], -1, SERV, MISSING)
        elif kind == "voip":
            idx = self.add_phone(self.new_numbers(1, self.mk_voip())[0], -1, VOIP, MISSING)
        else:
            idx = self.add_phone(self.new_numbers(1, self.mk_overseas(OVS_CC, OVS_CC_W))[0], -1, OVS, MISSING)
        return idx

    def schedule_numbers(self, r):
        rng = self.rng
        for chan in ("call", "sms"):
            if chan == "sms" and r["sms_per_day"] <= 0:
                continue
            conc = r["conc"] if chan == "call" else max(1, r["conc"] // 2)
            for _ in range(conc):
                t = -rng.uniform(0, r["life"])
                while t < self.END:
                    life = rng.exponential(r["life"]) + 2 * HOUR
                    idx = self.make_ring_number(r, chan, max(t, -DAY))
                    r["nums"][chan].append([idx, t, self.burn(idx, t, t + life, r)])
                    t += life + rng.exponential(3 * HOUR)

    def burn(self, idx, start, end, r):
        """A share of numbers gets reported / listed a while after they start; the ring then drops them."""
        rng = self.rng
        if rng.random() < (0.4 if r["style"] == "spray" else 0.25):
            b = start + max(0.0, float(lognorm(rng, 18 * HOUR, 0.8)))
            self.num_burn[idx] = (int(b), str(rng.choice(["miit", "user_report", "operator"])))
            return min(end, b + rng.uniform(0, 4) * HOUR)
        return end

    def ring_number(self, r, chan, t):
        act = [e for e in r["nums"][chan] if e[1] <= t < e[2]]
        if not act:
            if chan == "sms" and r["nums"]["call"] and self.rng.random() < 0.5:
                return self.ring_number(r, "call", t)
            idx = self.make_ring_number(r, chan, t)
            r["nums"][chan].append([idx, t - HOUR, self.burn(idx, t - HOUR, t + r["life"], r)])
            return idx
        return act[int(self.rng.integers(len(act)))][0]

    def ring_domain(self, r, t, typ=None):
        act = [d for d in r["domains"] if d[1] <= t < d[2] and (typ is None or d[3] == typ)]
        if not act:
            act = [d for d in r["domains"] if typ is None or d[3] == typ] or r["domains"]
            act = [min(act, key=lambda d: abs(d[1] - t))]
        return act[int(self.rng.integers(len(act)))][0]

    def use_num(self, idx, role, t):
        self.ring_num_role.setdefault(idx, set()).add(role)
        if idx not in self.num_first or t < self.num_first[idx]:
            self.num_first[idx] = t

    def f_call(self, t, a, b, d):
        self.fr["calls"].append((int(t), int(a), int(b), int(d)))

    def f_sms(self, t, a, b, dom):
        self.fr["sms"].append((int(t), int(a), int(b), int(dom)))

    def f_net(self, t, ph, k, tgt):
        self.fr["net"].append((int(t), int(ph), int(k), int(tgt)))

    def f_tr(self, t, fr, to, amt, ch, loss=False):
        amt = int(amt)
        if amt <= 0:
            return
        self.fr["tr"].append((int(t), int(fr), int(to), amt, int(ch), bool(loss)))
        for a in (fr, to):
            if a in self.acct_role and (a not in self.acct_first or t < self.acct_first[a]):
                self.acct_first[a] = int(t)

    def ring_spray(self, r):
        """Background activity of the ring's numbers towards non-targets (most hang up)."""
        rng = self.rng
        ph = np.flatnonzero(self.has_phone & (self.age >= 16))
        main = r["types"][0]
        if main in ("police",):
            w = np.where(self.age[ph] >= 45, 2.0, 1.0)
        elif main in ("customer_service", "shopping"):
            w = self.shop[ph]
        elif main in ("credit_repair", "game_trading", "rebate"):
            w = np.where(self.age[ph] < 35, 2.0, 0.6)
        else:
            w = np.ones(len(ph))
        w = w / w.sum()
        for chan in ("call", "sms"):
            rate = r["calls_per_day"] if chan == "call" else r["sms_per_day"]
            entries = r["nums"][chan]
            if rate <= 0 or not entries:
                continue
            per_num = rate / max(1, (r["conc"] if chan == "call" else max(1, r["conc"] // 2)))
            for e in entries:
                s, en = max(e[1], 0), min(e[2], self.END)
                if en <= s:
                    continue
                n = rng.poisson(per_num * (en - s) / DAY)
                if n == 0:
                    continue
                # times by ring working-hour profile, restricted to the number's life
                cand = self.times_uniform_days(3 * n + 20, "fraud")
                cand = cand[(cand >= s) & (cand < en)][:n]
                n = len(cand)
                if n == 0:
                    continue
                t = np.sort(cand)
                if r["dial"] == "seq" and chan == "call":
                    st = int(rng.integers(len(self.sorted_mobiles)))
                    tg = self.sorted_mobiles[(st + np.cumsum(rng.integers(1, 4, n))) % len(self.sorted_mobiles)]
                else:
                    tg = self.prim[rng.choice(ph, n, p=w)]
                self.use_num(e[0], "caller" if chan == "call" else "sms_sender", int(t[0]))
                if chan == "call":
                    old = self.age[np.maximum(self.ph_hold_arr[tg], 0)] >= 60
                    ans = rng.random(n) < np.where(old, 0.38, 0.24)
                    dur = np.where(ans, np.clip(lognorm(rng, 13, 0.8, n), 2, 900), 0)
                    longer = ans & (rng.random(n) < 0.06)
                    dur[longer] = rng.uniform(60, 400, int(longer.sum()))
                    self.fr["calls"].extend(zip(t.tolist(), [e[0]] * n, tg.tolist(), dur.astype(int).tolist()))
                    # a few call the number back
                    cb = ~ans & (rng.random(n) < 0.03)
                    for ti, ci in zip(t[cb], tg[cb]):
                        self.f_call(ti + rng.exponential(3600) + 60, ci, e[0], rng.choice([0, int(rng.uniform(5, 60))]))
                else:
                    # bursts: SMS cat pools send in tight bursts
                    t = self.times_uniform_days(max(1, n // 80 + 1), "fraud")
                    t = t[(t >= s) & (t < en)]
                    if len(t) == 0:
                        t = np.array([int(s)])
                    t = np.repeat(t, int(math.ceil(n / len(t))))[:n] + rng.integers(0, 1200, n)
                    t = np.sort(t)
                    tg = self.prim[rng.choice(ph, n, p=w)] if r["dial"] == "profile" else \
                        self.sorted_mobiles[(int(rng.integers(len(self.sorted_mobiles))) + np.arange(n) * 2) % len(self.sorted_mobiles)]
                    use_sh = rng.random(n) < 0.2
                    doms = np.array([self.ring_domain(r, int(x)) for x in t[:: max(1, n // 20)]])
                    dom = np.where(use_sh, self.v(SHORTENERS[int(rng.integers(len(SHORTENERS)))]),
                                   doms[np.minimum(np.arange(n) // max(1, n // 20), len(doms) - 1)])
                    nolink = rng.random(n) < (0.5 if "boss" in r["types"] else 0.08)
                    dom[nolink] = -1
                    self.fr["sms"].extend(zip(t.tolist(), [e[0]] * n, tg.tolist(), dom.tolist()))
                    # curious non-targets click (innocent visits to fraud domains)
                    cl = (dom >= 0) & (rng.random(n) < 0.012)
                    for ti, ci, di in zip(t[cl], tg[cl], dom[cl]):
                        self.f_net(ti + rng.exponential(600) + 10, ci, 1, di)

    # -- money
    def hold(self, t, hop, r):
        rng = self.rng
        h = float(np.clip(lognorm(rng, 300 if hop == 1 else 600, 1.0), 40, 8 * HOUR))
        t2 = t + h
        if r["sleep"]:
            hr = (t2 % DAY) / HOUR
            if 1 <= hr < 7 and rng.random() < 0.7:
                t2 = (t2 // DAY) * DAY + rng.uniform(7, 9) * HOUR
        return int(t2)

    def launder(self, r, acct, amt, t, hop):
        rng = self.rng
        t1 = self.hold(t, hop, r)
        if hop < r["depth"]:
            k = 1 if amt < 800000 else int(rng.choice([1, 2, 3], p=[0.55, 0.33, 0.12]))
            keep = int(amt * rng.uniform(0, 0.015)) if (hop == 1 and self.ac_hold[acct] >= 0) else 0
            rest = amt - keep
            parts = rng.dirichlet(np.full(k, 3.0)) * rest
            parts = (parts // 100).astype(np.int64) * 100
            parts[-1] = rest - parts[:-1].sum()
            for pa in parts:
                nxt = int(rng.choice(r["pool"][hop + 1]))
                ts = t1 + int(rng.uniform(0, 240))
                self.f_tr(ts, acct, nxt, pa, rng.choice([0, 1], p=[0.7, 0.3]))
                self.launder(r, nxt, int(pa), ts, hop + 1)
        else:
            mode = int(rng.choice(4, p=r["cashmix"]))
            cap = 4000000 if mode == 0 else 30000000  # a card withdraws ~20k/day at ATMs
            k = max(1, int(math.ceil(amt / cap)))
            pool = r["pool"]["cashout"]
            if mode == 0 and k > len(pool):
                mode, k = 1, max(1, int(math.ceil(amt / 30000000)))
            cos = rng.choice(pool, min(k, len(pool)), replace=False) if k <= len(pool) else rng.choice(pool, k)
            parts = rng.dirichlet(np.full(len(cos), 4.0)) * amt
            parts = (parts // 100).astype(np.int64) * 100
            parts[-1] = amt - parts[:-1].sum()
            ts = t1
            for co, pa in zip(cos, parts):
                ts += int(rng.uniform(20, 240))
                pa2 = int(pa) - int(rng.integers(0, 3)) * 100 if pa > 100000 else int(pa)
                self.f_tr(ts, acct, int(co), pa2, rng.choice([0, 1], p=[0.7, 0.3]))
                self.cashout(r, int(co), pa2, ts, mode)

    def cashout(self, r, acct, amt, t, mode):
        rng = self.rng
        t = self.hold(t, 3, r) + int(rng.uniform(0, 1800))
        if mode == 0:  # ATM withdrawals, each < 20,000, per card per day <= 20,000
            left = amt
            while left >= 10000 and t < self.END + DAY:
                d = int(t // DAY)
                used = self.atm_used.get((acct, d), 0)
                if used >= 2000000:
                    t = (d + 1) * DAY + int(rng.uniform(6, 10) * HOUR)
                    continue
                chunk = min(left, int(rng.choice([200000, 250000, 300000, 500000])), 2000000 - used, 1990000)
                chunk = chunk // 10000 * 10000
                if chunk <= 0:
                    break
                self.f_tr(t, acct, -1, chunk, CH["atm"])
                self.atm_used[(acct, d)] = used + chunk
                left -= chunk
                t += int(rng.uniform(30, 600)) if rng.random() < 0.7 else int(rng.uniform(0.5, 3) * HOUR)
        elif mode == 1:  # crypto OTC: buy USDT from a dealer (dealer's account or off-platform)
            left = amt
            while left > 0:
                chunk = min(left, int(rng.uniform(20000, 100000)) * 100)
                to = int(rng.choice(self.otc)) if rng.random() < 0.55 else -1
                self.f_tr(t, acct, to, chunk, CH["crypto_otc"])
                left -= chunk
                t += int(rng.uniform(60, 1200))
        elif mode == 2:  # leave the covered banks
            left = amt
            while left > 0:
                chunk = min(left, int(rng.uniform(30000, 200000)) * 100)
                self.f_tr(t, acct, -1, chunk, rng.choice([1, 0]))
                left -= chunk
                t += int(rng.uniform(60, 900))
        else:  # gold / booked counter withdrawal
            if rng.random() < 0.5:
                left = amt
                while left > 0:
                    chunk = min(left, int(rng.uniform(10000, 50000)) * 100)
                    self.f_tr(t, acct, int(rng.choice(self.gold_shops)), chunk, rng.choice([0, 2]))
                    left -= chunk
                    t += int(rng.uniform(600, 3 * HOUR))
            else:
                d = int(t // DAY) + 1
                self.f_tr(d * DAY + int(rng.uniform(9, 16) * HOUR), acct, -1, amt, CH["counter"])

    def pick_mule1(self, r, t):
        rng = self.rng
        pool = r["pool"][1]
        # a card is used in a window of a few days, then replaced by the next
        w = np.array([1.0 / (1 + abs((t / DAY) - (i * self.D / len(pool)))) for i in range(len(pool))])
        return int(pool[int(rng.choice(len(pool), p=w / w.sum()))])

    def pay(self, r, p, t, amt, ch=None, from_acct=None, stats=None):
        """the target pays the ring: one loss transfer, then layering."""
        rng = self.rng
        fa = self.primacc[p] if from_acct is None else from_acct
        m1 = self.pick_mule1(r, t)
        if ch is None:
            ch = int(rng.choice([0, 1, 4], p=[0.72, 0.13, 0.15]))
        self.f_tr(t, fa, m1, amt, ch, loss=True)
        stats["paid"].append((t, m1, amt))
        self.launder(r, m1, amt, t, 1)
        return m1

    def top_up(self, p, t, amt, loan_p=0.3):
        """before a big payment: consolidate the victim's other accounts, maybe take a loan."""
        rng = self.rng
        acc = self.accts[p]
        tt = t - int(rng.uniform(120, 1800))
        if len(acc) > 1:
            for a in acc[1:]:
                if rng.random() < 0.8:
                    self.f_tr(tt, a, acc[0], max(10000, int(amt / len(acc) * rng.uniform(0.4, 1.2)) // 100 * 100), CH["mobile"])
                    tt += int(rng.uniform(30, 300))
        if rng.random() < loan_p:
            self.f_tr(tt - int(rng.uniform(600, 3600)), int(rng.choice(self.lenders)), acc[0],
                      max(100000, int(amt * rng.uniform(0.3, 0.8)) // 100000 * 100000), CH["online"])

    def fraud_amount(self, lo, hi, style="round"):
        rng = self.rng
        x = math.exp(rng.uniform(math.log(lo), math.log(hi)))
        if style == "round":
            step = 100 if x < 5000 else 1000
            return int(round(x / step) * step) * 100
        if style == "lucky":
            base = int(x // 1000) * 1000
            return (base + int(rng.choice([888, 666, 999, 800, 500, 288, 388]))) * 100
        return int(round(x, 2) * 100) if rng.random() < 0.5 else int(round(x)) * 100

    def run_target(self, r, typ, p, t0):
        """One engaged person's story. Returns a dict for labels/reports."""
        rng = self.rng
        ph = int(self.prim[p])
        st = {"paid": [], "contact": t0, "nums": set(), "doms": set()}
        pays_p = {"rebate": 0.62, "investment": 0.55, "police": 0.45, "customer_service": 0.5, "loan": 0.6,
                  "shopping": 0.75, "credit_repair": 0.5, "boss": 0.5, "romance": 0.6, "game_trading": 0.6}[typ]
        pays = rng.random() < pays_p
        apps = [a for a, ty in r["apps"] if ty == typ] or [a for a, ty in r["apps"]]

        def call(t, dur, inbound=True, chan="call"):
            n = self.ring_number(r, chan, t)
            self.use_num(n, "caller", t)
            st["nums"].add(n)
            if inbound:
                self.f_call(t, n, ph, dur)
            else:
                self.f_call(t, ph, n, dur)
            return n

        def sms(t, link=True, typ_=None):
            n = self.ring_number(r, "sms", t)
            self.use_num(n, "sms_sender", t)
            st["nums"].add(n)
            d = -1
            if link:
                d = self.v(SHORTENERS[int(rng.integers(len(SHORTENERS)))]) if rng.random() < 0.2 else self.ring_domain(r, t, typ_)
            self.f_sms(t, n, ph, d)
            return d

        def visit(t, k=1, spread=HOUR):
            d = self.ring_domain(r, t, typ)
            st["doms"].add(d)
            for j in range(k):
                self.f_net(t + (0 if j == 0 else rng.uniform(0, spread)), ph, 1, d)

        def install(t, app):
            self.f_net(t, ph, 0, app)
            if rng.random() < 0.5:  # registration code from an SMS platform
                self.f_sms(t + rng.uniform(20, 150), int(self.ports_verify[app % len(self.ports_verify)]), ph, -1)

        seq = []
        if typ == "rebate":
            mode = rng.choice(["sms", "app", "call"], p=[0.4, 0.45, 0.15])
            if mode == "sms":
                sms(t0, True, typ)
                visit(t0 + rng.uniform(60, 1800), 2)
            elif mode == "call":
                call(t0, int(rng.uniform(60, 240)))
                sms(t0 + rng.uniform(60, 600), True, typ)
                visit(t0 + rng.uniform(600, 2400), 2)
            else:
                visit(t0, 3)
            if apps and rng.random() < 0.7:
                install(t0 + rng.uniform(600, 3 * HOUR), apps[0])
            for d in range(1, 4):
                visit(t0 + d * DAY * rng.uniform(0.8, 1.2), int(rng.integers(1, 6)), 6 * HOUR)
            if pays:
                t = t0 + rng.uniform(0.3, 4) * HOUR
                a1 = int(rng.choice([100, 200, 300, 500])) * 100 + int(rng.integers(0, 100)) * 100 * (rng.random() < 0.3)
                seq.append((t, a1, 4 if rng.random() < 0.5 else None, None, "payout"))
                amt = self.fraud_amount(800, 3000, "odd")
                t += rng.uniform(0.3, 2) * HOUR
                for k in range(int(rng.integers(1, 6))):
                    seq.append((t, amt, None, None, "payout" if k == 0 and rng.random() < 0.6 else ""))
                    t += rng.uniform(0.2, 20) * HOUR
                    amt = int(amt * rng.uniform(1.8, 3.2)) // 100 * 100
                    if rng.random() < 0.25:
                        break
        elif typ == "investment" or (typ == "romance" and "investment" in r["types"]):
            pre = rng.random() < 0.35
            if pre:
                t0 = -rng.uniform(2, 25) * DAY
            st["contact"] = t0
            mode = rng.choice(["app", "call", "sms"], p=[0.5, 0.25, 0.25]) if typ == "investment" else "app"
            if mode == "call" and t0 >= 0:
                call(t0, int(rng.uniform(180, 1200)))
            elif mode == "sms" and t0 >= 0:
                sms(t0, True, typ)
            if typ == "romance":
                install(max(t0, 0) + rng.uniform(0, 2 * HOUR) if t0 >= 0 else rng.uniform(0, 2 * DAY), self.v(str(rng.choice(DATING_APPS))))
            tv = max(t0, rng.uniform(0, DAY)) + rng.uniform(1, 30) * HOUR
            if apps and rng.random() < 0.85:
                install(tv, apps[0])
            if rng.random() < 0.2:
                install(tv + rng.uniform(0, DAY), self.v(str(rng.choice(INVEST_APPS))))
            for d in range(self.D):
                if rng.random() < 0.7:
                    visit(d * DAY + rng.uniform(9, 23) * HOUR, int(rng.integers(1, 5)), 3 * HOUR)
            for _ in range(int(rng.integers(1, 5))):
                tc = max(0, t0) + rng.uniform(0.2, 6) * DAY
                call(tc, int(rng.uniform(300, 2400)))
            if pays:
                t = max(tv, 0) + rng.uniform(2, 40) * HOUR
                amt = self.fraud_amount(5000, 30000)
                for k in range(int(rng.integers(2, 7))):
                    seq.append((t, amt, 2 if (amt > 10000000 and rng.random() < 0.4) else None, None, "payout" if k == 0 and rng.random() < 0.5 else ""))
                    t += rng.uniform(10, 60) * HOUR
                    amt = min(int(amt * rng.uniform(1.5, 3.5)) // 100000 * 100000, 80000000)
        elif typ == "police":
            first = call(t0, int(rng.uniform(240, 900)))
            t2 = t0 + rng.uniform(900, 1500)
            long_ = int(rng.uniform(40, 150) * MINUTE)
            call(t2, long_)
            if rng.random() < 0.7:
                visit(t2 + rng.uniform(300, 1200), int(rng.integers(2, 6)), 1800)
            if apps and rng.random() < 0.5:
                install(t2 + rng.uniform(600, 1800), apps[0])
            if rng.random() < 0.4:
                install(t2 + rng.uniform(600, 1800), self.v(str(rng.choice(MEETING_APPS[:2]))))
            # family try to call and cannot get through
            kin = int(self.kin_of(np.array([p]))[0])
            if self.prim[kin] >= 0 and rng.random() < 0.4:
                self.f_call(t2 + rng.uniform(600, long_), self.prim[kin], ph, 0)
            if pays:
                t = t2 + rng.uniform(0.3, 0.9) * long_
                amt = self.fraud_amount(20000, 300000)
                for k in range(int(rng.choice([1, 2, 3], p=[0.5, 0.35, 0.15]))):
                    ch = 2 if (self.age[p] >= 60 and rng.random() < 0.5) else None
                    seq.append((t, amt, ch, None, "cash" if (self.age[p] >= 55 and rng.random() < 0.12) else ""))
                    t += rng.uniform(18, 30) * HOUR
                    call(t - rng.uniform(600, 3600), int(rng.uniform(20, 90) * MINUTE))
                    amt = self.fraud_amount(20000, 500000)
        elif typ == "customer_service":
            if rng.random() < 0.2:
                sms(t0 - rng.uniform(600, 3600), False)
                call(t0, int(rng.uniform(600, 2400)), inbound=False)
            else:
                call(t0, int(rng.uniform(600, 2400)))
            if rng.random() < 0.7:
                install(t0 + rng.uniform(180, 900), self.v(str(rng.choice(MEETING_APPS[:2]))) if rng.random() < 0.75 or not apps else apps[0])
            if rng.random() < 0.5:
                visit(t0 + rng.uniform(300, 1200), int(rng.integers(1, 4)), 1200)
            if pays:
                t = t0 + rng.uniform(600, 1800)
                accs = self.accts[p]
                n = int(rng.integers(2, 7))
                for k in range(n):
                    fa = accs[k % len(accs)]
                    seq.append((t, self.fraud_amount(2000, 30000, "odd"), None, fa, "loan" if k == 1 and rng.random() < 0.4 else ""))
                    t += rng.uniform(300, 1800)
                if rng.random() < 0.4:
                    call(t - 300, int(rng.uniform(300, 1800)))
        elif typ == "loan":
            if rng.random() < 0.6:
                sms(t0, True, typ)
                visit(t0 + rng.uniform(60, 1800), 2)
            else:
                call(t0, int(rng.uniform(60, 300)))
                sms(t0 + rng.uniform(60, 300), True, typ)
                visit(t0 + rng.uniform(300, 1800), 2)
            if apps:
                install(t0 + rng.uniform(600, 2 * HOUR), apps[0])
            if pays:
                t = t0 + rng.uniform(0.5, 5) * HOUR
                for k in range(int(rng.integers(1, 6))):
                    seq.append((t, self.fraud_amount(500, 9000, "lucky"), None, None, ""))
                    t += rng.uniform(0.3, 14) * HOUR
                    if rng.random() < 0.5:
                        call(t - rng.uniform(300, 1200), int(rng.uniform(60, 600)))
        elif typ == "shopping":
            if rng.random() < 0.2:
                sms(t0, True, typ)
                visit(t0 + rng.uniform(60, 3600))
            else:
                visit(t0, int(rng.integers(2, 6)), 3600)
            if pays:
                t = t0 + rng.uniform(0.1, 20) * HOUR
                seq.append((t, self.fraud_amount(150, 3000, "odd"), 4 if rng.random() < 0.6 else None, None, ""))
                if rng.random() < 0.3:
                    seq.append((t + rng.uniform(1, 24) * HOUR, self.fraud_amount(500, 5000), None, None, ""))
        elif typ == "credit_repair":
            call(t0, int(rng.uniform(900, 3000)))
            if rng.random() < 0.7:
                install(t0 + rng.uniform(180, 900), self.v(str(rng.choice(MEETING_APPS[:2]))))
            if apps and rng.random() < 0.3:
                install(t0 + rng.uniform(300, 1200), apps[0])
            if rng.random() < 0.4:
                visit(t0 + rng.uniform(300, 1200))
            if pays:
                t = t0 + rng.uniform(900, 3000)
                for k in range(int(rng.integers(2, 5))):
                    seq.append((t, self.fraud_amount(5000, 40000), None, None, "loan" if rng.random() < 0.5 else ""))
                    t += rng.uniform(600, 3 * HOUR)
        elif typ == "boss":
            sms(t0, False)
            if rng.random() < 0.5:
                call(t0 + rng.uniform(300, 1800), int(rng.choice([0, int(rng.uniform(8, 40))])))
            if pays:
                t = t0 + rng.uniform(0.4, 3) * HOUR
                e = self.finance[p]
                if e >= 0 and rng.random() < 0.75:
                    fa, amt = int(self.emp_acct[e]), self.fraud_amount(30000, 300000)
                else:
                    fa, amt = None, self.fraud_amount(5000, 50000)
                seq.append((t, amt, 1 if fa is not None else None, fa, ""))
                if rng.random() < 0.3:
                    seq.append((t + rng.uniform(0.5, 2) * HOUR, amt // 2, 1 if fa is not None else None, fa, ""))
        elif typ == "romance":
            pre = rng.random() < 0.5
            if pre:
                t0 = -rng.uniform(3, 30) * DAY
            st["contact"] = t0
            install(max(t0, 0) + (0 if t0 >= 0 else rng.uniform(0, DAY)), self.v(str(rng.choice(DATING_APPS))))
            for _ in range(int(rng.integers(1, 4))):
                tc = rng.uniform(max(0, t0), self.END)
                tc = tc // DAY * DAY + rng.uniform(20, 23.5) * HOUR
                call(tc, int(rng.uniform(600, 3600)))
            if apps and rng.random() < 0.6:
                install(max(0, t0) + rng.uniform(1, 3) * DAY, apps[0])
            for d in range(self.D):
                if rng.random() < 0.5:
                    visit(d * DAY + rng.uniform(19, 24) * HOUR, int(rng.integers(1, 4)), 2 * HOUR)
            if pays:
                t = max(0, t0) + rng.uniform(1, 3) * DAY
                amt = self.fraud_amount(3000, 20000)
                for k in range(int(rng.integers(2, 7))):
                    seq.append((t, amt, None, None, ""))
                    t += rng.uniform(12, 48) * HOUR
                    amt = min(int(amt * rng.uniform(1.3, 2.5)) // 100000 * 100000 + 100000, 30000000)
        elif typ == "game_trading":
            visit(t0, int(rng.integers(2, 5)), 1800)
            if apps and rng.random() < 0.5:
                install(t0 + rng.uniform(300, 3600), apps[0])
            if pays:
                t = t0 + rng.uniform(0.2, 6) * HOUR
                for k in range(int(rng.integers(1, 5))):
                    seq.append((t, self.fraud_amount(100, 3000, "odd"), 4, None, ""))
                    t += rng.uniform(0.2, 3) * HOUR
        # execute payments in time order until the victim stops or reports
        seq.sort(key=lambda x: x[0])
        for (t, amt, ch, fa, tag) in seq:
            if t < 0:
                t = rng.uniform(0, HOUR)
            if t >= self.END:
                break
            src = self.primacc[p] if fa is None else fa
            if tag == "loan" or amt >= 3000000:
                self.top_up(p, t, amt, 0.6 if tag == "loan" else 0.25)
            if tag == "cash":
                # elderly victim withdraws cash at the counter and deposits it to the 'safe account'
                self.f_tr(t - rng.uniform(1, 3) * HOUR, src, -1, amt, CH["counter"])
                m1 = self.pick_mule1(r, t)
                tt = t
                left = amt
                while left > 0:
                    c = min(left, 5000000)
                    self.f_tr(tt, -1, m1, c, CH["atm"] if c < 2000000 else CH["counter"], loss=True)
                    st["paid"].append((tt, m1, c))
                    self.launder(r, m1, c, tt, 1)
                    left -= c
                    tt += rng.uniform(60, 600)
            else:
                self.pay(r, p, t, amt, ch, src, st)
            if tag == "payout" and t + 1800 < self.END:
                back = int(amt * rng.uniform(1.05, 1.2)) // 100 * 100 if typ == "rebate" else int(rng.uniform(500, 3000)) * 100
                self.f_tr(t + rng.uniform(300, 1800), int(rng.choice(r["pool"][2])), self.primacc[p], back, 0)
        return st

    def run_fraud(self):
        rng = self.rng
        P = self.P
        for r in self.rings:
            self.schedule_numbers(r)
        self.ph_hold_arr = np.array(self.ph_hold)
        # eligible targets: adult residents with a phone and an account, not fraud suppliers
        pact = np.array(self.ph_act, np.int64)[np.maximum(self.prim, 0)]
        elig = self.has_phone & (self.primacc >= 0) & (self.age >= 14) & ~self.farmer & ~self.renter & (pact <= 0)
        n_total = max(10, int(round(P * 0.0062 * self.D / 7 * rng.uniform(0.85, 1.15))))
        age, sex = self.age, self.sex
        prof = {
            "rebate": ((age >= 18) & (age < 42)) * (1 + sex * 1.2),
            "investment": ((age >= 28) & (age < 66)) * (1.0 + self.investor * 1.5),
            "police": ((age >= 20) & (age < 80)) * np.where(age >= 55, 2.5, 1.0),
            "customer_service": ((age >= 20) & (age < 55)) * self.shop,
            "loan": ((age >= 20) & (age < 50)) * (1.0 + self.borrower * 3),
            "shopping": ((age >= 16) & (age < 50)) * self.shop,
            "credit_repair": ((age >= 22) & (age < 36)) * 1.0,
            "boss": ((age >= 25) & (age < 56)) * np.where(self.finance >= 0, 12.0, np.where(self.occ == 2, 1.0, 0.2)),
            "romance": ((age >= 26) & (age < 60)) * (1 + self.single * 4) * np.where(sex == 0, 1.4, 1.0),
            "game_trading": ((age >= 14) & (age < 26)) * 1.0,
        }
        taken = np.zeros(P, bool)
        self.targets = []
        type_rings = {t: [r for r in self.rings if t in r["types"]] for t in SCAM_TYPES}
        kk = rng.multinomial(n_total, np.array([TYPE_SHARE[t] for t in SCAM_TYPES]))
        for typ, k in zip(SCAM_TYPES, kk):
            k = int(max(k, 1))
            w = prof[typ].astype(float) * elig * ~taken
            k = min(k, int((w > 0).sum()))
            if k == 0:
                continue
            who = rng.choice(P, k, replace=False, p=w / w.sum())
            taken[who] = True
            rings = type_rings[typ]
            rw = np.array([3.0 if r["style"] == "spray" else 1.5 for r in rings])
            for p in who:
                r = rings[int(rng.choice(len(rings), p=rw / rw.sum()))]
                t0 = rng.uniform(0, self.END - 2 * HOUR)
                d = int(t0 // DAY)
                t0 = d * DAY + int(self.tod(np.array([d]), "fraud")[0])
                st = self.run_target(r, typ, int(p), t0)
                st.update(person=int(p), type=typ, ring=r["id"])
                self.targets.append(st)
        for r in self.rings:
            self.ring_spray(r)
            # outside victims pay the ring's resident first-level cards too (not city losses)
            res_m1 = [a for a in r["pool"][1] if self.ac_hold[a] >= 0]
            if res_m1:
                n = rng.poisson((2.5 if r["style"] == "spray" else 0.8) * self.D)
                for _ in range(n):
                    t = float(self.times_uniform_days(1, "fraud")[0])
                    a = int(rng.choice(res_m1))
                    amt = self.fraud_amount(1000, 60000, "odd")
                    self.f_tr(t, -1, a, amt, rng.choice([0, 1]))
                    self.launder(r, a, amt, t, 1)
            # test transfers into first-level cards before their first use
            for a in r["pool"][1]:
                if a in self.acct_first and rng.random() < 0.6:
                    t = self.acct_first[a] - rng.uniform(1, 30) * HOUR
                    if t > 0:
                        self.f_tr(t, int(rng.choice(r["pool"][2])), a, int(rng.choice([1, 10, 100, 1000])), 0)

    # ------------------------------------------------------------------ bank notices, verification codes
    def derived_sms(self, tr):
        rng = self.rng
        t, fr, to = tr["t"], tr["fr"], tr["to"]
        nA = len(self.ac_id)
        hold = np.array(self.ac_hold)
        bank_sc = np.array([self.svc["bank_" + b] for b in self.ac_bank])
        notify_ph = np.where(hold >= 0, self.prim[np.maximum(hold, 0)], -1)
        sub = rng.random(nA) < 0.75
        notify_ph = np.where(sub, notify_ph, -1)
        T, A, B = [], [], []
        for side in (fr, to):
            ok = side >= 0
            ph = np.full(len(side), -1); sc = np.full(len(side), -1)
            ph[ok] = notify_ph[side[ok]]; sc[ok] = bank_sc[side[ok]]
            m = ph >= 0
            T.append(t[m] + rng.integers(2, 25, int(m.sum()))); A.append(sc[m]); B.append(ph[m])
        self.add_sms(np.concatenate(T), np.concatenate(A), np.concatenate(B), np.full(sum(len(x) for x in T), -1), bg=False)

    # ------------------------------------------------------------------ assemble
    def collect(self):
        """concatenate, add fraud rows, filter to window and to activation times."""
        rng = self.rng
        END = self.END
        act = np.array(self.ph_act, np.int64)

        def cat(chunks, nf):
            cols = [np.concatenate([c[i] for c in chunks]) if chunks else np.zeros(0, np.int64) for i in range(nf)]
            bg = np.concatenate([np.full(len(c[0]), c[-1]) for c in chunks]) if chunks else np.zeros(0, bool)
            return cols, bg

        # calls
        (t, a, b, d), bg = cat(self.calls, 4)
        fc = np.array(self.fr["calls"], dtype=np.int64).reshape(-1, 4)
        t = np.r_[t, fc[:, 0]]; a = np.r_[a, fc[:, 1]]; b = np.r_[b, fc[:, 2]]; d = np.r_[d, fc[:, 3]]
        isf = np.r_[np.zeros(len(bg), bool), np.ones(len(fc), bool)]
        ok = (t >= 0) & (t < END) & (a >= 0) & (b >= 0) & (a != b)
        ok &= (act[np.maximum(a, 0)] <= t) & (act[np.maximum(b, 0)] <= t)
        calls = self.busy_lines(dict(t=t[ok], a=a[ok], b=b[ok], d=np.maximum(d[ok], 0), f=isf[ok]))
        # net
        (t, ph, k, g), bg = cat(self.net, 4)
        fn = np.array(self.fr["net"], dtype=np.int64).reshape(-1, 4)
        t = np.r_[t, fn[:, 0]]; ph = np.r_[ph, fn[:, 1]]; k = np.r_[k, fn[:, 2]]; g = np.r_[g, fn[:, 3]]
        isf = np.r_[np.zeros(len(bg), bool), np.ones(len(fn), bool)]
        ok = (t >= 0) & (t < END) & (ph >= 0) & (g >= 0) & ((act[np.maximum(ph, 0)] <= t) | isf)
        net = dict(t=t[ok], ph=ph[ok], k=k[ok], g=g[ok], f=isf[ok])
        # transfers
        (t, fr, to, am, ch, lo), bg = cat(self.tr, 6)
        ft = self.fr["tr"]
        ftt = np.array([x[0] for x in ft], np.int64); ffr = np.array([x[1] for x in ft], np.int64)
        fto = np.array([x[2] for x in ft], np.int64); fam = np.array([x[3] for x in ft], np.int64)
        fch = np.array([x[4] for x in ft], np.int64); flo = np.array([x[5] for x in ft], bool)
        t = np.r_[t, ftt]; fr = np.r_[fr, ffr]; to = np.r_[to, fto]; am = np.r_[am, fam]; ch = np.r_[ch, fch]
        lo = np.r_[lo, flo]
        isf = np.r_[np.zeros(len(bg), bool), np.ones(len(ft), bool)]
        opened = np.array(self.ac_open, np.int64)
        ok = (t >= 0) & (t < END) & (am > 0) & ~((fr < 0) & (to < 0)) & (fr != to)
        ok &= ((opened[np.maximum(fr, 0)] <= t) | (fr < 0)) & ((opened[np.maximum(to, 0)] <= t) | (to < 0)) | isf
        trs = dict(t=t[ok], fr=fr[ok], to=to[ok], am=am[ok], ch=ch[ok], lo=lo[ok], f=isf[ok])
        # SMS derived from transfers and app installs
        self.derived_sms(trs)
        inst = net["k"] == 0
        m = inst & (rng.random(len(inst)) < 0.45) & ~net["f"]
        self.add_sms(net["t"][m] + rng.integers(15, 180, int(m.sum())), self.ports_verify[net["g"][m] % len(self.ports_verify)],
                     net["ph"][m], np.full(int(m.sum()), -1))
        (t, a, b, dm), bg = cat(self.sms, 4)
        fs = np.array(self.fr["sms"], dtype=np.int64).reshape(-1, 4)
        t = np.r_[t, fs[:, 0]]; a = np.r_[a, fs[:, 1]]; b = np.r_[b, fs[:, 2]]; dm = np.r_[dm, fs[:, 3]]
        isf = np.r_[np.zeros(len(bg), bool), np.ones(len(fs), bool)]
        ok = (t >= 0) & (t < END) & (a >= 0) & (b >= 0) & (a != b)
        ok &= (act[np.maximum(b, 0)] <= t) & (act[np.maximum(a, 0)] <= t)
        sms = dict(t=t[ok], a=a[ok], b=b[ok], dm=dm[ok], f=isf[ok])
        return calls, sms, net, trs

    def busy_lines(self, c):
        """A personal mobile holds one call at a time: a background call that starts while the line is
        busy is dropped (if placed from it) or goes unanswered (if placed to it); a background call still
        running when a fraud call arrives is cut short (the victim switches over)."""
        t, a, b, d, f = c["t"], c["a"], c["b"], c["d"], c["f"]
        n = len(t)
        personal = (np.array(self.ph_kind) == MOB) & (np.array(self.ph_hold) >= 0)
        for n_ in self.ring_num_role:
            personal[n_] = False
        idx = np.r_[np.arange(n), np.arange(n)]
        ph = np.r_[a, b]
        callee = np.r_[np.zeros(n, bool), np.ones(n, bool)]
        m = personal[ph]
        idx, ph, callee = idx[m], ph[m], callee[m]
        ts = t[idx]; end = ts + d[idx]
        o = np.lexsort((ts, ph))
        idx, ph, callee, ts, end = idx[o], ph[o], callee[o], ts[o], end[o]
        start = np.r_[True, ph[1:] != ph[:-1]]
        gid = np.cumsum(start)
        BIG = np.int64(1) << 34
        run = np.maximum.accumulate(gid * BIG + end) - gid * BIG
        prev = np.r_[np.int64(-1), run[:-1]]
        prev[start] = -1
        col = (ts < prev) & ~f[idx]
        drop = np.zeros(n, bool); zero = np.zeros(n, bool)
        drop[idx[col & ~callee]] = True
        zero[idx[col & callee]] = True
        d = d.copy()
        d[zero] = 0
        # fraud call arriving during a background call: cut the background call
        fr = f[idx] & ~start
        pi = np.flatnonzero(fr)
        pj = pi - 1
        over = (end[pj] > ts[pi]) & ~f[idx[pj]]
        cut = idx[pj[over]]
        d[cut] = np.maximum(1, ts[pi[over]] - t[cut] - 1)
        keep = ~drop
        self.stats["busy_dropped"] = int(drop.sum()); self.stats["busy_unanswered"] = int(zero.sum())
        return dict(t=t[keep], a=a[keep], b=b[keep], d=d[keep], f=f[keep])

    def write(self, out: str):
        rng = self.rng
        os.makedirs(os.path.join(out, "lists"), exist_ok=True)
        os.makedirs(os.path.join(out, "labels"), exist_ok=True)
        calls, sms, net, trs = self.collect()
        END = self.END

        def order(t):
            return np.lexsort((rng.random(len(t)), t))

        def ts_expr(col):
            return (pl.from_epoch(pl.col(col) + L0, time_unit="s").dt.strftime("%Y-%m-%dT%H:%M:%S") + pl.lit("+08:00"))

        def ts_opt(col):
            return pl.when(pl.col(col) != MISSING).then(ts_expr(col)).otherwise(pl.lit(None, pl.String))

        def amt_expr(col):
            return (pl.col(col) // 100).cast(pl.String) + pl.lit(".") + (pl.col(col) % 100).cast(pl.String).str.zfill(2)

        num = pl.Series("num", self.ph_num, pl.String)
        acc = pl.Series("acc", self.ac_id, pl.String)
        voc = pl.Series("voc", self.vocab, pl.String)

        def lookup(series, idx):
            idx = np.asarray(idx, np.int64)
            s = series.gather(pl.Series(np.maximum(idx, 0)))
            return pl.select(pl.when(pl.Series(idx) >= 0).then(s).otherwise(pl.lit(None, pl.String))).to_series()

        counts = {}
        # calls
        o = order(calls["t"])
        c = {k: v[o] for k, v in calls.items()}
        df = pl.DataFrame({"i": np.arange(len(o)), "t": c["t"]}).select(
            (pl.lit("C") + pl.col("i").cast(pl.String).str.zfill(9)).alias("event_id"), ts_expr("t").alias("ts"))
        df = df.with_columns(caller=lookup(num, c["a"]), callee=lookup(num, c["b"]), duration_s=pl.Series(c["d"]))
        df.write_csv(os.path.join(out, "calls.csv")); counts["calls"] = df.height
        used_ph = [c["a"], c["b"]]
        # sms
        o = order(sms["t"])
        s = {k: v[o] for k, v in sms.items()}
        df = pl.DataFrame({"i": np.arange(len(o)), "t": s["t"]}).select(
            (pl.lit("S") + pl.col("i").cast(pl.String).str.zfill(9)).alias("event_id"), ts_expr("t").alias("ts"))
        df = df.with_columns(sender=lookup(num, s["a"]), receiver=lookup(num, s["b"]), url_domain=lookup(voc, s["dm"]))
        df.write_csv(os.path.join(out, "sms.csv")); counts["sms"] = df.height
        used_ph += [s["a"], s["b"]]
        # net
        o = order(net["t"])
        nn = {k: v[o] for k, v in net.items()}
        df = pl.DataFrame({"i": np.arange(len(o)), "t": nn["t"]}).select(
            (pl.lit("N") + pl.col("i").cast(pl.String).str.zfill(9)).alias("event_id"), ts_expr("t").alias("ts"))
        df = df.with_columns(number=lookup(num, nn["ph"]),
                             kind=pl.Series(np.where(nn["k"] == 0, "app_install", "url_visit")),
                             target=lookup(voc, nn["g"]))
        df.write_csv(os.path.join(out, "net.csv")); counts["net"] = df.height
        used_ph.append(nn["ph"])
        # transfers
        o = order(trs["t"])
        tt = {k: v[o] for k, v in trs.items()}
        tr_ids = np.array([f"T{i:09d}" for i in range(len(o))])
        df = pl.DataFrame({"event_id": tr_ids, "t": tt["t"], "amt": tt["am"]}).select(
            "event_id", ts_expr("t").alias("ts"), amt_expr("amt").alias("amount"))
        df = df.with_columns(from_account=lookup(acc, tt["fr"]), to_account=lookup(acc, tt["to"]),
                             channel=pl.Series(np.array(CH_NAMES)[tt["ch"]]))
        df.select("event_id", "ts", "from_account", "to_account", "amount", "channel").write_csv(os.path.join(out, "transfers.csv"))
        counts["transfers"] = df.height
        # persons
        pl.DataFrame({"person_id": [f"P{i:06d}" for i in range(self.P)],
                      "district": np.array(DISTRICTS)[self.dist], "birth_year": self.birth,
                      "sex": np.where(self.sex == 0, "M", "F")}).write_csv(os.path.join(out, "persons.csv"))
        counts["persons"] = self.P
        pid = np.array([f"P{i:06d}" for i in range(self.P)] + [None], dtype=object)
        # phones: residents' registered numbers plus every number seen
        seen = np.zeros(len(self.ph_num), bool)
        for u in used_ph:
            seen[u[u >= 0]] = True
        hold = np.array(self.ph_hold)
        keep = np.flatnonzero(seen | (hold >= 0))
        actv = np.array(self.ph_act, np.int64)[keep]
        df = pl.DataFrame({"number": np.array(self.ph_num, dtype=object)[keep],
                           "holder_person_id": pid[np.where(hold[keep] >= 0, hold[keep], self.P)],
                           "kind": np.array(KINDS)[np.array(self.ph_kind)[keep]], "a": actv},
                          schema={"number": pl.String, "holder_person_id": pl.String, "kind": pl.String, "a": pl.Int64})
        df = df.with_columns(activated_at=ts_opt("a")).drop("a")
        df.write_csv(os.path.join(out, "phones.csv")); counts["phones"] = df.height
        # accounts: residents' accounts plus every account seen
        aseen = np.zeros(len(self.ac_id), bool)
        aseen[tt["fr"][tt["fr"] >= 0]] = True; aseen[tt["to"][tt["to"] >= 0]] = True
        ahold = np.array(self.ac_hold)
        keep = np.flatnonzero(aseen | (ahold >= 0))
        df = pl.DataFrame({"account_id": np.array(self.ac_id, dtype=object)[keep],
                           "holder_person_id": pid[np.where(ahold[keep] >= 0, ahold[keep], self.P)],
                           "bank": np.array(self.ac_bank, dtype=object)[keep],
                           "kind": np.array(ACC_KINDS)[np.array(self.ac_kind)[keep]],
                           "o": np.array(self.ac_open, np.int64)[keep]},
                          schema={"account_id": pl.String, "holder_person_id": pl.String, "bank": pl.String, "kind": pl.String, "o": pl.Int64})
        df = df.with_columns(opened_at=ts_opt("o")).drop("o")
        df.write_csv(os.path.join(out, "accounts.csv")); counts["accounts"] = df.height
        # ---------------- labels
        fmask_c, fmask_s, fmask_n, fmask_t = c["f"], s["f"], nn["f"], tt["f"]
        ring_nums = set(self.ring_num_role)
        ph_used_fraud = set(np.r_[c["a"][fmask_c], c["b"][fmask_c], s["a"][fmask_s]].tolist())
        lab_nums = sorted(n for n in ring_nums if n in ph_used_fraud)
        roles = []
        for n in lab_nums:
            rr = self.ring_num_role[n]
            roles.append("caller_sms" if len(rr) > 1 else next(iter(rr)))
        pl.DataFrame({"number": [self.ph_num[n] for n in lab_nums], "role": roles},
                     schema={"number": pl.String, "role": pl.String}).write_csv(os.path.join(out, "labels/numbers.csv"))
        ring_doms = set(d[0] for r in self.rings for d in r["domains"])
        dom_seen = set(np.r_[s["dm"][fmask_s], nn["g"][fmask_n & (nn["k"] == 1)]].tolist())
        lab_doms = sorted(d for d in ring_doms if d in dom_seen)
        pl.DataFrame({"value": [self.vocab[d] for d in lab_doms]}, schema={"value": pl.String}).write_csv(os.path.join(out, "labels/domains.csv"))
        ring_apps = set(a[0] for r in self.rings for a in r["apps"])
        app_seen = set(nn["g"][fmask_n & (nn["k"] == 0)].tolist())
        lab_apps = sorted(a for a in ring_apps if a in app_seen)
        pl.DataFrame({"value": [self.vocab[a] for a in lab_apps]}, schema={"value": pl.String}).write_csv(os.path.join(out, "labels/apps.csv"))
        acc_seen_f = set(np.r_[tt["fr"][fmask_t], tt["to"][fmask_t]].tolist())
        lab_acc = sorted(a for a in self.acct_role if a in acc_seen_f)
        pl.DataFrame({"account_id": [self.ac_id[a] for a in lab_acc], "role": [self.acct_role[a] for a in lab_acc]},
                     schema={"account_id": pl.String, "role": pl.String}).write_csv(os.path.join(out, "labels/accounts.csv"))
        loss_ids = tr_ids[tt["lo"]]
        pl.DataFrame({"event_id": loss_ids}, schema={"event_id": pl.String}).write_csv(os.path.join(out, "labels/losses.csv"))
        # targets: person, first contact, first loss (only losses inside the window count)
        loss_rows = np.flatnonzero(tt["lo"])
        loss_key = {}
        for i in loss_rows:
            loss_key[(int(tt["t"][i]), int(tt["to"][i]), int(tt["am"][i]))] = i
        trow = []
        reports = []
        n_victims = 0
        for st in self.targets:
            if st["contact"] >= END:
                continue
            paid = [(t, m, a) for (t, m, a) in st["paid"] if 0 <= t < END and (int(t), m, a) in loss_key]
            paid.sort()
            first_loss = paid[0][0] if paid else None
            total = sum(a for _, _, a in paid)
            trow.append((f"P{st['person']:06d}", st["type"], int(st["contact"]),
                         int(first_loss) if paid else MISSING, int(total) if paid else MISSING))
            st["paid_in"] = paid
            if paid:
                n_victims += 1
        df = pl.DataFrame(trow, schema={"person_id": pl.String, "scam_type": pl.String, "c": pl.Int64, "l": pl.Int64, "a": pl.Int64}, orient="row")
        df = df.with_columns(first_contact_ts=ts_expr("c"), first_loss_ts=ts_opt("l"),
                             loss_amount=pl.when(pl.col("a") != MISSING).then(amt_expr("a")).otherwise(pl.lit(None, pl.String)))
        df.select("person_id", "scam_type", "first_contact_ts", "first_loss_ts", "loss_amount").sort("first_contact_ts").write_csv(os.path.join(out, "labels/targets.csv"))
        # ---------------- reports
        rep_p = {"rebate": 0.6, "investment": 0.5, "police": 0.72, "customer_service": 0.65, "loan": 0.55,
                 "shopping": 0.5, "credit_repair": 0.6, "boss": 0.85, "romance": 0.45, "game_trading": 0.5}
        listed_acc: dict[int, tuple] = {}
        listed_num: dict[int, tuple] = {}
        listed_dom: dict[int, tuple] = {}
        listed_app: dict[int, tuple] = {}

        def lst(dct, k, t, src):
            if k not in dct or t < dct[k][0]:
                dct[k] = (int(t), src)

        for st in self.targets:
            paid = st.get("paid_in") or []
            if not paid or rng.random() >= rep_p[st["type"]]:
                continue
            last = paid[-1][0]
            q = rng.random()
            delay = rng.uniform(10 * MINUTE, HOUR) if q < 0.25 else (rng.uniform(1, 24) * HOUR if q < 0.6 else rng.uniform(1, 6) * DAY)
            if st["type"] == "boss" and rng.random() < 0.7:
                delay = rng.uniform(15 * MINUTE, 4 * HOUR)
            rt = int(last + delay)
            if rt >= END:
                continue
            # the victim only knows what happened before the report
            known = [x for x in paid if x[0] <= rt]
            m1 = list(dict.fromkeys(m for _, m, _ in known))
            q = rng.random()
            if q < 0.7 or len(m1) == 1:
                pt = m1
            elif q < 0.93:
                kk = int(rng.integers(1, len(m1)))
                pt = [m1[i] for i in sorted(rng.choice(len(m1), kk, replace=False))]
            else:
                pt = [m1[-1]]
            total = sum(a for _, _, a in known)
            q = rng.random()
            claim = total if q < 0.45 else (int(round(total / 100 / 100)) * 100 * 100 if q < 0.8 else int(total * rng.uniform(0.85, 1.3)) // 100 * 100)
            claim = max(claim, 100)
            reports.append((rt, st["person"], ";".join(self.ac_id[a] for a in pt), claim))
            # police list the paid-to accounts, contact numbers, domains soon after the report
            for a in pt:
                lst(listed_acc, a, rt + rng.uniform(0.2, 12) * HOUR, "police_case")
            for n in st["nums"]:
                if rng.random() < 0.8:
                    lst(listed_num, n, rt + rng.uniform(0.5, 24) * HOUR, "police_case")
            for d in st["doms"]:
                if rng.random() < 0.7:
                    lst(listed_dom, d, rt + rng.uniform(1, 36) * HOUR, "police_case")
        # a few disputes / mistaken reports against innocent accounts (a trader, a shop, a stranger)
        cand = np.flatnonzero(~tt["f"] & (tt["fr"] >= 0) & (tt["to"] >= 0) & (tt["am"] >= 50000))
        cand = cand[np.array(self.ac_hold)[tt["fr"][cand]] >= 0]
        for i in rng.choice(cand, min(len(cand), int(rng.integers(2, 6))), replace=False):
            rt = int(tt["t"][i] + rng.uniform(2, 48) * HOUR)
            if rt < END:
                reports.append((rt, int(self.ac_hold[tt["fr"][i]]), self.ac_id[tt["to"][i]], int(tt["am"][i])))
        reports.sort()
        df = pl.DataFrame([(f"R{k + 1:05d}", r[0], f"P{r[1]:06d}", r[2], r[3]) for k, r in enumerate(reports)],
                          schema={"report_id": pl.String, "t": pl.Int64, "person_id": pl.String, "paid_to": pl.String, "c": pl.Int64}, orient="row")
        df = df.select("report_id", ts_expr("t").alias("ts"), "person_id", "paid_to", amt_expr("c").alias("claimed_amount"))
        df.write_csv(os.path.join(out, "reports.csv")); counts["reports"] = df.height
        # ---------------- known-bad lists (partial, lagged, some pre-dating the city)
        for n in lab_nums:
            if rng.random() < 0.06:
                lst(listed_num, n, -rng.uniform(1, 60) * DAY, "miit")  # recycled number, listed before
            elif n in self.num_burn:
                lst(listed_num, n, self.num_burn[n][0], self.num_burn[n][1])
        for d in lab_doms:
            if rng.random() < 0.08:
                lst(listed_dom, d, -rng.uniform(1, 30) * DAY, "cnnic")
            elif rng.random() < 0.45:
                lst(listed_dom, d, lognorm(rng, 40 * HOUR, 0.8), str(rng.choice(["miit", "police", "security_vendor"])))
        for a in lab_apps:
            if rng.random() < 0.1:
                lst(listed_app, a, -rng.uniform(1, 40) * DAY, "police")
            elif rng.random() < 0.4:
                lst(listed_app, a, lognorm(rng, 50 * HOUR, 0.8), str(rng.choice(["police", "miit"])))
        for a in lab_acc:
            f = self.acct_first.get(a, 0)
            if self.ac_hold[a] < 0 and rng.random() < 0.07:
                lst(listed_acc, a, -rng.uniform(1, 90) * DAY, "platform")
            elif rng.random() < 0.18:
                lst(listed_acc, a, f + lognorm(rng, 40 * HOUR, 0.8), "bank_risk")
        # a few innocent entries: a telemarketing line marked by users, a trader's card flagged by a bank
        for n in rng.choice(self.telemkt, 2, replace=False):
            lst(listed_num, int(n), rng.uniform(-20 * DAY, END), "user_report")
        trd = [self.primacc[p] for p in np.flatnonzero(self.trader & (self.primacc >= 0))]
        if trd:
            lst(listed_acc, int(rng.choice(trd)), rng.uniform(0, END), "bank_risk")
        # historical entries never seen in the city
        hist_n = self.mk_overseas(OVS_CC, OVS_CC_W)(int(self.P * 0.02)) + self.mk_voip()(int(self.P * 0.012)) + self.mk_mobile(False)(int(self.P * 0.01))
        hist_d = []
        for _ in range(int(self.P * 0.008)):
            typ = str(rng.choice(SCAM_TYPES))
            hist_d.append(str(rng.choice(TYPE_DOMAIN_STEM[typ])) + "".join(rng.choice(list("abcdefghjkmnpqrstuvwxyz0123456789"), int(rng.integers(2, 6))))
                          + "." + str(rng.choice(FRAUD_TLD, p=FRAUD_TLD_W / FRAUD_TLD_W.sum())))
        hist_a = ["uni.UNI" + "".join(rng.choice(list("0123456789ABCDEF"), 7)) for _ in range(int(self.P * 0.0015))] + \
                 ["com." + "".join(rng.choice(SYL, 2)) + "." + str(rng.choice(["trade", "dai", "licai", "app", "pro"])) for _ in range(int(self.P * 0.0015))]
        hist_acc = [BANKS[b][0] + "".join(str(x) for x in rng.integers(0, 10, BANKS[b][1] - 6)) for b in rng.choice(BANK_CODES, int(self.P * 0.015))]

        def write_list(path, rows):
            rows = sorted(rows, key=lambda x: (x[1], x[0]))
            df = pl.DataFrame(rows, schema={"value": pl.String, "t": pl.Int64, "source": pl.String}, orient="row")
            df = df.filter(pl.col("t") < END).select("value", ts_expr("t").alias("listed_at"), "source")
            df.write_csv(path)
            return df.height

        def hist_rows(vals, src):
            out = {}
            for v_ in vals:
                if v_ not in out:
                    out[v_] = (v_, int(-rng.uniform(1, 180) * DAY), src)
            return list(out.values())

        used_num_str = set(self.ph_idx)
        counts["lists/numbers"] = write_list(os.path.join(out, "lists/numbers.csv"),
                                             [(self.ph_num[k], int(v_[0]), v_[1]) for k, v_ in listed_num.items()] +
                                             [x for x in hist_rows(hist_n, "miit") if x[0] not in used_num_str])
        counts["lists/domains"] = write_list(os.path.join(out, "lists/domains.csv"),
                                             [(self.vocab[k], int(v_[0]), v_[1]) for k, v_ in listed_dom.items()] +
                                             [x for x in hist_rows(hist_d, "police") if x[0] not in self.vidx])
        counts["lists/apps"] = write_list(os.path.join(out, "lists/apps.csv"),
                                          [(self.vocab[k], int(v_[0]), v_[1]) for k, v_ in listed_app.items()] +
                                          [x for x in hist_rows(hist_a, "police") if x[0] not in self.vidx])
        counts["lists/accounts"] = write_list(os.path.join(out, "lists/accounts.csv"),
                                              [(self.ac_id[k], int(v_[0]), v_[1]) for k, v_ in listed_acc.items()] +
                                              [x for x in hist_rows(hist_acc, "platform") if x[0] not in self.ac_idx])
        # ---------------- meta
        start = _dt.datetime(START_DATE.year, START_DATE.month, START_DATE.day)
        meta = {"format": "dataset/1", "start": start.strftime("%Y-%m-%dT%H:%M:%S") + "+08:00",
                "end": (start + _dt.timedelta(days=self.D)).strftime("%Y-%m-%dT%H:%M:%S") + "+08:00",
                "seed": self.seed,
                "note": f"independent generator B (indep/b/gen.py): {self.P} persons, {self.D} days; "
                        "fraud incidence deliberately ~100x real life so the city holds enough cases"}
        with open(os.path.join(out, "meta.json"), "w", encoding="utf-8") as fh:
            json.dump(meta, fh, ensure_ascii=False, indent=1)
        counts.update({"labels/targets": len(trow), "victims_with_loss": n_victims, "labels/numbers": len(lab_nums),
                       "labels/accounts": len(lab_acc), "labels/domains": len(lab_doms), "labels/apps": len(lab_apps),
                       "labels/losses": len(loss_ids), "loss_total_yuan": int(tt["am"][tt["lo"]].sum()) // 100,
                       "rings": len(self.rings)})
        self.counts = counts
        return counts


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--persons", type=int, default=20000)
    ap.add_argument("--days", type=int, default=7)
    ap.add_argument("--out", required=True)
    a = ap.parse_args(argv)
    t0 = time.time()
    g = Gen(a.seed, a.persons, a.days)
    steps = [("population", g.build_population), ("phones", g.build_phones), ("accounts", g.build_accounts),
             ("social", g.build_social), ("calls", g.bg_calls), ("sms", g.bg_sms), ("net", g.bg_net),
             ("transfers", g.bg_transfers), ("rings", g.build_rings), ("fraud", g.run_fraud)]
    for name, fn in steps:
        fn()
        print(f"[{time.time() - t0:6.1f}s] {name}", file=sys.stderr)
    counts = g.write(a.out)
    print(f"[{time.time() - t0:6.1f}s] written to {a.out}", file=sys.stderr)
    print(json.dumps(counts, indent=1))


if __name__ == "__main__":
    main()
