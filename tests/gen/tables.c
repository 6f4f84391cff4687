/*
 * tables.c - rs-gen's reference data: enum names (as in the schemas/ files),
 * Shenzhen districts and highways, vehicles, names, programmes, agents.
 */
#include "gen.h"

const char *const serv_names[NSERV] = { "tow", "tyre", "jumpstart", "fuel",
    "lockout", "winch", "repair", "transfer", "chauffeur", "booking" };
const char *const fault_names[NFAULT] = { "accident", "engine",
    "transmission", "electrical", "battery", "tyre", "brake", "ev-system",
    "fuel", "lockout", "software", "other" };
const char *const cat_names[NCAT] = { "late", "no-show", "attitude",
    "technical", "fee", "damage", "location", "dispatch", "agent", "other" };
const char *const resp_names[NRESP] = { "provider", "dispatch", "platform",
    "agent", "customer", "third-party", "none" };
const char *const remedy_names[] = { "apology", "refund", "partial-refund",
    "voucher", "upgrade", "compensation", "repair", "none" };
const char *const energy_names[] = { "ice", "ev", "hybrid" };
const char *const road_names[] = { "city", "highway", "rural" };

/* district centres (WGS 84, approximate), weight = share of city cases */
const struct district districts[] = {
	{ "福田区", 22.5410, 114.0550, 17,
	  { "深南大道", "益田路", "彩田路", "福华三路", "滨河大道", "香蜜湖路" },
	  { "会展中心停车场", "华强北赛格广场", "福田高铁站", "香蜜湖度假村" } },
	{ "罗湖区", 22.5480, 114.1310, 12,
	  { "人民南路", "东门中路", "宝安南路", "深南东路", "布心路", "爱国路" },
	  { "东门步行街停车场", "罗湖口岸", "万象城地下车库B2", "洪湖公园" } },
	{ "南山区", 22.5330, 113.9300, 18,
	  { "南海大道", "科技园中区科苑路", "沙河西路", "后海大道", "桃园路",
	    "深云路" },
	  { "深圳湾体育中心", "海岸城停车场", "欢乐谷北门", "腾讯滨海大厦" } },
	{ "宝安区", 22.5550, 113.8830, 19,
	  { "宝安大道", "新安六路", "航城大道", "107国道", "西乡大道",
	    "福永凤塘大道" },
	  { "宝安国际机场P2停车楼", "宝安中心区海雅缤纷城", "西乡汽车站",
	    "沙井京基百纳" } },
	{ "龙岗区", 22.7200, 114.2470, 18,
	  { "龙岗大道", "吉华路", "五和大道", "深惠路", "布澜路", "龙翔大道" },
	  { "大运中心", "坂田华为基地南门", "布吉汽车站", "龙岗万达广场" } },
	{ "龙华区", 22.6570, 114.0450, 14,
	  { "民治大道", "梅龙大道", "龙华大道", "人民路", "观澜大道",
	    "布龙路" },
	  { "深圳北站西广场", "观澜湖", "龙华汽车站", "壹方天地" } },
	{ "光明区", 22.7490, 113.9360, 4,
	  { "光明大道", "公常路", "华夏路", "光侨路", "东长路", "观光路" },
	  { "光明农场", "光明城站", "虹桥公园", "新湖街道办" } },
	{ "坪山区", 22.7080, 114.3460, 3,
	  { "坪山大道", "深汕路", "丹梓大道", "金牛路", "锦绣中路", "兰景路" },
	  { "比亚迪坪山工厂", "坪山高铁站", "燕子湖", "坪山中心公园" } },
	{ "盐田区", 22.5570, 114.2370, 3,
	  { "深盐路", "沙头角海景路", "盐葵路", "北山道", "明珠大道",
	    "东海道" },
	  { "大梅沙海滨公园", "盐田港", "小梅沙", "中英街" } },
};
const int ndistricts = NELEM(districts);

/* highway stretches around Shenzhen, kilometre posts along them */
const struct highway highways[] = {
	{ "G4", "京港澳高速(广深段)", 22.5320, 114.0700, 22.7780, 113.7900,
	  0, 46, "往广州方向", "往深圳方向" },
	{ "G15", "沈海高速(深汕段)", 22.6300, 114.4700, 22.6620, 114.1500,
	  62, 20, "往福田方向", "往惠州方向" },
	{ "G94", "珠三角环线高速", 22.6400, 113.8200, 22.7450, 114.2100,
	  12, 60, "往龙岗方向", "往宝安方向" },
	{ "S29", "从莞深高速", 22.6500, 114.0900, 22.8950, 114.0500,
	  0, 28, "往东莞方向", "往深圳方向" },
	{ "S3", "广深沿江高速", 22.5150, 113.9450, 22.7800, 113.7600,
	  0, 38, "往广州方向", "往深圳方向" },
	{ "S28", "水官高速", 22.5960, 114.1200, 22.7000, 114.3100,
	  0, 22, "往龙岗方向", "往福田方向" },
	{ "G0422", "武深高速", 22.7600, 114.0100, 22.9500, 114.0100,
	  0, 21, "往武汉方向", "往深圳方向" },
};
const int nhighways = NELEM(highways);

