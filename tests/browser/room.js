#!/usr/bin/env node
/* room.js — the agenda, the failure room and the composer in headless
 * Chromium (issue 11, sections 2 and 3).
 *
 * Starts the real `redress serve --listen 127.0.0.1:0` on a fresh demo
 * database (plus a manager with a password, a client question asked in the
 * portal, and an ETA told to Globex Health), then checks: the agenda is in
 * the urgency order of docs/web.md; "Mine" tiles count exactly the rows
 * listed; the question is a card with a Reply that opens the composer for
 * that failure and client; the failure room opens with its summary and
 * collapses each client's obligations; the live check (ids sent as
 * numbers) shows a contradiction with what the client was told; findings
 * are highlighted in the text within 100 ms of a keystroke on a 5 KB
 * message (performance.now() around input → highlight, debounce and
 * request included; median of 7, every run printed); "Log as sent" asks
 * before logging a message with errors, and a success message follows;
 * /favicon.ico is served. Last line "N passed, N failed"; exit 1 on failure.
 *
 *   cd tests/browser && npm ci && node room.js   (REDRESS_BIN=… for the binary)
 *   REDRESS_TEST_PG=postgres://…/postgres   a fresh PostgreSQL database on
 *                        that server instead of a file (tests/pg/pgserver.py)
 *   REDRESS_ARTIFACTS=DIR   screenshots and the server log there
 */
'use strict';
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '..', '..');
/* REDRESS_ARTIFACTS: another directory, so that a second run beside this one
 * (scripts/test-all's pg-* group) does not overwrite its screenshots. */
const ARTIFACTS = process.env.REDRESS_ARTIFACTS || path.join(__dirname, 'artifacts');
const PASSWORD = 'room-test-pw-1';
const MANAGER = 'tess@provider.example';
const AGENT = 'sam@provider.example';
const QUESTION = 'Will the replayed co-payments show on Friday statements? ' + Date.now();
/* the checker compares ETAs still ahead: dates from today (the server's now) */
const DAY = 86400000;
const TOLD = new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10) + 'T17:00:00Z';
const OTHER = new Date(Date.now() + 20 * DAY).toISOString().slice(0, 10);

function bin() {
	const c = [process.env.REDRESS_BIN, path.join(ROOT, 'build', 'redress')];
	for (const p of c)
		if (p && fs.existsSync(p)) return p;
	throw new Error('redress binary not found: build it or set REDRESS_BIN');
}

function redress(db, args, input) {
	return execFileSync(bin(), args, { env: { ...process.env, REDRESS_DB: db }, input: input || '', encoding: 'utf8' });
}

function serve(db, logFile) {
	return new Promise((resolve, reject) => {
		const proc = spawn(bin(), ['serve', '--listen', '127.0.0.1:0'], {
			env: { ...process.env, REDRESS_DB: db }, stdio: ['ignore', 'pipe', 'pipe'],
		});
		const log = fs.createWriteStream(logFile);
		let out = '';
		const timer = setTimeout(() => reject(new Error('server silent for 10 s')), 10000);
		proc.stdout.on('data', (d) => {
			log.write(d);
			out += d;
			const m = out.match(/listening on (http:\/\/[0-9.]+:\d+)/);
			if (m) { clearTimeout(timer); resolve({ proc, base: m[1] }); }
		});
		proc.stderr.on('data', (d) => log.write(d));
		proc.on('exit', (code) => { clearTimeout(timer); reject(new Error('server exited: ' + code)); });
	});
}

function expect(cond, what) { if (!cond) throw new Error(what); }

const results = [];
async function step(name, fn) {
	try {
		await fn();
		results.push(true);
		console.log('ok   ' + name);
	} catch (e) {
		results.push(false);
		console.log('FAIL ' + name + ': ' + (e && e.message ? e.message.split('\n')[0] : e));
	}
}

/* The agenda's urgency key of one row as the page shows it (docs/web.md):
 * overdue, critical (key client or severity 1), escalated, severity. */
async function agendaKeys(page) {
	return page.$$eval('#agenda-list li.item', (lis) => lis.map((li) => {
		const sev = Number((/severity (\d)/.exec(li.textContent) || [])[1] || 5);
		return {
			overdue: li.classList.contains('overdue') ? 1 : 0,
			critical: li.querySelector('.badge.key') || sev === 1 ? 1 : 0,
			escalated: /escalated to the manager/.test(li.textContent) ? 1 : 0,
			sev,
			due: li.querySelector('time').getAttribute('datetime'),
		};
	}));
}

