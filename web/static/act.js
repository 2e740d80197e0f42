/* act.js — the action forms (src/server/web_act_*.c): date-time inputs
 * are the viewer's wall-clock time, so each form tells the server the
 * browser's time zone in its hidden "tz" field (without it, UTC). */
'use strict';
(function () {
	var tz = '';
	try {
		tz = Intl.DateTimeFormat().resolvedOptions().timeZone || '';
	} catch (e) {
		tz = '';
	}
	var fields = document.querySelectorAll('input.act-tz');
	for (var i = 0; i < fields.length; i++) fields[i].value = tz;
})();
