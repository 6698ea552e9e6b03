"""Runs one completion, hover or signature-help case through the real
amplify-ls over stdio and checks its answer against the expectation beside it.

A case is two files:

  <name>.ts             the backend: one or more files, each introduced by a
                        header line `//- <path>` (the first section may omit
                        it and is then amplify/data/resource.ts). Without an
                        amplify/backend.ts section, a backend.ts importing
                        `data` from ./data/resource is added. `$0` marks the
                        cursor (it is removed from the text).
  <name>.expected.json  what the answer must satisfy (every key optional):

  common      "method"      textDocument/completion (default), textDocument/hover
                            or textDocument/signatureHelp
              "encodings"   position encodings to run in (default all three)
              "open"        files opened in the editor (default: the cursor's)
              "trigger"     completion: the trigger character of the request
              "null"        true: the answer must be null
  completion  "labels"      labels that must be offered
              "absent"      labels that must not be offered
              "exact"       true: "labels" is the whole list
              "order"       labels that must sort (sortText) in this order
              "replaces"    the text every item's textEdit range covers
              "items"       {label: {"kind", "insert", "detail", "doc"
                            (substring of the documentation), "filter",
                            "import" (substring of an additional edit)}}
              "max_items"   at most this many items
  hover       "contains"    substrings of the markdown
              "absent"      substrings that must not appear
              "range"       the text the hover's range covers
  signature   "label"       substring of the active signature's label
              "active"      the active parameter's name
              "doc"         substring of the active signature's documentation

Usage: run_case.py BINARY CASE.ts
"""
import json
import os
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "e2e"))

import lspclient  # noqa: E402

DEFAULT_BACKEND = ("import { defineBackend } from '@aws-amplify/backend';\n"
                   "import { data } from './data/resource';\n"
                   "defineBackend({ data });\n")
DEFAULT_FILE = "amplify/data/resource.ts"
ENCODINGS = ("utf-16", "utf-8", "utf-32")


def parse_case(path):
    """Returns ({path: text}, (cursor_path, cursor_index))."""
    files, current, lines = {}, DEFAULT_FILE, []
    for line in open(path, encoding="utf-8").read().split("\n"):
        if line.startswith("//- "):
            if any(l.strip() for l in lines):
                files[current] = "\n".join(lines)
            current, lines = line[4:].strip(), []
        else:
            lines.append(line)
    files[current] = "\n".join(lines)
    cursor = None
    for name, text in files.items():
        at = text.find("$0")
        if at >= 0:
            files[name] = text[:at] + text[at + 2:]
            cursor = (name, at)
    files.setdefault("amplify/backend.ts", DEFAULT_BACKEND)
    if cursor is None:
        raise SystemExit("the case has no $0 cursor marker")
    return files, cursor


def index_of(text, pos, encoding):
    """The Python string index of an LSP position."""
    lines = text.splitlines(keepends=True) or [""]
    line = min(pos["line"], len(lines) - 1)
    start = sum(len(l) for l in lines[:line])
    body = lines[line].rstrip("\r\n")
    units = pos["character"]
    i = 0
    while i < len(body) and units > 0:
        ch = body[i]
        units -= (2 if ord(ch) > 0xFFFF else 1) if encoding == "utf-16" else (
            len(ch.encode()) if encoding == "utf-8" else 1)
        i += 1
    return start + i


def range_text(text, rng, encoding):
    return text[index_of(text, rng["start"], encoding):index_of(text, rng["end"], encoding)]


class Checker:
    def __init__(self, encoding):
        self.encoding = encoding
        self.problems = []

    def fail(self, message):
        self.problems.append("[%s] %s" % (self.encoding, message))

    def expect(self, cond, message):
        if not cond:
            self.fail(message)


def check_item(ck, item, want, text):
    if "kind" in want:
        ck.expect(item.get("kind") == want["kind"],
                  "%s: kind %s, expected %s" % (item["label"], item.get("kind"), want["kind"]))
    edit = item.get("textEdit") or {}
    if "insert" in want:
        ck.expect(edit.get("newText") == want["insert"],
                  "%s: inserts %r, expected %r" % (item["label"], edit.get("newText"), want["insert"]))
    if "detail" in want:
        ck.expect(want["detail"] in (item.get("detail") or ""),
                  "%s: detail %r lacks %r" % (item["label"], item.get("detail"), want["detail"]))
    if "doc" in want:
        doc = (item.get("documentation") or {}).get("value", "")
        ck.expect(want["doc"] in doc, "%s: documentation lacks %r" % (item["label"], want["doc"]))
    if "filter" in want:
        ck.expect(item.get("filterText") == want["filter"],
                  "%s: filterText %r, expected %r" % (item["label"], item.get("filterText"), want["filter"]))
    if "import" in want:
        edits = " ".join(e["newText"] for e in item.get("additionalTextEdits") or [])
        ck.expect(want["import"] in edits, "%s: additional edits %r lack %r" % (item["label"], edits, want["import"]))


