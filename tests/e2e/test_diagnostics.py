"""End-to-end: diagnostics as the editor receives them: pushed on open and
change with the document version, exact ranges, cleared when fixed, pulled
when the client prefers pull, and never for files outside a backend."""
import os
import shutil
import tempfile
import time

from lspclient import Server, check, frame, run, uri_of


def project():
    root = tempfile.mkdtemp(prefix="amplify-ls-diag-")
    os.makedirs(os.path.join(root, "amplify/data"))
    with open(os.path.join(root, "amplify/backend.ts"), "w") as f:
        f.write("import { defineBackend } from '@aws-amplify/backend';\n"
                "import { data } from './data/resource';\ndefineBackend({ data });\n")
    with open(os.path.join(root, "amplify/data/resource.ts"), "w") as f:
        f.write("export const data = 1;\n")
    return root


AUTH = ".authorization((allow) => [allow.owner()])"
GOOD = "import { a } from '@aws-amplify/backend';\nconst schema = a.schema({ Post: a.model({ title: a.string() })" + AUTH + " });\n"
BAD = "import { a } from '@aws-amplify/backend';\nconst schema = a.schema({ Post: a.model({ title: a.string() })" + AUTH + " ;\n"


def test_push_on_open_change_and_fix():
    root = project()
    try:
        with Server() as s:
            s.initialize(root=root)
            uri = uri_of(os.path.join(root, "amplify/data/resource.ts"))
            s.open(uri, BAD, version=3)
            diags = s.diagnostics_for(uri, version=3)
            check(len(diags) == 1, "one syntax diagnostic: %s" % diags)
            d = diags[0]
            check(d["source"] == "amplify-ls" and d["severity"] == 1, "error from amplify-ls")
            check(d["code"] in ("syntax-error", "syntax-missing"), "stable code: %s" % d["code"])
            check(d["range"]["start"]["line"] == 1, "on line 2: %s" % d["range"])
            check("Syntax error" in d["message"], "says what is wrong: %s" % d["message"])
            # Fix it: the diagnostics are cleared for version 4.
            col = BAD.split("\n")[1].index(" ;")
            s.change(uri, 4, [{"range": {"start": {"line": 1, "character": col},
                                         "end": {"line": 1, "character": col + 2}}, "text": " });"}])
            check(s.diagnostics_for(uri, version=4) == [], "cleared after the fix")
            s.shutdown_and_exit(0)
    finally:
        shutil.rmtree(root)


def test_exact_range_of_missing_token_with_emoji_before_it():
    root = project()
    try:
        with Server() as s:
            s.initialize(root=root, encodings=["utf-16"])
            uri = uri_of(os.path.join(root, "amplify/data/resource.ts"))
            text = "const s = '😀😀'; const t = (1 + 2;\n"
            s.open(uri, text)
            diags = s.diagnostics_for(uri, version=1)
            check(len(diags) == 1 and diags[0]["code"] == "syntax-missing", "missing ')': %s" % diags)
            r = diags[0]["range"]
            # "(1 + 2" ends at UTF-16 column 34: each emoji counts as two units.
            check(r["start"] == {"line": 0, "character": 34} and r["end"] == r["start"], "range %s" % r)
            check("`)`" in diags[0]["message"], "names the missing token: %s" % diags[0]["message"])
            s.shutdown_and_exit(0)
    finally:
        shutil.rmtree(root)


def test_no_diagnostics_outside_backends():
    with Server() as s:
        s.initialize()
        uri = "file:///tmp/amplify-ls-nowhere/src/app.ts"
        s.open(uri, "const broken = (;\n")
        # A request round-trip after the open proves the server had its chance.
        s.request("textDocument/diagnostic", {"textDocument": {"uri": uri}})
        check(not any(n["method"] == "textDocument/publishDiagnostics" for n in s.notifications),
              "no diagnostics for a file that is not part of an Amplify backend")
        s.shutdown_and_exit(0)


def test_pull_diagnostics_when_supported():
    root = project()
    try:
        with Server() as s:
            caps = {"textDocument": {"diagnostic": {"dynamicRegistration": False}}}
            result = s.initialize(root=root, capabilities=caps)
            check("diagnosticProvider" in result["capabilities"], "pull diagnostics advertised")
            uri = uri_of(os.path.join(root, "amplify/data/resource.ts"))
            s.open(uri, BAD)
            report = s.request("textDocument/diagnostic", {"textDocument": {"uri": uri}})
            check(report["kind"] == "full" and len(report["items"]) == 1, "pulled: %s" % report)
            ws = s.request("workspace/diagnostic", {"previousResultIds": []})
            uris = {r["uri"] for r in ws["items"]}
            check(uri in uris and uri_of(os.path.join(root, "amplify/backend.ts")) in uris, "workspace report")
            check(not any(n["method"] == "textDocument/publishDiagnostics" for n in s.notifications),
                  "nothing pushed in pull mode")
            s.shutdown_and_exit(0)
    finally:
        shutil.rmtree(root)


