"""Checks that every rule `amplify-ls explain --list` names has a doc page
and, under tests/rules/<code>/, a fixture that fails with that code and one
that passes (no markers). Usage: check_complete.py BINARY RULES_DIR"""
import os
import subprocess
import sys

binary, rules_dir = sys.argv[1], sys.argv[2]
out = subprocess.run([binary, "explain", "--list"], capture_output=True, text=True)
codes = [line.split()[0] for line in out.stdout.splitlines() if line.strip()]
problems = []
if out.returncode != 0 or not codes:
    problems.append("explain --list failed: %s" % out.stderr)
for code in codes:
    doc = subprocess.run([binary, "explain", code], capture_output=True, text=True)
    if doc.returncode != 0 or ("# " + code) not in doc.stdout:
        problems.append("%s: no doc page" % code)
    folder = os.path.join(rules_dir, code)
    fixtures = [os.path.join(folder, f) for f in os.listdir(folder)] if os.path.isdir(folder) else []
    texts = [open(f).read() for f in fixtures if f.endswith(".ts")]
    if not any((" " + code) in t and "^" in t for t in texts):
        problems.append("%s: no failing fixture" % code)
    if not any("^" not in t for t in texts):
        problems.append("%s: no passing fixture" % code)
for p in problems:
    print(p)
print("%d passed, %d failed" % (len(codes) - len({p.split(':')[0] for p in problems}), len({p.split(':')[0] for p in problems})))
sys.exit(1 if problems else 0)