def check_completion(ck, result, exp, text):
    if exp.get("null"):
        ck.expect(result is None, "expected null, got %s" % json.dumps(result)[:300])
        return
    if result is None:
        ck.fail("expected items, got null")
        return
    items = result["items"] if isinstance(result, dict) else result
    labels = [i["label"] for i in items]
    for label in exp.get("labels", []):
        ck.expect(label in labels, "missing label %r (got %s)" % (label, labels))
    for label in exp.get("absent", []):
        ck.expect(label not in labels, "unexpected label %r" % label)
    if exp.get("exact"):
        ck.expect(sorted(labels) == sorted(exp.get("labels", [])),
                  "labels %s, expected exactly %s" % (sorted(labels), sorted(exp.get("labels", []))))
    if "max_items" in exp:
        ck.expect(len(items) <= exp["max_items"], "%d items, expected at most %d" % (len(items), exp["max_items"]))
    by_label = {i["label"]: i for i in items}
    order = [l for l in exp.get("order", []) if l in by_label]
    sorts = [by_label[l].get("sortText", l) for l in order]
    ck.expect(sorts == sorted(sorts), "order %s, expected %s" % (
        sorted(order, key=lambda l: by_label[l].get("sortText", l)), order))
    for item in items:
        ck.expect("textEdit" in item, "%s has no textEdit" % item["label"])
        ck.expect(item.get("kind") is not None, "%s has no kind" % item["label"])
        if "replaces" in exp and "textEdit" in item:
            got = range_text(text, item["textEdit"]["range"], ck.encoding)
            ck.expect(got == exp["replaces"], "%s replaces %r, expected %r" % (item["label"], got, exp["replaces"]))
    for label, want in exp.get("items", {}).items():
        if label in by_label:
            check_item(ck, by_label[label], want, text)
        else:
            ck.fail("missing item %r" % label)


def check_hover(ck, result, exp, text):
    if exp.get("null"):
        ck.expect(result is None, "expected null, got %s" % json.dumps(result)[:300])
        return
    if result is None:
        ck.fail("expected a hover, got null")
        return
    contents = result.get("contents") or {}
    ck.expect(contents.get("kind") == "markdown", "hover is not MarkupContent markdown: %s" % contents)
    md = contents.get("value", "")
    for s in exp.get("contains", []):
        ck.expect(s in md, "hover lacks %r:\n%s" % (s, md))
    for s in exp.get("absent", []):
        ck.expect(s not in md, "hover has %r" % s)
    if "range" in exp:
        got = range_text(text, result["range"], ck.encoding) if "range" in result else None
        ck.expect(got == exp["range"], "hover range covers %r, expected %r" % (got, exp["range"]))


def utf16_slice(s, start, end):
    raw = s.encode("utf-16-le")
    return raw[start * 2:end * 2].decode("utf-16-le")


def check_signature(ck, result, exp, text):
    if exp.get("null"):
        ck.expect(result is None, "expected null, got %s" % json.dumps(result)[:300])
        return
    if result is None:
        ck.fail("expected signature help, got null")
        return
    sig = result["signatures"][result.get("activeSignature", 0)]
    if "label" in exp:
        ck.expect(exp["label"] in sig["label"], "signature %r lacks %r" % (sig["label"], exp["label"]))
    if "doc" in exp:
        ck.expect(exp["doc"] in (sig.get("documentation") or {}).get("value", ""), "signature doc lacks %r" % exp["doc"])
    if "active" in exp:
        params = sig.get("parameters", [])
        active = result.get("activeParameter", 0)
        if active >= len(params):
            ck.fail("active parameter %d of %d" % (active, len(params)))
            return
        label = params[active]["label"]
        name = utf16_slice(sig["label"], label[0], label[1]) if isinstance(label, list) else label
        ck.expect(name == exp["active"], "active parameter %r, expected %r" % (name, exp["active"]))


def run_once(binary, files, cursor, exp, encoding):
    ck = Checker(encoding)
    root = tempfile.mkdtemp(prefix="amplify-ls-feat-")
    try:
        for name, text in files.items():
            path = os.path.join(root, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(text)
        lspclient.BINARY = binary
        with lspclient.Server(debug=False) as s:
            s.initialize(root=root, encodings=(encoding,))
            name, index = cursor
            for path in exp.get("open", [name]):
                s.open(lspclient.uri_of(os.path.join(root, path)), files[path])
            text = files[name]
            uri = lspclient.uri_of(os.path.join(root, name))
            params = {"textDocument": {"uri": uri},
                      "position": lspclient.position_of(text, index, encoding)}
            method = exp.get("method", "textDocument/completion")
            if method == "textDocument/completion" and "trigger" in exp:
                params["context"] = {"triggerKind": 2, "triggerCharacter": exp["trigger"]}
            result = s.request(method, params)
            {"textDocument/completion": check_completion, "textDocument/hover": check_hover,
             "textDocument/signatureHelp": check_signature}[method](ck, result, exp, text)
            s.shutdown_and_exit()
    except lspclient.Failure as e:
        ck.fail(str(e))
    finally:
        shutil.rmtree(root)
    return ck.problems


def main():
    binary, case = os.path.abspath(sys.argv[1]), sys.argv[2]
    files, cursor = parse_case(case)
    with open(case[:-3] + ".expected.json", encoding="utf-8") as f:
        exp = json.load(f)
    problems = []
    for encoding in exp.get("encodings", ENCODINGS):
        problems += run_once(binary, files, cursor, exp, encoding)
    for p in problems:
        print(p)
    print("%d passed, %d failed" % (0 if problems else 1, 1 if problems else 0))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
