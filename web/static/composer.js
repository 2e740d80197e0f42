/* composer.js — live checking in the message composer (/compose).
 *
 * As the agent types, the message is sent to POST /api/check (debounced,
 * the older request aborted) with {text, kind, client, failure}; the result
 * fills the checker panel (score, required elements, findings) and the
 * "checker view", where each finding's byte span [start, end) is marked in
 * the text. The API counts bytes of UTF-8; JavaScript strings count UTF-16
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
	var client = form.dataset.client && form.dataset.client !== '0' ? form.dataset.client : null;
	var failure = form.dataset.failure && form.dataset.failure !== '0' ? Number(form.dataset.failure) : null;
	var sendFailure = true;   /* dropped if this server's API does not take it */
	var timer = null, inflight = null, seq = 0;

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
		if (failure && sendFailure) payload.failure = failure;
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
			if (r.status === 422 && sendFailure && payload.failure && /failure/.test(r.json.detail || '')) {
				sendFailure = false; /* an older API: check without the failure */
				check();
				return;
			}
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
		clearTimeout(timer);
		timer = setTimeout(check, 250);
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
