-- 20-state.sql - the current state of every case and complaint (SPEC 3):
-- the fold of its rows in file order, where for each column the last
-- non-empty value wins. File order is seq within a site (rows may share
-- a ts), and an id is unique only within its site, so both key the fold.
-- Every row of the exports counts (rs_params.as_of does not apply here).

-- A case: opened_at is the at of its first opened row, last_ts the ts of
-- its latest row, rows how many it has.
CREATE OR REPLACE VIEW case_state AS
SELECT site, case_id,
    arg_min("at", seq) FILTER (WHERE event = 'opened') AS opened_at,
    max(ts) AS last_ts,
    count(*) AS rows,
    arg_max(event, seq) FILTER (WHERE event IS NOT NULL) AS event,
    arg_max(agent, seq) FILTER (WHERE agent IS NOT NULL) AS agent,
    arg_max(call_at, seq) FILTER (WHERE call_at IS NOT NULL) AS call_at,
    arg_max(channel, seq) FILTER (WHERE channel IS NOT NULL) AS channel,
    arg_max(program, seq) FILTER (WHERE program IS NOT NULL) AS program,
    arg_max(customer, seq) FILTER (WHERE customer IS NOT NULL) AS customer,
    arg_max(phone, seq) FILTER (WHERE phone IS NOT NULL) AS phone,
    arg_max(plate, seq) FILTER (WHERE plate IS NOT NULL) AS plate,
    arg_max(vehicle, seq) FILTER (WHERE vehicle IS NOT NULL) AS vehicle,
    arg_max(energy, seq) FILTER (WHERE energy IS NOT NULL) AS energy,
    arg_max(location, seq) FILTER (WHERE location IS NOT NULL) AS location,
    arg_max(lat, seq) FILTER (WHERE lat IS NOT NULL) AS lat,
    arg_max(lon, seq) FILTER (WHERE lon IS NOT NULL) AS lon,
    arg_max(road, seq) FILTER (WHERE road IS NOT NULL) AS road,
    arg_max(service, seq) FILTER (WHERE service IS NOT NULL) AS service,
    arg_max(fault, seq) FILTER (WHERE fault IS NOT NULL) AS fault,
    arg_max(symptom, seq) FILTER (WHERE symptom IS NOT NULL) AS symptom,
    arg_max(can_start, seq) FILTER (WHERE can_start IS NOT NULL) AS can_start,
    arg_max(injuries, seq) FILTER (WHERE injuries IS NOT NULL) AS injuries,
    arg_max(police, seq) FILTER (WHERE police IS NOT NULL) AS police,
    arg_max(medical, seq) FILTER (WHERE medical IS NOT NULL) AS medical,
    arg_max(priority, seq) FILTER (WHERE priority IS NOT NULL) AS priority,
    arg_max(quote, seq) FILTER (WHERE quote IS NOT NULL) AS quote,
    arg_max(eta_promised, seq) FILTER (WHERE eta_promised IS NOT NULL) AS eta_promised,
    arg_max(note, seq) FILTER (WHERE note IS NOT NULL) AS note,
    arg_max(scheduled_at, seq) FILTER (WHERE scheduled_at IS NOT NULL) AS scheduled_at,
    arg_max(destination, seq) FILTER (WHERE destination IS NOT NULL) AS destination,
    arg_max(dest_lat, seq) FILTER (WHERE dest_lat IS NOT NULL) AS dest_lat,
    arg_max(dest_lon, seq) FILTER (WHERE dest_lon IS NOT NULL) AS dest_lon,
    arg_max(ref, seq) FILTER (WHERE ref IS NOT NULL) AS ref
FROM cases
GROUP BY site, case_id;

-- A complaint, the same way; amount is the last item's, remedy_total the
-- sum of every item (SPEC 10 compensation).
CREATE OR REPLACE VIEW complaint_state AS
SELECT site, complaint_id,
    arg_min("at", seq) FILTER (WHERE event = 'opened') AS opened_at,
    max(ts) AS last_ts,
    count(*) AS rows,
    coalesce(sum(amount), 0) AS remedy_total,
    arg_max(case_id, seq) FILTER (WHERE case_id IS NOT NULL) AS case_id,
    arg_max(event, seq) FILTER (WHERE event IS NOT NULL) AS event,
    arg_max(agent, seq) FILTER (WHERE agent IS NOT NULL) AS agent,
    arg_max(level, seq) FILTER (WHERE level IS NOT NULL) AS level,
    arg_max(category, seq) FILTER (WHERE category IS NOT NULL) AS category,
    arg_max(responsible, seq) FILTER (WHERE responsible IS NOT NULL) AS responsible,
    arg_max(provider, seq) FILTER (WHERE provider IS NOT NULL) AS provider,
    arg_max(demand, seq) FILTER (WHERE demand IS NOT NULL) AS demand,
    arg_max(remedy, seq) FILTER (WHERE remedy IS NOT NULL) AS remedy,
    arg_max(amount, seq) FILTER (WHERE amount IS NOT NULL) AS amount,
    arg_max(action, seq) FILTER (WHERE action IS NOT NULL) AS action,
    arg_max(owner, seq) FILTER (WHERE owner IS NOT NULL) AS owner,
    arg_max(due, seq) FILTER (WHERE due IS NOT NULL) AS due,
    arg_max(note, seq) FILTER (WHERE note IS NOT NULL) AS note,
    arg_max(handler, seq) FILTER (WHERE handler IS NOT NULL) AS handler,
    arg_max(flags, seq) FILTER (WHERE flags IS NOT NULL) AS flags,
    arg_max(ref, seq) FILTER (WHERE ref IS NOT NULL) AS ref
FROM complaints
GROUP BY site, complaint_id;
