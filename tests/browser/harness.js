/* harness.js — what a browser suite needs around Chromium: find the redress
 * binary, run CLI commands on a database, start `redress serve` on a free
 * port of 127.0.0.1 and learn its address, numbered steps that report
 * "ok"/"FAIL" and a closing "N passed, N failed" line, and an accessibility
 * pass with axe-core (npm) that fails on serious or critical violations.
 * Used by run_failure.js. */
'use strict';
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const ARTIFACTS = path.join(__dirname, 'artifacts');

function findBinary() {
	const c = [process.env.REDRESS_BIN, path.join(ROOT, 'build', 'redress')];
	for (const p of c)
		if (p && fs.existsSync(p)) return p;
	throw new Error('redress binary not found: build it (meson setup build && ninja -C build) or set REDRESS_BIN');
}

function redress(bin, db, args, input) {
	return execFileSync(bin, args, {
		env: { ...process.env, REDRESS_DB: db },
		input: input || '',
		encoding: 'utf8',
		stdio: ['pipe', 'pipe', 'pipe'],
	});
}

function startServer(bin, db, logFile) {
	return new Promise((resolve, reject) => {
		const proc = spawn(bin, ['serve', '--listen', '127.0.0.1:0'], {
			env: { ...process.env, REDRESS_DB: db },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const log = fs.createWriteStream(logFile);
		let out = '';
		const timer = setTimeout(() => reject(new Error('server did not say where it listens within 10 s')), 10000);
		proc.stdout.on('data', (d) => {
			log.write(d);
			out += d;
			const m = out.match(/listening on (http:\/\/[0-9.]+:\d+)/);
			if (m) {
				clearTimeout(timer);
				resolve({ proc, base: m[1] });
			}
		});
		proc.stderr.on('data', (d) => log.write(d));
		proc.on('exit', (code) => {
			clearTimeout(timer);
			reject(new Error('server exited early with status ' + code + ' (see ' + logFile + ')'));
		});
	});
}

function expect(cond, what) {
	if (!cond) throw new Error(what);
}

const results = [];
async function step(name, fn) {
	try {
		await fn();
		results.push({ name, ok: true });
		console.log('ok   ' + name);
	} catch (e) {
		results.push({ name, ok: false });
		console.log('FAIL ' + name + ': ' + (e && e.message ? e.message.split('\n')[0] : e));
	}
}

function finish() {
	const passed = results.filter((r) => r.ok).length;
	const failed = results.length - passed;
	console.log(passed + ' passed, ' + failed + ' failed');
	return failed;
}

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const audited = [];

/* Runs axe-core on the page as it is (evaluated through the DevTools
 * protocol, which the page's CSP does not govern) and takes its screenshots
 * at 1280 and 390 px into artifacts/NAME-1280.png and NAME-390.png. Throws
 * on a serious or critical violation, naming rule and element. */
async function audit(page, name) {
	await page.evaluate(AXE);
	const res = await page.evaluate(async () => {
		/* eslint-disable-next-line no-undef */
		const r = await axe.run(document, { resultTypes: ['violations'] });
		return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
			nodes: v.nodes.slice(0, 2).map((n) => n.target.join(' ')) }));
	});
	const bad = res.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	audited.push({ name, url: page.url(), violations: res });
	const size = page.viewportSize();
	await page.screenshot({ path: path.join(ARTIFACTS, name + '-1280.png'), fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	const wide = await page.evaluate(() => document.documentElement.scrollWidth);
	await page.screenshot({ path: path.join(ARTIFACTS, name + '-390.png'), fullPage: true });
	await page.setViewportSize(size);
	expect(bad.length === 0, name + ': axe ' + bad.map((v) => v.impact + ' ' + v.id + ' (' + v.help + ') at ' +
		v.nodes.join(', ')).join('; '));
	expect(wide <= 392, name + ': ' + wide + ' px wide on a 390 px screen');
}

function writeAudit() {
	fs.writeFileSync(path.join(ARTIFACTS, 'axe.json'), JSON.stringify(audited, null, 1));
	return audited.length;
}

module.exports = { ROOT, ARTIFACTS, findBinary, redress, startServer, expect, step, finish, audit, writeAudit };
