# A late message says sorry once, for both things: the late apology folds
# "and for taking so long to write to you" into its first sentence, the late
# delay notice "this notice should have reached you sooner; I am sorry for
# both" (French likewise), where the greeting's own late line used to come
# first and make two apologies in a row. A correction gives what went wrong
# and the ETA as paragraphs of their own. Full texts from the demo data
# (REDRESS_NOW is pinned); each passes the checker, late-ack found.
%demo
%file apology-late.txt
| Dear Jules Martin,
|
| I am sorry for the Payments API outage, which began on Monday 16 November 2026, 07:40 CET, and for taking so long to write to you. It was our mistake.
|
| I do not yet know what it cost your team, and I would like to hear it from you directly.
|
| What we are doing now: our engineers are working on the fix, and we are checking every Acme Retail account for knock-on effects.
|
| I will send you the next update by Monday 23 November 2026, 13:00 CET, or sooner if anything changes.
|
| I am your point person until this is closed. You can reach me directly on the phone number and email address below.
|
| Best regards,
| Priya Raman
| Account Manager
| priya@provider.example | +1 212 555 0147

$ redress draft apology --failure 1 --client "Acme Retail" --json
python json.loads(out)["text"] == read("apology-late.txt").decode()
json .check.findings == []
python "late-ack" in [e["name"] for e in json.loads(out)["check"]["elements"]["found"]]
stdout-lacks later than it should have
unchanged
%file delay-late.txt
| Dear Jules Martin,
|
| The fix for the Payments API outage is taking longer than we told you, and this notice should have reached you sooner; I am sorry for both. We had told you we expected it by Tuesday 24 November 2026, 13:00 CET; we now expect it to be complete by Thursday 26 November 2026, 13:00 CET.
|
| The reason for the new date: the promotion-script fix needs a second maintenance window approved by the card network.
|
| Our engineers are working on the remaining steps every day until the fix is complete.
|
| I will send you the next update by Tuesday 24 November 2026, 19:00 CET.
|
| I am your point person until this is closed. You can reach me directly on the phone number and email address below.
|
| Best regards,
| Priya Raman
| Account Manager
| priya@provider.example | +1 212 555 0147

$ redress draft delay --failure 1 --client "Acme Retail" --at 2026-11-23T18:00:00Z --json
python json.loads(out)["text"] == read("delay-late.txt").decode()
json .check.findings == []
python "late-ack" in [e["name"] for e in json.loads(out)["check"]["elements"]["found"]]
unchanged
# on time, the delay notice says sorry for the delay alone
$ redress draft delay --failure 1 --client "Acme Retail"
stdout-has The fix for the Payments API outage is taking longer than we told you, and I am sorry for that.
stdout-lacks sooner
%file correction.txt
| Dear Lena Vogel,
|
| Correction: an earlier message from us about the Payments API outage was wrong, and that was our mistake. Here is the correct information.
|
| What went wrong: During a planned database switch our system connected the payments service to a copy of the database that could not accept new transactions. Our monitoring did not alert us for 50 minutes.
|
| We expect the fix to be complete by Thursday 26 November 2026, 13:00 CET.
|
| I am your point person until this is closed. You can reach me directly on the phone number and email address below.
|
| Best regards,
| Sam Okafor
| Senior Account Manager
| sam@provider.example | +49 30 901820 44

$ redress draft correction --failure 1 --client "Northwind Logistics" --json
python json.loads(out)["text"] == read("correction.txt").decode()
json .check.findings == []
unchanged
%file apology-late-fr.txt
| Bonjour Jules Martin,
|
| Je vous présente toutes nos excuses pour l'incident sur le service Payments API, survenu le lundi 16 novembre 2026 à 07:40 UTC+1, ainsi que pour le retard de ce message. L'erreur vient de nous.
|
| Je ne sais pas encore précisément ce que cet incident a coûté à votre équipe, et je souhaite l'entendre directement de vous.
|
| Ce que nous faisons dès maintenant : nos ingénieurs travaillent à la correction, et nous vérifions chaque compte Acme Retail pour détecter d'éventuelles répercussions.
|
| Je vous enverrai le prochain point d'ici le lundi 23 novembre 2026 à 13:00 UTC+1, ou plus tôt si la situation évolue.
|
| Je reste votre contact direct jusqu'à la clôture de l'incident. Vous pouvez me joindre directement au numéro de téléphone et à l'adresse e-mail ci-dessous.
|
| Bien cordialement,
| Priya Raman
| Account Manager
| priya@provider.example | +1 212 555 0147

$ redress draft apology --failure 1 --client "Acme Retail" --lang fr --json
python json.loads(out)["text"] == read("apology-late-fr.txt").decode()
json .check.findings == []
stdout-lacks Je vous prie de m'excuser pour le retard
unchanged
