"""Runs one navigation case through the real amplify-ls over stdio and
compares its answer with the expectation beside it.

A case is two files in cases/:

  <name>.ts             the backend: one or more files, each introduced by a
                        header line `//- <path>` (the first section may omit
                        it and is then amplify/data/resource.ts). Without an
                        amplify/backend.ts section, a backend.ts importing
                        `data` from ./data/resource is added. `$0` marks the
                        cursor (it is removed from the text).
  <name>.expected.json  {"method": "textDocument/definition",
                         "params": {...},          extra params (newName, context, query, range ...)
                         "capabilities": {...},    client capabilities (optional)
                         "open": ["path", ...],    files opened in the editor (default: the cursor's)
                         "expected": <answer>}

The answer is compared in a normal form that does not depend on the
position encoding: ranges become "line:col-line:col" with columns in UTF-16
code units, locations {"file", "range", "text"} where text is what the range
covers, rename edits {"file": [{"range", "old", "new"}]} (from documentChanges
or changes alike), semantic tokens
{"range", "text", "type", "modifiers"} and errors {"error": {"code",
"message"}}. Every case runs in UTF-16, UTF-8 and UTF-32 and must give the
same normal form in each.

Usage: run_nav_case.py BINARY CASE.ts [--update]   (--update rewrites
"expected" with the UTF-16 answer: review the diff before committing it)
"""
import json
import os
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "e2e"))

DEFAULT_BACKEND = ("import { defineBackend } from '@aws-amplify/backend';\n"
                   "import { data } from './data/resource';\n"
                   "defineBackend({ data });\n")
DEFAULT_FILE = "amplify/data/resource.ts"
ENCODINGS = ("utf-16", "utf-8", "utf-32")
FULL_CAPS = {
    "workspace": {"workspaceEdit": {"documentChanges": True}},
    "textDocument": {
        "documentSymbol": {"hierarchicalDocumentSymbolSupport": True},
        "definition": {"linkSupport": False},
        "rename": {"prepareSupport": True},
    },
}


def parse_case(path):
    """Returns ({path: text}, (cursor_path, cursor_index) or None)."""
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
    return files, cursor


class Texts:
    """The fixture's texts by path, for converting positions."""

    def __init__(self, root, files):
        self.root = root
        self.files = files

    def rel(self, uri):
        from urllib.parse import unquote
        path = unquote(uri[len("file://"):]) if uri.startswith("file://") else uri
        return os.path.relpath(path, self.root)

    def index_of(self, rel, pos, encoding):
        """The Python string index of an LSP position."""
        text = self.files.get(rel)
        if text is None:
            return None
        lines = text.split("\n")
        if pos["line"] >= len(lines):
            return len(text)
        start = sum(len(l) + 1 for l in lines[:pos["line"]])
        line, units, i = lines[pos["line"]], 0, 0
        while i < len(line) and units < pos["character"]:
            units += unit_len(line[i], encoding)
            i += 1
        return start + i

    def canon(self, rel, pos, encoding):
        """A position as "line:col" with col in UTF-16 code units."""
        text = self.files.get(rel)
        if text is None:
            return "%d:%d?" % (pos["line"], pos["character"])
        index = self.index_of(rel, pos, encoding)
        before = text[:index]
        line_start = before.rfind("\n") + 1
        return "%d:%d" % (before.count("\n"), sum(unit_len(c, "utf-16") for c in before[line_start:]))

    def range(self, rel, rng, encoding):
        return "%s-%s" % (self.canon(rel, rng["start"], encoding), self.canon(rel, rng["end"], encoding))

    def covered(self, rel, rng, encoding):
        text = self.files.get(rel)
        if text is None:
            return None
        a, b = self.index_of(rel, rng["start"], encoding), self.index_of(rel, rng["end"], encoding)
        return text[a:b]


def unit_len(ch, encoding):
    if encoding == "utf-8":
        return len(ch.encode("utf-8"))
    if encoding == "utf-16":
        return len(ch.encode("utf-16-le")) // 2
    return 1


