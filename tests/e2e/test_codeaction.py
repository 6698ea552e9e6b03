"""End-to-end: quick fixes over stdio like an editor: the capability, a
diagnostic fixed by applying the offered edit (the diagnostic then goes
away), no action where nothing needs fixing, context.only, null for
documents outside backends, and InvalidParams for malformed params. The
fixes themselves are covered case by case in tests/features/codeaction."""
import os
import shutil

from lspclient import Server, check, position_of, run, uri_of, write_tree

BACKEND = """import { defineBackend } from '@aws-amplify/backend';
import { data } from './data/resource';
defineBackend({ data });
"""

DATA = """import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ title: a.string(), comments: a.hasMany('Coment', 'postId') }),
  Comment: a.model({ postId: a.id(), post: a.belongsTo('Post', 'postId') }),
}).authorization((allow) => [allow.publicApiKey()]);
export const data = defineData({ schema });
"""


def with_project(fn):
    root = os.path.realpath(write_tree("amplify-ls-fix-", {"amplify/backend.ts": BACKEND,
                                                             "amplify/data/resource.ts": DATA}))
    try:
        fn(root, os.path.join(root, "amplify/data/resource.ts"))
    finally:
        shutil.rmtree(root)


def index_of(text, pos):
    """The string index of a UTF-16 position in an ASCII text."""
    lines = text.split("\n")
    return sum(len(line) + 1 for line in lines[:pos["line"]]) + pos["character"]


def apply(text, edits):
    for e in sorted(edits, key=lambda e: index_of(text, e["range"]["start"]), reverse=True):
        text = text[:index_of(text, e["range"]["start"])] + e["newText"] + text[index_of(text, e["range"]["end"]):]
    return text


def code_action(s, uri, rng, diagnostics, only=None):
    context = {"diagnostics": diagnostics}
    if only is not None:
        context["only"] = only
    return s.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": rng, "context": context})


def test_capability_is_advertised():
    with Server() as s:
        caps = s.initialize()["capabilities"]
        check(caps.get("codeActionProvider", {}).get("codeActionKinds") == ["quickfix"],
              "codeActionProvider with quickfix: %s" % caps.get("codeActionProvider"))
        s.shutdown_and_exit()


def test_applying_the_fix_clears_the_diagnostic():
    def body(root, path):
        uri = uri_of(path)
        with Server() as s:
            s.initialize(root=root, capabilities={
                "general": {"positionEncodings": ["utf-16"]},
                "workspace": {"workspaceEdit": {"documentChanges": True}}})
            s.open(uri, DATA)
            diags = s.diagnostics_for(uri, version=1)
            typo = [d for d in diags if d["code"] == "data-unknown-type"]
            check(len(typo) == 1, "one unknown-type diagnostic: %s" % diags)
            actions = code_action(s, uri, typo[0]["range"], typo)
            check([a["title"] for a in actions] == ["Change 'Coment' to 'Comment'"], "the fix: %s" % actions)
            action = actions[0]
            check(action["kind"] == "quickfix" and action.get("isPreferred") is True, "a preferred quickfix")
            check(action["diagnostics"][0]["code"] == "data-unknown-type", "names its diagnostic")
            changes = action["edit"]["documentChanges"]
            check(len(changes) == 1 and changes[0]["textDocument"] == {"uri": uri, "version": 1},
                  "one versioned document change: %s" % changes)
            fixed = apply(DATA, changes[0]["edits"])
            check("a.hasMany('Comment', 'postId')" in fixed, "the name is corrected:\n%s" % fixed)
            check(open(path).read() == DATA, "the server never writes files")
            s.change(uri, 2, [{"text": fixed}])
            diags = s.diagnostics_for(uri, version=2)
            check(diags == [], "no diagnostic after the fix: %s" % diags)
            # Nothing left to fix there now.
            check(code_action(s, uri, typo[0]["range"], []) == [], "no action on fixed code")
            s.shutdown_and_exit()
    with_project(body)


def test_no_action_where_nothing_is_wrong_and_only_filters():
    def body(root, path):
        uri = uri_of(path)
        with Server() as s:
            s.initialize(root=root)
            s.open(uri, DATA)
            s.diagnostics_for(uri, version=1)
            at = position_of(DATA, DATA.index("title"))
            check(code_action(s, uri, {"start": at, "end": at}, []) == [], "valid code: no action")
            at = position_of(DATA, DATA.index("Coment"))
            rng = {"start": at, "end": at}
            check(len(code_action(s, uri, rng, [])) == 1, "the typo: one action, without diagnostics sent")
            check(code_action(s, uri, rng, [], only=["refactor"]) == [], "only refactorings: none")
            check(len(code_action(s, uri, rng, [], only=["quickfix"])) == 1, "only quick fixes: the fix")
            other = os.path.join(root, "scripts/seed.ts")
            os.makedirs(os.path.dirname(other))
            with open(other, "w") as f:
                f.write("const x = a.hasMany('Coment', 'postId');\n")
            got = code_action(s, uri_of(other), {"start": {"line": 0, "character": 22},
                                                 "end": {"line": 0, "character": 22}}, [])
            check(got is None, "a file outside the backend: %s" % got)
            s.shutdown_and_exit()
    with_project(body)


def test_malformed_params_are_invalid_params():
    def body(root, path):
        uri = uri_of(path)
        doc = {"uri": uri}
        rng = {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}}
        bad = [
            ({"range": rng, "context": {"diagnostics": []}}, "textDocument"),
            ({"textDocument": doc, "context": {"diagnostics": []}}, "range"),
            ({"textDocument": doc, "range": {"start": {"line": -1, "character": 0}, "end": rng["end"]},
              "context": {"diagnostics": []}}, "range"),
            ({"textDocument": doc, "range": rng}, "context"),
            ({"textDocument": doc, "range": rng, "context": {}}, "diagnostics"),
            ({"textDocument": doc, "range": rng, "context": {"diagnostics": 5}}, "diagnostics"),
            ({"textDocument": doc, "range": rng, "context": {"diagnostics": [], "only": "quickfix"}}, "only"),
            ({"textDocument": doc, "range": rng, "context": {"diagnostics": [], "only": [5]}}, "only"),
        ]
        with Server() as s:
            s.initialize(root=root)
            s.open(uri, DATA)
            for params, word in bad:
                err = s.error_of("textDocument/codeAction", params)
                check(err["code"] == -32602 and word in err["message"], "%r: %s" % (params, err))
            s.shutdown_and_exit()
    with_project(body)


if __name__ == "__main__":
    run([test_capability_is_advertised, test_applying_the_fix_clears_the_diagnostic,
         test_no_action_where_nothing_is_wrong_and_only_filters, test_malformed_params_are_invalid_params])
