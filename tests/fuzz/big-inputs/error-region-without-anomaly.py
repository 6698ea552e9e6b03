"""Regression: a long region of token soup that tree-sitter 0.20.7 recovers
from as one growing ERROR node, with no lexical sign of trouble (no
unterminated string or comment, no closing bracket that closes nothing) and
a `;` every few tokens, passes the parse guard's bound (5); without the
error watch (server/core/include/amp_doc.h) the ERROR gets 79,997 children
and the parse crashes. Writes the input (440 KB, too large to commit) and
replays it through every request. Usage: error-region-without-anomaly.py
FUZZ_REPLAY_ANALYSIS"""
import os
import subprocess
import sys
import tempfile

text = "class " + "else =>:; extends type" * 20000
with tempfile.TemporaryDirectory(prefix="amplify-ls-known-bug-") as d:
    path = os.path.join(d, "error-region-without-anomaly.ts")
    with open(path, "w") as f:
        f.write(text)
    sys.exit(subprocess.run([sys.argv[1], path]).returncode)
