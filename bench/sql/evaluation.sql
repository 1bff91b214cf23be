-- Where every indicator × unit stands in each month from $1 to $2 (yyyymm), summarised per month: rows,
-- rows per status, Σ actual and Σ expected. The same computation as Luoshi's engine performs on the
-- generated workload (bench/README.md, "What is computed"), written once for DuckDB and PostgreSQL.
-- Arithmetic is spelled in the engine's order (target × (month / 12), |reference| × tolerance / 100, …)
-- so that both sides round alike; only sums over many rows may differ in the last bits.
--
-- Tables (bench/README.md): units(unit_id, parent_id, kind, code), closure(anc, des, dist),
-- indicators(ind_id, code, agg, cumulative, lower_is_better, tol, num_id, den_id, scale),
-- targets(ind_id, unit_id, yr, target, qual), readings(ind_id, unit_id, ym, v), months(ym, yr, mo).
WITH r AS (
    SELECT ind_id, unit_id, ym, v
    FROM readings
    WHERE ym BETWEEN $1 AND $2
),
-- Summed indicators: a unit without its own reading takes the sum of its descendants' readings. The
-- workload's own readings of summed indicators sit at leaves and roots only, so one join with the closure
-- table equals the engine's level-by-level roll-up.
rolled AS (
    SELECT r.ind_id, c.anc AS unit_id, r.ym, sum(r.v) AS v
    FROM r
    JOIN indicators AS i ON i.ind_id = r.ind_id AND i.agg = 'sum'
    JOIN closure AS c ON c.des = r.unit_id AND c.dist > 0
    GROUP BY r.ind_id, c.anc, r.ym
),
base AS (
    SELECT ind_id, unit_id, ym, coalesce(o.v, u.v) AS v
    FROM r AS o
    FULL JOIN rolled AS u USING (ind_id, unit_id, ym)
),
-- Derived ratios from the rolled-up inputs (Σ numerator / Σ denominator); no value on a zero denominator.
derived AS (
    SELECT d.ind_id, a.unit_id, a.ym, a.v / b.v * d.scale AS v
    FROM indicators AS d
    JOIN base AS a ON a.ind_id = d.num_id
    JOIN base AS b ON b.ind_id = d.den_id AND b.unit_id = a.unit_id AND b.ym = a.ym
    WHERE d.agg = 'formula' AND b.v <> 0
),
actual AS (
    SELECT ind_id, unit_id, ym, v FROM base
    UNION ALL
    SELECT ind_id, unit_id, ym, v FROM derived
),
-- Each evaluated month meets the annual targets of its year.
due AS (
    SELECT t.ind_id, t.unit_id, m.ym, t.target, t.qual
    FROM targets AS t
    JOIN months AS m ON m.yr = t.yr
    WHERE m.ym BETWEEN $1 AND $2
),
cell AS (
    SELECT ind_id, unit_id, ym, a.v, d.target, d.qual
    FROM actual AS a
    FULL JOIN due AS d USING (ind_id, unit_id, ym)
),
-- Expected-to-date: linear for cumulative indicators (annual target × month / 12), the target for
-- levels. Before December a cumulative value is judged against it by the indicator's direction; in
-- December, and for levels, against the target as its qualifier reads.
judged AS (
    SELECT c.ym, c.v, c.target, i.lower_is_better, i.tol,
           CASE WHEN i.cumulative THEN c.target * (CAST(m.mo AS DOUBLE PRECISION) / CAST(12 AS DOUBLE PRECISION))
                ELSE c.target END AS expected,
           CASE WHEN i.cumulative AND m.mo < 12 THEN (CASE WHEN i.lower_is_better THEN 'atMost' ELSE 'atLeast' END)
                ELSE c.qual END AS rule
    FROM cell AS c
    JOIN indicators AS i ON i.ind_id = c.ind_id
    JOIN months AS m ON m.ym = c.ym
),
-- Relative tolerance around the reference, and a margin of a billionth so that a value on a boundary
-- counts as inside whichever side rounded it.
margins AS (
    SELECT ym, v, target, expected, rule, lower_is_better,
           abs(expected) * tol / 100 AS slack,
           CAST(1e-9 AS DOUBLE PRECISION) * greatest(1, abs(expected)) AS eps
    FROM judged
),
status AS (
    SELECT ym, v, expected,
           CASE
               WHEN v IS NULL THEN 'grey' -- a target but no value, and every month here is past its deadline
               WHEN target IS NULL THEN 'none'
               WHEN rule = 'atLeast' THEN
                   CASE WHEN v >= expected - eps THEN 'green'
                        WHEN v >= expected - slack - eps THEN 'yellow'
                        ELSE 'red' END
               WHEN rule = 'atMost' THEN
                   CASE WHEN v <= expected + eps THEN 'green'
                        WHEN v <= expected + slack + eps THEN 'yellow'
                        ELSE 'red' END
               -- around: beyond the target on the good side is no failure; otherwise within the tolerance
               -- either side is green, within twice the tolerance yellow
               WHEN (v > expected AND NOT lower_is_better) OR (v < expected AND lower_is_better) THEN 'green'
               WHEN abs(v - expected) <= slack + eps THEN 'green'
               WHEN abs(v - expected) <= 2 * slack + eps THEN 'yellow'
               ELSE 'red'
           END AS status
    FROM margins
)
SELECT ym,
       count(*) AS row_count,
       count(*) FILTER (WHERE status = 'green') AS green,
       count(*) FILTER (WHERE status = 'yellow') AS yellow,
       count(*) FILTER (WHERE status = 'red') AS red,
       count(*) FILTER (WHERE status = 'grey') AS grey,
       count(*) FILTER (WHERE status = 'none') AS no_status,
       sum(v) AS actual_sum,
       sum(expected) AS expected_sum
FROM status
GROUP BY ym
ORDER BY ym
