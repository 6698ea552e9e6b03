"""Differential test: amplify-ls against @aws-amplify/data-schema's own transform().

For every data fixture (each tests/rules/*/*.ts that has a data file, and each
backend of tests/projects/*), the pinned @aws-amplify/data-schema runs
schema.transform() on the data files (transform.mjs) and amplify-ls checks
the same files. The two must agree:

- the library rejects (transform throws, or the data files fail to bundle or
  load) -> amplify-ls reports at least one error in the data files (the
  entry amplify/data/resource.ts and every file it imports);
- the library accepts -> amplify-ls reports no error in the data files,
  except for the codes of allowlist.tsv: rules that go beyond the library
  (what transform() lets through but the deploy or the backend rejects),
  each with its reason.

Mismatches listed in known.tsv (already reported, to be fixed by the owner
of the fixture or rule) are printed but do not fail the test.

Fixtures pinned to the pre-1.0 preview (amplify-ls says backend-preview-version)
and files with no schema to transform (a GraphQL string schema, no
defineData) are skipped: the 1.x library says nothing about them.

Setup: npm installs @aws-amplify/data-schema 1.26.2 (+ data-schema-types
1.3.0) and esbuild 0.25.12 into CACHE (under the build tree), once. When the
registry cannot be reached the test exits 77 (ctest: skipped).

Usage: run_differential.py --binary AMPLIFY_LS --root REPO --cache DIR [--report FILE] [--verbose]
"""
import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile

PINS = {"@aws-amplify/data-schema": "1.26.2", "@aws-amplify/data-schema-types": "1.3.0",
        "esbuild": "0.25.12"}
SKIP = 77
NETWORK_HINTS = ("ENOTFOUND", "ETIMEDOUT", "EAI_AGAIN", "ECONNREFUSED", "ECONNRESET",
                 "ENETUNREACH", "network", "getaddrinfo")
HERE = os.path.dirname(os.path.abspath(__file__))


def installed(cache):
    """True when CACHE holds the pinned packages."""
    for name, version in PINS.items():
        path = os.path.join(cache, "node_modules", name, "package.json")
        try:
            if json.load(open(path)).get("version") != version:
                return False
        except (OSError, ValueError):
            return False
    return True


def ensure_packages(cache):
    """Installs the pinned packages into cache; exits 77 when npm cannot
    reach its registry."""
    if installed(cache):
        return
    npm = shutil.which("npm")
    if not npm or not shutil.which("node"):
        print("SKIP: node and npm are needed to run @aws-amplify/data-schema")
        sys.exit(SKIP)
    os.makedirs(cache, exist_ok=True)
    with open(os.path.join(cache, "package.json"), "w") as f:
        json.dump({"name": "amplify-ls-differential", "private": True, "type": "module",
                   "dependencies": PINS}, f, indent=2)
    try:
        probe = subprocess.run([npm, "view", "@aws-amplify/data-schema@1.26.2", "version"],
                               cwd=cache, capture_output=True, text=True, timeout=90)
    except subprocess.TimeoutExpired:
        probe = None
    if probe is None or probe.returncode != 0 or "1.26.2" not in probe.stdout:
        lines = [] if probe is None else probe.stderr.strip().splitlines()
        codes = [l for l in lines if " code " in l or "errno" in l]
        why = "timed out" if probe is None else (codes or lines or ["no answer"])[0]
        print("SKIP: the npm registry cannot be reached (%s); the differential test needs "
              "@aws-amplify/data-schema 1.26.2" % why)
        sys.exit(SKIP)
    out = subprocess.run([npm, "install", "--no-audit", "--no-fund", "--ignore-scripts",
                          "--loglevel=error"], cwd=cache, capture_output=True, text=True,
                         timeout=900)
    if out.returncode != 0 or not installed(cache):
        text = out.stdout + out.stderr
        if any(h in text for h in NETWORK_HINTS):
            print("SKIP: npm install could not reach the registry:\n" + text[-2000:])
            sys.exit(SKIP)
        print("npm install failed:\n" + text[-4000:])
        sys.exit(1)


