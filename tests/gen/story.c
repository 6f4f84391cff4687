/*
 * story.c - the two cases of seed 001 (samples/README.md tells them),
 * written into the journals like any other case (rs-gen --stories):
 *
 * 0: 2026-11-05 16:30, 京A12345, Ms Wang; the driver, 张师傅, stopped to
 *    refuel and arrived 50 min late; she asks for a refund and an apology.
 *    Level 2 late complaint, responsible provider, full refund, corrective
 *    action on the provider, complaint callback 48 h later.
 * 1: 2026-11-03 14:10, Mr Li, tyre blowout on the airport highway (S3);
 *    GPS drift sent the truck the wrong way, 1 h 20 min late against the
 *    promised 45 min; he missed his flight and threatened the media.
 *    Level 3, escalated to 4 with the media flag and kept by 王经理,
 *    responsible platform (map bug), contacted 16 h later, compensated
 *    item by item (fee, ticket, hotel, 5 VIP rescues), corrective actions,
 *    complaint callback 48 h after and a second callback two weeks later.
 */
#include <stdio.h>
#include <string.h>

#include "gen.h"

int	g_stories;
const char *g_site = "", *g_zone = "Asia/Shanghai";

static int64_t
lt(int y, int m, int d, int hh, int mm)
{
	return days_from_civil(y, m, d) * DAY - TZOFF + hh * HOUR + mm * MIN;
}

int
story_times(int64_t ds, int64_t *t, int *which)
{
	int n = 0;

	if (ds == lt(2026, 11, 5, 0, 0)) {
		t[n] = lt(2026, 11, 5, 16, 32);
		which[n++] = 0;
	}
	if (ds == lt(2026, 11, 3, 0, 0)) {
		t[n] = lt(2026, 11, 3, 14, 12);
		which[n++] = 1;
	}
	return n;
}

void
story_case(int k, struct gcase *c, int64_t at)
{
	make_case(c, at);
	c->call_at = at - 110;
	c->channel = 0;
	c->program = "自费";
	c->covered = 0;
	c->injuries = c->police = c->medical = 0;
	c->note = NULL;
	c->energy = 0;
	if (k == 0) {
		snprintf(c->customer, sizeof c->customer, "王女士");
		snprintf(c->plate, sizeof c->plate, "京A12345");
		c->vehicle = "大众 帕萨特";
		snprintf(c->location, sizeof c->location,
		    "福田区 彩田路与福华三路交叉口 加油站旁");
		c->lat = 22.5386, c->lon = 114.0632, c->road = ROAD_CITY;
		c->service = S_TOW, c->fault = F_ENGINE, c->can_start = 0;
		c->symptom = "开着开着熄火了,再打不着,后面车一直按喇叭";
		c->priority = 3, c->fee = c->quote = 38000;
		c->eta_promised = 30;
		c->f_arrive_min = 80, c->f_why = LR_DETOUR;
		c->f_tech = "张师傅";
	} else {
		snprintf(c->customer, sizeof c->customer, "李先生");
		snprintf(c->plate, sizeof c->plate, "粤BX6R53");
		c->vehicle = "丰田 凯美瑞";
		snprintf(c->location, sizeof c->location,
		    "S3 广深沿江高速(机场段) K22+400 往宝安机场方向 应急车道");
		c->lat = 22.6312, c->lon = 113.8264, c->road = ROAD_HIGHWAY;
		c->service = S_TYRE, c->fault = F_TYRE, c->can_start = 1;
		c->symptom = "左前轮爆胎,没有备胎工具;\n赶晚上18:05的航班,很急!";
		c->priority = 2, c->fee = c->quote = 38000;
		c->eta_promised = 45;
		c->f_arrive_min = 125, c->f_why = LR_LOCATION;
	}
	if ((c->f_prov = provider_near_eta(c, k == 0 ? 20 : 40)) < 0)
		c->f_prov = 0;
}