/* A new database: a file in TMP, or (REDRESS_TEST_PG, tests/pg/pgserver.py)
 * an empty PostgreSQL one, dropped at the end. */
function freshDb(tmp) {
	const admin = process.env.REDRESS_TEST_PG;
	if (!admin)
		return { db: path.join(tmp, 'redress.db'), drop() {} };
	const name = 'rd_room_' + process.pid;
	const psql = (sql) => execFileSync('psql', ['-X', '-q', '-d', admin, '-c', sql], { stdio: 'pipe' });
	psql('CREATE DATABASE ' + name);
	return { db: admin.replace(/\/[^/]*$/, '/' + name), drop() { psql('DROP DATABASE IF EXISTS ' + name + ' WITH (FORCE)'); } };
}

async function main() {
	fs.mkdirSync(ARTIFACTS, { recursive: true });
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'redress-room-'));
	const store = freshDb(tmp);
	const db = store.db;
	redress(db, ['init']);
	redress(db, ['demo']);
	redress(db, ['user', 'add', MANAGER, '--name', 'Tess Tester', '--role', 'manager'], PASSWORD + '\n');
	/* a question through the portal, not answered yet */
	redress(db, ['log', '--failure', '1', '--client', 'Northwind Logistics', '--kind', 'other', '--channel', 'portal',
		     '--direction', 'in', '--chase', '--body', QUESTION]);
	/* what Globex Health was told about the ETA */
	redress(db, ['log', '--failure', '1', '--client', 'Globex Health', '--kind', 'progress', '--channel', 'email',
		     '--eta', TOLD, '--summary', 'Fix expected by ' + TOLD.slice(0, 10) + ', 17:00.']);
	const { proc, base } = await serve(db, path.join(ARTIFACTS, 'room-server.log'));
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		headless: true,
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
	});
	try {
		const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await ctx.newPage();
		const notFound = [];
		page.on('response', (r) => { if (r.status() === 404) notFound.push(r.url()); });
		await page.goto(base + '/login');
		await page.fill('#email', MANAGER);
		await page.fill('#password', PASSWORD);
		await Promise.all([page.waitForURL(base + '/'), page.click('#signin')]);

		await step('agenda: one list in the documented urgency order', async () => {
			const keys = await agendaKeys(page);
			expect(keys.length > 3, 'only ' + keys.length + ' rows');
			for (let i = 1; i < keys.length; i++) {
				const a = keys[i - 1], b = keys[i];
				const ka = [-a.overdue, -a.critical, -a.escalated, a.sev, a.due];
				const kb = [-b.overdue, -b.critical, -b.escalated, b.sev, b.due];
				let cmp = 0;
				for (let k = 0; k < ka.length && !cmp; k++) cmp = ka[k] < kb[k] ? -1 : ka[k] > kb[k] ? 1 : 0;
				expect(cmp <= 0, 'row ' + i + ' ' + JSON.stringify(b) + ' listed after less urgent ' + JSON.stringify(a));
			}
			expect(keys[0].overdue && keys[0].critical, 'first row is not an overdue critical one');
			expect((await page.locator('#due h3.owner').count()) === 0, 'grouped by default');
			await page.screenshot({ path: path.join(ARTIFACTS, 'room-01-agenda.png'), fullPage: true });
			await page.goto(base + '/?group=owner');
			expect((await page.locator('#due h3.owner').count()) > 1, '?group=owner does not group');
		});

		await step('agenda: labels are words people use', async () => {
			await page.goto(base + '/');
			const text = await page.textContent('main');
			for (const raw of ['rca_update', 'on_time', 'chase(s)', 'follow_up'])
				expect(!text.includes(raw), 'raw label "' + raw + '" on the agenda');
			const title = await page.getAttribute('#agenda-list li.item time', 'title');
			expect(title && /’s time: /.test(title), 'no client time on hover: ' + title);
		});

		await step('agenda: "Mine" tiles count exactly the rows listed, all the viewer\'s', async () => {
			const link = redress(db, ['user', 'login-link', AGENT, '--base-url', base]).match(/http:\/\/\S+/)[0];
			const ctx2 = await browser.newContext({ viewport: { width: 1280, height: 900 } });
			const p2 = await ctx2.newPage();
			await p2.goto(link);
			await p2.goto(base + '/?owner=me');
			const rows = await p2.locator('#due li.item').count();
			const over = Number(await p2.textContent('#tile-overdue span'));
			const soon = Number(await p2.textContent('#tile-soon span'));
			const redRows = await p2.locator('#due li.item.overdue').count();
			expect(rows > 0, 'Sam has nothing on the agenda');
			expect(over + soon === rows, 'tiles ' + over + '+' + soon + ' but ' + rows + ' rows');
			expect(over === redRows, over + ' overdue in the tile, ' + redRows + ' in the list');
			const owners = await p2.$$eval('#due .owner-name', (e) => [...new Set(e.map((x) => x.textContent))]);
			expect(owners.length === 1, 'rows of several owners under Mine: ' + owners.join(', '));
			await p2.goto(base + '/');
			const all = await p2.locator('#due li.item').count();
			const allTiles = Number(await p2.textContent('#tile-overdue span')) + Number(await p2.textContent('#tile-soon span'));
			expect(all === allTiles && all > rows, 'everyone: ' + all + ' rows, tiles ' + allTiles);
			await ctx2.close();
		});

		await step('agenda: a client\'s question is a card with a Reply to the composer', async () => {
			await page.goto(base + '/');
			const card = page.locator('#questions article.question', { hasText: QUESTION });
			expect((await card.count()) === 1, 'no card for the question');
			expect((await card.textContent()).includes('Northwind Logistics'), 'card does not name the client');
			await Promise.all([page.waitForURL(/\/compose\?/), card.locator('a.reply').click()]);
			const u = new URL(page.url());
			expect(u.searchParams.get('failure') === '1', 'Reply not for failure 1: ' + page.url());
			expect(await page.locator('#f-client option[selected]').textContent() === 'Northwind Logistics',
			       'Reply did not choose the client');
		});

		await step('failure room: opens with a summary; obligations collapse to the next step', async () => {
			await page.goto(base + '/failures/1');
			const first = await page.$eval('main section.card', (s) => s.id);
			expect(first === 'summary', 'first section is ' + first);
			expect((await page.textContent('#summary-status')).trim().length > 0, 'no status');
			expect(/due/.test(await page.textContent('#summary-next')) || /nothing owed/.test(await page.textContent('#summary-next')),
			       'no next step');
			expect((await page.textContent('#summary-waiting')).includes('Northwind Logistics'),
			       'Northwind (unanswered question) not among the clients waiting');
			const rows = await page.locator('#summary-clients tbody tr').count();
			const tracks = await page.locator('#clients article.track').count();
			expect(rows === tracks && rows >= 2, rows + ' summary rows for ' + tracks + ' tracks');
			expect((await page.textContent('#summary-clients')).includes('Progress update'), 'last update not labelled');
			const track = page.locator('#clients article.track').first();
			expect((await track.locator('details.more').count()) === 1, 'no collapsed schedule');
			expect(!(await track.locator('details.more ol.obligations li').first().isVisible()), 'schedule not collapsed');
			expect((await track.locator('.next-step li, .next-step p').count()) === 1, 'not one next step');
			expect(/\d+ open · \d+ in all/.test(await track.locator('details.more summary').textContent()), 'no count');
			await page.screenshot({ path: path.join(ARTIFACTS, 'room-02-summary.png'), fullPage: false });
		});

		await step('composer: the live check sends the ids and shows a contradiction', async () => {
			const sent = [];
			page.on('request', (r) => { if (r.url().endsWith('/api/check')) sent.push(JSON.parse(r.postData())); });
			const answers = [];
			page.on('response', (r) => { if (r.url().endsWith('/api/check')) answers.push(r.status()); });
			const globex = redress(db, ['client', 'show', 'Globex Health', '--json']);
			const gid = JSON.parse(globex).id;
			await page.goto(base + '/compose?kind=other&client=' + gid + '&failure=1');
			await page.fill('#body', 'Dear Marcus, our engineers are fixing it. We expect the fix to be complete by ' + OTHER + '.');
			await page.waitForSelector('#check-findings li:has-text("fact.contradiction")', { timeout: 5000 });
			expect(sent.length > 0 && sent.every((p) => p.failure === 1 && p.client === gid), 'ids not sent: ' + JSON.stringify(sent[0]));
			expect(answers.every((s) => s === 200), 'answers: ' + answers.join(','));
			await page.screenshot({ path: path.join(ARTIFACTS, 'room-03-contradiction.png') });
		});

		await step('composer: findings highlighted in the text within 100 ms of a keystroke (5 KB)', async () => {
			const para = 'Our engineers replayed every failed payment overnight and confirmed each one with your team. ';
			let text = '';
			while (text.length < 5000) text += para;
			await page.fill('#body', text);
			await page.waitForFunction(() => !document.querySelector('#body-hl mark'), null, { timeout: 5000 });
			const runs = [];
			for (let i = 0; i < 7; i++) {
				const ms = await page.evaluate(() => new Promise((resolve, reject) => {
					const ta = document.getElementById('body'), hl = document.getElementById('body-hl');
					const done = () => [...hl.querySelectorAll('mark')].some((m) => /apologi[sz]e if/i.test(m.textContent));
					const obs = new MutationObserver(() => {
						if (done()) { obs.disconnect(); resolve(performance.now() - t0); }
					});
					obs.observe(hl, { childList: true, subtree: true, characterData: true });
					setTimeout(() => { obs.disconnect(); reject(new Error('no highlight within 3 s')); }, 3000);
					ta.focus();
					ta.setSelectionRange(ta.value.length, ta.value.length);
					const t0 = performance.now();
					ta.setRangeText(' We apologize if you were affected.', ta.value.length, ta.value.length, 'end');
					ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
				}));
				runs.push(ms);
				/* back to the clean text, marks gone */
				await page.evaluate((t) => {
					const ta = document.getElementById('body');
					ta.value = t;
					ta.dispatchEvent(new InputEvent('input', { bubbles: true }));
				}, text);
				await page.waitForFunction(() => !document.querySelector('#body-hl mark'), null, { timeout: 5000 });
			}
			const sorted = runs.slice().sort((a, b) => a - b), median = sorted[3];
			console.log('     input→highlight ms (5 KB): ' + runs.map((x) => x.toFixed(1)).join(' ') + ' · median ' + median.toFixed(1));
			expect(median < 100, 'median ' + median.toFixed(1) + ' ms');
			const same = await page.evaluate(() => document.getElementById('body-hl').textContent.replace(/\u200b$/, '') ===
				document.getElementById('body').value);
			expect(same, 'the highlight layer does not hold the textarea\'s text');
		});

		await step('composer: "Log as sent" asks while errors remain; then a success message', async () => {
			const globex = JSON.parse(redress(db, ['client', 'show', 'Globex Health', '--json'])).id;
			await page.goto(base + '/compose?kind=other&client=' + globex + '&failure=1');
			const marker = 'ROOM-' + Date.now();
			await page.fill('#body', 'We apologize if you were affected by this minor issue. ' + marker);
			await page.waitForFunction(() => Number(document.getElementById('composer').dataset.errors) > 0, null, { timeout: 5000 });
			let asked = null;
			page.once('dialog', (d) => { asked = d.message(); d.dismiss(); });
			await page.click('#log-sent');
			await page.waitForTimeout(300);
			expect(asked && /still finds \d+ error/.test(asked), 'no confirmation asked: ' + asked);
			expect(page.url().includes('/compose'), 'left the composer after "cancel"');
			page.once('dialog', (d) => d.accept());
			await Promise.all([page.waitForURL(/\/failures\/1#comm-\d+$/), page.click('#log-sent')]);
			expect((await page.textContent('#timeline')).includes(marker), 'not logged after confirming');
			expect((await page.textContent('#flash')).includes('logged as sent'), 'no success message');
			await page.reload();
			expect((await page.locator('#flash').count()) === 0, 'the success message shows twice');
		});

		await step('no 404 for the favicon', async () => {
			const r = await page.goto(base + '/favicon.ico');
			expect(r.status() === 200 && r.headers()['content-type'].startsWith('image/svg+xml'), 'favicon: ' + r.status());
			expect(notFound.length === 0, '404s: ' + notFound.slice(0, 3).join(' '));
		});
	} finally {
		await browser.close();
		proc.kill('SIGTERM');
		await new Promise((resolve) => { if (proc.exitCode !== null) resolve(); else proc.once('exit', resolve); });
		store.drop();
		fs.rmSync(tmp, { recursive: true, force: true });
	}
	const passed = results.filter((r) => r).length;
	console.log(passed + ' passed, ' + (results.length - passed) + ' failed');
	process.exit(results.length - passed ? 1 : 0);
}

main().catch((e) => {
	console.log('FAIL setup: ' + (e && e.message ? e.message : e));
	console.log(results.filter((r) => r).length + ' passed, ' + (results.filter((r) => !r).length + 1) + ' failed');
	process.exit(1);
});