def test_huge_document_is_kept_but_not_parsed():
    root = project()
    try:
        with Server() as s:
            s.initialize(root=root)
            uri = uri_of(os.path.join(root, "amplify/data/resource.ts"))
            text = "// " + "x" * (10 * 1024 * 1024) + "\n"
            s.open(uri, text)
            diags = s.diagnostics_for(uri, version=1, timeout=120)
            check(len(diags) == 1 and diags[0]["code"] == "file-too-large", "notice: %s" % diags)
            s.change(uri, 2, [{"range": {"start": {"line": 0, "character": 0},
                                         "end": {"line": 0, "character": 2}}, "text": "/*"}])
            doc = s.debug_document(uri)
            check(doc["text"][:3] == "/* " and len(doc["text"]) == len(text), "edits still apply")
            s.shutdown_and_exit(0)
    finally:
        shutil.rmtree(root)


def function_project():
    """A backend with one function named say-hello and its handler on disk."""
    root = tempfile.mkdtemp(prefix="amplify-ls-diag-fn-")
    os.makedirs(os.path.join(root, "amplify/functions/say-hello"))
    files = {
        "amplify/backend.ts": "import { defineBackend } from '@aws-amplify/backend';\n"
                              "import { sayHello } from './functions/say-hello/resource';\n"
                              "defineBackend({ sayHello });\n",
        "amplify/functions/say-hello/resource.ts":
            "import { defineFunction } from '@aws-amplify/backend';\n"
            "export const sayHello = defineFunction({ name: 'say-hello' });\n",
        "amplify/functions/say-hello/handler.ts":
            "import { env } from '$amplify/env/say-hello';\nexport const handler = async () => env;\n",
    }
    for name, text in files.items():
        with open(os.path.join(root, name), "w") as f:
            f.write(text)
    return root


def test_handler_env_module_name():
    root = function_project()
    try:
        with Server() as s:
            s.initialize(root=root)
            uri = uri_of(os.path.join(root, "amplify/functions/say-hello/handler.ts"))
            resource = uri_of(os.path.join(root, "amplify/functions/say-hello/resource.ts"))
            s.open(uri, "import { env } from '$amplify/env/sayHello';\nexport const handler = async () => env;\n",
                   version=1)
            diags = s.diagnostics_for(uri, version=1)
            check(len(diags) == 1 and diags[0]["code"] == "function-env-unknown", "one finding: %s" % diags)
            d = diags[0]
            check(d["severity"] == 1, "an error")
            check(d["range"] == {"start": {"line": 0, "character": 21}, "end": {"line": 0, "character": 42}},
                  "the specifier inside the quotes: %s" % d["range"])
            check("'say-hello'" in d["message"] and "ampx sandbox" in d["message"], "says why: %s" % d["message"])
            rel = d.get("relatedInformation", [])
            check(len(rel) == 1 and rel[0]["location"]["uri"] == resource, "points at the function: %s" % rel)
            # Fix the name: the finding goes away for version 2.
            s.change(uri, 2, [{"range": {"start": {"line": 0, "character": 34},
                                         "end": {"line": 0, "character": 42}}, "text": "say-hello"}])
            check(s.diagnostics_for(uri, version=2) == [], "cleared after the fix")
            # Renaming the function in another file brings it back on the handler.
            s.open(resource, "import { defineFunction } from '@aws-amplify/backend';\n"
                             "export const sayHello = defineFunction({ name: 'say-hello' });\n", version=1)
            s.change(resource, 2, [{"range": {"start": {"line": 1, "character": 48},
                                              "end": {"line": 1, "character": 57}}, "text": "greeter"}])
            # Earlier flushes may republish the empty list first: wait for the finding.
            diags = s.wait_notification(
                "textDocument/publishDiagnostics",
                lambda p: p["uri"] == uri and p.get("version") == 2 and p["diagnostics"])["diagnostics"]
            check(len(diags) == 1 and "Did you mean '$amplify/env/greeter'?" in diags[0]["message"],
                  "the handler follows the rename: %s" % diags)
            s.shutdown_and_exit(0)
    finally:
        shutil.rmtree(root)


