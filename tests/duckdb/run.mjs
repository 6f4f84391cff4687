// run.mjs - run SQL files through DuckDB (the engine of the official npm
// package @duckdb/node-api, which make node-deps installs into
// build/node) and print the result of the last statement as TSV: a
// header, NULL as empty, tab, newline and backslash escaped as in the
// journals. Used by tests/cli/58-duckdb.sh to check sql/.
//
//   node tests/duckdb/run.mjs [--db FILE] FILE.sql...
//
// RS_NODE_DIR names the directory holding node_modules (default
// build/node at the top of the tree). Exit 0, 1 on an SQL error, 3 when
// the package is missing or a file cannot be read.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const top = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const nodeDir = process.env.RS_NODE_DIR || join(top, 'build', 'node');

function fail(code, msg) {
	process.stderr.write(`run.mjs: ${msg}\n`);
	process.exit(code);
}

let api;
try {
	const req = createRequire(join(nodeDir, 'package.json'));
	api = await import(pathToFileURL(req.resolve('@duckdb/node-api')).href);
} catch (e) {
	fail(3, `@duckdb/node-api is not installed in ${nodeDir} ` +
	    '(make node-deps, or make deps, installs it)');
}

const args = process.argv.slice(2);
let db = ':memory:';
if (args[0] === '--db') {
	db = args[1];
	args.splice(0, 2);
}
if (args.length === 0)
	fail(2, 'usage: node run.mjs [--db FILE] FILE.sql...');

const esc = (v) => v === null || v === undefined ? '' :
    String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r');

const inst = await api.DuckDBInstance.create(db);
const conn = await inst.connect();
let last = null;
for (const f of args) {
	let text;
	try {
		text = readFileSync(f, 'utf8');
	} catch (e) {
		fail(3, `${f}: ${e.message}`);
	}
	try {
		const stmts = await conn.extractStatements(text);
		for (let i = 0; i < stmts.count; i++) {
			const p = await stmts.prepare(i);
			last = await p.runAndReadAll();
		}
	} catch (e) {
		fail(1, `${f}: ${e.message}`);
	}
}
if (last !== null && last.columnCount > 0) {
	const out = [last.columnNames().join('\t')];
	for (const row of last.getRows())
		out.push(row.map(esc).join('\t'));
	process.stdout.write(out.join('\n') + '\n');
}
