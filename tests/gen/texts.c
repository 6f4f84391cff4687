/*
 * texts.c - free text of rs-gen: symptoms in the customer's words, notes,
 * demands, findings, comments. Some hold quotes, commas, tabs, newlines
 * and a backslash on purpose: the TSV writer must escape them.
 */
#include "gen.h"

static const char *const sy_accident[] = {
	"追尾前车,车头受损,水箱漏水", "被后车追尾,后保险杠掉了",
	"变道时刮蹭护栏,左前轮变形", "与电动车相撞,对方倒地\n已报警",
	"两车碰撞,安全气囊弹出", "倒车撞到石墩,\"咔\"一声后挂不上挡",
};
static const char *const sy_engine[] = {
	"行驶中突然熄火,再也打不着", "发动机故障灯亮,抖得厉害",
	"水温表报警,冒白烟", "打火\"咔咔\"响,就是不着车",
	"机油灯亮,发动机有异响", "怠速不稳, 一踩油门就熄火",
};
static const char *const sy_trans[] = {
	"挂不上D挡,只能挂P挡", "变速箱报警,车子只能低速走",
	"换挡顿挫严重,仪表显示\"变速箱过热\"", "离合踩到底挂不进挡",
};
static const char *const sy_elec[] = {
	"仪表盘全黑,车灯不亮", "中控屏死机,车窗升不上去",
	"大灯不亮,雨刮也不动", "车内有焦糊味,保险丝烧了",
};
static const char *const sy_battery[] = {
	"电瓶没电,打不着火", "停了三天,车完全没电了",
	"忘关大灯一晚上,亏电", "钥匙遥控没反应,车打不着",
	"冬天早上启动无力,\t仪表闪烁",
};
static const char *const sy_battery_ev[] = {
	"小电瓶亏电,车机黑屏无法上电", "剩余电量0%,趴窝了",
	"续航显示还有30公里,突然断电", "充电桩充不进电,提示\"充电故障\"",
};
static const char *const sy_tyre[] = {
	"左后轮爆胎", "右前胎扎钉,胎压报警", "轮胎鼓包,不敢再开",
	"爆胎了,备胎也没气", "两个轮胎都被扎了,\n车停在应急车道",
	"胎压灯亮, 右后轮瘪了",
};
static const char *const sy_brake[] = {
	"刹车踩着很软,不敢开了", "刹车有\"吱吱\"异响,制动距离变长",
	"刹车灯报警,刹车油好像漏了", "手刹放不下来",
};
static const char *const sy_evsys[] = {
	"仪表提示\"动力系统故障,请靠边停车\"", "高压系统报警,车辆无法行驶",
	"电机过热,限功率行驶", "提示\"请检查电池包\",不能上电",
	"车机屏幕显示 ERR\\E05,无法挂挡",
};
static const char *const sy_fuel[] = {
	"没油了,停在路边", "油表不准,开着开着就没油了",
	"加错油了,加了柴油", "油量报警后又开了20公里,熄火了",
};
static const char *const sy_lockout[] = {
	"钥匙锁车里了", "钥匙丢了,进不去车", "车门锁死,孩子在车里!",
	"智能钥匙没电,车门打不开",
};
static const char *const sy_software[] = {
	"车机黑屏,无法挂挡", "OTA升级失败,车辆无法启动",
	"手机钥匙失灵,蓝牙连不上", "仪表报\"系统故障\",重启无效",
};
static const char *const sy_other[] = {
	"车陷在泥坑里出不来", "底盘托底,有漏油", "车窗玻璃被砸",
	"客户说\"不知道哪里坏了,就是开不了\"", "雨天涉水后熄火",
};
static const char *const sy_transfer[] = {
	"要求送机,航班晚上9点", "车送修后需要接送客户回家",
	"送客户到深圳北站赶高铁", "客户饮酒,需要代驾回家",
};