def test_request_on_a_handler_file_that_stops_being_one():
    """A request on a handler file read from disk, sent with the edit that
    makes the function point at another entry: the model rebuilt for the
    request drops the file while the request still reads it."""
    root = function_project()
    try:
        with Server() as s:
            s.initialize(root=root)
            handler = uri_of(os.path.join(root, "amplify/functions/say-hello/handler.ts"))
            resource = uri_of(os.path.join(root, "amplify/functions/say-hello/resource.ts"))
            text = ("import { defineFunction } from '@aws-amplify/backend';\n"
                    "export const sayHello = defineFunction({ name: 'say-hello' });\n")
            s.open(resource, text, version=1)
            s.diagnostics_for(resource, version=1)
            col = text.split("\n")[1].index(" });")
            change = {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
                "textDocument": {"uri": resource, "version": 2},
                "contentChanges": [{"range": {"start": {"line": 1, "character": col},
                                              "end": {"line": 1, "character": col}},
                                    "text": ", entry: './main.ts'"}]}}
            ask = {"jsonrpc": "2.0", "id": 900, "method": "textDocument/references",
                   "params": {"textDocument": {"uri": handler}, "position": {"line": 1, "character": 14},
                              "context": {"includeDeclaration": True}}}
            s.send_raw(frame(change) + frame(ask))
            r = s.response(900)
            check("error" not in r, "answered: %s" % r)
            # The server is still serving, and the old handler is no file of the backend.
            check(s.request("textDocument/references", ask["params"]) is None,
                  "no references in a file outside the backend")
            s.shutdown_and_exit(0)
    finally:
        shutil.rmtree(root)


def model_of(s, uri):
    return s.request("amplify-ls/debugDocument", {"textDocument": {"uri": uri}})["model"]


def test_idle_after_opening_readies_the_model_without_publishing():
    """While the editor is idle after opening, the server rebuilds the model
    from the same text until its schema entries are ready for keystrokes
    (the first keystrokes then cost what later ones do). Nothing is
    published meanwhile, and the next keystroke's diagnostics are right."""
    models = "".join("  M%d: a.model({ title: a.string(), n: a.integer() })%s,\n" % (i, AUTH)
                     for i in range(20))
    text = ("import { a, defineData } from '@aws-amplify/backend';\nconst schema = a.schema({\n"
            + models + "  Bad: a.model({ owner: a.belongsTo('Nope', 'x') })" + AUTH + ",\n});\n"
            "export const data = defineData({ schema });\n")
    root = project()
    try:
        with Server(debug=True) as s:
            s.initialize(root=root, options={"diagnosticsDebounceMs": 0})
            uri = uri_of(os.path.join(root, "amplify/data/resource.ts"))
            s.open(uri, text)
            first = s.diagnostics_for(uri, version=1)
            check(any(d["code"] == "data-unknown-type" for d in first), "found: %s" % first)
            check(model_of(s, uri)["warmth"] == 0, "built afresh on opening")
            # Warming waits for a quiet moment, which each message puts off.
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                time.sleep(0.6)
                if model_of(s, uri)["warmth"] == 2:
                    break
            m = model_of(s, uri)
            check(m["warmth"] == 2 and m["current"], "warmed while idle: %s" % m)
            check(not [n for n in s.notifications if n["method"] == "textDocument/publishDiagnostics"],
                  "nothing published while warming")
            # A keystroke goes through the notes of the warmed model, and its
            # findings are the same, moved with the text.
            s.change(uri, 2, [{"range": {"start": {"line": 0, "character": 0},
                                         "end": {"line": 0, "character": 0}}, "text": "\n"}])
            after = s.diagnostics_for(uri, version=2)
            check([(d["code"], d["range"]["start"]["line"] - 1) for d in after] ==
                  [(d["code"], d["range"]["start"]["line"]) for d in first], "moved: %s" % after)
            m = model_of(s, uri)
            check(m["notedPairs"] >= 20 and m["warmth"] == 2, "entries taken over: %s" % m)
            s.shutdown_and_exit(0)
    finally:
        shutil.rmtree(root)


if __name__ == "__main__":
    run([test_push_on_open_change_and_fix, test_exact_range_of_missing_token_with_emoji_before_it,
         test_no_diagnostics_outside_backends, test_pull_diagnostics_when_supported,
         test_huge_document_is_kept_but_not_parsed, test_handler_env_module_name,
         test_request_on_a_handler_file_that_stops_being_one,
         test_idle_after_opening_readies_the_model_without_publishing])
