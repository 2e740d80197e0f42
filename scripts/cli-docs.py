#!/usr/bin/env python3
"""Writes docs/cli/<command>.md from the binary's own --help texts, or, with
--check, verifies that the pages in the tree match the binary (run by
`make test`, so the CLI docs cannot drift from the commands).

usage: scripts/cli-docs.py BINARY [--check]
"""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, '..', 'docs', 'cli')


def run(binary, args):
    p = subprocess.run([binary] + args, capture_output=True, text=True)
    return p.returncode, p.stdout


def commands(binary):
    _, out = run(binary, ['--help'])
    cmds = []
    in_list = False
    for line in out.splitlines():
        if line.startswith('commands:'):
            in_list = True
            continue
        if in_list:
            m = re.match(r'^  (\S+)\s+(.*)$', line)
            if not m:
                break
            cmds.append((m.group(1), m.group(2)))
    return cmds


def page(binary, name, summary):
    rc, top = run(binary, [name, '--help'])
    parts = ['# redress %s\n\n%s.\n\n' % (name, summary[0].upper() + summary[1:])]
    subs = []
    if top.startswith('usage: redress %s <command>' % name):
        for line in top.splitlines():
            m = re.match(r'^  (\S+)\s+(.*)$', line)
            if m:
                subs.append(m.group(1))
    if not subs:
        parts.append('```\n%s```\n' % top)
    for sub in subs:
        _, text = run(binary, [name, sub, '--help'])
        parts.append('## redress %s %s\n\n```\n%s```\n\n' % (name, sub, text))
    parts.append('\nExit status: 0 on success, 1 on a failed check or a failure that is not '
                 'the input\'s, 2 on bad usage or input (with a message on stderr naming '
                 'what is wrong; nothing is changed). Global options `--db PATH` and '
                 '`--as EMAIL` work with every command.\n')
    return ''.join(parts)


def main():
    binary = sys.argv[1]
    check = '--check' in sys.argv[2:]
    stale = []
    cmds = commands(binary)
    if not cmds:
        print('cli-docs: no commands found in `%s --help`' % binary)
        return 1
    for name, summary in cmds:
        text = page(binary, name, summary)
        path = os.path.join(DOCS, name + '.md')
        if check:
            try:
                with open(path) as f:
                    if f.read() != text:
                        stale.append(path)
            except FileNotFoundError:
                stale.append(path)
        else:
            os.makedirs(DOCS, exist_ok=True)
            with open(path, 'w') as f:
                f.write(text)
    if check:
        for p in stale:
            print('cli-docs: %s is out of date (run scripts/cli-docs.py BINARY)' % os.path.relpath(p))
        print('cli-docs: %d passed, %d failed' % (len(cmds) - len(stale), len(stale)))
        return 1 if stale else 0
    return 0


if __name__ == '__main__':
    sys.exit(main())
