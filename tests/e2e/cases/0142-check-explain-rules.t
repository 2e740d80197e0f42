# --rules lists every rule id of the SPEC with its severity; --explain RULE
# explains one.
$ redress check --rules
stdout-has apology.conditional
stdout-has apology.non-apology
stdout-has apology.missing
stdout-has apology.generic
stdout-has ownership.passive
stdout-has ownership.blame-shift
stdout-has tone.minimizing
stdout-has tone.hedging
stdout-has tone.jargon
stdout-has tone.corporate
stdout-has promise.overreach
stdout-has element.impact
stdout-has element.ownership
stdout-has element.cause
stdout-has element.action
stdout-has element.prevention
stdout-has element.timeline
stdout-has element.next-update
stdout-has element.contact
stdout-has element.repair
stdout-has element.delay-reason
stdout-has element.late-ack
stdout-has fact.contradiction
stdout-has template.unfilled
python re.search(r"^apology\.conditional\s+error\b", out, re.M) is not None
python re.search(r"^tone\.hedging\s+warning\b", out, re.M) is not None
python len([l for l in out.splitlines() if l.strip()]) == 24
$ redress check --explain apology.conditional
stdout-has If you need anything, call me.
$ redress check --explain fact.contradiction
stdout-has correction
