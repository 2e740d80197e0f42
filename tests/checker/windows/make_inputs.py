#!/usr/bin/env python3
"""Writes the long messages of the windows suite (tests/checker/windows.py):
each is longer than several of the checker's windows (CK_WINDOW_BYTES,
32 KB), so the span rules run over it window by window. Deterministic (a
fixed seed). Run once to make the committed *.txt.gz; the goldens next to
them were made by the checker before it ran in windows (commit 5be5eb1).

usage: make_inputs.py DIR
"""
import gzip
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# bench/check/long_line.c's sentences: findings-heavy, one line
LONG_LINE = [
    "We apologize if you were affected by the recent issue.",
    "We are sorry you feel that way about our service.",
    "We apologize for any inconvenience this may have caused.",
    "Mistakes were made during the maintenance window.",
    "Your records were deleted during the migration.",
    "This was caused by our vendor and was beyond our control.",
    "It was just a small hiccup and only affected a few records.",
    "We believe the problem might possibly be related to the upgrade.",
    "Our RCA shows the MTTR was within SLA and the failover to the DR cluster worked.",
    "Please be advised that at this point in time the system is operational.",
    "Rest assured, this will never happen again; we guarantee 100% uptime.",
    "Dear [CLIENT NAME], your ETA is {{plan.eta_local}}.",
    "Our QQX and ZZV teams expect the fix by Friday 17:00, see `don't` TODO.",
]


def long_line(n):
    out, k = [], 0
    size = 0
    while size < n:
        s = LONG_LINE[k % len(LONG_LINE)]
        out.append(s)
        size += len(s) + 1
        k += 1
    return " ".join(out) + "\n"


def corpus_bodies():
    bodies = []
    for name in ("tune.txt", "holdout.txt", "holdout2.txt"):
        with open(os.path.join(HERE, "..", "corpus", name), encoding="utf-8") as f:
            cur = None
            for line in f:
                if line.startswith("=== "):
                    if cur:
                        bodies.append("".join(cur).strip("\n"))
                    cur = []
                elif cur is not None and not line.startswith("@ ") and not line.startswith("#"):
                    cur.append(line)
            if cur:
                bodies.append("".join(cur).strip("\n"))
    return bodies


def corpus_twice(rng):
    b = corpus_bodies()
    again = b[:]
    rng.shuffle(again)
    return "\n\n".join(b + again) + "\n"


# Things that carry across sentences and windows: acronyms used early and
# defined only at the end, blame on a vendor with ownership only at the end,
# no plain apology anywhere (apology.missing), quoted lines, code spans,
# Markdown lists, a sentence of ~40 KB with no punctuation, placeholders.
CROSS = [
    "This was caused by our vendor and was beyond our control.",
    "The outage was due to the hosting provider, and the data was lost.",
    "Our KQV team saw the PXR alerts, and the LBX pool was drained.",
    "It was only a minor glitch that affected a handful of orders.",
    "We might possibly have a fix, we think, by Friday 27 November at 17:00.",
    "Please note that your invoices were not sent on Monday.",
    "We regret to inform you that the export was delayed for 3 hours.",
    "Your team could not print labels for four hours on Tuesday.",
    "Dear <client name>, the amount of {amount} will follow, see %s and ???.",
    "The next update comes on Thursday 26 November at 10:00 CET.",
]


def crossing(rng):
    parts = []
    size = 0
    k = 0
    while size < 90000:
        r = rng.random()
        if r < 0.08:
            p = "> " + rng.choice(CROSS) + "\n"
        elif r < 0.16:
            p = "- " + rng.choice(CROSS) + "\n"
        elif r < 0.2:
            p = "Run `" + rng.choice(CROSS)[:30] + "` again.\n"
        elif r < 0.24:
            p = "\n## Update " + str(k) + "\n\n"
        else:
            p = " ".join(rng.choice(CROSS) for _ in range(rng.randint(1, 6))) + "\n"
            if rng.random() < 0.3:
                p += "\n"
        if k == 120:   # one sentence longer than a window
            words = re.findall(r"[A-Za-z]+", " ".join(CROSS))
            p = " ".join(rng.choice(words) for _ in range(7000)) + "\n\n"
        parts.append(p)
        size += len(p)
        k += 1
    parts.append("\nKQV (key queue validator), PXR (page exchange relay) and LBX (load balancer "
                 "extension) are ours, and it was our mistake: we deleted the records.\n")
    return "".join(parts)


# Elements found in different windows: an action phrase early and an
# action with us as subject late (the subject wins), a phone number early and
# a contact phrase late (the phrase wins), in ~100 KB of filler.
FILLER = [
    "The export ran late on Monday and the labels were printed twice.",
    "Orders from the portal reached the warehouse after the cut-off.",
    "Some invoices showed the wrong currency until the evening.",
]


def elements(rng):
    def filler(n):
        return " ".join(rng.choice(FILLER) for _ in range(n)) + "\n\n"
    return ("Immediate steps are listed below.\n\n" + filler(500) +
            "Call +49 30 1234 5678 if the labels are wrong.\n\n" + filler(600) +
            "We are rebuilding the index tonight.\n\n" + filler(400) +
            "I am your point of contact for this.\n")


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: make_inputs.py DIR\n")
        return 2
    rng = random.Random(20261202)
    texts = {
        "longline": long_line(100000),
        "corpus": corpus_twice(rng),
        "crossing": crossing(rng),
        "elements": elements(rng),
    }
    for name, text in texts.items():
        with gzip.GzipFile(os.path.join(argv[1], name + ".txt.gz"), "wb", mtime=0) as f:
            f.write(text.encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
