"""End-to-end, the guard against tree-sitter 0.20.7's 16-bit child count
(server/core/include/amp_doc.h): a text that would give one node 65,536
children or more is not parsed, whether it is typed into an open buffer
edit by edit, opened whole, read from disk as an imported file, or checked
with `amplify-ls check`; the file gets one file-too-complex notice, the
server keeps serving with the editor's exact text, and the file is parsed
again once it is back under the limit."""
import json
import os
import subprocess

import lspclient
from hostile_util import backend_tree, rmtree, serving, write, BACKEND, RESOURCE
from lspclient import Server, check, position_of, run, uri_of

N = 70000


def codes(diags):
    return [d.get("code") for d in diags]


def test_typed_edit_by_edit():
    root = backend_tree()
    try:
        uri = uri_of(os.path.join(root, "amplify/data/resource.ts"))
        with Server(debug=True) as s:
            s.initialize(root=root)
            text = RESOURCE
            s.open(uri, text, 1)
            check("file-too-complex" not in codes(s.diagnostics_for(uri, 1)), "parsed at first")
            at = text.index("a.model(")
            version = 1
            # 70 edits of 1,000 "(" each, in the middle of the schema.
            for _ in range(N // 1000):
                version += 1
                pos = position_of(text, at)
                s.change(uri, version, [{"range": {"start": pos, "end": pos}, "text": "(" * 1000}])
                text = text[:at] + "(" * 1000 + text[at:]
            diags = s.diagnostics_for(uri, version)
            check(codes(diags) == ["file-too-complex"], "one notice, nothing else: %s" % diags)
            check(diags[0]["severity"] == 3, "a notice (information): %s" % diags[0])
            doc = s.debug_document(uri)
            check(doc["tree"] is None and doc["freshTree"] is None, "not parsed: %s" % doc["tree"])
            hover = s.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                      "position": position_of(text, at + 500)})
            check(hover is None or isinstance(hover, dict), "hover answers: %s" % hover)
            serving(s, uri, text)
            # Remove them in one edit: parsed again.
            version += 1
            start, end = position_of(text, at), position_of(text, at + N)
            s.change(uri, version, [{"range": {"start": start, "end": end}, "text": ""}])
            text = text[:at] + text[at + N:]
            check(text == RESOURCE, "the test's own text is back")
            check("file-too-complex" not in codes(s.diagnostics_for(uri, version)), "no notice any more")
            doc = s.debug_document(uri)
            check(doc["tree"] is not None and doc["tree"] == doc["freshTree"], "parsed again")
            serving(s, uri, text)
            s.shutdown_and_exit(0)
    finally:
        rmtree(root)


def dangerous_texts():
    return {
        "known bug": open(os.path.join(os.path.dirname(__file__), "..", "fuzz", "regressions", "analysis",
                                       "tree-sitter-65536-error-children.ts")).read(),
        "brackets": "export const x = " + "[" * N + "\n",
        "braces": "export const x = " + "{" * N + "\n",
        "template substitutions": "export const x = `" + "${" * N + "\n",
        "angle brackets": "export const x = " + "<" * N + "\n",
        "operators": "export const x = " + "!" * N + ")\n",
        "comments": "//\n" * N + RESOURCE,
        # No lexical sign of trouble: stopped by the error watch while parsing.
        "error soup": "class " + "else =>:; extends type" * 20000 + "\n",
    }


def test_opened_whole():
    root = backend_tree()
    try:
        uri = uri_of(os.path.join(root, "amplify/data/resource.ts"))
        with Server(debug=True) as s:
            s.initialize(root=root)
            s.open(uri, RESOURCE, 1)
            version = 1
            for name, text in dangerous_texts().items():
                version += 1
                s.change(uri, version, [{"text": text}])
                diags = s.diagnostics_for(uri, version)
                check("file-too-complex" in codes(diags), "%s: the notice: %s" % (name, diags))
                symbols = s.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
                check(isinstance(symbols, list), "%s: symbols answer" % name)
                serving(s, uri, text)
            s.shutdown_and_exit(0)
    finally:
        rmtree(root)


def test_from_disk_and_check():
    for name, text in dangerous_texts().items():
        root = backend_tree({"amplify/backend.ts": "import { bad } from './bad';\n" + BACKEND,
                             "amplify/bad.ts": text})
        try:
            bad = uri_of(os.path.join(root, "amplify/bad.ts"))
            res = uri_of(os.path.join(root, "amplify/data/resource.ts"))
            with Server(debug=True) as s:
                s.initialize(root=root)
                doc = s.debug_document(bad)
                check(doc["text"] == text and doc["tree"] is None, "%s: read from disk, not parsed" % name)
                check(s.debug_document(res)["inBackend"], "%s: the rest of the backend is analysed" % name)
                serving(s)
                s.shutdown_and_exit(0)
            p = subprocess.run([lspclient.BINARY, "check", "--format", "json", root], capture_output=True,
                               text=True, timeout=300)
            check(p.returncode == 0, "%s: check exits 0: %d %s" % (name, p.returncode, p.stderr[-2000:]))
            found = [d for d in json.loads(p.stdout)["diagnostics"] if d["code"] == "file-too-complex"]
            check(len(found) == 1 and found[0]["file"].endswith("bad.ts"), "%s: one notice: %s" % (name, found))
        finally:
            rmtree(root)


def test_large_valid_schema_is_analysed():
    """A 2,000-model schema in one file (tests/bench/generate.py) is parsed
    and checked clean."""
    import tempfile
    out = tempfile.mkdtemp(prefix="amplify-ls-guard-")
    try:
        gen = os.path.join(os.path.dirname(__file__), "..", "bench", "generate.py")
        subprocess.run(["python3", gen, out, "2000"], check=True, timeout=120)
        p = subprocess.run([lspclient.BINARY, "check", "--format", "json", out], capture_output=True,
                           text=True, timeout=600)
        check(p.returncode == 0, "check exits 0: %d %s" % (p.returncode, p.stderr[-2000:]))
        check(json.loads(p.stdout)["diagnostics"] == [], "no diagnostic: %s" % p.stdout[:2000])
    finally:
        rmtree(out)


if __name__ == "__main__":
    run([test_typed_edit_by_edit, test_opened_whole, test_from_disk_and_check,
         test_large_valid_schema_is_analysed])
