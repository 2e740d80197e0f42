# `policy show` prints the policy in force (the default here), as YAML that
# `policy check` accepts, or as JSON.
$ redress policy show
stdout-has version: "2026-12-default"
stdout-has apology:
stdout-has manager_after: 24h
stdout-has working_days: [mon, tue, wed, thu, fri]
python out.count("# policy in force") == 1
$ redress policy show --json
json .version == "2026-12-default"
json .working_days == ["mon", "tue", "wed", "thu", "fri"]
json .steps.apology.key.due == "2h"
json .steps.apology.key.channels == ["call", "meeting"]
json .steps.rca_update.standard.due == "3d"
json .escalation.key.manager_after == "4h"
json .due_soon == "24h"
json .second_failure_window == "90d"
