/* composer.js — live checking in the message composer (/compose).
 *
 * As the agent types, the message is sent to POST /api/check (debounced
 * 15 ms, the older request aborted) with {text, kind, client, failure} —
 * the ids as numbers, which the API takes like strings; the result fills
 * the checker panel (score, required elements, findings), the "checker
 * view", and the highlight layer behind the textarea (#body-hl: the same
 * text, transparent, with each finding's byte span [start, end) marked, so
 * the marks show through the textarea as you type; between a keystroke and
 * the answer the old marks move with the edit). "Log as sent" and "Send by
 * email" ask for confirmation while the check of the text as it stands found
 * errors; the server refuses unless confirm_errors=yes. The API counts bytes of UTF-8; JavaScript strings count UTF-16
 * units, so spans are converted. Text is only ever put in the page with
 * textContent, never as HTML. Without JavaScript the page still works: the
 * "Check" button asks the server for the same panel. */
(function () {
	'use strict';
	var form = document.getElementById('composer');
	if (!form) return;
	var body = document.getElementById('body');
	var preview = document.getElementById('check-preview');
	var scoreEl = document.getElementById('check-score');
	var statusEl = document.getElementById('check-status');
	var elementsEl = document.getElementById('check-elements');
	var findingsEl = document.getElementById('check-findings');
	var csrf = form.elements.csrf ? form.elements.csrf.value : '';
	var kind = form.dataset.kind || 'other';
	var backdrop = document.getElementById('body-hl');
	var confirmField = document.getElementById('confirm-errors');
	var client = form.dataset.client && form.dataset.client !== '0' ? Number(form.dataset.client) : null;
	var failure = form.dataset.failure && form.dataset.failure !== '0' ? Number(form.dataset.failure) : null;
	var errors = Number(form.dataset.errors || 0);  /* errors in the last check */
	var checkedText = body.value;                    /* the text that check was of */
	var timer = null, inflight = null, seq = 0;
	var hlText = body.value, hlMarks = [];           /* what the highlight layer shows */

	/* byte offset (UTF-8) -> index in the JS string (UTF-16) */
	function byteMap(text) {
		var bytes = 0, units = 0, map = [0];
		for (var ch of text) {
			var cp = ch.codePointAt(0);
			var n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
			for (var k = 1; k < n; k++) map[bytes + k] = units; /* inside a character: its start */
			bytes += n;
			units += ch.length;
			map[bytes] = units;
		}
		return function (b) {
			if (b <= 0) return 0;
			if (b >= map.length) return text.length;
			return map[b];
		};
	}

	function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); }

	function el(tag, cls, text) {
		var e = document.createElement(tag);
		if (cls) e.className = cls;
		if (text !== undefined && text !== null) e.textContent = text;
		return e;
	}

	/* the highlight layer: TEXT with MARKS ({s, e, sev} in string indices) */
	function drawHighlights(text, marks) {
		hlText = text;
		hlMarks = marks;
		if (!backdrop) return;
		var frag = document.createDocumentFragment(), pos = 0;
		marks.forEach(function (m) {
			if (m.s < pos || m.e <= m.s) return;
			frag.appendChild(document.createTextNode(text.slice(pos, m.s)));
			frag.appendChild(el('mark', 'sev-' + m.sev, text.slice(m.s, m.e)));
			pos = m.e;
		});
		/* a final newline needs a character after it to take up a line */
		frag.appendChild(document.createTextNode(text.slice(pos) + '\u200b'));
		clear(backdrop);
		backdrop.appendChild(frag);
		backdrop.scrollTop = body.scrollTop;
	}

	/* Between a keystroke and the checker's answer: keep the marks before
	 * the edit, move those after it, drop those it touched. */
	function shiftHighlights(text) {
		var old = hlText, pre = 0, suf = 0;
		var max = Math.min(old.length, text.length);
		while (pre < max && old.charCodeAt(pre) === text.charCodeAt(pre)) pre++;
		while (suf < max - pre && old.charCodeAt(old.length - 1 - suf) === text.charCodeAt(text.length - 1 - suf)) suf++;
		var oldEnd = old.length - suf, delta = text.length - old.length;
		var kept = [];
		hlMarks.forEach(function (m) {
			if (m.e <= pre) kept.push(m);
			else if (m.s >= oldEnd) kept.push({ s: m.s + delta, e: m.e + delta, sev: m.sev });
		});
		drawHighlights(text, kept);
	}

	function render(text, res) {
		var toUnit = byteMap(text);
		var findings = (res.findings || []).slice();
		var score = typeof res.score === 'number' ? res.score : null;
		scoreEl.textContent = score === null ? '–' : String(score);
		scoreEl.parentNode.className = 'score ' + (score === null ? '' : score >= 80 ? 'good' : score >= 50 ? 'fair' : 'poor');

		clear(elementsEl);
		var els = res.elements || {};
		var ul = el('ul', 'elements');
		(els.found || []).forEach(function (e) { ul.appendChild(el('li', 'found', '✓ ' + (e.name || e))); });
		(els.missing || []).forEach(function (e) { ul.appendChild(el('li', 'missing', '✗ ' + (e.name || e))); });
		elementsEl.appendChild(ul);

		clear(findingsEl);
		var marks = [];
		findings.forEach(function (f, i) {
			var li = el('li', 'finding sev-' + f.severity);
			li.appendChild(el('span', 'badge ' + f.severity, f.severity));
			li.appendChild(document.createTextNode(' '));
			li.appendChild(el('code', null, f.rule));
			li.appendChild(document.createTextNode(' ' + (f.message || '')));
			if (f.suggestion) li.appendChild(el('div', 'suggestion', 'Try: ' + f.suggestion));
			var whole = f.scope === 'message' || !(f.end > f.start);
			if (!whole) {
				var s = toUnit(f.start), e = toUnit(f.end);
				marks.push({ s: s, e: e, f: f, i: i });
				li.title = 'Show in the text';
				li.addEventListener('click', function () {
					body.focus();
					body.setSelectionRange(s, e);
					var m = preview.querySelector('mark[data-i="' + i + '"]');
					preview.querySelectorAll('mark.active').forEach(function (x) { x.classList.remove('active'); });
					if (m) { m.classList.add('active'); m.scrollIntoView({ block: 'nearest' }); }
				});
			}
			findingsEl.appendChild(li);
		});

		/* the checker view: the text with non-overlapping spans marked */
		clear(preview);
		marks.sort(function (a, b) { return a.s - b.s || b.e - a.e; });
		var pos = 0;
		marks.forEach(function (m) {
			if (m.s < pos) return; /* overlaps an earlier mark: listed, not drawn */
			preview.appendChild(document.createTextNode(text.slice(pos, m.s)));
			var mk = el('mark', 'sev-' + m.f.severity, text.slice(m.s, m.e));
			mk.title = m.f.rule + ': ' + (m.f.message || '');
			mk.dataset.i = String(m.i);
			preview.appendChild(mk);
			pos = m.e;
		});
		preview.appendChild(document.createTextNode(text.slice(pos)));
		drawHighlights(text, marks.map(function (m) { return { s: m.s, e: m.e, sev: m.f.severity }; }));
		errors = res.counts && typeof res.counts.error === 'number' ? res.counts.error :
			findings.filter(function (f) { return f.severity === 'error'; }).length;
		form.dataset.errors = String(errors);
		checkedText = text;

		var n = findings.length;
		statusEl.textContent = n === 0 ? 'No findings.' : n + (n === 1 ? ' finding' : ' findings') + ' — click one to see it in the text.';
		form.dataset.checked = String(++seq);
	}

	function check() {
		var text = body.value;
		if (inflight) inflight.abort();
		var ctl = window.AbortController ? new AbortController() : null;
		inflight = ctl;
		var payload = { text: text, kind: kind };
		if (client) payload.client = client;
		if (failure) payload.failure = failure;
		statusEl.textContent = 'Checking…';
		fetch('/api/check', {
			method: 'POST',
			credentials: 'same-origin',
			headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-CSRF-Token': csrf },
			body: JSON.stringify(payload),
			signal: ctl ? ctl.signal : undefined
		}).then(function (r) {
			return r.json().catch(function () { return {}; }).then(function (j) { return { status: r.status, json: j }; });
		}).then(function (r) {
			if (r.status !== 200) {
				statusEl.textContent = 'Live checking unavailable (' + r.status + (r.json.detail ? ': ' + r.json.detail : '') + ').';
				return;
			}
			if (body.value === text) render(text, r.json);
		}).catch(function (e) {
			if (e && e.name === 'AbortError') return;
			statusEl.textContent = 'Live checking unavailable (network error).';
		});
	}

	body.addEventListener('input', function () {
		shiftHighlights(body.value);
		clearTimeout(timer);
		timer = setTimeout(check, 15);
	});
	body.addEventListener('scroll', function () {
		if (backdrop) backdrop.scrollTop = body.scrollTop;
	});
	/* the server's first paint: marks from the findings it listed */
	(function () {
		var map = byteMap(body.value), marks = [];
		findingsEl.querySelectorAll('li[data-start]').forEach(function (li) {
			var s = map(Number(li.dataset.start)), e = map(Number(li.dataset.end));
			var sev = (/sev-(\w+)/.exec(li.className) || [])[1] || 'info';
			if (e > s) marks.push({ s: s, e: e, sev: sev });
		});
		marks.sort(function (a, b) { return a.s - b.s || b.e - a.e; });
		drawHighlights(body.value, marks);
	})();
	/* "Log as sent" or "Send by email" with errors left: ask first. The
	 * count is trusted only for the text it was computed on: clicked while
	 * the check of an edit is still on its way, the form goes without
	 * asking, and the server, which checks the text it receives, asks
	 * (confirm box) if errors remain — an older check's errors never block
	 * a message that no longer has them. */
	form.addEventListener('submit', function (ev) {
		var by = ev.submitter;
		if (!by || (by.value !== 'log' && by.value !== 'send') || !confirmField) return;
		var send = by.value === 'send';
		confirmField.value = '';
		if (errors > 0 && body.value === checkedText) {
			var msg = 'The checker still finds ' + errors + (errors === 1 ? ' error' : ' errors') +
				' in this message. ' + (send ? 'Send it by email anyway?' : 'Log it as sent anyway?');
			if (!window.confirm(msg)) {
				ev.preventDefault();
				statusEl.textContent = (send ? 'Not sent' : 'Not logged') +
					': fix the errors marked in red, or confirm to ' + (send ? 'send' : 'log') + ' it anyway.';
				return;
			}
			confirmField.value = 'yes';
		}
	});
	/* the server-rendered marks: clicking a listed finding selects its span */
	findingsEl.querySelectorAll('li[data-start]').forEach(function (li) {
		li.addEventListener('click', function () {
			var map = byteMap(body.value);
			body.focus();
			body.setSelectionRange(map(Number(li.dataset.start)), map(Number(li.dataset.end)));
		});
	});
})();
