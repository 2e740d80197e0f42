# Drafts read as a careful person would write them: the full text of three,
# from the demo data (REDRESS_NOW is pinned). An English apology to a key
# client (Northwind Logistics, with a recorded impact and cost), a German
# delay notice (the client's language set to de; a revised ETA with its
# reason written in German), a French resolution (--lang fr). Dates and
# amounts are written for the language; the signature is the point person's
# own name, title, e-mail and phone; the checker reports zero findings and,
# for de and fr, names the rules it skipped. The French draft's check-in is
# the next follow-up step, due on Saturday 21 November and so moved to
# Monday 23 November, a working day (policy working_days).
%demo
%file apology-en.txt
| Dear Lena Vogel,
|
| I am sorry for the Payments API outage, which began on Monday 16 November 2026, 07:40 CET. It was our mistake.
|
| I know what it meant for Northwind Logistics: about 2,300 parcel deliveries could not be charged at the door, at a cost to you of EUR 18,500.00.
|
| What we are doing now: our engineers are working on the fix, and we are checking every Northwind Logistics account for knock-on effects.
|
| I will send you the next update by Monday 23 November 2026, 08:00 CET, or sooner if anything changes.
|
| I am your point person until this is closed. You can reach me directly on the phone number and email address below.
|
| Best regards,
| Sam Okafor
| Senior Account Manager
| sam@provider.example | +49 30 901820 44

$ redress draft apology --failure 1 --client "Northwind Logistics" --json
python json.loads(out)["text"] == read("apology-en.txt").decode()
json .check.findings == []
json .check.elements.missing == []
json .check.skipped == []
unchanged
$ redress client update "Northwind Logistics" --lang de
$ redress eta set 1 2026-11-27T17:00:00Z --client "Northwind Logistics" --reason "Für die Korrektur des Umschaltskripts brauchen wir ein zweites Wartungsfenster, das der Kartenanbieter erst freigeben muss"
%file delay-de.txt
| Guten Tag Lena Vogel,
|
| die Behebung der Störung bei Payments API dauert länger, als wir Ihnen gesagt haben, und das tut mir leid. Wir hatten Ihnen den Abschluss bis Donnerstag, 26. November 2026, 13:00 MEZ in Aussicht gestellt; jetzt rechnen wir damit bis Freitag, 27. November 2026, 18:00 MEZ.
|
| Der Grund für den neuen Termin: Für die Korrektur des Umschaltskripts brauchen wir ein zweites Wartungsfenster, das der Kartenanbieter erst freigeben muss.
|
| Unser Technikteam arbeitet jeden Tag an den verbleibenden Schritten, bis die Behebung abgeschlossen ist.
|
| Die nächste Information erhalten Sie von mir bis Montag, 23. November 2026, 08:00 MEZ.
|
| Bis alles abgeschlossen ist, bin ich Ihre persönliche Ansprechperson. Sie erreichen mich direkt unter der Telefonnummer und der E-Mail-Adresse unten.
|
| Mit freundlichen Grüßen
| Sam Okafor
| Senior Account Manager
| sam@provider.example | +49 30 901820 44

$ redress draft delay --failure 1 --client "Northwind Logistics" --json
python json.loads(out)["text"] == read("delay-de.txt").decode()
json .check.findings == []
json .check.lang == "de"
python "element.delay-reason" in json.loads(out)["check"]["skipped"] and "template.unfilled" not in json.loads(out)["check"]["skipped"]
unchanged
$ redress draft delay --failure 1 --client "Northwind Logistics"
stdout-has draft: score 100/100 (0 errors, 0 warnings, 0 info)
stdout-has skipped for de: apology.conditional, apology.non-apology,
stdout-lacks template.unfilled
# --lang overrides the client's language
$ redress draft delay --failure 1 --client "Northwind Logistics" --lang en
stdout-has We had told you we expected it by Thursday 26 November 2026, 13:00 CET; we now expect it to be complete by Friday 27 November 2026, 18:00 CET.
stdout-has draft: score 100/100 (0 errors, 0 warnings, 0 info)
stdout-lacks skipped for
%file resolution-fr.txt
| Bonjour Fiona Grant,
|
| Nous avons résolu l'incident sur le service Reporting : nos ingénieurs ont rétabli le service complet pour Initech Banking le samedi 7 novembre 2026 à 12:00 UTC, et nous le surveillons de près. Cet incident relevait de notre responsabilité, et je regrette sincèrement ce qu'il a coûté à votre équipe.
|
| Je reprendrai contact avec vous le lundi 23 novembre 2026 à 12:00 UTC pour m'assurer que tout fonctionne comme prévu pour votre équipe.
|
| Vous pouvez me joindre directement au numéro de téléphone et à l'adresse e-mail ci-dessous.
|
| Bien cordialement,
| Sam Okafor
| Senior Account Manager
| sam@provider.example | +49 30 901820 44

$ redress draft resolution --failure 2 --client "Initech Banking" --lang fr --json
python json.loads(out)["text"] == read("resolution-fr.txt").decode()
json .check.findings == []
json .check.lang == "fr"
unchanged
