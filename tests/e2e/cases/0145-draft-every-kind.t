# `draft KIND` fills the kind's template from the demo data and checks it:
# the message, then a score line. Drafting never sends (nothing is written).
# A kind that would claim what is not so is refused: a resolution,
# follow-up, survey or review before the fix, a progress update or delay
# after it.
%demo
$ redress draft apology --failure 1 --client "Northwind Logistics"
stdout-has Dear Lena Vogel,
stdout-has Sam Okafor
python re.search(r"^draft: score \d+/100 \(", out, re.M) is not None
unchanged
$ redress draft rca_update --failure 1 --client "Northwind Logistics"
stdout-has Dear Lena Vogel,
stdout-has Sam Okafor
python re.search(r"^draft: score \d+/100 \(", out, re.M) is not None
unchanged
$ redress draft plan --failure 1 --client "Northwind Logistics"
stdout-has Dear Lena Vogel,
stdout-has Sam Okafor
python re.search(r"^draft: score \d+/100 \(", out, re.M) is not None
unchanged
$ redress draft progress --failure 1 --client "Northwind Logistics"
stdout-has Dear Lena Vogel,
stdout-has Sam Okafor
python re.search(r"^draft: score \d+/100 \(", out, re.M) is not None
unchanged
$ redress draft delay --failure 1 --client "Northwind Logistics"
stdout-has Dear Lena Vogel,
stdout-has Sam Okafor
python re.search(r"^draft: score \d+/100 \(", out, re.M) is not None
unchanged
$ redress draft resolution --failure 1 --client "Northwind Logistics"
exit 2
stderr-has failure #1 is not resolved yet: a resolution draft is for after the fix
stdout-empty
unchanged
$ redress draft resolution --failure 2 --client "Initech Banking"
stdout-has Dear Fiona Grant,
stdout-has Sam Okafor
stdout-has draft: score 100/100 (0 errors, 0 warnings, 0 info)
unchanged
$ redress draft follow_up --failure 1 --client "Northwind Logistics"
exit 2
stderr-has failure #1 is not resolved yet: a follow_up draft is for after the fix
stdout-empty
unchanged
$ redress draft follow_up --failure 2 --client "Initech Banking"
stdout-has Dear Fiona Grant,
stdout-has Sam Okafor
stdout-has draft: score 100/100 (0 errors, 0 warnings, 0 info)
unchanged
$ redress draft survey --failure 1 --client "Northwind Logistics"
exit 2
stderr-has failure #1 is not resolved yet: a survey draft is for after the fix
stdout-empty
unchanged
$ redress draft survey --failure 2 --client "Initech Banking"
stdout-has Dear Fiona Grant,
stdout-has Sam Okafor
stdout-has draft: score 100/100 (0 errors, 0 warnings, 0 info)
unchanged
$ redress draft review --failure 1 --client "Northwind Logistics"
exit 2
stderr-has failure #1 is not resolved yet: a review draft is for after the fix
stdout-empty
unchanged
$ redress draft review --failure 2 --client "Initech Banking"
exit 2
stderr-has failure #2 has no client-facing root cause yet: record it first (redress rca set 2 --client-explanation TEXT)
unchanged
$ redress rca set 2 --client-explanation "Our export job ran on a server that was too small for the month-end volume, and we did not watch how late the exports were."
$ redress draft review --failure 2 --client "Initech Banking"
stdout-has Dear Fiona Grant,
stdout-has What went wrong: Our export job ran on a server that was too small
stdout-has draft: score 100/100 (0 errors, 0 warnings, 0 info)
unchanged
$ redress draft correction --failure 1 --client "Northwind Logistics"
stdout-has Dear Lena Vogel,
stdout-has Sam Okafor
python re.search(r"^draft: score \d+/100 \(", out, re.M) is not None
unchanged
$ redress draft other --failure 1 --client "Northwind Logistics"
stdout-has Dear Lena Vogel,
stdout-has Sam Okafor
python re.search(r"^draft: score \d+/100 \(", out, re.M) is not None
unchanged
$ redress draft plan --failure 1 --client "Northwind Logistics" --json
python json.loads(out)["text"].startswith("Dear Lena Vogel,")
python "During a planned database switch" in json.loads(out)["text"]
python 0 <= json.loads(out)["check"]["score"] <= 100
json .check.kind == "plan"
unchanged
$ redress draft progress --failure 2 --client "Initech Banking"
exit 2
stderr-has failure #2 is resolved: a progress draft is for a failure still being fixed
stdout-empty
unchanged
$ redress draft delay --failure 2 --client "Initech Banking"
exit 2
stderr-has failure #2 is resolved
unchanged
$ redress draft apology --failure 1 --client "Nobody"
exit 2
stderr-has Nobody
$ redress draft bogus --failure 1 --client "Northwind Logistics"
exit 2
