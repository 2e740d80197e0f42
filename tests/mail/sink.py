"""sink.py — an aiosmtpd handler for the mail tests and the bench: keeps
every message it receives as DIR/NNNNN.eml (the envelope recipients in an
X-Envelope-To header line first), refuses RCPT to bounce@… with 550, and
sleeps SLEEP seconds inside DATA when DIR/slow exists, after writing
DIR/data-started, so a test can kill the sender mid-send.

Run as: python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c sink.Sink DIR
(with this directory on PYTHONPATH)."""
import asyncio
import itertools
import os


class Sink:
    def __init__(self, directory):
        self.dir = directory
        os.makedirs(directory, exist_ok=True)
        self.n = itertools.count(len(os.listdir(directory)) + 1)

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 1:
            parser.error("sink.Sink needs one argument: the directory")
        return cls(args[0])

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower().startswith("bounce@"):
            return "550 5.1.1 no such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        slow = os.path.join(self.dir, "slow")
        if os.path.exists(slow):
            with open(os.path.join(self.dir, "data-started"), "w") as f:
                f.write("1")
            with open(slow) as f:
                await asyncio.sleep(float(f.read().strip() or "5"))
        path = os.path.join(self.dir, "%05d.eml" % next(self.n))
        with open(path + ".tmp", "wb") as f:
            f.write(b"X-Envelope-To: " + ", ".join(envelope.rcpt_tos).encode() + b"\r\n")
            f.write(envelope.original_content or envelope.content)
        os.rename(path + ".tmp", path)
        return "250 OK queued"
