/*
 * gen.h - shared declarations of rs-gen, the sample-journal generator.
 * See tests/gen/rs-gen.c for the overview.
 */
#ifndef GEN_H
#define GEN_H

#include <stddef.h>
#include <stdint.h>

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define MIN		60
#define HOUR		3600
#define DAY		86400
#define TZOFF		(8 * HOUR)	/* Asia/Shanghai, no DST */

/* journals, in flush order: complaints before callbacks (ids) */
enum { J_CASES, J_DISPATCH, J_COMPLAINTS, J_CALLBACKS, NJ };

enum { ROAD_CITY, ROAD_HIGHWAY, ROAD_RURAL };
enum { S_TOW, S_TYRE, S_JUMP, S_FUEL, S_LOCK, S_WINCH, S_REPAIR,
	S_TRANSFER, S_CHAUFFEUR, S_BOOKING, NSERV };
enum { F_ACCIDENT, F_ENGINE, F_TRANS, F_ELEC, F_BATTERY, F_TYRE, F_BRAKE,
	F_EVSYS, F_FUEL, F_LOCKOUT, F_SOFTWARE, F_OTHER, NFAULT };
enum { E_ICE, E_EV, E_HYBRID };
enum { C_LATE, C_NOSHOW, C_ATTITUDE, C_TECH, C_FEE, C_DAMAGE, C_LOCATION,
	C_DISPATCH, C_AGENT, C_OTHER, NCAT };
enum { R_PROVIDER, R_DISPATCH, R_PLATFORM, R_AGENT, R_CUSTOMER, R_THIRD,
	R_NONE, NRESP };
enum { M_APOLOGY, M_REFUND, M_PARTIAL, M_VOUCHER, M_UPGRADE, M_COMP,
	M_REPAIR, M_NONE };
/* why an arrival was late */
enum { LR_NONE, LR_TRAFFIC, LR_LOCATION, LR_DETOUR, LR_TRUCK, LR_PREVJOB };

/* a complaint id, assigned when its opened row is written */
struct cpl {
	char	id[32];
	int	refs;
};

struct row {
	int64_t		 ts, at;
	uint64_t	 seq;
	struct cpl	*cp;	/* '\001' in line stands for cp->id */
	int		 cpopen;	/* this row opens cp: assign the id */
	char		*line;	/* without the final newline */
	size_t		 len, cap;
};

struct provider {
	char		 id[16];
	char		 name[96];
	char		 phone[20];
	char		 region[48];
	double		 lat, lon;
	unsigned	 services;	/* 1 << S_* */
	int		 ev, highway, active;
	const char	*note;
	char		 tech[4][16];
	int		 ntech;
};

/* rng.c-like helpers (util.c) */
void		 rng_seed(uint64_t);
uint64_t	 rng_u64(void);
double		 rnd(void);			/* [0, 1) */
int		 rint_in(int, int);		/* [lo, hi] */
double		 runif(double, double);
int		 chance(double);
/* the complaint team's own stream: handlers, remedy items, flags */
int		 team_rint_in(int, int);	/* [lo, hi] */
int		 team_chance(double);
void		 rng_swap(void);	/* main <-> team stream */
int		 rpickw(const int *, int);	/* index by weights */
#define PICK(a)	((a)[rint_in(0, (int)NELEM(a) - 1)])

/* time (util.c) */
int64_t		 days_from_civil(int, int, int);
void		 civil_from_days(int64_t, int *, int *, int *);
int64_t		 local_midnight(int64_t);	/* of the day holding t */
int		 local_hour(int64_t);
int		 local_wday(int64_t);		/* 0 = Monday */
int64_t		 local_dayno(int64_t);
int64_t		 daytime(int64_t);	/* t moved into 09:00-21:00 */
void		 fmt_time(char *, int64_t);	/* 32 bytes */
void		 fmt_date(char *, int64_t);	/* 16 bytes */
int		 parse_date(const char *, int64_t *);	/* local midnight */
int		 is_holiday(int64_t);
double		 haversine(double, double, double, double);

/* rows (util.c) */
struct row	*row_new(int64_t, int64_t);
void		 row_s(struct row *, const char *);	/* escaped field */
void		 row_raw(struct row *, const char *);	/* unescaped */
void		 row_t(struct row *, int64_t);		/* 0 = empty */
void		 row_i(struct row *, long long);
void		 row_money(struct row *, long long);	/* cents; <0 empty */
void		 row_f(struct row *, const char *, double);
void		 row_e(struct row *, int);		/* n empty fields */
void		 row_cp(struct row *, struct cpl *, int);
void		 push(int, struct row *);
void		 flush_before(int64_t);
void		 out_open(const char *, int64_t, int);
void		 out_close(void);
void		 write_providers(const char *, const struct provider *, int);

