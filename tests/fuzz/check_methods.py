"""Checks that fuzz_session.c sends every request and notification the
server registers (the dispatch tables of server/lsp/session.c), so a method
added there is fuzzed too. Usage: check_methods.py PROJECT_ROOT"""
import os
import re
import sys

root = sys.argv[1]
session = open(os.path.join(root, "server/lsp/session.c"), encoding="utf-8").read()
fuzz = open(os.path.join(root, "tests/fuzz/fuzz_session.c"), encoding="utf-8").read()
registered = set()
for table in ("requests", "notifications"):
    m = re.search(r"\}\s*%s\[\]\s*=\s*\{(.*?)\n\};" % table, session, re.S)
    if not m:
        print("no %s[] table in server/lsp/session.c" % table)
        sys.exit(1)
    registered |= set(re.findall(r'\{"([^"]+)",', m.group(1)))
missing = sorted(m for m in registered if '"%s"' % m not in fuzz)
for m in missing:
    print("fuzz_session.c never sends %s" % m)
print("%d passed, %d failed" % (len(registered) - len(missing), len(missing)))
sys.exit(1 if missing else 0)