const char *
symptom_for(int fault, int energy)
{
	switch (fault) {
	case F_ACCIDENT: return PICK(sy_accident);
	case F_ENGINE: return PICK(sy_engine);
	case F_TRANS: return PICK(sy_trans);
	case F_ELEC: return PICK(sy_elec);
	case F_BATTERY:
		return energy == E_EV ? PICK(sy_battery_ev) : PICK(sy_battery);
	case F_TYRE: return PICK(sy_tyre);
	case F_BRAKE: return PICK(sy_brake);
	case F_EVSYS: return PICK(sy_evsys);
	case F_FUEL: return PICK(sy_fuel);
	case F_LOCKOUT: return PICK(sy_lockout);
	case F_SOFTWARE: return PICK(sy_software);
	case -1: return PICK(sy_transfer);
	default: return PICK(sy_other);
	}
}

static const char *const cr_early[] = {
	"客户自行修好,取消救援", "重复报案,已合并", "客户朋友已到场帮忙",
	"客户表示车辆又能启动了", "客户改为明天自行送修",
};
static const char *const cr_wait[] = {
	"客户等待时间过长,自行联系了其他拖车", "客户不愿再等,取消",
	"客户表示\"等了一个小时还没来\",取消", "客户电话关机,联系不上",
};
static const char *const cr_police[] = {
	"交警已安排清障车拖离现场", "路政拖车已到场,取消我方救援",
};

/* 0 = before dispatch, 1 = waiting for the provider, 2 = highway */
const char *
cancel_reason(int kind)
{
	if (kind == 0)
		return PICK(cr_early);
	if (kind == 2 && chance(0.5))
		return PICK(cr_police);
	return PICK(cr_wait);
}

/* destination: where a tow goes (a garage) or a ride (a place in town) */
const char *
destination(const struct gcase *c, double *lat, double *lon)
{
	static const struct { const char *name; double lat, lon; } tow[] = {
		{ "比亚迪4S店(福田)", 22.5386, 114.0312 },
		{ "广汽丰田4S店(南山)", 22.5329, 113.9304 },
		{ "宝安汽修城", 22.5708, 113.8645 },
		{ "龙岗汽车维修中心", 22.7204, 114.2468 },
		{ "车主指定修理厂", 0, 0 },
	}, ride[] = {
		{ "宝安国际机场T3", 22.6253, 113.8108 },
		{ "深圳北站", 22.6095, 114.0292 },
		{ "福田高铁站", 22.5393, 114.0551 },
		{ "会展中心", 22.5311, 114.0577 },
		{ "客户家中", 0, 0 },
	};
	int i;

	if (c->service == S_TOW) {
		i = rint_in(0, 4);
		*lat = tow[i].lat, *lon = tow[i].lon;
		return tow[i].name;
	}
	i = rint_in(0, 4);
	*lat = ride[i].lat, *lon = ride[i].lon;
	return ride[i].name;
}

const char *
reassign_note(void)
{
	static const char *const n[] = { "原服务商无车可派,改派",
	    "原服务商拒单,改派", "技师车辆故障,改派",
	    "原服务商预计超时,改派就近服务商" };
	return PICK(n);
}

const char *
late_notify_note(int why)
{
	static const char *const n[] = { "已告知客户预计到达时间",
	    "告知客户:路上堵车,预计晚到20分钟",
	    "告知客户:司机正在核实位置,请保持电话畅通",
	    "告知客户:司机预计稍晚到达", "告知客户:救援车辆故障,正在处理",
	    "告知客户:司机上一单还未结束,稍后到达" };
	return n[why];
}

const char *
demand_for(int cat)
{
	static const char *const d[NCAT][3] = {
		{ "要求退款并道歉", "要求解释为什么迟到", "要求对司机进行处理" },
		{ "要求退还服务费并赔偿误工", "要求道歉", "要求说明原因" },
		{ "要求司机道歉", "要求对司机进行处理", "要求更换服务商" },
		{ "要求免费重新维修", "要求退款", "要求说明修不好的原因" },
		{ "要求退还多收的费用", "要求出示收费标准", "要求部分退款" },
		{ "要求赔偿车辆维修费用", "要求修复划痕", "要求赔偿,否则起诉" },
		{ "要求说明定位为什么错", "要求退款", "要求道歉" },
		{ "要求解释为什么改派", "要求道歉", "要求退款" },
		{ "要求客服道歉", "要求投诉客服", "要求说明情况" },
		{ "要求说明情况", "要求回电", "要求道歉" },
	};
	return d[cat][rint_in(0, 2)];
}

