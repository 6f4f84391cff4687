-- kpi.sql - the DuckDB reference of the full-scan benchmark (run.sh):
-- the same table as kpi.awk (rs-report kpi --by month's cases,
-- dispatch_sla_pct, arrival_sla_pct, complaints, per_1000), in SQL.
-- run.sh fills in the placeholders (names between at signs): the
-- journals, as read_csv over the files (DuckDB reading the bytes that
-- rs-report reads) or as the names of tables imported beforehand, and
-- the epoch of --as-of. Like kpi.awk it trusts the
-- data, takes a month from the time text and "last" from ts order.
CREATE OR REPLACE MACRO rs_ratio(num, den, scale) AS
    CASE WHEN den = 0 THEN NULL
    ELSE CAST(((2 * num * scale * 10 + den) // (2 * den)) // 10 AS VARCHAR) || '.' ||
        CAST(((2 * num * scale * 10 + den) // (2 * den)) % 10 AS VARCHAR) END;
CREATE OR REPLACE MACRO rs_epoch(t) AS epoch(CAST(t AS TIMESTAMPTZ))::BIGINT;

WITH c AS (
    SELECT case_id,
        arg_min("at", ts) FILTER (WHERE event = 'opened') AS opened,
        arg_max(call_at, ts) FILTER (WHERE call_at IS NOT NULL) AS call_at,
        arg_max(road, ts) FILTER (WHERE road IS NOT NULL) AS road,
        arg_max(scheduled_at, ts) FILTER (WHERE scheduled_at IS NOT NULL) AS sched
    FROM @CASES@
    GROUP BY case_id
),
d AS (
    SELECT case_id,
        min(rs_epoch("at")) FILTER (WHERE event = 'assigned') AS asg,
        min(rs_epoch("at")) FILTER (WHERE event = 'arrived') AS arr,
        min(rs_epoch("at")) FILTER (WHERE event = 'cancelled') AS canc,
        arg_max(outcome = 'remote', ts) FILTER (WHERE event = 'completed') AS remote
    FROM @DISPATCH@
    GROUP BY case_id
),
k AS (
    SELECT substr(c.opened, 1, 7) AS m, rs_epoch(c.opened) AS o,
        coalesce(rs_epoch(c.call_at), rs_epoch(c.opened)) AS desk,
        rs_epoch(c.sched) AS sched, c.road, d.asg, d.arr, d.canc,
        coalesce(d.remote, false) AS remote
    FROM c LEFT JOIN d USING (case_id)
    WHERE c.opened IS NOT NULL
),
due AS (
    SELECT *,
        CASE WHEN sched IS NULL THEN desk + 5 * 60
            ELSE greatest(sched - 30 * 60, desk + 5 * 60) END AS ddue,
        CASE WHEN sched IS NOT NULL THEN sched + 10 * 60
            WHEN road IN ('highway', 'rural') THEN o + 60 * 60
            ELSE o + 30 * 60 END AS adue
    FROM k
),
s AS (
    SELECT m,
        CASE WHEN asg IS NOT NULL AND (canc IS NULL OR asg <= canc)
            THEN CASE WHEN asg <= ddue THEN 1 ELSE 2 END
            WHEN canc IS NOT NULL THEN 0
            WHEN ddue < @ASOF@ THEN 2 ELSE 0 END AS ds,
        CASE WHEN canc IS NOT NULL OR (arr IS NULL AND remote) THEN 0
            WHEN arr IS NOT NULL THEN CASE WHEN arr <= adue THEN 1 ELSE 2 END
            WHEN adue < @ASOF@ THEN 2 ELSE 0 END AS sa
    FROM due
),
per AS (
    SELECT m, count(*) AS cases,
        count_if(ds = 1) AS dmet, count_if(ds = 2) AS dmiss,
        count_if(sa = 1) AS amet, count_if(sa = 2) AS amiss
    FROM s GROUP BY m
),
cp AS (
    SELECT substr("at", 1, 7) AS m, count(*) AS complaints
    FROM @COMPLAINTS@ WHERE event = 'opened' GROUP BY m
)
SELECT coalesce(per.m, cp.m) AS period, coalesce(per.cases, 0) AS cases,
    rs_ratio(dmet, dmet + dmiss, 100) AS dispatch_sla_pct,
    rs_ratio(amet, amet + amiss, 100) AS arrival_sla_pct,
    coalesce(cp.complaints, 0) AS complaints,
    rs_ratio(coalesce(cp.complaints, 0), coalesce(per.cases, 0), 1000) AS per_1000
FROM per FULL OUTER JOIN cp ON per.m = cp.m
ORDER BY period;
