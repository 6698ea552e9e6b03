"""End-to-end: the protocol side of hover (the texts themselves are covered
by the fixture cases in tests/features/hover): the capability, MarkupContent
with the exact range of the token, model symbols answered by navigation,
catalogue entries, malformed params and unknown documents."""
import os
import shutil

from lspclient import write_tree, Server, check, position_of, run, uri_of

BACKEND = """import { defineBackend } from '@aws-amplify/backend';
import { data } from './data/resource';
defineBackend({ data });
"""
DATA = """import { a, defineData } from '@aws-amplify/backend';

// ünïcödé 😀 before the schema
const schema = a.schema({
  Post: a.model({
    title: a.string().required(),
    comments: a.hasMany('Comment', 'postId'),
  }).authorization((allow) => [allow.owner()]),
  Comment: a.model({ postId: a.id(), post: a.belongsTo('Post', 'postId') }),
});
export const data = defineData({ schema });
"""


def make_backend():
    return write_tree("amplify-ls-hover-", {"amplify/backend.ts": BACKEND, "amplify/data/resource.ts": DATA,
                              "src/app.ts": "export const x = 1;\n"})


def hover(s, uri, text, needle, delta=1, encoding="utf-16"):
    pos = position_of(text, text.index(needle) + delta, encoding)
    return s.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": pos})


def covered(text, rng, encoding="utf-16"):
    """The text a range covers (single line)."""
    line = text.split("\n")[rng["start"]["line"]]
    data = line.encode({"utf-16": "utf-16-le", "utf-8": "utf-8", "utf-32": "utf-32-le"}[encoding])
    unit = {"utf-16": 2, "utf-8": 1, "utf-32": 4}[encoding]
    codec = {"utf-16": "utf-16-le", "utf-8": "utf-8", "utf-32": "utf-32-le"}[encoding]
    return data[rng["start"]["character"] * unit:rng["end"]["character"] * unit].decode(codec)


def test_capability_and_shapes():
    root = make_backend()
    try:
        for encoding in ("utf-16", "utf-8", "utf-32"):
            with Server() as s:
                caps = s.initialize(root=root, encodings=(encoding,))["capabilities"]
                check(caps.get("hoverProvider") is True, "hoverProvider")
                uri = uri_of(os.path.join(root, "amplify/data/resource.ts"))
                s.open(uri, DATA)
                h = hover(s, uri, DATA, "defineData({", 3, encoding)
                check(h["contents"]["kind"] == "markdown", "MarkupContent markdown: %s" % h["contents"])
                check("defineData(" in h["contents"]["value"], "catalogue signature: %s" % h["contents"]["value"])
                check(covered(DATA, h["range"], encoding) == "defineData", "range %s" % h["range"])
                h = hover(s, uri, DATA, "owner()", 2, encoding)
                check("OwnerAuthRule" in h["contents"]["value"], "allow.owner: %s" % h["contents"]["value"])
                check(covered(DATA, h["range"], encoding) == "owner", "range %s" % h["range"])
                s.shutdown_and_exit()
    finally:
        shutil.rmtree(root)


def test_model_symbols_come_from_navigation():
    root = make_backend()
    try:
        with Server() as s:
            s.initialize(root=root)
            uri = uri_of(os.path.join(root, "amplify/data/resource.ts"))
            s.open(uri, DATA)
            h = hover(s, uri, DATA, "'Comment', 'postId'", 2)
            check(h is not None and h["contents"]["kind"] == "markdown", "a hover for a model name: %s" % h)
            check("Comment" in h["contents"]["value"] and "postId" in h["contents"]["value"],
                  "the model's description: %s" % h["contents"]["value"])
            check(covered(DATA, h["range"]) == "'Comment'", "the string's range: %s" % h["range"])
            s.shutdown_and_exit()
    finally:
        shutil.rmtree(root)


def test_nothing_to_say():
    root = make_backend()
    try:
        with Server() as s:
            s.initialize(root=root)
            uri = uri_of(os.path.join(root, "amplify/data/resource.ts"))
            s.open(uri, DATA)
            check(hover(s, uri, DATA, "ünïcödé") is None, "null in a comment")
            check(hover(s, uri, DATA, "  Post", 0) is None, "null on whitespace")
            app = uri_of(os.path.join(root, "src/app.ts"))
            s.open(app, "export const x = defineData;\n")
            check(s.request("textDocument/hover", {"textDocument": {"uri": app},
                                                   "position": {"line": 0, "character": 20}}) is None,
                  "null outside the backend")
            for unknown in ("file:///nowhere/amplify/backend.ts", "untitled:Untitled-1"):
                check(s.request("textDocument/hover", {"textDocument": {"uri": unknown},
                                                       "position": {"line": 0, "character": 0}}) is None,
                      "null on an unknown document")
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
            for bad in (None, [], {}, {"textDocument": {"uri": uri}},
                        {"textDocument": {"uri": uri}, "position": [0, 0]},
                        {"textDocument": {"uri": 7}, "position": {"line": 0, "character": 0}}):
                err = s.error_of("textDocument/hover", bad)
                check(err["code"] == -32602, "hover %s: %s" % (bad, err))
            far = {"line": 99999, "character": 99999}
            s.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": far})
            s.shutdown_and_exit()
    finally:
        shutil.rmtree(root)


if __name__ == "__main__":
    run([test_capability_and_shapes, test_model_symbols_come_from_navigation, test_nothing_to_say,
         test_malformed_params])
