"""Runs one rule fixture through `amplify-ls check` and compares diagnostics.

A fixture is one .ts file holding one or more files of a backend, each
introduced by a header line `//- <path>` (the first section may omit it and
is then amplify/data/resource.ts). Without an amplify/backend.ts section, a
backend.ts importing `data` from ./data/resource is added.

A line made of `//`, spaces and carets marks an expected diagnostic on the
line above it (the nearest line that is not a marker):

    Post: a.model({ comments: a.hasMany('Coment', 'postId') }),
    //                                  ^^^^^^^^ data-unknown-type Did you mean

The carets cover the exact range; the code follows; an optional text after
the code must appear in the message. A fixture without markers must produce
no diagnostic at all. Usage: run_fixture.py BINARY FIXTURE
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

MARK = re.compile(r"^(\s*//\s*)(\^+)\s+([a-z0-9-]+)\s*(.*)$")
DEFAULT_BACKEND = ("import { defineBackend } from '@aws-amplify/backend';\n"
                   "import { data } from './data/resource';\n"
                   "defineBackend({ data });\n")


def parse(path):
    files, current, lines = {}, "amplify/data/resource.ts", []
    for line in open(path, encoding="utf-8").read().split("\n"):
        if line.startswith("//- "):
            if lines and any(l.strip() for l in lines):
                files[current] = lines
            current, lines = line[4:].strip(), []
        else:
            lines.append(line)
    files[current] = lines
    expected = []
    for name, body in files.items():
        target = None
        for i, line in enumerate(body):
            m = MARK.match(line)
            if m and target is not None:
                start = len(m.group(1))
                expected.append((name, target + 1, start + 1, start + 1 + len(m.group(2)),
                                 m.group(3), m.group(4).strip()))
            elif not m:
                target = i
    return {k: "\n".join(v) for k, v in files.items()}, expected


def main():
    binary, fixture = os.path.abspath(sys.argv[1]), sys.argv[2]
    files, expected = parse(fixture)
    files.setdefault("amplify/backend.ts", DEFAULT_BACKEND)
    root = tempfile.mkdtemp(prefix="amplify-ls-rule-")
    try:
        for name, text in files.items():
            path = os.path.join(root, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        out = subprocess.run([binary, "check", "--format", "json", "."], cwd=root,
                             capture_output=True, text=True, timeout=60)
        if out.returncode not in (0, 1):
            print("check failed (%d): %s" % (out.returncode, out.stderr))
            print("0 passed, 1 failed")
            return 1
        got = [(d["file"], d["line"], d["column"], d["endColumn"], d["code"], d["message"])
               for d in json.loads(out.stdout)["diagnostics"]]
    finally:
        shutil.rmtree(root)
    problems = []
    unmatched = list(got)
    for e in expected:
        hit = [g for g in unmatched if g[:5] == e[:5] and e[5] in g[5]]
        if hit:
            unmatched.remove(hit[0])
        else:
            problems.append("missing: %s:%d:%d-%d %s %r" % e)
    for g in unmatched:
        problems.append("unexpected: %s:%d:%d-%d %s: %s" % g)
    for p in problems:
        print(p)
    ok = not problems
    print("%d passed, %d failed" % (1 if ok else 0, 0 if ok else 1))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
