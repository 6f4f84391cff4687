-- 10-settings.sql - what the views need besides the exports: the instant
-- the figures are taken at, the zone of the periods, and each site's SLA
-- limits (rules.tsv). Run once per database, then fill rs_params and
-- rs_sites (sql/README.md). DuckDB.

-- One row: --as-of (rows written after it do not exist yet, SPEC 3) and
-- the zone whose days, ISO weeks and months the periods are (rs-report
-- uses the first directory's site.zone, or --zone).
CREATE TABLE IF NOT EXISTS rs_params (
    as_of TIMESTAMPTZ NOT NULL,
    zone VARCHAR NOT NULL
);

-- The SLA limits of SPEC 9 when a site's rules.tsv does not set them,
-- in minutes.
CREATE OR REPLACE VIEW rs_rule_defaults AS
SELECT 3 AS file_min, 5 AS dispatch_min, 8 AS notify_min,
    30 AS arrive_city_min, 60 AS arrive_highway_min,
    30 AS booking_dispatch_lead_min, 10 AS booking_arrive_grace_min;

-- One row per site (site.code): the sla.* keys its rules.tsv sets, NULL
-- for those it leaves to the defaults. A site of the exports missing
-- here is measured by the defaults.
CREATE TABLE IF NOT EXISTS rs_sites (
    site VARCHAR PRIMARY KEY,
    file_min INTEGER,
    dispatch_min INTEGER,
    notify_min INTEGER,
    arrive_city_min INTEGER,
    arrive_highway_min INTEGER,
    booking_dispatch_lead_min INTEGER,
    booking_arrive_grace_min INTEGER
);

-- Every site of the exports or of rs_sites with the limits in force.
CREATE OR REPLACE VIEW rs_site_rules AS
WITH codes AS (
    SELECT site FROM cases UNION SELECT site FROM dispatch
    UNION SELECT site FROM complaints UNION SELECT site FROM callbacks
    UNION SELECT site FROM rs_sites
)
SELECT c.site,
    coalesce(s.file_min, d.file_min) AS file_min,
    coalesce(s.dispatch_min, d.dispatch_min) AS dispatch_min,
    coalesce(s.notify_min, d.notify_min) AS notify_min,
    coalesce(s.arrive_city_min, d.arrive_city_min) AS arrive_city_min,
    coalesce(s.arrive_highway_min, d.arrive_highway_min) AS arrive_highway_min,
    coalesce(s.booking_dispatch_lead_min, d.booking_dispatch_lead_min)
        AS booking_dispatch_lead_min,
    coalesce(s.booking_arrive_grace_min, d.booking_arrive_grace_min)
        AS booking_arrive_grace_min
FROM codes c CROSS JOIN rs_rule_defaults d LEFT JOIN rs_sites s USING (site);