/* make and model, energy, weight (about 18 % EV, 8 % hybrid) */
const struct vehicle vehicles[] = {
	{ "大众 朗逸", E_ICE, 60 }, { "丰田 卡罗拉", E_ICE, 50 },
	{ "日产 轩逸", E_ICE, 50 }, { "本田 雅阁", E_ICE, 40 },
	{ "丰田 凯美瑞", E_ICE, 40 }, { "本田 思域", E_ICE, 30 },
	{ "大众 帕萨特", E_ICE, 30 }, { "别克 GL8", E_ICE, 30 },
	{ "宝马 3系", E_ICE, 25 }, { "奔驰 C级", E_ICE, 25 },
	{ "奥迪 A4L", E_ICE, 22 }, { "吉利 星越L", E_ICE, 22 },
	{ "长安 CS75 PLUS", E_ICE, 25 }, { "哈弗 H6", E_ICE, 30 },
	{ "广汽传祺 GS4", E_ICE, 15 }, { "马自达 CX-5", E_ICE, 12 },
	{ "五菱 宏光", E_ICE, 18 }, { "福特 福克斯", E_ICE, 12 },
	{ "比亚迪 汉EV", E_EV, 20 }, { "特斯拉 Model 3", E_EV, 20 },
	{ "特斯拉 Model Y", E_EV, 20 }, { "比亚迪 元PLUS", E_EV, 16 },
	{ "广汽埃安 AION S", E_EV, 14 }, { "小鹏 P7", E_EV, 10 },
	{ "蔚来 ES6", E_EV, 8 }, { "五菱 宏光MINIEV", E_EV, 10 },
	{ "极氪 001", E_EV, 8 }, { "比亚迪 海豚", E_EV, 12 },
	{ "比亚迪 秦PLUS DM-i", E_HYBRID, 20 }, { "理想 L7", E_HYBRID, 10 },
	{ "问界 M7", E_HYBRID, 8 }, { "比亚迪 宋PLUS DM-i", E_HYBRID, 12 },
	{ "丰田 雷凌双擎", E_HYBRID, 8 },
};
const int nvehicles = NELEM(vehicles);

const char *const surnames[] = {
	"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐",
	"孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗", "郑", "梁",
	"谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖",
	"田", "董", "潘", "袁", "蔡", "蒋", "余", "于", "杜", "叶", "程",
	"魏", "苏", "吕", "丁", "任", "卢", "姚", "沈", "钟", "姜", "崔",
	"谭", "陆", "范", "汪", "廖", "石", "金", "韦", "贾", "夏", "付",
	"方", "邹", "熊", "白", "孟", "秦", "邱", "侯", "江", "尹", "薛",
	"闫", "段", "雷", "龙", "黎", "史", "陶", "贺", "毛", "郝", "顾",
	"龚", "邵", "万", "覃", "武", "钱", "戴", "严", "欧阳", "司马",
};
const int nsurnames = NELEM(surnames);

const char *const givenchars[] = {
	"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇",
	"艳", "杰", "娟", "涛", "明", "超", "霞", "平", "刚", "华", "建",
	"国", "文", "辉", "鑫", "宇", "浩", "然", "子", "涵", "思", "雨",
	"欣", "怡", "梓", "轩", "一", "诺", "佳", "琪", "晓", "东", "志",
	"海", "俊", "峰", "婷", "颖", "晨", "阳", "博", "雅", "诗", "瑶",
	"嘉", "永", "健", "斌", "凯", "琳", "雪", "梅", "红", "玉", "兰",
	"英", "春", "燕", "秀", "桂", "亮", "彬", "立", "成", "德", "锋",
};
const int ngivenchars = NELEM(givenchars);

const char *const programs[] = {
	"中国平安车险", "中国人保车险", "太平洋车险", "中国人寿财险",
	"大地保险", "招商银行信用卡", "广发银行信用卡", "比亚迪车主服务",
	"特斯拉道路救援", "广汽本田关爱", "一汽大众车主俱乐部", "滴滴车主",
	"自费", "自费", "自费", "深圳通卡会员",
};
const int nprograms = NELEM(programs);

const char *const desk_day[] = {
	"陈晓燕", "林佳琪", "黄志强", "张婷", "刘洋", "吴思雨", "周敏",
	"郑海峰", "梁颖", "谢文辉", "许嘉欣", "邓超", "曾雪梅", "彭俊",
	"蔡晓东", "何丽", "罗诗瑶", "杨博", "苏琳", "叶子涵",
};
const int ndesk_day = NELEM(desk_day);
const char *const desk_night[] = {
	"赵磊", "孙勇", "马艳", "朱建国", "胡涛", "郭静", "韩斌", "冯凯",
};
const int ndesk_night = NELEM(desk_night);
/* the complaint team (its manager first), and the callback team */
const char *const cteam[] = { "王经理", "刘敏", "赵婷婷", "孙浩然", "王芳", "李静" };
const int ncteam = NELEM(cteam);
const char *const cbteam[] = { "钟晓华", "姚丽娟", "沈佳", "卢雨欣",
    "江一诺", "田晨" };
const int ncbteam = NELEM(cbteam);

/* plate prefixes of visiting cars (locals are 粤B) */
const char *const plate_provs[] = {
	"粤A", "粤S", "粤E", "粤L", "粤T", "湘A", "湘L", "赣B", "桂A",
	"闽D", "川A", "鄂A", "京A", "沪C", "浙A", "豫A",
};
const int nplate_provs = NELEM(plate_provs);

const char *const firmwords[] = {
	"速援", "安途", "路捷", "顺达", "鹏城", "平安", "迅达", "易修",
	"车管家", "畅行", "骏通", "诚信", "永安", "华运", "粤通", "腾达",
	"佳美", "快修", "宏达", "利民",
};
const int nfirmwords = NELEM(firmwords);