def position_in(text, index, encoding):
    before = text[:index]
    line_start = before.rfind("\n") + 1
    return {"line": before.count("\n"), "character": sum(unit_len(c, encoding) for c in before[line_start:])}


# ---- normal forms -------------------------------------------------------------

def norm_location(t, loc, enc):
    rel = t.rel(loc["uri"])
    return {"file": rel, "range": t.range(rel, loc["range"], enc), "text": t.covered(rel, loc["range"], enc)}


def norm_link(t, link, enc, origin_rel):
    rel = t.rel(link["targetUri"])
    out = {"file": rel, "range": t.range(rel, link["targetRange"], enc),
           "selection": t.range(rel, link["targetSelectionRange"], enc),
           "text": t.covered(rel, link["targetSelectionRange"], enc)}
    if "originSelectionRange" in link:
        out["origin"] = t.covered(origin_rel, link["originSelectionRange"], enc)
    return out


def norm_locations(t, result, enc, origin_rel):
    if result is None:
        return None
    items = result if isinstance(result, list) else [result]
    out = [norm_link(t, i, enc, origin_rel) if "targetUri" in i else norm_location(t, i, enc) for i in items]
    return sorted(out, key=lambda x: (x["file"], [int(n) for n in x["range"].replace("-", ":").split(":")]))


def norm_edits(t, rel, edits, enc):
    return [{"range": t.range(rel, e["range"], enc), "old": t.covered(rel, e["range"], enc), "new": e["newText"]}
            for e in edits]


def norm_workspace_edit(t, result, enc):
    """{file: edits}, whether the server sent documentChanges (versioned,
    when the client supports them) or changes: the shape and the versions
    are checked by tests/e2e/test_navigation.py."""
    if result is None:
        return None
    out = {}
    for change in result.get("documentChanges", []):
        rel = t.rel(change["textDocument"]["uri"])
        out[rel] = norm_edits(t, rel, change["edits"], enc)
    for uri, edits in result.get("changes", {}).items():
        rel = t.rel(uri)
        out[rel] = norm_edits(t, rel, edits, enc)
    return out


def norm_doc_symbols(t, rel, items, enc):
    out = []
    for s in items:
        if "location" in s:  # SymbolInformation
            n = {"name": s["name"], "kind": s["kind"], "location": norm_location(t, s["location"], enc)}
            if "containerName" in s:
                n["container"] = s["containerName"]
        else:
            n = {"name": s["name"], "kind": s["kind"], "detail": s.get("detail"),
                 "range": t.range(rel, s["range"], enc), "selection": t.covered(rel, s["selectionRange"], enc)}
            if s.get("children"):
                n["children"] = norm_doc_symbols(t, rel, s["children"], enc)
        out.append(n)
    return out


def norm_tokens(t, rel, result, legend, enc):
    if result is None:
        return None
    data, out, line, col = result["data"], [], 0, 0
    for i in range(0, len(data), 5):
        dl, dc, length, typ, mods = data[i:i + 5]
        line += dl
        col = col + dc if dl == 0 else dc
        rng = {"start": {"line": line, "character": col}, "end": {"line": line, "character": col + length}}
        names = [m for b, m in enumerate(legend["tokenModifiers"]) if mods & (1 << b)]
        out.append({"range": t.range(rel, rng, enc), "text": t.covered(rel, rng, enc),
                    "type": legend["tokenTypes"][typ], "modifiers": names})
    return out


def norm_hints(t, rel, result, enc):
    if result is None:
        return None
    return [{"position": t.canon(rel, h["position"], enc), "label": h["label"]} for h in result]


