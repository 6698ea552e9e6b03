"""End-to-end: the protocol side of navigation (definition, references,
highlights, rename, symbols, inlay hints, semantic tokens): advertised
capabilities, InvalidParams for malformed params, null for documents that
are not part of a backend, answers that follow edits, and workspace symbols
across backends. The answers themselves are covered case by case in
tests/features/navigation."""
import os
import shutil
import tempfile

from lspclient import Server, check, position_of, run, uri_of

BACKEND = """import { defineBackend } from '@aws-amplify/backend';
import { data } from './data/resource';
defineBackend({ data });
"""

DATA = """import { a, defineData } from '@aws-amplify/backend';
const schema = a.schema({
  Post: a.model({ title: a.string(), comments: a.hasMany('Comment', 'postId') }),
  Comment: a.model({ postId: a.id(), post: a.belongsTo('Post', 'postId') }),
});
export const data = defineData({ schema });
"""

NAV_METHODS = ("textDocument/definition", "textDocument/references", "textDocument/documentHighlight",
               "textDocument/prepareRename")


def write(root, rel, text):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def make_project(root, prefix=""):
    write(root, prefix + "amplify/backend.ts", BACKEND)
    return write(root, prefix + "amplify/data/resource.ts", DATA)


def with_project(fn):
    root = os.path.realpath(tempfile.mkdtemp(prefix="amplify-ls-nav-"))
    try:
        fn(root, make_project(root))
    finally:
        shutil.rmtree(root)


def at(text, needle, skip=0):
    return position_of(text, text.index(needle) + skip)


def test_capabilities_are_advertised():
    with Server() as s:
        caps = s.initialize()["capabilities"]
        for key in ("definitionProvider", "referencesProvider", "documentHighlightProvider",
                    "workspaceSymbolProvider"):
            check(caps.get(key) is True, "%s advertised: %s" % (key, caps.get(key)))
        check(caps["renameProvider"] == {"prepareProvider": True}, "rename with prepare")
        check(isinstance(caps.get("documentSymbolProvider"), dict), "document symbols")
        check(caps.get("inlayHintProvider") is not None, "inlay hints")
        tokens = caps["semanticTokensProvider"]
        check(tokens["full"] is True, "full semantic tokens")
        check({"type", "enum", "property", "function"} <= set(tokens["legend"]["tokenTypes"]),
              "standard token types: %s" % tokens["legend"]["tokenTypes"])
        check(tokens["legend"]["tokenModifiers"] == ["declaration"], "modifiers")
        s.shutdown_and_exit()


def test_malformed_params_are_invalid_params():
    def body(root, path):
        with Server() as s:
            s.initialize(root=root)
            uri = uri_of(path)
            for method in NAV_METHODS:
                err = s.error_of(method, {"position": {"line": 0, "character": 0}})
                check(err["code"] == -32602, "%s without textDocument: %s" % (method, err))
                err = s.error_of(method, {"textDocument": {"uri": uri}, "position": {"line": -1}})
                check(err["code"] == -32602, "%s with a bad position: %s" % (method, err))
            for context in (5, {"includeDeclaration": "yes"}):
                err = s.error_of("textDocument/references", {"textDocument": {"uri": uri}, "context": context,
                                                             "position": {"line": 2, "character": 3}})
                check(err["code"] == -32602 and "context" in err["message"],
                      "references with context %r: %s" % (context, err))
            err = s.error_of("textDocument/rename", {"textDocument": {"uri": uri},
                                                     "position": {"line": 2, "character": 3}})
            check(err["code"] == -32602 and "newName" in err["message"], "rename without newName: %s" % err)
            err = s.error_of("textDocument/inlayHint", {"textDocument": {"uri": uri}, "range": {"start": 1}})
            check(err["code"] == -32602, "inlay hints without a range: %s" % err)
            err = s.error_of("workspace/symbol", {})
            check(err["code"] == -32602, "workspace symbols without a query: %s" % err)
            for method in ("textDocument/documentSymbol", "textDocument/semanticTokens/full"):
                err = s.error_of(method, {"textDocument": {}})
                check(err["code"] == -32602, "%s without a uri: %s" % (method, err))
            s.shutdown_and_exit()
    with_project(body)


def test_documents_outside_backends_get_null():
    def body(root, path):
        other = write(root, "scripts/seed.ts", "const x = a.belongsTo('Post', 'postId');\n")
        with Server() as s:
            s.initialize(root=root)
            for uri in (uri_of(os.path.join(root, "missing.ts")), uri_of(other), "untitled:Untitled-1"):
                if uri.startswith("untitled"):
                    s.open(uri, "const x = a.belongsTo('Post', 'postId');\n")
                pos = {"line": 0, "character": 24}
                for method in NAV_METHODS:
                    got = s.request(method, {"textDocument": {"uri": uri}, "position": pos})
                    check(got is None, "%s on %s: %s" % (method, uri, got))
                got = s.request("textDocument/rename", {"textDocument": {"uri": uri}, "position": pos,
                                                        "newName": "X"})
                check(got is None, "rename on %s: %s" % (uri, got))
                for method in ("textDocument/documentSymbol", "textDocument/semanticTokens/full"):
                    got = s.request(method, {"textDocument": {"uri": uri}})
                    check(got is None, "%s on %s: %s" % (method, uri, got))
                got = s.request("textDocument/inlayHint", {"textDocument": {"uri": uri}, "range": {
                    "start": {"line": 0, "character": 0}, "end": {"line": 9, "character": 0}}})
                check(got is None, "inlay hints on %s: %s" % (uri, got))
            s.shutdown_and_exit()
    with_project(body)


