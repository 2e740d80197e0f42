#!/usr/bin/env python3
"""Generates a deterministic corpus of realistic client messages for the
checker benchmark: every communication kind, good and bad messages mixed,
with names, dates, times, durations and amounts, as plain text and some
Markdown. Messages are separated by a line holding only `---`, the format
rd_check_stream reads. With --mbox, the same messages as an mbox archive
for `redress check --archive mbox`: headers (Subject, Message-ID,
X-Redress-Kind on most), mostly plain UTF-8 8bit, and some MIME:
quoted-printable (UTF-8 or Latin-1), base64, multipart/alternative with an
HTML part; body lines starting "From " are quoted ">From " (mboxrd).

usage: gen_corpus.py [--mbox] OUT [MEGABYTES]   (default 50; same bytes every run)
"""
import base64
import quopri
import random
import sys

CLIENTS = ["Acme Logistics", "Globex", "Initech", "Umbrella Retail", "Hooli Health",
           "Stark Freight", "Wayne Pharma", "Tyrell Foods", "Cyberdyne Parts", "Soylent Bakery"]
PEOPLE = ["Maria Schmidt", "Jonas Weber", "Aisha Khan", "Tom O'Brien", "Lucía Fernández",
          "Chen Wei", "Sophie Martin", "Anders Nilsson", "Priya Natarajan", "Jörg Müller"]