/* the finding of the investigation, by category and responsible party */
const char *
finding_for(int cat, int resp, int why)
{
	static const char *const late[] = { "调取GPS轨迹:迟到属实",
	    "调取GPS轨迹:途中遇严重拥堵,迟到属实",
	    "平台定位漂移,司机按错误位置前往,绕行", 
	    "调取GPS轨迹:司机途中绕去加油,迟到属实",
	    "救援车途中故障,换车后前往", "调度派单时司机上一单未完成" };
	static const char *const byr[NRESP] = {
	    "调听录音并询问服务商:服务商责任属实",
	    "调听录音:调度派单有误", "核查系统日志:平台功能异常",
	    "调听录音:坐席解释不清,态度欠佳",
	    "核实:客户提供的信息有误", "核实:第三方原因(交通管制/交警)",
	    "核实:服务流程无不当之处" };

	if ((cat == C_LATE || cat == C_NOSHOW) && why != LR_NONE)
		return late[why];
	return byr[resp];
}

const char *
resolve_note(int remedy)
{
	static const char *const n[] = { "致电客户诚恳道歉,客户接受",
	    "全额退还服务费", "退还部分服务费,客户接受",
	    "赠送救援代金券,客户接受", "免费升级下次服务",
	    "赔偿客户损失,客户接受", "安排合作修理厂免费修复",
	    "向客户解释情况,客户表示理解" };
	return n[remedy];
}

const char *
reopen_note(void)
{
	static const char *const n[] = { "客户不接受赔偿金额,重新处理",
	    "客户再次来电,表示问题未解决", "客户认为道歉不够诚恳" };
	return PICK(n);
}

/* a corrective action for responsible party resp, and its owner */
const char *
action_for(int resp, const char **owner)
{
	static const char *const a[][3] = {
		{ "对司机进行准时考核并罚款200元", "服务商全员服务话术培训",
		  "抽查该服务商近一月GPS轨迹" },
		{ "调度员重新培训:派单前核对定位", "调度规则调整:超时自动改派",
		  "调度员罚款并重新培训" },
		{ "技术部修复定位漂移问题", "升级地图数据", "修复派单系统异常" },
		{ "坐席服务话术培训", "坐席质检抽查加倍", "更新报价说明模板" },
	};
	static const char *const o[] = { "救援部 周主管", "调度部 陈组长",
	    "技术部 黄工", "客服部 林主管" };

	if (resp > R_AGENT)
		resp = R_PROVIDER;
	*owner = o[resp];
	return a[resp][rint_in(0, 2)];
}

const char *
comment_for(int overall)
{
	static const char *const good[] = { "司机很专业,速度快",
	    "很满意,谢谢!", "师傅态度很好,耐心讲解", "比预计来得快",
	    "服务很好, 下次还用", "\"救星\"啊,半夜也来了" };
	static const char *const mid[] = { "还行,就是等得有点久",
	    "师傅不太说话,但活干得不错", "价格有点贵", "一般般",
	    "电话打了两次才接通" };
	static const char *const bad[] = { "等了太久,非常不满意",
	    "司机态度差,还嫌我位置不好找", "问题没解决,白等了",
	    "说好30分钟,结果一个多小时!\n以后不会再用了",
	    "收费和说的不一样", "客服一问三不知" };

	if (overall >= 4)
		return PICK(good);
	if (overall == 3)
		return PICK(mid);
	return PICK(bad);
}

const char *
suggestion(void)
{
	static const char *const n[] = { "希望能实时看到救援车位置",
	    "建议增加夜间救援车辆", "收费标准最好提前发短信",
	    "希望司机到之前先打个电话", "高速上等待时希望有人电话安抚",
	    "App里加个\"一键呼叫\"按钮" };
	return PICK(n);
}

const char *
amend_note(void)
{
	static const char *const n[] = { "客户补充:车在地下车库B2层",
	    "客户更正位置,已重新定位", "客户补充:车上有老人和小孩",
	    "客户来电更正车牌", "客户要求拖到4S店" };
	return PICK(n);
}

const char *
remote_note(void)
{
	static const char *const n[] = { "电话指导客户重启车机后恢复",
	    "远程指导使用机械钥匙开门", "指导客户断开小电瓶负极后重新上电",
	    "厂家远程解锁后恢复正常" };
	return PICK(n);
}
