// Loads an exported workload (CSV files written by luoshi-bench) into an in-memory DuckDB, then times
// bench/sql/evaluation.sql for one month and for the whole history: warm-up runs, then the median of
// measured runs. Prints one JSON object on stdout; luoshi-bench compares its numbers with Luoshi's.
//
//   node evaluate.mjs --data DIR --sql FILE --period 202606 --from 202101 --to 202612 \
//        [--period-warmup 3] [--period-runs 21] [--history-warmup 1] [--history-runs 5]
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const args = parseArgs(process.argv.slice(2));
const data = required('data');
const sql = readFileSync(required('sql'), 'utf8');
const period = Number(required('period'));
const from = Number(required('from'));
const to = Number(required('to'));

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const settings = (await connection.runAndReadAll(
  "SELECT version() AS version, current_setting('threads') AS threads, current_setting('memory_limit') AS memory_limit",
)).getRowObjectsJson()[0];

const loadStart = performance.now();
await load();
const loadMs = performance.now() - loadStart;

const statement = await connection.prepare(sql);
const periodRun = await measure(period, period, Number(args['period-warmup'] ?? 3), Number(args['period-runs'] ?? 21));
const historyRun = await measure(from, to, Number(args['history-warmup'] ?? 1), Number(args['history-runs'] ?? 5));

process.stdout.write(JSON.stringify({
  engine: `DuckDB ${settings.version}`,
  threads: Number(settings.threads),
  memoryLimit: settings.memory_limit,
  loadMs: round(loadMs),
  peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  period: periodRun,
  history: historyRun,
}) + '\n');

async function load() {
  const csv = (file, columns) =>
    `read_csv('${join(data, file)}', header = true, delim = ',', quote = '"', columns = {${
      Object.entries(columns).map(([name, type]) => `'${name}': '${type}'`).join(', ')}})`;
  await connection.run(`CREATE TABLE units AS SELECT * FROM ${csv('units.csv', {
    unit_id: 'INTEGER', parent_id: 'INTEGER', kind: 'VARCHAR', code: 'VARCHAR' })}`);
  await connection.run(`CREATE TABLE indicators AS SELECT * FROM ${csv('indicators.csv', {
    ind_id: 'INTEGER', code: 'VARCHAR', agg: 'VARCHAR', cumulative: 'BOOLEAN', lower_is_better: 'BOOLEAN',
    tol: 'DOUBLE', num_id: 'INTEGER', den_id: 'INTEGER', scale: 'DOUBLE' })}`);
  await connection.run(`CREATE TABLE months AS SELECT * FROM ${csv('months.csv', {
    ym: 'INTEGER', yr: 'INTEGER', mo: 'INTEGER' })}`);
  // Sorted by the columns every query filters on, so that DuckDB's zone maps skip what a month does not need.
  await connection.run(`CREATE TABLE targets AS SELECT * FROM ${csv('targets.csv', {
    ind_id: 'INTEGER', unit_id: 'INTEGER', yr: 'INTEGER', target: 'DOUBLE', qual: 'VARCHAR' })} ORDER BY yr, ind_id, unit_id`);
  await connection.run(`CREATE TABLE readings AS SELECT * FROM ${csv('readings.csv', {
    ind_id: 'INTEGER', unit_id: 'INTEGER', ym: 'INTEGER', v: 'DOUBLE' })} ORDER BY ym, ind_id, unit_id`);
  await connection.run(`CREATE TABLE closure AS
    WITH RECURSIVE c(anc, des, dist) AS (
      SELECT unit_id, unit_id, 0 FROM units
      UNION ALL
      SELECT u.parent_id, c.des, c.dist + 1 FROM c JOIN units AS u ON u.unit_id = c.anc WHERE u.parent_id IS NOT NULL
    )
    SELECT anc, des, dist FROM c`);
}

async function measure(first, last, warmups, runs) {
  statement.bindInteger(1, first);
  statement.bindInteger(2, last);
  let rows;
  for (let k = 0; k < warmups; k++) {
    rows = await query();
  }

  const times = [];
  const cpuBefore = process.cpuUsage();
  for (let k = 0; k < runs; k++) {
    const start = performance.now();
    rows = await query();
    times.push(performance.now() - start);
  }

  const cpu = process.cpuUsage(cpuBefore);
  const sorted = [...times].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return {
    medianMs: round(sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2),
    minMs: round(sorted[0]),
    maxMs: round(sorted[sorted.length - 1]),
    runs,
    // user + system time of all of DuckDB's threads, per measured run
    cpuMs: round((cpu.user + cpu.system) / 1000 / runs),
    periods: rows,
  };
}

async function query() {
  const reader = await statement.runAndReadAll();
  return reader.getRowObjectsJS().map(r => ({
    ym: Number(r.ym),
    rows: Number(r.row_count),
    green: Number(r.green),
    yellow: Number(r.yellow),
    red: Number(r.red),
    grey: Number(r.grey),
    none: Number(r.no_status),
    actualSum: r.actual_sum,
    expectedSum: r.expected_sum,
  }));
}

function round(ms) {
  return Math.round(ms * 1000) / 1000;
}

function parseArgs(list) {
  const out = {};
  for (let k = 0; k < list.length; k += 2) {
    if (!list[k].startsWith('--') || k + 1 >= list.length) {
      throw new Error(`expected --name value pairs, got '${list[k]}'`);
    }
    out[list[k].slice(2)] = list[k + 1];
  }
  return out;
}

function required(name) {
  if (args[name] === undefined) {
    throw new Error(`--${name} is required`);
  }
  return args[name];
}
