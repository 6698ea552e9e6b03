"""Runs one quick-fix case through the real amplify-ls over stdio: asks for
the code actions at the cursor, applies the chosen one like an editor, and
checks the resulting text and that the finding it fixes is gone.

A case is two or three files in cases/:

  <name>.ts             the backend, in the format of the navigation cases
                        (sections `//- <path>`, the first one defaulting to
                        amplify/data/resource.ts, a default backend.ts, `$0`
                        the cursor: the requested range is empty there)
  <name>.expected.json  {"actions": ["title", ...],   every action offered at
                                                     the cursor, in order
                         "apply": "title",           the one to apply
                                                     (default: the first)
                         "newCodes": ["code", ...]}  diagnostic codes the fix
                                                     may introduce (default none)
  <name>.after.ts       the files the applied edit changes, in full, as they
                        must read afterwards (same section format; files
                        not listed must not change). Absent when "actions"
                        is empty.

Each case runs in UTF-16 (client with documentChanges, sending the published
diagnostics back), UTF-8 (plain `changes`, sending no diagnostics back) and
UTF-32 (sending the diagnostics back without their data and codes): the
answer must be the same, since fixes are recomputed from the model.

After applying, the changed files are sent to the server (didChange) and
pulled diagnostics must no longer contain the fixed finding (same code and
message), nor any code that was not there before (other than "newCodes").

Usage: run_fix_case.py BINARY CASE.ts
"""
import json
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "navigation"))
sys.path.insert(0, os.path.join(HERE, "..", "..", "e2e"))

from run_nav_case import Texts, parse_case, position_in, write_tree  # noqa: E402

RUNS = (
    ("utf-16", True, "published"),
    ("utf-8", False, "none"),
    ("utf-32", True, "stripped"),
)


def parse_after(path):
    """{path: text} of an .after.ts file: only the files it lists."""
    files, _ = parse_case(path)
    if "//- amplify/backend.ts" not in open(path, encoding="utf-8").read():
        del files["amplify/backend.ts"]  # parse_case adds the default one
    return files


def apply_edit(files, root, edit, enc):
    """The texts after applying a WorkspaceEdit (documentChanges or changes)."""
    t = Texts(root, files)
    per_file = {}
    for change in edit.get("documentChanges", []):
        per_file.setdefault(t.rel(change["textDocument"]["uri"]), []).extend(change["edits"])
    for uri, edits in edit.get("changes", {}).items():
        per_file.setdefault(t.rel(uri), []).extend(edits)
    out = dict(files)
    for rel, edits in per_file.items():
        if rel not in files:
            raise AssertionError("edit of a file that is not in the case: %s" % rel)
        spans = [(t.index_of(rel, e["range"]["start"], enc), t.index_of(rel, e["range"]["end"], enc),
                  i, e["newText"]) for i, e in enumerate(edits)]
        # Apply from the end; insertions at one place keep their order.
        text = files[rel]
        for a, b, _, new in sorted(spans, key=lambda x: (x[0], x[2]), reverse=True):
            text = text[:a] + new + text[b:]
        out[rel] = text
    return out


def pull(s, uri):
    return s.request("textDocument/diagnostic", {"textDocument": {"uri": uri}})["items"]


def run_once(binary, case, files, cursor, after, enc, doc_changes, send):
    import lspclient
    lspclient.BINARY = binary
    from lspclient import Server, check, uri_of
    root = write_tree(files)
    try:
        with Server(debug=False) as s:
            caps = {"general": {"positionEncodings": [enc]},
                    "workspace": {"workspaceEdit": {"documentChanges": doc_changes}}}
            s.initialize(root=root, capabilities=caps)
            for name in sorted(files):
                s.open(uri_of(os.path.join(root, name)), files[name])
            rel, index = cursor
            uri = uri_of(os.path.join(root, rel))
            before = {name: pull(s, uri_of(os.path.join(root, name))) for name in files}
            pos = position_in(files[rel], index, enc)
            sent = []
            for d in before[rel]:
                if send == "published":
                    sent.append(d)
                elif send == "stripped":
                    sent.append({"range": d["range"], "message": d["message"]})
            actions = s.request("textDocument/codeAction", {
                "textDocument": {"uri": uri}, "range": {"start": pos, "end": pos},
                "context": {"diagnostics": sent, "triggerKind": 1}})
            titles = [a["title"] for a in actions]
            check(titles == case["actions"], "actions offered: %s, expected %s" % (titles, case["actions"]))
            for a in actions:
                check(a.get("kind") == "quickfix" and len(a.get("diagnostics", [])) == 1,
                      "a quickfix naming its diagnostic: %s" % a)
            if not actions:
                s.shutdown_and_exit()
                return
            chosen = case.get("apply", titles[0])
            action = actions[titles.index(chosen)]
            edit = action["edit"]
            check(("documentChanges" in edit) == doc_changes, "edit shape follows the client: %s" % edit)
            got = apply_edit(files, root, edit, enc)
            changed = {name for name in files if got[name] != files[name]}
            check(changed == set(after), "files changed: %s, expected %s" % (sorted(changed), sorted(after)))
            for name in after:
                check(got[name] == after[name], "%s after the fix:\n%s\n---- expected ----\n%s"
                      % (name, got[name], after[name]))
            # The editor sends the edited files; the finding must be gone.
            for name in changed:
                s.change(uri_of(os.path.join(root, name)), 2, [{"text": got[name]}])
            fixed = action["diagnostics"][0]
            allowed = set(case.get("newCodes", []))
            for name in files:
                now = pull(s, uri_of(os.path.join(root, name)))
                if name == rel:
                    check(not any(d["code"] == fixed["code"] and d["message"] == fixed["message"]
                                  for d in now), "the finding is still reported: %s" % fixed["message"])
                old_codes = {d["code"] for d in before[name]}
                new = [d for d in now if d["code"] not in old_codes and d["code"] not in allowed]
                check(not new, "the fix introduced in %s: %s" % (name, new))
            s.shutdown_and_exit()
    finally:
        shutil.rmtree(root)


def main():
    binary, case_path = os.path.abspath(sys.argv[1]), sys.argv[2]
    case = json.load(open(case_path[:-3] + ".expected.json", encoding="utf-8"))
    files, cursor = parse_case(case_path)
    after_path = case_path[:-3] + ".after.ts"
    after = parse_after(after_path) if os.path.exists(after_path) else {}
    problems = []
    if not cursor:
        problems.append("the case has no $0 cursor")
    if case["actions"] and not after:
        problems.append("actions are expected but there is no %s" % os.path.basename(after_path))
    for enc, doc_changes, send in RUNS if not problems else ():
        try:
            run_once(binary, case, files, cursor, after, enc, doc_changes, send)
        except Exception as e:  # noqa: BLE001 - report any failure of the run
            problems.append("%s: %s" % (enc, e))
    for p in problems:
        print(p)
    print("%d passed, %d failed" % (0 if problems else 1, 1 if problems else 0))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
