"""End-to-end: `amplify-ls check`, as CI runs it: output formats, exit codes
and clear messages for bad paths."""
import json
import os
import shutil
import subprocess
import tempfile

from lspclient import BINARY, check, run

ROOT = os.environ.get("PROJECT_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))


def amplify_check(*args, cwd=None):
    return subprocess.run([BINARY, "check", *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def broken_project():
    root = tempfile.mkdtemp(prefix="amplify-ls-check-")
    os.makedirs(os.path.join(root, "amplify/data"))
    with open(os.path.join(root, "amplify/backend.ts"), "w") as f:
        f.write("import { defineBackend } from '@aws-amplify/backend';\n"
                "import { data } from './data/resource';\ndefineBackend({ data });\n")
    with open(os.path.join(root, "amplify/data/resource.ts"), "w") as f:
        f.write("// 😀 before the error\nexport const data = defineData({ schema: (1 + );\n")
    return root


def test_clean_example_exits_0():
    out = amplify_check(os.path.join(ROOT, "tests/projects/blog"))
    check(out.returncode == 0, "exit %d: %s %s" % (out.returncode, out.stdout, out.stderr))
    check("0 errors" in out.stdout, "summary: %r" % out.stdout)


def test_text_format_and_exit_1():
    root = broken_project()
    try:
        out = amplify_check(cwd=root)
        check(out.returncode == 1, "errors exit 1: %d %s" % (out.returncode, out.stderr))
        first = out.stdout.splitlines()[0]
        check(first.startswith("amplify/data/resource.ts:2:"), "relative path, 1-based line: %r" % first)
        check(": error: " in first and first.endswith("]"), "file:line:col: severity: message [code]: %r" % first)
    finally:
        shutil.rmtree(root)


def test_json_format():
    root = broken_project()
    try:
        out = amplify_check("--format", "json", root)
        doc = json.loads(out.stdout)
        check(doc["version"] == 1 and doc["summary"]["errors"] >= 1, "summary: %s" % doc["summary"])
        d = doc["diagnostics"][0]
        for key in ("file", "line", "column", "endLine", "endColumn", "severity", "code", "message"):
            check(key in d, "json diagnostic has %s" % key)
        check(d["line"] == 2 and d["severity"] == "error", "1-based line: %s" % d)
        check(out.returncode == 1, "exit 1")
    finally:
        shutil.rmtree(root)


def test_sarif_format():
    root = broken_project()
    try:
        out = amplify_check("--format", "sarif", root)
        doc = json.loads(out.stdout)
        check(doc["version"] == "2.1.0", "SARIF 2.1.0")
        run0 = doc["runs"][0]
        check(run0["tool"]["driver"]["name"] == "amplify-ls", "driver name")
        res = run0["results"][0]
        region = res["locations"][0]["physicalLocation"]["region"]
        check(res["level"] == "error" and region["startLine"] == 2, "result: %s" % res)
        ids = {r["id"] for r in run0["tool"]["driver"]["rules"]}
        check(res["ruleId"] in ids, "every result's rule is declared")
    finally:
        shutil.rmtree(root)


def test_github_format():
    root = broken_project()
    try:
        out = amplify_check("--format", "github", cwd=root)
        line = out.stdout.splitlines()[0]
        check(line.startswith("::error file=amplify/data/resource.ts,line=2,col="), "workflow command: %r" % line)
        check("::Syntax error" in line, "message after ::")
    finally:
        shutil.rmtree(root)


def test_usage_and_io_errors_exit_2():
    out = amplify_check("/definitely/not/here")
    check(out.returncode == 2 and "/definitely/not/here" in out.stderr, "missing path: %r" % out.stderr)
    empty = tempfile.mkdtemp()
    try:
        out = amplify_check(empty)
        check(out.returncode == 2 and "no Amplify backend" in out.stderr, "no backend: %r" % out.stderr)
    finally:
        shutil.rmtree(empty)
    out = amplify_check("--format", "xml")
    check(out.returncode == 2 and "unknown format" in out.stderr, "bad format")
    out = amplify_check("--max-warnings", "lots")
    check(out.returncode == 2, "bad --max-warnings")


def test_unreadable_file_exits_2():
    if os.geteuid() == 0:
        return  # root reads everything; nothing to test here
    root = broken_project()
    try:
        os.chmod(os.path.join(root, "amplify/data/resource.ts"), 0)
        out = amplify_check(root)
        check(out.returncode == 2 and "cannot read" in out.stderr, "unreadable: %r" % out.stderr)
    finally:
        shutil.rmtree(root)


def test_quiet_and_amplify_folder_as_path():
    root = broken_project()
    try:
        out = amplify_check("--quiet", os.path.join(root, "amplify"))
        check(out.returncode == 1 and "errors" not in out.stdout.splitlines()[-1], "quiet: no summary")
        check(all(": error: " in l for l in out.stdout.splitlines()), "quiet shows errors only")
    finally:
        shutil.rmtree(root)


if __name__ == "__main__":
    run([test_clean_example_exits_0, test_text_format_and_exit_1, test_json_format, test_sarif_format,
         test_github_format, test_usage_and_io_errors_exit_2, test_unreadable_file_exits_2,
         test_quiet_and_amplify_folder_as_path])