def load_fixture_parser(root):
    spec = importlib.util.spec_from_file_location(
        "run_fixture", os.path.join(root, "tests", "rules", "run_fixture.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def load_known():
    """known.tsv: fixture<TAB>reason for mismatches already reported whose fix
    belongs to someone else (printed, not failing; an entry that no longer
    mismatches fails, so the list stays true)."""
    known = {}
    path = os.path.join(HERE, "known.tsv")
    for line in open(path, encoding="utf-8") if os.path.exists(path) else []:
        line = line.rstrip("\n")
        if line and not line.startswith("#"):
            name, reason = line.split("\t", 1)
            known[name] = reason
    return known


def load_allowlist():
    allow = {}
    for line in open(os.path.join(HERE, "allowlist.tsv"), encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        code, reason = line.split("\t", 1)
        allow[code] = reason
    return allow


class Case:
    """One backend: where its files are, its data entry, what each side said."""

    def __init__(self, name, root, check_dir, entry):
        self.name, self.root, self.check_dir, self.entry = name, root, check_dir, entry
        self.library = None
        self.errors = []  # amplify-ls errors: (abs file, line, col, code, message)
        self.preview = False


def rule_cases(root, tmp, parser):
    cases = []
    rules = os.path.join(root, "tests", "rules")
    for code in sorted(os.listdir(rules)):
        folder = os.path.join(rules, code)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".ts"):
                continue
            files, _ = parser.parse(os.path.join(folder, name))
            if "amplify/data/resource.ts" not in files:
                continue
            files.setdefault("amplify/backend.ts", parser.DEFAULT_BACKEND)
            base = os.path.join(tmp, "rules", code, name[:-3])
            for rel, text in files.items():
                path = os.path.join(base, rel)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
            cases.append(Case("tests/rules/%s/%s" % (code, name), base, base,
                              os.path.join(base, "amplify", "data", "resource.ts")))
    return cases


def project_cases(root):
    cases = []
    projects = os.path.join(root, "tests", "projects")
    for project in sorted(os.listdir(projects)):
        top = os.path.join(projects, project)
        for dirpath, dirnames, filenames in os.walk(top):
            dirnames[:] = [d for d in dirnames if d != "node_modules" and not d.startswith(".")]
            if os.path.basename(dirpath) == "amplify" and "backend.ts" in filenames:
                entry = os.path.join(dirpath, "data", "resource.ts")
                if os.path.exists(entry):
                    rel = os.path.relpath(os.path.dirname(dirpath), projects)
                    cases.append(Case("tests/projects/" + rel, os.path.dirname(dirpath), top, entry))
    return cases


def run_library(cases, cache):
    jobs = [{"id": str(i), "root": c.root, "entry": c.entry} for i, c in enumerate(cases)]
    path = os.path.join(cache, "jobs.json")
    with open(path, "w") as f:
        json.dump(jobs, f)
    out = subprocess.run(["node", os.path.join(HERE, "transform.mjs"), cache, path],
                         capture_output=True, text=True, timeout=900)
    if out.returncode != 0:
        print("transform.mjs failed:\n" + out.stderr[-4000:])
        sys.exit(1)
    for line in out.stdout.splitlines():
        r = json.loads(line)
        cases[int(r["id"])].library = r


def run_amplify_ls(cases, binary):
    done = {}
    for c in cases:
        if c.check_dir not in done:
            out = subprocess.run([binary, "check", "--format", "json", c.check_dir],
                                 capture_output=True, text=True, timeout=300)
            if out.returncode not in (0, 1):
                print("amplify-ls check %s failed (%d): %s" % (c.check_dir, out.returncode, out.stderr))
                sys.exit(1)
            done[c.check_dir] = json.loads(out.stdout)["diagnostics"]
        for d in done[c.check_dir]:
            path = os.path.realpath(os.path.join(c.check_dir, d["file"])
                                    if not os.path.isabs(d["file"]) else d["file"])
            if d["code"] == "backend-preview-version" and path.startswith(os.path.realpath(c.root)):
                c.preview = True
            if d["severity"] == "error":
                c.errors.append((path, d["line"], d["column"], d["code"], d["message"]))


def compare(cases, allow):
    """Returns (rows, mismatches): one row per case, mismatch texts."""
    rows, mismatches = [], []
    for c in cases:
        lib = c.library or {"status": "skipped", "message": "no result"}
        inputs = {os.path.realpath(p) for p in lib.get("inputs", [c.entry])}
        errors = [e for e in c.errors if e[0] in inputs]
        if c.preview:
            rows.append((c.name, "skipped", "pinned to the pre-1.0 preview"))
            continue
        if lib["status"] == "skipped":
            rows.append((c.name, "skipped", lib.get("message", "")))
            continue
        if lib["status"] == "rejected":
            verdict = "rejects (%s: %s)" % (lib["phase"], lib["message"].splitlines()[0][:140])
            if errors:
                rows.append((c.name, verdict, "ok: " + ", ".join(sorted({e[3] for e in errors}))))
            else:
                rows.append((c.name, verdict, "MISMATCH"))
                mismatches.append("%s: the library rejects it (%s: %s) but amplify-ls reports no "
                                  "error in its data files" % (c.name, lib["phase"], lib["message"]))
            continue
        beyond = [e for e in errors if e[3] in allow]
        wrong = [e for e in errors if e[3] not in allow]
        note = "ok" + (" (beyond the library: %s)" % ", ".join(sorted({e[3] for e in beyond}))
                       if beyond else "")
        rows.append((c.name, "accepts", "MISMATCH" if wrong else note))
        for e in wrong:
            mismatches.append("%s: the library accepts it but amplify-ls reports %s at %s:%d:%d: %s"
                              % (c.name, e[3], os.path.relpath(e[0], c.check_dir), e[1], e[2], e[4]))
    return rows, mismatches


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--root", required=True)
    ap.add_argument("--cache", required=True)
    ap.add_argument("--report")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    cache = os.path.abspath(args.cache)
    ensure_packages(cache)
    allow = load_allowlist()
    parser = load_fixture_parser(args.root)
    tmp = tempfile.mkdtemp(prefix="amplify-ls-differential-")
    try:
        cases = rule_cases(args.root, tmp, parser) + project_cases(args.root)
        run_library(cases, cache)
        run_amplify_ls(cases, os.path.abspath(args.binary))
        rows, mismatches = compare(cases, allow)
    finally:
        shutil.rmtree(tmp)
    width = max(len(r[0]) for r in rows) if rows else 10
    for name, library, verdict in rows:
        if args.verbose or "MISMATCH" in verdict:
            print("%-*s  %-60s  %s" % (width, name, library[:60], verdict))
    counts = {k: sum(1 for r in rows if r[1].startswith(k)) for k in ("accepts", "rejects", "skipped")}
    print("%d cases: library accepts %d, rejects %d, skipped %d; %d mismatch(es)"
          % (len(rows), counts["accepts"], counts["rejects"], counts["skipped"], len(mismatches)))
    known = load_known()
    failing = []
    for m in mismatches:
        name = m.split(":", 1)[0]
        if name in known:
            print("KNOWN    %s\n         (%s)" % (m, known[name]))
        else:
            print("MISMATCH " + m)
            failing.append(m)
    mismatched = {m.split(":", 1)[0] for m in mismatches}
    for name in sorted(set(known) - mismatched):
        print("STALE    known.tsv lists %s, which no longer mismatches: remove the entry" % name)
        failing.append(name)
    if args.report:
        with open(args.report, "w") as f:
            json.dump({"rows": rows, "mismatches": mismatches}, f, indent=2)
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
