# `draft KIND` fills the kind's template from the demo data and checks it:
# the message, then a score line. Drafting never sends (nothing is written).
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
stdout-has Dear Lena Vogel,
stdout-has Sam Okafor
python re.search(r"^draft: score \d+/100 \(", out, re.M) is not None
unchanged
$ redress draft follow_up --failure 1 --client "Northwind Logistics"
stdout-has Dear Lena Vogel,
stdout-has Sam Okafor
python re.search(r"^draft: score \d+/100 \(", out, re.M) is not None
unchanged
$ redress draft survey --failure 1 --client "Northwind Logistics"
stdout-has Dear Lena Vogel,
stdout-has Sam Okafor
python re.search(r"^draft: score \d+/100 \(", out, re.M) is not None
unchanged
$ redress draft review --failure 1 --client "Northwind Logistics"
stdout-has Dear Lena Vogel,
stdout-has Sam Okafor
python re.search(r"^draft: score \d+/100 \(", out, re.M) is not None
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
$ redress draft apology --failure 1 --client "Nobody"
exit 2
stderr-has Nobody
$ redress draft bogus --failure 1 --client "Northwind Logistics"
exit 2
