# `goodwill suggest` sizes goodwill from the policy and explains it line by
# line; it records nothing.
$ redress client add "Acme Retail" --value 120000 --tz UTC
$ redress client add "Globex Health" --tier key --value 120000 --sla-credit 20 --tz UTC
$ redress failure open "Outage" --severity 2 --started 2026-11-20T09:00:00Z --detected 2026-11-20T09:00:00Z --client "Acme Retail" --client "Globex Health"
$ redress failure resolve 1 --at 2026-11-20T13:00:00Z
# 5% of a month (EUR 10,000) for severity 2, plus 4 h x 0.5%
$ redress goodwill suggest --failure 1 --client "Acme Retail" --json
json .kind == "credit"
json .amount == "700.00"
json .currency == "EUR"
unchanged
$ redress goodwill suggest --failure 1 --client "Acme Retail"
stdout-has suggested: credit EUR 700.00
stdout-has severity 2 → base 5% of monthly value = EUR 500.00
stdout-has outage 4 h
unchanged
# key x1.5 gives EUR 950, but the contractual 20% SLA credit is the floor
$ redress goodwill suggest --failure 1 --client "Globex Health" --json
json .amount == "2000.00"
python any("SLA credit" in line for line in json.loads(out)["explanation"])
unchanged
$ redress goodwill suggest --failure 1 --client "Nobody"
exit 2
$ redress goodwill suggest --failure 9 --client "Acme Retail"
exit 2
