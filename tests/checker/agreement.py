#!/usr/bin/env python3
"""How far two careful labellers agree: the ceiling of any checker's score.

A set's first labels (its writer's) are compared with a second labelling of
the same messages, made independently by another reader from the text alone
(tests/checker/agreement/SET.second.txt, made from the set with its `@ `
lines removed). Labels are matched as eval.py matches a finding to a label:
the same rule and overlapping spans (a phrase's first occurrence, ASCII case
ignored), message-level rules and missing elements by presence. Per rule it
prints how many labels each reader gave and the
second reader's precision (of its labels, the share the first also gave)
and recall (of the first's labels, the share the second also gave), with
F1: what the checker's precision and recall would be on this set if it
labelled exactly as a second careful reader does.

A set passes when its second labelling parses and holds the same messages,
byte for byte, as the set: the suite checker-agreement fails when a set's
text was edited after its second labelling.

usage: agreement.py BUILD/redress [SET ...]   (default: every SET with a
                                               .second.txt; the binary only
                                               names the rules, `check --rules`)
"""
import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
AGREE = os.path.join(HERE, "agreement")

_spec = importlib.util.spec_from_file_location("checker_eval", os.path.join(HERE, "eval.py"))
ev = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(ev)


def first_labels(name):
    """The set as its writer labelled it: in blind/ or, after its round, corpus/."""
    for d in (ev.BLIND, ev.CORPUS):
        p = os.path.join(d, name + ".txt")
        if os.path.exists(p):
            return ev.parse(p)
    raise ev.CorpusError("no set %s in %s or %s" % (name, ev.BLIND, ev.CORPUS))


def compare(a, b, rules, elements, tally):
    """Adds one message's agreement to tally: rule -> [first, second, first's
    labels the second shares, second's labels the first shares]."""
    if a["text"] != b["text"] or a["kind"] != b["kind"] or a["late"] != b["late"]:
        raise ev.CorpusError("%s: message %s is not the same text in the set and in its second labelling"
                             % (b["where"], b["id"]))
    sa, wa = ev.expected(a, rules, elements)
    sb, wb = ev.expected(b, rules, elements)
    for mine, other, k in ((sa, sb, 0), (sb, sa, 1)):
        for rule, x, y, _ in mine:
            t = tally.setdefault(rule, [0, 0, 0, 0])
            t[k] += 1
            if any(r == rule and x < y2 and x2 < y for r, x2, y2, _ in other):
                t[2 + k] += 1
    for rule in wa | wb:
        t = tally.setdefault(rule, [0, 0, 0, 0])
        both = rule in wa and rule in wb
        t[0] += rule in wa
        t[1] += rule in wb
        t[2] += both
        t[3] += both


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[-3], file=sys.stderr)
        return 2
    r = ev.run([os.path.abspath(argv[1]), "check", "--rules"])
    if r.returncode != 0:
        print("agreement: check --rules failed: %s" % r.stderr.strip(), file=sys.stderr)
        return 2
    rules = [line.split()[0] for line in r.stdout.splitlines() if line.strip()]
    elements = {x[len("element."):] for x in rules if x.startswith("element.")} | {"repair"}
    names = argv[2:] or sorted(f[:-len(".second.txt")] for f in os.listdir(AGREE) if f.endswith(".second.txt"))
    tally = {}
    good, bad, messages = [], [], 0
    for name in names:
        # a set whose text was edited after its second labelling no
        # longer matches it: reported, and the suite fails
        try:
            first = first_labels(name)
            second = ev.parse(os.path.join(AGREE, name + ".second.txt"))
            if [m["id"] for m in first] != [m["id"] for m in second]:
                raise ev.CorpusError("%s: the two labellings hold different messages" % name)
            one = {}
            for a, b in zip(first, second):
                compare(a, b, rules, elements, one)
        except (ev.CorpusError, OSError) as e:
            print("FAIL %s: %s" % (name, e))
            bad.append(name)
            continue
        for rule, t in one.items():
            tally[rule] = [x + y for x, y in zip(tally.get(rule, [0, 0, 0, 0]), t)]
        good.append(name)
        messages += len(first)
    print("%s: %d messages, first labels (the writer's) against a second reader's" %
          (", ".join(good) or "no set", messages))
    print("  %-24s %6s %6s   %5s %6s %5s" % ("rule", "first", "second", "prec", "recall", "F1"))
    total = [0, 0, 0, 0]
    for rule in [x for x in rules if x in tally] + sorted(set(tally) - set(rules)):
        t = tally[rule]
        for i, v in enumerate(t):
            total[i] += v
        print("  %-24s %6d %6d   %s" % (rule, t[0], t[1], scores(*t)))
    print("  %-24s %6d %6d   %s" % ("(all rules)", total[0], total[1], scores(*total)))
    print("agreement: %d passed, %d failed" % (len(good), len(bad)))
    return 1 if bad or not good else 0


def scores(f, s, f_shared, s_shared):
    """The second reader's precision and recall against the first, and F1."""
    p = s_shared / s if s else None
    r = f_shared / f if f else None
    f1 = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
    return "%5s %6s %5s" % tuple("-" if v is None else "%.2f" % v for v in (p, r, f1))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