SYSTEMS = ["label printing", "invoice export", "order sync", "payment run", "inventory feed",
           "customer portal", "shipment tracking", "payroll import", "reporting dashboard"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["November", "December", "January"]

GOOD = {
    "open": [
        "I am sorry. Our {sys} failed on {day} morning, and it was our mistake.",
        "I apologise for the failure of our {sys} on {day}; this was our error.",
        "We are sorry: a change we made on {day} stopped your {sys} for {n} hours.",
    ],
    "impact": [
        "Your team could not process {k} orders for {n} hours, and you had to call {k2} customers by hand.",
        "I know this cost you a day of shipments and roughly EUR {amt} in express fees.",
        "Your warehouse was unable to print labels until {time}, which delayed {k} deliveries.",
    ],
    "cause": [
        "It happened because a configuration change we made pointed the {sys} at a queue that no longer existed.",
        "The root cause was a database setting we changed during maintenance without a second review.",
        "What went wrong: our monitoring checked that the {sys} was running, not that it produced results.",
    ],
    "action": [
        "Our engineers have restored the {sys} and we are reprocessing every affected record.",
        "We are re-running the {sys} for all {k} orders and checking each one by hand.",
        "Our team is rebuilding the missing data from yesterday's backup.",
    ],
    "prevention": [
        "To prevent this from happening again, every change to the {sys} now needs a second reviewer.",
        "We have added an alert that fires within five minutes if the {sys} stops producing output.",
    ],
    "timeline": [
        "We expect the fix to be complete by {day} {date} at {time}.",
        "The repair will be finished within {n} hours.",
        "We plan to have everything restored by {day} {time}.",
    ],
    "next": [
        "I will send you the next update by {day} at {time}.",
        "I will call you tomorrow at {time} with the next update.",
        "You will get an update from me every day at {time} until this is closed.",
    ],
    "repair": [
        "To make this right, we will credit EUR {amt} to your next invoice.",
        "We will refund the {k} duplicate charges, €{amt} in total, by {day}.",
    ],
    "delay": [
        "The fix is taking longer than we told you, because the backup of {day} was incomplete.",
        "We need more time to verify every record before we switch back.",
    ],
    "contact": [
        "I am your point person until this is closed: call me on +49 30 {ph} or write to {email}.",
        "You can reach me directly at {email}.",
    ],
}

BAD = [
    "We apologize if you were affected by the recent issue.",
    "We are sorry you feel that way about our service.",
    "We apologize for any inconvenience this may have caused.",
    "Mistakes were made during the maintenance window.",
    "Your records were deleted during the migration.",
    "This was caused by our vendor and was beyond our control.",
    "It was just a small hiccup and only affected a few records.",
    "There was a brief outage of the {sys} on {day}.",
    "We believe the problem might possibly be related to the upgrade.",
    "Our RCA shows the MTTR was within SLA and the failover to the DR cluster worked.",
    "Please be advised that at this point in time the {sys} is operational.",
    "We value your business and take this very seriously.",
    "Rest assured, this will never happen again; we guarantee 100% uptime.",
    "Dear [CLIENT NAME], your ETA is {{plan.eta_local}}.",
    "Our provider's outage took the {sys} down, as stated in ticket XXX.",
]

NEUTRAL = [
    "Thank you for taking my call on {day}.",
    "I just wanted to confirm what we discussed.",
    "Only the EU region is still affected, and we are working on it.",
    "The only thing that matters to us now is getting your data right.",
    "If you need anything else, call me.",
    "As agreed, here is the summary of the {sys} review.",
    "The {k} orders from {date} {month} are now in the system.",
    "Please find the list of affected orders attached.",
]

KINDS = ["apology", "rca_update", "plan", "progress", "delay", "resolution", "follow_up",
         "survey", "review", "correction", "other"]

SECTIONS = {
    "apology": ["open", "impact", "action", "next", "contact"],
    "rca_update": ["open", "cause", "prevention", "action", "next", "contact"],
    "plan": ["cause", "action", "timeline", "prevention", "repair", "next", "contact"],
    "progress": ["action", "timeline", "next", "contact"],
    "delay": ["delay", "timeline", "next", "contact"],
    "resolution": ["action", "repair", "contact"],
    "follow_up": ["action", "contact"],
    "survey": ["contact"],
    "review": ["cause", "prevention", "action", "contact"],
    "correction": ["open", "timeline", "contact"],
    "other": ["contact"],
}


def fill(rng, s):
    person = rng.choice(PEOPLE)
    return (s.replace("{sys}", rng.choice(SYSTEMS))
             .replace("{day}", rng.choice(DAYS))
             .replace("{date}", str(rng.randint(1, 28)))
             .replace("{month}", rng.choice(MONTHS))
             .replace("{time}", "%02d:%02d" % (rng.randint(8, 18), rng.choice([0, 15, 30, 45])))
             .replace("{n}", str(rng.randint(2, 48)))
             .replace("{k}", str(rng.randint(3, 900)))
             .replace("{k2}", str(rng.randint(3, 90)))
             .replace("{amt}", "{:,}".format(rng.randint(1, 90) * 100))
             .replace("{ph}", "%d %d" % (rng.randint(1000, 9999), rng.randint(1000, 9999)))
             .replace("{email}", person.split()[0].lower().replace("ö", "o").replace("í", "i") + "@provider.example"))


def message(rng):
    return message_of(rng)[1]


def message_of(rng):
    """(kind, text) of one message."""
    kind = rng.choice(KINDS)
    client = rng.choice(CLIENTS)
    contact = rng.choice(PEOPLE)
    sender = rng.choice(PEOPLE)
    good = rng.random() < 0.5
    lines = ["Dear %s," % contact.split()[0], ""]
    paras = []
    for sec in SECTIONS[kind]:
        if not good and rng.random() < 0.3:
            continue  # a bad message forgets things
        para = [fill(rng, rng.choice(GOOD[sec]))]
        if rng.random() < 0.4:
            para.append(fill(rng, rng.choice(NEUTRAL)))
        if not good and rng.random() < 0.5:
            para.append(fill(rng, rng.choice(BAD)))
        paras.append(" ".join(para))
    if rng.random() < 0.15:
        paras.insert(1, "**What we are doing:**\n\n- " + fill(rng, rng.choice(GOOD["action"])) +
                     "\n- Check `" + rng.choice(SYSTEMS).replace(" ", "_") + "` logs for gaps")
    if rng.random() < 0.1:
        paras.append("> On %s, %s wrote:\n> When will this be fixed? We might lose the account." %
                     (rng.choice(DAYS), contact))
    lines.append("\n\n".join(paras))
    lines += ["", "Best regards,", sender, "%s, account team for %s" % (sender.split()[0], client)]
    return kind, "\n".join(lines) + "\n"


def qp(text, charset):
    return quopri.encodestring(text.encode(charset)).decode("ascii")


def b64(text):
    raw = base64.encodebytes(text.encode("utf-8")).decode("ascii")
    return raw


def mbox_message(rng, n):
    """One mbox entry (From_ line, headers, body) for message number n."""
    kind, text = message_of(rng)
    if rng.random() < 0.05:   # a body line an mbox must quote
        text = text.replace("\n\n", "\n\nFrom %s on, every change is checked twice.\n\n" %
                            rng.choice(DAYS), 1)
    subject = "%s: %s" % (kind.replace("_", " ").capitalize(), rng.choice(SYSTEMS))
    head = ["From account-team@provider.example Mon Nov %2d %02d:%02d:00 2026" %
            (rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59)),
            "From: Account team <account-team@provider.example>",
            "To: client-%d@client.example" % rng.randint(1, 500),
            "Date: Mon, 23 Nov 2026 10:00:00 +0100",
            "Message-ID: <%d.%d@provider.example>" % (n, rng.randint(1000, 9999)),
            "Subject: %s" % subject]
    if rng.random() < 0.9:
        head.append("X-Redress-Kind: %s" % kind)
    r = rng.random()
    if r < 0.10:      # quoted-printable, UTF-8 or Latin-9 (Latin-1 with the euro sign)
        cs = "iso-8859-15" if rng.random() < 0.5 else "utf-8"
        try:
            text.encode(cs)
        except UnicodeEncodeError:
            cs = "utf-8"
        head += ["MIME-Version: 1.0", "Content-Type: text/plain; charset=%s" % cs,
                 "Content-Transfer-Encoding: quoted-printable"]
        body = qp(text, cs)
    elif r < 0.15:    # base64
        head += ["MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8",
                 "Content-Transfer-Encoding: base64"]
        body = b64(text)
    elif r < 0.20:    # multipart/alternative: the text part is checked, not the HTML
        head += ["MIME-Version: 1.0", 'Content-Type: multipart/alternative; boundary="b%d"' % n]
        html = "<html><body><p>" + text.replace("\n\n", "</p><p>") + "</p></body></html>\n"
        body = ("--b%d\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: "
                "quoted-printable\n\n%s\n--b%d\nContent-Type: text/html; charset=utf-8\n"
                "Content-Transfer-Encoding: base64\n\n%s\n--b%d--\n" %
                (n, qp(text, "utf-8"), n, b64(html), n))
    else:             # plain UTF-8, the common case
        head += ["MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8",
                 "Content-Transfer-Encoding: 8bit"]
        body = text
    quoted = []
    for line in body.split("\n"):
        if line.lstrip(">").startswith("From "):
            line = ">" + line
        quoted.append(line)
    return "\n".join(head) + "\n\n" + "\n".join(quoted).rstrip("\n") + "\n\n"


def main():
    args = sys.argv[1:]
    mbox = bool(args) and args[0] == "--mbox"
    if mbox:
        args = args[1:]
    out = args[0]
    mb = float(args[1]) if len(args) > 1 else 50.0
    limit = int(mb * 1024 * 1024)
    rng = random.Random(20261123)
    size = 0
    n = 0
    with open(out, "w", encoding="utf-8") as f:
        while size < limit:
            if mbox:
                m = mbox_message(rng, n)
            else:
                m = message(rng)
            if n and not mbox:
                m = "---\n" + m
            f.write(m)
            size += len(m.encode("utf-8"))
            n += 1
    print("%s: %d messages, %.1f MB" % (out, n, size / 1048576.0))


if __name__ == "__main__":
    main()
