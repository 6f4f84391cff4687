-- 30-kpi.sql - the SPEC 10 kpi table, as rs-report kpi -f tsv prints it:
-- kpi_by_site (one row per period and site, as --by-site) and
-- kpi_network (the sites as one network: counts summed, ratios computed
-- again from the sums), each for per = 'day', 'week' (ISO) and 'month'.
-- The periods run from the first one holding a counted row of any site
-- to the one holding rs_params.as_of, empty ones included; a data team
-- selects the range it wants. The figures are text as rs-report prints
-- them (one decimal, rounded half away from zero on the exact ratio);
-- an empty denominator is NULL.

-- Rounding as report.c round_div: num/den to the nearest integer, halves
-- away from zero, in integers so that no binary fraction decides.
CREATE OR REPLACE MACRO rs_round_div(num, den) AS
    CASE WHEN num >= 0 THEN (2 * num + den) // (2 * den)
    ELSE -((-2 * num + den) // (2 * den)) END;

-- A ratio num/den x scale with one decimal (report.c fmt_ratio), NULL
-- when den is 0; num is never negative here.
CREATE OR REPLACE MACRO rs_ratio(num, den, scale) AS
    CASE WHEN den = 0 THEN NULL
    ELSE CAST(rs_round_div(num * scale * 10, den) // 10 AS VARCHAR) || '.' ||
        CAST(rs_round_div(num * scale * 10, den) % 10 AS VARCHAR) END;

-- The rows that existed at as_of (SPEC 3: ts, not at, says when a row
-- was written).
CREATE OR REPLACE VIEW rs_cases_asof AS
SELECT j.* FROM cases j, rs_params p WHERE j.ts <= p.as_of;
CREATE OR REPLACE VIEW rs_dispatch_asof AS
SELECT j.* FROM dispatch j, rs_params p WHERE j.ts <= p.as_of;
CREATE OR REPLACE VIEW rs_complaints_asof AS
SELECT j.* FROM complaints j, rs_params p WHERE j.ts <= p.as_of;
CREATE OR REPLACE VIEW rs_callbacks_asof AS
SELECT j.* FROM callbacks j, rs_params p WHERE j.ts <= p.as_of;

-- What the SLA steps read of a case (SPEC 9, 10): the at of its first
-- opened row; the last non-empty call_at, road and scheduled_at.
CREATE OR REPLACE VIEW rs_kpi_case AS
SELECT site, case_id,
    arg_min("at", seq) FILTER (WHERE event = 'opened') AS opened_at,
    arg_max(call_at, seq) FILTER (WHERE call_at IS NOT NULL) AS call_at,
    arg_max(road, seq) FILTER (WHERE road IS NOT NULL) AS road,
    arg_max(scheduled_at, seq) FILTER (WHERE scheduled_at IS NOT NULL)
        AS scheduled_at
FROM rs_cases_asof
GROUP BY site, case_id;

-- Of its dispatch rows: the earliest at of each step and of the
-- cancellation, and the last completion in file order (with whether it
-- was remote). A time after as_of has not happened yet.
CREATE OR REPLACE VIEW rs_kpi_steps AS
WITH d AS (
    SELECT site, case_id,
        min("at") FILTER (WHERE event = 'assigned') AS assigned,
        min("at") FILTER (WHERE event = 'arrived') AS arrived,
        min("at") FILTER (WHERE event = 'cancelled') AS cancelled,
        arg_max("at", seq) FILTER (WHERE event = 'completed') AS completed,
        arg_max(coalesce(outcome, '') = 'remote', seq)
            FILTER (WHERE event = 'completed') AS remote
    FROM rs_dispatch_asof
    GROUP BY site, case_id
)
SELECT d.site, d.case_id,
    CASE WHEN d.assigned <= p.as_of THEN d.assigned END AS assigned,
    CASE WHEN d.arrived <= p.as_of THEN d.arrived END AS arrived,
    CASE WHEN d.cancelled <= p.as_of THEN d.cancelled END AS cancelled,
    CASE WHEN d.completed <= p.as_of THEN d.completed END AS completed,
    d.remote
FROM d, rs_params p;

-- The dispatch and arrival steps of every case with an opened row: met,
-- missed, pending or excluded (SPEC 10), due as SPEC 9 says, booked jobs
-- included, by its own site's limits.
CREATE OR REPLACE VIEW rs_kpi_sla AS
WITH c AS (
    SELECT c.site, c.case_id, c.opened_at, c.scheduled_at, p.as_of,
        s.assigned, s.arrived, s.cancelled, s.completed, s.remote,
        CASE WHEN c.scheduled_at IS NULL
            THEN coalesce(c.call_at, c.opened_at) + to_minutes(r.dispatch_min)
            ELSE greatest(c.scheduled_at - to_minutes(r.booking_dispatch_lead_min),
                coalesce(c.call_at, c.opened_at) + to_minutes(r.dispatch_min))
        END AS dispatch_due,
        CASE WHEN c.scheduled_at IS NOT NULL
            THEN c.scheduled_at + to_minutes(r.booking_arrive_grace_min)
            WHEN c.road IN ('highway', 'rural')
            THEN c.opened_at + to_minutes(r.arrive_highway_min)
            ELSE c.opened_at + to_minutes(r.arrive_city_min)
        END AS arrive_due
    FROM rs_kpi_case c
    JOIN rs_site_rules r USING (site)
    CROSS JOIN rs_params p
    LEFT JOIN rs_kpi_steps s USING (site, case_id)
    WHERE c.opened_at IS NOT NULL
)
SELECT site, case_id, opened_at,
    CASE WHEN assigned IS NOT NULL AND (cancelled IS NULL OR assigned <= cancelled)
        THEN CASE WHEN assigned <= dispatch_due THEN 'met' ELSE 'missed' END
        WHEN cancelled IS NOT NULL THEN 'excluded'
        WHEN dispatch_due < as_of THEN 'missed'
        ELSE 'pending' END AS dispatch,
    -- A cancelled case, or one helped over the phone without an
    -- arrival, says nothing of the provider: excluded from arrival.
    CASE WHEN cancelled IS NOT NULL THEN 'excluded'
        WHEN arrived IS NULL AND completed IS NOT NULL AND remote THEN 'excluded'
        WHEN arrived IS NOT NULL
        THEN CASE WHEN arrived <= arrive_due THEN 'met' ELSE 'missed' END
        WHEN arrive_due < as_of THEN 'missed'
        ELSE 'pending' END AS arrival
FROM c;

-- Each counted row, with its site and the local time that places it in
-- a period: a case by its opened at, a complaint by its opened row's at,
-- a callback by its own at (SPEC 10).
CREATE OR REPLACE VIEW rs_kpi_facts AS
SELECT s.site, timezone(p.zone, s.opened_at) AS local_at,
    1 AS cases, 0 AS complaints,
    (s.dispatch = 'met')::INTEGER AS dispatch_met,
    (s.dispatch = 'missed')::INTEGER AS dispatch_missed,
    (s.arrival = 'met')::INTEGER AS arrival_met,
    (s.arrival = 'missed')::INTEGER AS arrival_missed,
    0 AS svc_reached, 0 AS svc_ok, 0 AS nps_n, 0 AS nps_pro, 0 AS nps_det,
    0 AS cp_reached, 0 AS cp_ok
FROM rs_kpi_sla s, rs_params p
UNION ALL
SELECT j.site, timezone(p.zone, j."at"), 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
FROM rs_complaints_asof j, rs_params p
WHERE j.event = 'opened'
UNION ALL
SELECT j.site, timezone(p.zone, j."at"), 0, 0, 0, 0, 0, 0,
    (j.kind = 'service' AND j.result = 'reached')::INTEGER,
    (j.kind = 'service' AND j.result = 'reached' AND coalesce(j.overall, 0) >= 4)::INTEGER,
    (j.kind = 'service' AND j.nps IS NOT NULL)::INTEGER,
    (j.kind = 'service' AND coalesce(j.nps, 0) >= 9)::INTEGER,
    (j.kind = 'service' AND j.nps IS NOT NULL AND j.nps <= 6)::INTEGER,
    (j.kind = 'complaint' AND j.result = 'reached')::INTEGER,
    (j.kind = 'complaint' AND j.result = 'reached' AND coalesce(j.overall, 0) >= 4)::INTEGER
FROM rs_callbacks_asof j, rs_params p;

-- The periods (local starts) of each kind, from the first holding a
-- counted row to the one holding as_of, and their labels: 2026-11-22,
-- 2026-W47, 2026-11.
CREATE OR REPLACE VIEW rs_kpi_periods AS
WITH b(per) AS (VALUES ('day'), ('week'), ('month')),
ends AS (
    SELECT b.per,
        date_trunc(b.per, coalesce(min(f.local_at), timezone(p.zone, p.as_of)))
            AS first_start,
        date_trunc(b.per, timezone(p.zone, p.as_of)) AS last_start
    FROM b CROSS JOIN rs_params p LEFT JOIN rs_kpi_facts f ON true
    GROUP BY b.per, p.zone, p.as_of
)
SELECT e.per, g.start,
    CASE e.per WHEN 'day' THEN strftime(g.start, '%Y-%m-%d')
        WHEN 'week' THEN strftime(g.start, '%G-W%V')
        ELSE strftime(g.start, '%Y-%m') END AS period
FROM ends e, LATERAL (
    SELECT unnest(generate_series(e.first_start, e.last_start,
        CASE e.per WHEN 'day' THEN INTERVAL 1 DAY WHEN 'week' THEN INTERVAL 7 DAY
        ELSE INTERVAL 1 MONTH END)) AS start
) g;

-- The counts of every period and site (every site, every period: a site
-- with nothing in a period has a row of zeros).
CREATE OR REPLACE VIEW rs_kpi_counts AS
SELECT p.per, p.start, p.period, s.site,
    coalesce(sum(f.cases), 0) AS cases,
    coalesce(sum(f.complaints), 0) AS complaints,
    coalesce(sum(f.dispatch_met), 0) AS dispatch_met,
    coalesce(sum(f.dispatch_missed), 0) AS dispatch_missed,
    coalesce(sum(f.arrival_met), 0) AS arrival_met,
    coalesce(sum(f.arrival_missed), 0) AS arrival_missed,
    coalesce(sum(f.svc_reached), 0) AS svc_reached,
    coalesce(sum(f.svc_ok), 0) AS svc_ok,
    coalesce(sum(f.nps_n), 0) AS nps_n,
    coalesce(sum(f.nps_pro), 0) AS nps_pro,
    coalesce(sum(f.nps_det), 0) AS nps_det,
    coalesce(sum(f.cp_reached), 0) AS cp_reached,
    coalesce(sum(f.cp_ok), 0) AS cp_ok
FROM rs_kpi_periods p
CROSS JOIN rs_site_rules s
LEFT JOIN rs_kpi_facts f ON f.site = s.site AND f.local_at >= p.start
    AND f.local_at < p.start + CASE p.per WHEN 'day' THEN INTERVAL 1 DAY
        WHEN 'week' THEN INTERVAL 7 DAY ELSE INTERVAL 1 MONTH END
GROUP BY p.per, p.start, p.period, s.site;

-- The network's counts: the sums of its sites' (site NULL).
CREATE OR REPLACE VIEW rs_kpi_network_counts AS
SELECT per, start, period, NULL::VARCHAR AS site,
    sum(cases) AS cases, sum(complaints) AS complaints,
    sum(dispatch_met) AS dispatch_met, sum(dispatch_missed) AS dispatch_missed,
    sum(arrival_met) AS arrival_met, sum(arrival_missed) AS arrival_missed,
    sum(svc_reached) AS svc_reached, sum(svc_ok) AS svc_ok,
    sum(nps_n) AS nps_n, sum(nps_pro) AS nps_pro, sum(nps_det) AS nps_det,
    sum(cp_reached) AS cp_reached, sum(cp_ok) AS cp_ok
FROM rs_kpi_counts
GROUP BY per, start, period;

-- The figures of SPEC 10 from the counts, of the sites and the network:
-- ratios are worked out from the counts, never averaged.
CREATE OR REPLACE VIEW rs_kpi_figures AS
SELECT per, start, site, period, CAST(cases AS VARCHAR) AS cases,
    rs_ratio(dispatch_met, dispatch_met + dispatch_missed, 100) AS dispatch_sla_pct,
    rs_ratio(arrival_met, arrival_met + arrival_missed, 100) AS arrival_sla_pct,
    CAST(complaints AS VARCHAR) AS complaints,
    rs_ratio(complaints, cases, 1000) AS per_1000,
    rs_ratio(svc_ok, svc_reached, 100) AS csat_pct,
    CASE WHEN nps_n > 0
        THEN CAST(rs_round_div(100 * (nps_pro - nps_det), nps_n) AS VARCHAR)
    END AS nps,
    rs_ratio(cp_ok, cp_reached, 100) AS complainant_satisfaction_pct
FROM (SELECT * FROM rs_kpi_counts UNION ALL SELECT * FROM rs_kpi_network_counts);

-- As rs-report kpi -f tsv --by-site: ordered by period, then site code
-- (DuckDB compares text by its bytes unless told otherwise).
CREATE OR REPLACE VIEW kpi_by_site AS
SELECT per, site, period, cases, dispatch_sla_pct, arrival_sla_pct, complaints,
    per_1000, csat_pct, nps, complainant_satisfaction_pct
FROM rs_kpi_figures
WHERE site IS NOT NULL
ORDER BY per, start, site;

-- As rs-report kpi -f tsv over every site (-d A -d B ...).
CREATE OR REPLACE VIEW kpi_network AS
SELECT per, period, cases, dispatch_sla_pct, arrival_sla_pct, complaints,
    per_1000, csat_pct, nps, complainant_satisfaction_pct
FROM rs_kpi_figures
WHERE site IS NULL
ORDER BY per, start;