def normalize(t, method, msg, rel, legend, enc):
    if "error" in msg:
        return {"error": {"code": msg["error"]["code"], "message": msg["error"]["message"]}}
    r = msg.get("result")
    if method in ("textDocument/definition", "textDocument/references"):
        return norm_locations(t, r, enc, rel)
    if method == "textDocument/documentHighlight":
        if r is None:
            return None
        return sorted([{"range": t.range(rel, h["range"], enc), "text": t.covered(rel, h["range"], enc),
                        "kind": h.get("kind")} for h in r], key=lambda h: h["range"])
    if method == "textDocument/prepareRename":
        if r is None:
            return None
        return {"range": t.range(rel, r["range"], enc), "text": t.covered(rel, r["range"], enc),
                "placeholder": r.get("placeholder")}
    if method == "textDocument/rename":
        return norm_workspace_edit(t, r, enc)
    if method == "textDocument/documentSymbol":
        return None if r is None else norm_doc_symbols(t, rel, r, enc)
    if method == "workspace/symbol":
        return None if r is None else sorted(norm_doc_symbols(t, rel, r, enc),
                                             key=lambda s: (s["location"]["file"], s["location"]["range"], s["name"]))
    if method == "textDocument/semanticTokens/full":
        return norm_tokens(t, rel, r, legend, enc)
    if method == "textDocument/inlayHint":
        return norm_hints(t, rel, r, enc)
    return r


# ---- running --------------------------------------------------------------------

def write_tree(files):
    root = os.path.realpath(tempfile.mkdtemp(prefix="amplify-ls-nav-"))
    for name, text in files.items():
        path = os.path.join(root, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    return root


def request_params(case, files, cursor, root, enc):
    from lspclient import uri_of
    params = {}
    rel = cursor[0] if cursor else case.get("file", DEFAULT_FILE)
    if case["method"] != "workspace/symbol":
        params["textDocument"] = {"uri": uri_of(os.path.join(root, rel))}
    if cursor:
        params["position"] = position_in(files[cursor[0]], cursor[1], enc)
    if case["method"] == "textDocument/inlayHint" and "range" not in case.get("params", {}):
        text = files[rel]
        params["range"] = {"start": {"line": 0, "character": 0}, "end": position_in(text, len(text), enc)}
    params.update(case.get("params", {}))
    return params, rel


def run_once(binary, case, files, cursor, enc):
    import lspclient
    lspclient.BINARY = binary
    from lspclient import Server, uri_of
    root = write_tree(files)
    try:
        with Server(debug=False) as s:
            caps = dict(case.get("capabilities", FULL_CAPS))
            caps["general"] = {"positionEncodings": [enc]}
            init = s.initialize(root=root, capabilities=caps)
            legend = init["capabilities"].get("semanticTokensProvider", {}).get("legend")
            params, rel = request_params(case, files, cursor, root, enc)
            for name in case.get("open", [rel] if case["method"] != "workspace/symbol" else []):
                s.open(uri_of(os.path.join(root, name)), files[name])
            msg = s.response(s.request_async(case["method"], params))
            answer = normalize(Texts(root, files), case["method"], msg, rel, legend, enc)
            s.shutdown_and_exit()
            return answer
    finally:
        shutil.rmtree(root)


def main():
    binary, case_path = os.path.abspath(sys.argv[1]), sys.argv[2]
    update = "--update" in sys.argv[3:]
    expected_path = case_path[:-3] + ".expected.json"
    case = json.load(open(expected_path, encoding="utf-8"))
    files, cursor = parse_case(case_path)
    problems = []
    answers = {}
    for enc in ENCODINGS:
        try:
            answers[enc] = run_once(binary, case, files, cursor, enc)
        except Exception as e:  # noqa: BLE001 - report any failure of the run
            problems.append("%s: %s" % (enc, e))
    if update and "utf-16" in answers:
        case["expected"] = answers["utf-16"]
        with open(expected_path, "w", encoding="utf-8") as f:
            json.dump(case, f, indent=2, ensure_ascii=False)
            f.write("\n")
    for enc, answer in answers.items():
        if answer != case.get("expected"):
            problems.append("%s: got\n%s\nexpected\n%s" % (
                enc, json.dumps(answer, indent=2, ensure_ascii=False),
                json.dumps(case.get("expected"), indent=2, ensure_ascii=False)))
    for p in problems:
        print(p)
    print("%d passed, %d failed" % (0 if problems else 1, 1 if problems else 0))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