/* one case as simulated: what was recorded and what happened */
struct gcase {
	char		 id[32];
	int64_t		 call_at, at, last;	/* last: latest ts of its rows */
	const char	*agent, *program, *symptom, *note;
	int		 channel, energy, road, rush, service, fault;
	int		 can_start, injuries, police, medical, priority;
	char		 customer[40], phone[16], plate[32], location[200];
	const char	*vehicle;
	double		 lat, lon;
	long long	 quote, fee;
	int		 eta_promised, covered;
	int64_t		 sched;		/* a booked job's time, 0 if not booked */
	const char	*dest;		/* where a tow or ride goes, NULL if nowhere */
	double		 dlat, dlon;
	/* dispatch */
	int		 prov, prov2, eta, why, late_min, reassigned;
	int		 cancelled, remote, outcome, dispatch_late, notify_late;
	int		 rude, fee_over;
	double		 dist;
	const char	*tech;
	int64_t		 assigned_at, arrived_at, done_at, cancel_at;
	/* the service callback */
	int		 cb_overall;
	int64_t		 cb_at;
	const char	*cb_agent;
	/* story overrides (-1 / 0 = none) */
	int		 f_prov, f_arrive_min, f_why;
	const char	*f_tech;
};

/* sim.c */
extern struct provider *g_prov;
extern int	 g_nprov;
void		 sim_day(int64_t, int);
void		 make_case(struct gcase *, int64_t);
void		 run_case(struct gcase *);
int		 dayshift(int64_t);
void		 case_rows(struct gcase *);
/* dispatch.c */
int		 eta_of(const struct gcase *, int, double *);
void		 rank(const struct gcase *, int *, int *);
void		 dispatch_case(struct gcase *);
int		 provider_near_eta(const struct gcase *, int);
const char	*agent_at(const struct gcase *, int64_t);
int64_t		 tsfor(int64_t *, int64_t, int, int);
extern int64_t	 g_until;

/* cplt.c and callback.c: complaints and callbacks */
void		 service_callbacks(struct gcase *);
void		 maybe_complaint(struct gcase *);
struct cparg {
	const char	*ev, *agent, *cat, *resp, *prov, *demand, *remedy;
	const char	*action, *owner, *note, *handler, *flags;
	int		 level, amt;	/* 0 = empty; amt: amount is set */
	int		 team;		/* a row of the team's stream (util.c) */
	long long	 amount;	/* cents */
	int64_t		 due;		/* a time in the due day; 0 = empty */
};
struct cbarg {
	const char	*kind, *result, *comment, *suggestion, *agent;
	int		 scored, overall, tl, pr, att, nps, resolved;
};
void		 cp_row(struct cpl *, const struct gcase *, int64_t, int64_t *,
		    const struct cparg *);
void		 cb_row(const struct gcase *, struct cpl *, int64_t, int64_t *,
		    const struct cbarg *);
int64_t		 calls(const struct gcase *, struct cpl *, int64_t, int64_t *,
		    struct cbarg *, double, double, double, int *);

/* story.c: the two cases of seed 001 */
extern int	 g_stories;
/* the site (SPEC 3.0): its code in ids ("" for none) and its zone, in rules.tsv */
extern const char *g_site, *g_zone;
int		 story_times(int64_t, int64_t *, int *);
void		 story_case(int, struct gcase *, int64_t);
void		 story_after(int, struct gcase *);

/* tables.c and texts.c */
extern const char *const surnames[];
extern const int nsurnames;
extern const char *const givenchars[];
extern const int ngivenchars;
extern const char *const serv_names[NSERV];
extern const char *const fault_names[NFAULT];
extern const char *const cat_names[NCAT];
extern const char *const resp_names[NRESP];
extern const char *const remedy_names[];
extern const char *const energy_names[];
extern const char *const road_names[];

struct district {
	const char	*name;
	double		 lat, lon;
	int		 weight;
	const char	*streets[6];
	const char	*spots[4];
};
extern const struct district districts[];
extern const int ndistricts;

struct highway {
	const char	*code, *name;
	double		 lat0, lon0, lat1, lon1;
	double		 km0, km1;
	const char	*dir0, *dir1;
};
extern const struct highway highways[];
extern const int nhighways;

struct vehicle {
	const char	*model;
	int		 energy, weight;
};
extern const struct vehicle vehicles[];
extern const int nvehicles;

extern const char *const programs[];
extern const int nprograms;
extern const char *const desk_day[], *const desk_night[];
extern const int ndesk_day, ndesk_night;
extern const char *const cteam[], *const cbteam[];
extern const int ncteam, ncbteam;
extern const char *const plate_provs[];
extern const int nplate_provs;
extern const char *const firmwords[];
extern const int nfirmwords;

const char	*symptom_for(int, int);
const char	*cancel_reason(int);
const char	*destination(const struct gcase *, double *, double *);
const char	*reassign_note(void);
const char	*late_notify_note(int);
const char	*demand_for(int);
const char	*finding_for(int, int, int);
const char	*resolve_note(int);
const char	*reopen_note(void);
const char	*action_for(int, const char **);
const char	*comment_for(int);
const char	*suggestion(void);
const char	*amend_note(void);
const char	*remote_note(void);

#endif
