"""Real-world names the city is built from: Nanchang districts, banks and their card prefixes,
service numbers, domains and app packages. Innocents and rings draw from the same catalogues.
"""

from __future__ import annotations

#: Nanchang district codes with a rough share of the population.
DISTRICTS: tuple[tuple[str, float], ...] = (
    ("360102", 0.09),  # 东湖区
    ("360103", 0.10),  # 西湖区
    ("360104", 0.07),  # 青云谱区
    ("360111", 0.17),  # 青山湖区
    ("360112", 0.12),  # 新建区
    ("360113", 0.12),  # 红谷滩区
    ("360121", 0.16),  # 南昌县
    ("360123", 0.05),  # 安义县
    ("360124", 0.12),  # 进贤县
)

#: Banks with a share of personal accounts and card prefixes (prefix, total length).
BANKS: tuple[tuple[str, float, tuple[tuple[str, int], ...]], ...] = (
    ("工商银行", 0.17, (("622202", 19), ("621226", 19), ("621558", 19))),
    ("建设银行", 0.16, (("621700", 19), ("622700", 19), ("436742", 19))),
    ("农业银行", 0.13, (("622848", 19), ("623052", 19), ("622845", 19))),
    ("中国银行", 0.09, (("621661", 19), ("621785", 19), ("456351", 19))),
    ("交通银行", 0.05, (("622262", 19), ("622260", 17))),
    ("邮储银行", 0.11, (("621799", 19), ("622188", 19), ("621098", 19))),
    ("招商银行", 0.07, (("622588", 16), ("621483", 16), ("621286", 16))),
    ("江西银行", 0.06, (("623058", 19), ("622180", 19))),
    ("九江银行", 0.04, (("622162", 19), ("621771", 19))),
    ("农商银行", 0.05, (("621592", 19), ("623159", 19))),
    ("兴业银行", 0.03, (("622909", 18), ("622908", 18))),
    ("中信银行", 0.02, (("622690", 16), ("621768", 16))),
    ("平安银行", 0.02, (("622155", 16), ("621626", 16))),
)

#: Mobile prefixes of the three operators (3 digits, 8 more follow).
MOBILE_PREFIXES: tuple[int, ...] = (
    *range(130, 140),
    150, 151, 152, 153, 155, 156, 157, 158, 159,
    172, 173, 175, 176, 177, 178,
    *range(180, 190),
    191, 193, 195, 196, 197, 198, 199,
)  # fmt: skip

#: Virtual-operator and internet-telephony prefixes, used by people and rings alike.
VOIP_PREFIXES: tuple[int, ...] = (170, 171, 162, 165, 167)

#: Country codes with the digits that follow: overseas numbers rings use and relatives abroad.
RING_COUNTRIES: tuple[tuple[str, int], ...] = (("855", 9), ("63", 10), ("95", 9), ("60", 9))
RELATIVE_COUNTRIES: tuple[tuple[str, int], ...] = (
    ("60", 9),
    ("63", 10),
    ("65", 8),
    ("852", 8),
    ("81", 10),
    ("1", 10),
    ("61", 9),
    ("855", 9),
)

#: Short codes of banks, carriers, payment platforms and couriers.
SERVICE_NUMBERS: tuple[tuple[str, str], ...] = (
    ("95588", "icbc.com.cn"),
    ("95533", "ccb.com"),
    ("95599", "abchina.com"),
    ("95566", "boc.cn"),
    ("95559", "bankcomm.com"),
    ("95580", "psbc.com"),
    ("95555", "cmbchina.com"),
    ("96266", "jx-bank.com"),
    ("10086", "10086.cn"),
    ("10010", "10010.com"),
    ("10000", "189.cn"),
    ("95516", "95516.com"),
    ("95188", "alipay.com"),
    ("95017", "tenpay.com"),
    ("95338", "sf-express.com"),
    ("95311", "zto.com"),
    ("95546", "yundaex.com"),
    ("10690551", "t.cn"),
    ("106900088", "dwz.cn"),
    ("1069088888", "m.tb.cn"),
)

#: Popular domains that everyone visits (weighted by rank when drawn).
POPULAR_DOMAINS: tuple[str, ...] = (
    "baidu.com", "qq.com", "taobao.com", "jd.com", "douyin.com", "pinduoduo.com",
    "weibo.com", "bilibili.com", "163.com", "meituan.com", "12306.cn", "alipay.com",
    "tenpay.com", "zhihu.com", "sohu.com", "sina.com.cn", "toutiao.com", "kuaishou.com",
    "ctrip.com", "dianping.com", "xiaohongshu.com", "iqiyi.com", "youku.com", "ele.me",
    "gov.cn", "jiangxi.gov.cn", "nc.gov.cn", "icbc.com.cn", "ccb.com", "cmbchina.com",
    "eastmoney.com", "10jqka.com.cn", "mp.weixin.qq.com", "v.douyin.com", "m.tb.cn", "t.cn",
)  # fmt: skip

#: Installs the whole city makes; the meeting, screen-share and brokerage apps rings abuse too.
POPULAR_APPS: tuple[str, ...] = (
    "com.tencent.mm", "com.eg.android.AlipayGphone", "com.taobao.taobao",
    "com.jingdong.app.mall", "com.xunmeng.pinduoduo", "com.ss.android.ugc.aweme",
    "com.smile.gifmaker", "com.sankuai.meituan",
    "com.tencent.mobileqq", "tv.danmaku.bili", "com.xingin.xhs", "com.autonavi.minimap",
    "com.icbc", "com.chinamworld.main", "cmb.pb", "com.android.bankabc", "com.unionpay",
    "com.tmri.app.main", "cn.gov.tax.its", "com.sdu.didi.psnger", "com.ss.android.article.news",
)  # fmt: skip
MEETING_APPS: tuple[str, ...] = (
    "com.tencent.wemeet.app",
    "com.ss.android.lark",
    "com.alibaba.android.rimet",
    "us.zoom.videomeetings",
    "com.tencent.tim",
)
BROKERAGE_APPS: tuple[str, ...] = (
    "com.hexin.plugin",
    "com.eastmoney.android.berlin",
    "com.huatai.zhangle",
    "com.gtja.junhong",
    "com.foundersc.app.xf",
)
LOAN_APPS: tuple[str, ...] = ("com.jd.jrapp", "com.webank.wemoney", "com.mybank.android.phone")

#: Syllables for generated names of small sites and apps (legitimate long tail and ring assets).
SYLLABLES: tuple[str, ...] = (
    "an", "bao", "cai", "chang", "da", "fu", "gao", "hui", "jia", "jin", "kang", "le", "li",
    "long", "mei", "ming", "rong", "rui", "sheng", "shun", "tai", "tong", "wang", "xin", "xing",
    "yi", "yin", "yun", "zhi", "zhong", "hong", "hua", "tian", "yuan", "heng", "feng", "qian",
)  # fmt: skip
TLDS: tuple[str, ...] = ("com", "cn", "net", "top", "vip", "cc", "xyz", "com.cn", "shop")
APP_PREFIXES: tuple[str, ...] = ("com", "cn", "net", "io")
