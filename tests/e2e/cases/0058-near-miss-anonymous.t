# An anonymous near miss names nobody: not in its row, not in the audit log
# (which viewers can read), whoever acted (--as).
%demo
$ redress near-miss add "Cert almost expired on api-3" --as sam@provider.example --json
json .reporter_id == null
sql SELECT actor FROM audit_log WHERE entity = 'near_miss' ORDER BY id DESC LIMIT 1 == "anonymous"
sql SELECT count(*) FROM audit_log WHERE entity = 'near_miss' AND (actor LIKE '%sam@%' OR after LIKE '%sam@%') == 0
$ redress audit list --entity near_miss --json
stdout-lacks sam@provider.example
python json.loads(out)[-1]["actor"] == "anonymous"
# A named reporter is not anonymous: the report and the audit say who.
$ redress near-miss add "Queue nearly full" --reporter sam@provider.example --as sam@provider.example --json
json .reporter_id != null
sql SELECT actor FROM audit_log WHERE entity = 'near_miss' ORDER BY id DESC LIMIT 1 == "sam@provider.example"
