"""End-to-end: the protocol side of completion, completionItem/resolve and
signature help (the answers themselves are covered by the fixture cases in
tests/features/completion and tests/features/signature): capabilities,
resolve, malformed params, unknown documents, edits before a request, and
how long a completion takes on every fixture project (printed, not
asserted)."""
import os
import shutil
import statistics
import time

from lspclient import write_tree, Server, check, position_of, run, uri_of

PROJECT_ROOT = os.environ.get("PROJECT_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
PROJECTS = os.path.join(PROJECT_ROOT, "tests", "projects")

BACKEND = """import { defineBackend } from '@aws-amplify/backend';
import { data } from './data/resource';
defineBackend({ data });
"""
DATA = """import { a, defineData } from '@aws-amplify/backend';

const schema = a.schema({
  Post: a.model({
    title: a.string(),
    comments: a.hasMany('Comment', 'postId'),
  }),
  Comment: a.model({ postId: a.id(), post: a.belongsTo('Post', 'postId') }),
});
export const data = defineData({ schema });
"""


def make_backend():
    return write_tree("amplify-ls-compl-", {"amplify/backend.ts": BACKEND, "amplify/data/resource.ts": DATA,
                              "src/app.ts": "const x = { a: 1 };\nx.\n"})


def at(text, needle, delta=0, encoding="utf-16"):
    return position_of(text, text.index(needle) + delta, encoding)


def params(uri, pos):
    return {"textDocument": {"uri": uri}, "position": pos}


def test_capabilities():
    with Server() as s:
        caps = s.initialize()["capabilities"]
        cp = caps.get("completionProvider")
        check(cp is not None, "completionProvider is advertised")
        check(sorted(cp["triggerCharacters"]) == sorted([".", "'", '"', "(", "[", "{", ","]),
              "trigger characters: %s" % cp["triggerCharacters"])
        check(cp.get("resolveProvider") is True, "resolveProvider")
        sh = caps.get("signatureHelpProvider")
        check(sh is not None and "(" in sh["triggerCharacters"] and "," in sh["triggerCharacters"],
              "signatureHelpProvider triggers: %s" % sh)
        check(caps.get("hoverProvider") is True, "hoverProvider")
        s.shutdown_and_exit()


def test_completion_and_resolve():
    root = make_backend()
    try:
        with Server() as s:
            s.initialize(root=root)
            path = os.path.join(root, "amplify/data/resource.ts")
            uri = uri_of(path)
            s.open(uri, DATA)
            result = s.request("textDocument/completion", params(uri, at(DATA, "a.string", 2)))
            check(result and not result["isIncomplete"], "a completion list: %s" % result)
            items = {i["label"]: i for i in result["items"]}
            check("model" in items and "string" in items, "builders after a.: %s" % sorted(items))
            model = items["model"]
            check(model.get("data", {}).get("catalog") == "a.model", "data names the entry: %s" % model.get("data"))
            resolved = s.request("completionItem/resolve", model)
            doc = resolved.get("documentation", {})
            check(doc.get("kind") == "markdown", "resolve gives markdown: %s" % doc)
            check("model<T extends ModelFields>" in doc.get("value", "") and "docs.amplify.aws" in doc["value"],
                  "resolve gives the full docs: %s" % doc.get("value"))
            check(resolved["label"] == "model" and resolved["textEdit"] == model["textEdit"],
                  "resolve keeps the item")
            # An item without catalogue data comes back as it is.
            plain = {"label": "Comment", "kind": 7}
            check(s.request("completionItem/resolve", plain) == plain, "a plain item is unchanged")
            # Model names in a.hasMany(': the whole schema.
            pos = at(DATA, "'Comment', 'postId'", 1)
            models = s.request("textDocument/completion", params(uri, pos))["items"]
            check(sorted(i["label"] for i in models) == ["Comment", "Post"], "models: %s" % models)
            # Their descriptions (fields) come with resolve.
            comment = [i for i in models if i["label"] == "Comment"][0]
            check("documentation" not in comment, "no inline description of a model")
            doc = s.request("completionItem/resolve", comment).get("documentation", {}).get("value", "")
            check("**Comment** (model" in doc and "`postId`: id" in doc, "the model's fields: %s" % doc)
            s.shutdown_and_exit()
    finally:
        shutil.rmtree(root)


def test_typing_then_completing():
    """Incremental edits reach the engine before the request is answered."""
    root = make_backend()
    try:
        with Server() as s:
            s.initialize(root=root)
            uri = uri_of(os.path.join(root, "amplify/data/resource.ts"))
            s.open(uri, DATA)
            start = DATA.index("    title") + 4
            typed = "tags: a.string().array()."
            text = DATA
            version = 1
            for k, ch in enumerate(typed):
                version += 1
                pos = position_of(text, start + k)
                s.change(uri, version, [{"range": {"start": pos, "end": pos}, "text": ch}])
                text = text[:start + k] + ch + text[start + k:]
            pos = position_of(text, start + len(typed))
            labels = [i["label"] for i in s.request("textDocument/completion", params(uri, pos))["items"]]
            check("required" in labels and "array" not in labels and "validate" not in labels,
                  "members after .array(): %s" % labels)
            # A keystroke that breaks the text still gets an answer.
            version += 1
            s.change(uri, version, [{"range": {"start": pos, "end": pos}, "text": "(('"}])
            s.request("textDocument/completion", params(uri, pos))
            s.shutdown_and_exit()
    finally:
        shutil.rmtree(root)


def test_utf8_positions():
    root = make_backend()
    text = DATA.replace("title: a.string(),", "title: a.string().default('ünï😀'), kind: a.hasMany('C')")
    try:
        with Server() as s:
            s.initialize(root=root, encodings=("utf-8",))
            uri = uri_of(os.path.join(root, "amplify/data/resource.ts"))
            s.open(uri, text)
            pos = at(text, "'C')", 2, "utf-8")
            result = s.request("textDocument/completion", params(uri, pos))
            rng = result["items"][0]["textEdit"]["range"]
            check(rng["start"]["character"] == pos["character"] - 1 and rng["end"] == pos,
                  "the replaced 'C' in UTF-8 columns: %s at %s" % (rng, pos))
            s.shutdown_and_exit()
    finally:
        shutil.rmtree(root)


def test_item_defaults():
    """A client that takes itemDefaults.editRange gets the replaced range once
    for the list, and items that say only what differs from their label; a
    client that does not gets a textEdit in every item."""
    root = make_backend()
    text = DATA.replace("title: a.string(),", "title: a.string(), kind: a.hasMany('C')")
    caps = {"general": {"positionEncodings": ["utf-16"]},
            "textDocument": {"completion": {"completionList": {"itemDefaults": ["editRange", "data"]},
                                            "completionItem": {"snippetSupport": True}}}}
    try:
        with Server() as s:
            s.initialize(root=root, capabilities=caps)
            uri = uri_of(os.path.join(root, "amplify/data/resource.ts"))
            s.open(uri, text)
            pos = at(text, "'C')", 2)
            result = s.request("textDocument/completion", params(uri, pos))
            rng = result.get("itemDefaults", {}).get("editRange")
            check(rng and rng["start"]["character"] == pos["character"] - 1 and rng["end"] == pos,
                  "the list's editRange is the replaced 'C': %s" % result.get("itemDefaults"))
            labels = [i["label"] for i in result["items"]]
            check("Comment" in labels and all("textEdit" not in i for i in result["items"]),
                  "model names without per-item edits: %s" % result["items"])
            # Option keys are snippets: what they insert differs from the label.
            pos = at(text, "defineData({ schema }", len("defineData({ "))
            result = s.request("textDocument/completion", params(uri, pos))
            snippets = [i for i in result["items"] if i.get("insertTextFormat") == 2]
            check(snippets and all(i.get("textEditText") and i["textEditText"] != i["label"] for i in snippets),
                  "snippet items carry their text in textEditText: %s" % result["items"][:3])
            s.shutdown_and_exit()
        with Server() as s:
            s.initialize(root=root)
            s.open(uri, text)
            result = s.request("textDocument/completion", params(uri, at(text, "'C')", 2)))
            check("itemDefaults" not in result and all("textEdit" in i for i in result["items"]),
                  "without the capability every item has its textEdit: %s" % result)
            s.shutdown_and_exit()
    finally:
        shutil.rmtree(root)


def test_malformed_params():
    root = make_backend()
    try:
        with Server() as s:
            s.initialize(root=root)
            uri = uri_of(os.path.join(root, "amplify/data/resource.ts"))
            s.open(uri, DATA)
            for method in ("textDocument/completion", "textDocument/signatureHelp"):
                for bad in (None, [], {}, {"textDocument": {"uri": uri}},
                            {"textDocument": {"uri": uri}, "position": {"line": -1, "character": 0}},
                            {"textDocument": {"uri": uri}, "position": {"line": "0", "character": 0}},
                            {"textDocument": {}, "position": {"line": 0, "character": 0}}):
                    err = s.error_of(method, bad)
                    check(err["code"] == -32602, "%s %s: %s" % (method, bad, err))
            for bad in (None, [], {"kind": 1}, {"label": 3}):
                err = s.error_of("completionItem/resolve", bad)
                check(err["code"] == -32602, "resolve %s: %s" % (bad, err))
            # Positions past the end are clamped, not errors.
            far = {"line": 10_000, "character": 10_000}
            s.request("textDocument/completion", params(uri, far))
            s.request("textDocument/signatureHelp", params(uri, far))
            s.shutdown_and_exit()
    finally:
        shutil.rmtree(root)


def test_unknown_and_foreign_documents():
    root = make_backend()
    try:
        with Server() as s:
            s.initialize(root=root)
            pos = {"line": 0, "character": 0}
            for uri in ("file:///nowhere/amplify/data/resource.ts", "untitled:Untitled-1", "not a uri"):
                for method in ("textDocument/completion", "textDocument/signatureHelp"):
                    check(s.request(method, params(uri, pos)) is None, "%s on %s answers null" % (method, uri))
            app = os.path.join(root, "src/app.ts")
            text = "const x = { a: 1 };\nx.\n"
            s.open(uri_of(app), text)
            check(s.request("textDocument/completion", params(uri_of(app), at(text, "x.", 2))) is None,
                  "no items in a file outside the backend")
            s.shutdown_and_exit()
    finally:
        shutil.rmtree(root)


def test_signature_help():
    root = make_backend()
    try:
        with Server() as s:
            s.initialize(root=root)
            uri = uri_of(os.path.join(root, "amplify/data/resource.ts"))
            s.open(uri, DATA)
            result = s.request("textDocument/signatureHelp", params(uri, at(DATA, "'postId'),", 1)))
            sig = result["signatures"][result["activeSignature"]]
            check(sig["label"].startswith("hasMany("), "hasMany signature: %s" % sig["label"])
            check(result["activeParameter"] == 1, "the references argument: %s" % result)
            start, end = sig["parameters"][1]["label"]
            check(sig["label"][start:end] == "references", "parameter label offsets: %s" % sig["parameters"][1])
            check(sig["documentation"]["kind"] == "markdown", "markdown documentation")
            s.shutdown_and_exit()
    finally:
        shutil.rmtree(root)


def completion_points(text):
    """Offsets worth timing in a file: after `a.`, inside a relationship's
    model name and inside an allow. chain."""
    points = []
    for needle, delta in (("a.string(", 2), ("a.hasMany('", 11), ("a.belongsTo('", 13), ("allow.", 6),
                          ("defineData({", 12), ("defineAuth({", 12)):
        i = text.find(needle)
        if i >= 0:
            points.append((needle, i + delta))
    return points


def test_latency_on_fixture_projects():
    """Prints how long completions take on tests/projects/* (no assertion:
    machines differ; the figure is for people)."""
    rows = []
    for name in sorted(os.listdir(PROJECTS)):
        project = os.path.join(PROJECTS, name)
        if not os.path.isdir(project):
            continue
        files = []
        for dirpath, dirs, names in os.walk(project):
            dirs[:] = [d for d in dirs if d != "node_modules"]
            files += [os.path.join(dirpath, n) for n in names if n.endswith(".ts") and "/amplify/" in dirpath + "/"]
        with Server(debug=False) as s:
            s.initialize(root=project)
            timings = []
            for path in files:
                text = open(path, encoding="utf-8").read()
                points = completion_points(text)
                if not points:
                    continue
                uri = uri_of(path)
                s.open(uri, text)
                for _, offset in points:
                    p = params(uri, position_of(text, offset))
                    for _ in range(5):
                        t0 = time.perf_counter()
                        s.request("textDocument/completion", p)
                        timings.append((time.perf_counter() - t0) * 1e3)
            s.shutdown_and_exit()
        if timings:
            rows.append((name, len(timings), statistics.median(timings), max(timings)))
    print("completion latency over stdio (ms):")
    for name, n, med, worst in rows:
        print("  %-18s %3d requests  median %6.2f  max %6.2f" % (name, n, med, worst))
    check(rows, "at least one project was measured")


if __name__ == "__main__":
    run([test_capabilities, test_completion_and_resolve, test_typing_then_completing, test_utf8_positions,
         test_item_defaults,
         test_malformed_params, test_unknown_and_foreign_documents, test_signature_help,
         test_latency_on_fixture_projects])
