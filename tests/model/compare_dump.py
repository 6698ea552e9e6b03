"""Runs `amplify-ls dump-model` on a fixture project and compares the JSON
with the reviewed expectation in tests/model/expected/<project>.json.

    compare_dump.py BINARY PROJECT_DIR EXPECTED_JSON [--update]

A mismatch prints a unified diff of the two (indented, key order kept) and
exits 1. --update rewrites the expectation: review the diff before
committing it, because the expectation is what the model must understand.
"""
import difflib
import json
import subprocess
import sys


def main():
    binary, project, expected = sys.argv[1:4]
    out = subprocess.run([binary, "dump-model", project], capture_output=True, text=True, timeout=120)
    if out.returncode != 0:
        print("dump-model failed (%d): %s" % (out.returncode, out.stderr))
        print("0 passed, 1 failed")
        return 1
    got = json.loads(out.stdout)
    if "--update" in sys.argv:
        with open(expected, "w") as f:
            json.dump(got, f, indent=2)
            f.write("\n")
        print("updated", expected)
        return 0
    with open(expected) as f:
        want = json.load(f)
    if got == want:
        print("1 passed, 0 failed")
        return 0
    a = json.dumps(want, indent=2).splitlines()
    b = json.dumps(got, indent=2).splitlines()
    sys.stdout.writelines(l + "\n" for l in difflib.unified_diff(a, b, "expected", "dump-model", n=4))
    print("0 passed, 1 failed")
    return 1


if __name__ == "__main__":
    sys.exit(main())
