# A plan draft reads as a careful person would write it: the full text from
# the demo data (REDRESS_NOW pinned). Each open action says when it is due
# and how we will know it worked, as a label, so a success measure typed as
# a noun phrase ("two consecutive rehearsals with zero write errors") makes
# no broken sentence; the checker reports zero findings.
%demo
%file plan-en.txt
| Dear Lena Vogel,
|
| Here is our recovery plan for the Payments API outage.
|
| What went wrong: During a planned database switch our system connected the payments service to a copy of the database that could not accept new transactions. Our monitoring did not alert us for 50 minutes.
|
| What we are doing:
| - Point the payments service back at the primary and replay queued authorisations (done)
| - Route database write-error alerts to the on-call pager (due Monday 23 November 2026, 13:00 CET; how we will know it worked: a test alert pages the on-call engineer within 2 minutes)
| - Fix the script that switches databases, and rehearse the switch monthly (due Tuesday 24 November 2026, 13:00 CET; how we will know it worked: two consecutive rehearsals with zero write errors)
| - Reconcile failed transactions for each affected client (due Wednesday 25 November 2026, 13:00 CET; how we will know it worked: each client confirms the reconciliation report)
|
| We expect the fix to be complete by Thursday 26 November 2026, 13:00 CET.
|
| How we will prevent a repeat: route database write-error alerts to the on-call pager; fix the script that switches databases, and rehearse the switch monthly.
|
| To make this right, we will credit EUR 12,000.00 to your next invoice.
|
| I will send you the next update by Monday 23 November 2026, 08:00 CET.
|
| I am your point person until this is closed. You can reach me directly on the phone number and email address below.
|
| Best regards,
| Sam Okafor
| Senior Account Manager
| sam@provider.example | +49 30 901820 44

$ redress draft plan --failure 1 --client "Northwind Logistics" --json
python json.loads(out)["text"] == read("plan-en.txt").decode()
json .check.findings == []
json .check.elements.missing == []
unchanged