def test_answers_follow_edits():
    def body(root, path):
        with Server() as s:
            s.initialize(root=root)
            uri = uri_of(path)
            s.open(uri, DATA)
            # Rename the model in the buffer: 'Post' in belongsTo now names nothing ...
            edited = DATA.replace("  Post: a.model", "  Article: a.model")
            start = position_of(DATA, DATA.index("Post: a.model"))
            s.change(uri, 2, [{"range": {"start": start, "end": {"line": start["line"],
                                                                 "character": start["character"] + 4}},
                               "text": "Article"}])
            got = s.request("textDocument/definition", {"textDocument": {"uri": uri},
                                                        "position": at(edited, "'Post'", 2)})
            check(got is None, "a name no type has goes nowhere: %s" % got)
            # ... and the new name is found where it is defined.
            got = s.request("textDocument/prepareRename", {"textDocument": {"uri": uri},
                                                           "position": at(edited, "Article", 2)})
            check(got and got["placeholder"] == "Article", "prepareRename after the edit: %s" % got)
            s.shutdown_and_exit()
    with_project(body)


def test_rename_versions_open_documents():
    def body(root, path):
        with Server() as s:
            s.initialize(root=root)
            uri = uri_of(path)
            s.open(uri, DATA, version=7)
            got = s.request("textDocument/rename", {"textDocument": {"uri": uri},
                                                    "position": at(DATA, "'Comment'", 3), "newName": "Note"})
            edits = got.get("changes", {}).get(uri) if "changes" in got else None
            if edits is None:
                change = [c for c in got["documentChanges"] if c["textDocument"]["uri"] == uri][0]
                check(change["textDocument"]["version"] == 7, "versioned edit: %s" % change)
                edits = change["edits"]
            check(len(edits) == 2 and all(e["newText"] == "Note" for e in edits), "edits: %s" % edits)
            s.shutdown_and_exit()
    with_project(body)


RICH_CAPS = {
    "workspace": {"workspaceEdit": {"documentChanges": True}},
    "textDocument": {"definition": {"linkSupport": True},
                     "documentSymbol": {"hierarchicalDocumentSymbolSupport": True}},
}


def shapes(root, path, caps):
    """The rename, definition and document symbol answers for a client with caps."""
    with Server() as s:
        s.initialize(root=root, capabilities=caps)
        uri = uri_of(path)
        s.open(uri, DATA, version=3)
        doc = {"textDocument": {"uri": uri}}
        rename = s.request("textDocument/rename", dict(doc, position=at(DATA, "'Post'", 2), newName="Article"))
        definition = s.request("textDocument/definition", dict(doc, position=at(DATA, "'Post'", 2)))
        symbols = s.request("textDocument/documentSymbol", doc)
        s.shutdown_and_exit()
        return rename, definition, symbols


def test_answers_follow_client_capabilities():
    def body(root, path):
        # A client that supports everything gets versioned documentChanges,
        # LocationLinks and a symbol tree, once the session keeps the client
        # capabilities; until then the shapes every client accepts.
        rename, definition, symbols = shapes(root, path, RICH_CAPS)
        caps_known = "documentChanges" in rename
        if caps_known:
            versions = {c["textDocument"]["uri"]: c["textDocument"]["version"] for c in rename["documentChanges"]}
            check(versions == {uri_of(path): 3}, "versioned edits: %s" % versions)
            check(all("targetUri" in d and "originSelectionRange" in d for d in definition),
                  "LocationLinks: %s" % definition)
        else:
            check(list(rename) == ["changes"], "changes: %s" % rename)
        check(all("selectionRange" in d for d in symbols), "DocumentSymbols: %s" % symbols)
        check([c["name"] for c in symbols[0]["children"]] == ["Post", "Comment"], "a tree: %s" % symbols)
        # A client that supports nothing gets changes, Locations and (once
        # the capabilities are kept) SymbolInformation.
        rename, definition, symbols = shapes(root, path, {})
        check(list(rename) == ["changes"] and len(rename["changes"][uri_of(path)]) == 2, "changes: %s" % rename)
        check(all("uri" in d and "range" in d for d in definition), "Locations: %s" % definition)
        if caps_known:
            check(all("location" in d for d in symbols), "SymbolInformation: %s" % symbols)
            check(any(d.get("containerName") == "Post" for d in symbols), "containers: %s" % symbols)
    with_project(body)


def test_workspace_symbols_across_backends():
    root = os.path.realpath(tempfile.mkdtemp(prefix="amplify-ls-nav-"))
    try:
        make_project(root, "apps/web/")
        write(root, "apps/admin/amplify/backend.ts", BACKEND)
        write(root, "apps/admin/amplify/data/resource.ts", DATA.replace("Post", "AuditPost"))
        with Server() as s:
            s.initialize(root=root)
            got = s.request("workspace/symbol", {"query": "post"})
            names = sorted((sym["name"], os.path.relpath(sym["location"]["uri"][len("file://"):], root))
                           for sym in got if sym["kind"] == 5)
            check(names == [("AuditPost", "apps/admin/amplify/data/resource.ts"),
                            ("Post", "apps/web/amplify/data/resource.ts")], "models of both backends: %s" % names)
            fields = [sym for sym in got if sym["name"] == "postId"]
            check(len(fields) == 2 and all(f.get("containerName") == "Comment" for f in fields),
                  "fields with their model: %s" % fields)
            check(s.request("workspace/symbol", {"query": "zzz"}) == [], "no match, no symbols")
            s.shutdown_and_exit()
    finally:
        shutil.rmtree(root)


if __name__ == "__main__":
    run([test_capabilities_are_advertised, test_malformed_params_are_invalid_params,
         test_documents_outside_backends_get_null, test_answers_follow_edits,
         test_rename_versions_open_documents, test_answers_follow_client_capabilities,
         test_workspace_symbols_across_backends])