static void
callback(struct gcase *c, struct cpl *cp, int64_t at, int64_t *last,
    const char *kind, int o, int tl, int nps, const char *comment)
{
	struct cbarg b;

	memset(&b, 0, sizeof b);
	b.kind = kind, b.agent = "钟晓华", b.resolved = 1;
	if (o == 0) {
		b.result = "no-answer";
		cb_row(c, cp, at, last, &b);
		return;
	}
	b.result = "reached", b.scored = 1, b.overall = o, b.tl = tl;
	b.pr = o, b.att = o + 1 > 5 ? 5 : o + 1, b.nps = nps;
	b.comment = comment;
	cb_row(c, cp, at, last, &b);
}

static void
step(struct cpl *cp, struct gcase *c, int64_t at, int64_t *last,
    struct cparg *a)
{
	cp_row(cp, c, at, last, a);
	memset(a, 0, sizeof *a);
}

void
story_after(int k, struct gcase *c)
{
	static struct cpl cps[2];
	struct cpl *cp = &cps[k];
	struct cparg a;
	int64_t last = 0, res, al;
	const char *prov = g_prov[c->prov].id;

	cp->refs = 1000;	/* static: never freed */
	memset(&a, 0, sizeof a);
	if (k == 0) {
		a.ev = "opened", a.agent = "陈晓燕", a.level = 2, a.cat = "late";
		a.prov = prov, a.demand = "要求退款并道歉";
		a.note = "11月5日下午4点半,京A12345,救援司机张师傅迟到50分钟,"
		    "客户王女士要求退款并道歉";
		step(cp, c, c->done_at + 20 * MIN, &last, &a);
		a.ev = "assigned", a.team = 1, a.agent = "王经理", a.handler = "刘敏";
		step(cp, c, c->done_at + 45 * MIN, &last, &a);
		a.ev = "contacted", a.agent = "刘敏";
		a.note = "致电王女士致歉,告知正在调查";
		step(cp, c, lt(2026, 11, 6, 9, 40), &last, &a);
		a.ev = "investigated", a.agent = "刘敏", a.resp = "provider";
		a.prov = prov;
		a.note = "调取GPS轨迹并询问服务商:张师傅接单后先绕去加油站"
		    "加油才前往现场,迟到50分钟属实";
		step(cp, c, lt(2026, 11, 6, 11, 5), &last, &a);
		a.ev = "action", a.agent = "刘敏";
		a.action = "对张师傅进行准时考核并罚款200元;重申\"严禁救援"
		    "途中做私事(加油/买烟/吃饭)\"";
		a.owner = "救援部 周主管", a.due = lt(2026, 11, 13, 12, 0);
		step(cp, c, lt(2026, 11, 6, 11, 20), &last, &a);
		a.ev = "resolved", a.agent = "刘敏", a.remedy = "refund";
		a.amt = 1, a.amount = c->fee;
		a.note = "全额退还服务费380元并代表公司道歉,客户接受";
		step(cp, c, res = lt(2026, 11, 6, 14, 10), &last, &a);
		a.ev = "closed", a.agent = "刘敏", a.note = "客户接受处理方案";
		step(cp, c, lt(2026, 11, 6, 16, 0), &last, &a);
		al = last;
		a.ev = "action-done", a.agent = "刘敏";
		a.note = "已罚款并完成准时考核谈话";
		step(cp, c, lt(2026, 11, 11, 10, 0), &al, &a);
		callback(c, cp, res + 48 * HOUR + 20 * MIN, &last, "complaint",
		    4, 3, 8, "退款收到了,张师傅后来也打电话道了歉");
		return;
	}
	a.ev = "opened", a.agent = "郑海峰", a.level = 3, a.cat = "late";
	a.prov = prov, a.demand = "赔偿机票和酒店损失,否则找媒体曝光";
	a.note = "客户在电话里发火半小时;航班18:05未赶上,机票1280元、酒店460元"
	    "(已留截图);扬言上媒体曝光。已报投诉处理小组,标记\"特急A级\"";
	step(cp, c, lt(2026, 11, 3, 18, 25), &last, &a);
	/* The threat makes it a crisis: level 4, flag media; the manager keeps it. */
	a.ev = "escalated", a.team = 1, a.agent = "王经理", a.level = 4;
	a.flags = "media";
	a.note = "客户扬言上媒体曝光,按特急A级(危机)处理";
	step(cp, c, lt(2026, 11, 3, 18, 50), &last, &a);
	a.ev = "assigned", a.team = 1, a.agent = "王经理", a.handler = "王经理";
	a.note = "王经理亲自负责";
	step(cp, c, lt(2026, 11, 3, 18, 52), &last, &a);
	a.ev = "contacted", a.agent = "王经理";
	a.note = "王经理致电李先生:代表公司诚恳道歉,承认错在定位不准";
	step(cp, c, lt(2026, 11, 4, 10, 25), &last, &a);
	a.ev = "investigated", a.agent = "王经理", a.resp = "platform";
	a.prov = prov;
	a.note = "调录音:调度确实指错了方向;调轨迹:救援车绕了路。"
	    "责任在调度和平台地图定位漂移BUG";
	step(cp, c, lt(2026, 11, 4, 10, 40), &last, &a);
	/* Compensated item by item, as the seed tells it. */
	a.ev = "remedy", a.team = 1, a.agent = "王经理", a.remedy = "refund";
	a.amt = 1, a.amount = c->fee, a.note = "全额退还服务费";
	step(cp, c, lt(2026, 11, 4, 10, 44), &last, &a);
	a.ev = "remedy", a.team = 1, a.agent = "王经理", a.remedy = "compensation";
	a.amt = 1, a.amount = 128000, a.note = "机票损失(18:05航班,截图为证)";
	step(cp, c, lt(2026, 11, 4, 10, 46), &last, &a);
	a.ev = "remedy", a.team = 1, a.agent = "王经理", a.remedy = "compensation";
	a.amt = 1, a.amount = 46000, a.note = "酒店损失一晚";
	step(cp, c, lt(2026, 11, 4, 10, 48), &last, &a);
	a.ev = "remedy", a.team = 1, a.agent = "王经理", a.remedy = "upgrade";
	a.amt = 1, a.amount = 0, a.note = "赠送5次VIP专属救援服务";
	step(cp, c, lt(2026, 11, 4, 10, 50), &last, &a);
	a.ev = "resolved", a.agent = "王经理", a.remedy = "compensation";
	a.note = "全赔服务费+机票损失+酒店损失,赠送5次VIP专属救援服务;"
	    "客户对处理速度和方案表示认可";
	step(cp, c, res = lt(2026, 11, 4, 10, 55), &last, &a);
	a.ev = "closed", a.agent = "王经理", a.note = "客户接受方案";
	step(cp, c, lt(2026, 11, 4, 15, 30), &last, &a);
	a.ev = "action", a.agent = "王经理";
	a.action = "调度员罚款并重新培训:派单前核对定位,异常第一时间联系客户";
	a.owner = "调度部 陈组长", a.due = lt(2026, 11, 18, 12, 0);
	step(cp, c, lt(2026, 11, 4, 16, 0), &last, &a);
	a.ev = "action", a.agent = "王经理";
	a.action = "技术部限时修复定位漂移BUG", a.owner = "技术部 黄工";
	a.due = lt(2026, 11, 11, 12, 0);
	step(cp, c, lt(2026, 11, 4, 16, 5), &last, &a);
	callback(c, cp, res + 48 * HOUR, &last, "complaint", 3, 2, 5,
	    "赔偿收到了,但耽误的事补不回来");
	al = last;
	a.ev = "action-done", a.agent = "王经理";
	a.note = "定位漂移修复上线;周会(11-09)已重点剖析本案";
	step(cp, c, lt(2026, 11, 10, 17, 0), &al, &a);
	a.ev = "action-done", a.agent = "王经理";
	a.note = "调度员已罚款,完成调度核查机制培训";
	step(cp, c, lt(2026, 11, 16, 11, 0), &al, &a);
	callback(c, cp, lt(2026, 11, 17, 15, 10), &last, "second", 0, 0, 0,
	    NULL);
	callback(c, cp, lt(2026, 11, 18, 10, 30), &last, "second", 4, 3, 7,
	    "虽然过程闹心,但处理结果还能接受,下次可能还会考虑用");
}
