"""A representative session under valgrind memcheck, for the ctest
valgrind_session (label valgrind). The server runs as
    valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite
so any invalid read or write, use of uninitialised memory, or definite leak
makes it exit 1 instead of 0 after shutdown and exit; `amplify-ls check` on
every fixture project runs the same way.

The session: a fixture project (blog) as workspace, documents opened and
edited (multi-byte text, CRLF, full and incremental changes), every request
of the dispatch table at a few positions, push and pull diagnostics,
watched-file and folder events, cancellation, and hostile input (bodies that
are not JSON, wrong params, huge positions, a deep document).

Also usable by hand on any build without sanitizers:
    AMPLIFY_LS=build/amplify-ls VALGRIND=valgrind PYTHONPATH=tests/e2e python3 tests/valgrind/session.py
"""
import os
import shutil
import subprocess
import sys
import tempfile

import lspclient
from hostile_util import answer, dispatch_table, rmtree
from lspclient import Server, check, frame, run, uri_of

VALGRIND = os.environ.get("VALGRIND") or shutil.which("valgrind")
ROOT = os.environ.get("PROJECT_ROOT") or os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PROJECTS = os.path.join(ROOT, "tests", "projects")
VG_ARGS = ["--error-exitcode=1", "--leak-check=full", "--errors-for-leak-kinds=definite",
           "--show-leak-kinds=definite", "--track-origins=yes", "--num-callers=30", "-q"]
os.environ.setdefault("AMPLIFY_LS_TIMEOUT", "180")
lspclient.TIMEOUT = float(os.environ["AMPLIFY_LS_TIMEOUT"])


def wrapper(tmp):
    path = os.path.join(tmp, "amplify-ls-under-valgrind.sh")
    with open(path, "w") as f:
        f.write('#!/bin/sh\nexec %s %s --log-file=%s/vg.%%p.log %s "$@"\n'
                % (VALGRIND, " ".join(VG_ARGS), tmp, lspclient.BINARY))
    os.chmod(path, 0o755)
    return path


def reports(tmp):
    out = []
    for name in sorted(os.listdir(tmp)):
        if name.startswith("vg.") and os.path.getsize(os.path.join(tmp, name)) > 0:
            out.append(open(os.path.join(tmp, name)).read())
    return "\n".join(out)


def session(binary):
    blog = os.path.join(PROJECTS, "blog")
    res_path = os.path.join(blog, "amplify/data/resource.ts")
    res = uri_of(res_path)
    text = open(res_path).read()
    saved = lspclient.BINARY
    lspclient.BINARY = binary
    try:
        s = Server(debug=True)
    finally:
        lspclient.BINARY = saved
    with s:
        s.initialize(root=blog, capabilities={
            "general": {"positionEncodings": ["utf-16"]},
            "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}},
            "textDocument": {"publishDiagnostics": {"relatedInformation": True}}})
        s.open(res, text, 1)
        s.diagnostics_for(res, 1)
        # Edits: multi-byte text, CRLF, a range over them, a full change.
        s.change(res, 2, [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
                           "text": "// \u00e9\U0001F600\r\n"}])
        s.change(res, 3, [{"range": {"start": {"line": 0, "character": 3}, "end": {"line": 1, "character": 0}},
                           "text": "x\n"}, {"range": {"start": {"line": 0, "character": 0},
                                                      "end": {"line": 1, "character": 0}}, "text": ""}])
        s.diagnostics_for(res, 3)
        requests, notifications = dispatch_table()
        for method, _ in requests:
            if method in ("initialize", "shutdown"):
                continue
            for line, ch in ((0, 0), (3, 10), (8, 20), (9999, 9999)):
                pos = {"line": line, "character": ch}
                answer(s, method, {"textDocument": {"uri": res}, "position": pos, "newName": "Renamed",
                                   "context": {"includeDeclaration": True}, "query": "Po",
                                   "range": {"start": {"line": 0, "character": 0}, "end": pos},
                                   "previousResultIds": [], "label": "model"})
            answer(s, method, None)
            answer(s, method, {"textDocument": 5, "position": "x"})
        # Batches with cancellation and ContentModified.
        data = frame({"jsonrpc": "2.0", "id": "c1", "method": "textDocument/hover",
                      "params": {"textDocument": {"uri": res}, "position": {"line": 3, "character": 4}}})
        data += frame({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": "c1"}})
        data += frame({"jsonrpc": "2.0", "id": "c2", "method": "textDocument/definition",
                       "params": {"textDocument": {"uri": res}, "position": {"line": 3, "character": 4}}})
        data += frame({"jsonrpc": "2.0", "method": "textDocument/didChange",
                       "params": {"textDocument": {"uri": res, "version": 4}, "contentChanges": [{"text": text}]}})
        s.send_raw(data)
        s.response("c1")
        s.response("c2")
        # Hostile bits.
        s.send_raw(frame(raw=b"{not json"))
        s.send_raw(b"Content-Length: -4\r\n\r\n")
        for method in notifications:
            if method != "exit":
                s.notify(method, {"textDocument": 7, "changes": [{"uri": res, "type": 2}], "event": {}})
        s.notify("workspace/didChangeWatchedFiles", {"changes": [
            {"uri": uri_of(os.path.join(blog, "amplify/auth/resource.ts")), "type": 2},
            {"uri": uri_of(os.path.join(blog, "amplify/backend.ts")), "type": 2}]})
        other = os.path.join(PROJECTS, "custom-ops")
        s.notify("workspace/didChangeWorkspaceFolders", {"event": {
            "added": [{"uri": uri_of(other), "name": "x"}], "removed": []}})
        s.request("workspace/diagnostic", {"previousResultIds": []})
        s.notify("workspace/didChangeWorkspaceFolders", {"event": {
            "added": [], "removed": [{"uri": uri_of(other), "name": "x"}]}})
        deep = "export const x = " + "(" * 3000 + "1" + ")" * 3000 + ";\n"
        s.open("untitled:deep", deep)
        check(s.debug_document("untitled:deep")["text"] == deep, "deep document kept")
        s.notify("textDocument/didClose", {"textDocument": {"uri": "untitled:deep"}})
        s.notify("textDocument/didClose", {"textDocument": {"uri": res}})
        check(s.debug_document(res)["text"] == text, "the disk copy is back after close")
        s.shutdown_and_exit(0)


def test_session_under_memcheck():
    tmp = tempfile.mkdtemp(prefix="amplify-ls-valgrind-")
    try:
        try:
            session(wrapper(tmp))
        except Exception:
            print(reports(tmp))
            raise
        found = reports(tmp)
        check(not found.strip(), "memcheck reported:\n" + found)
    finally:
        rmtree(tmp)


def test_check_under_memcheck():
    tmp = tempfile.mkdtemp(prefix="amplify-ls-valgrind-")
    try:
        for name in sorted(os.listdir(PROJECTS)):
            project = os.path.join(PROJECTS, name)
            if not os.path.isdir(os.path.join(project, "amplify")) and name != "monorepo":
                continue
            p = subprocess.run([wrapper(tmp), "check", "--format", "sarif", project], capture_output=True,
                               timeout=600)
            found = reports(tmp)
            check(not found.strip(), "memcheck reported on check %s:\n%s" % (name, found))
            check(p.returncode in (0, 1), "check %s: exit %d\n%s" % (name, p.returncode, p.stderr[-2000:]))
    finally:
        rmtree(tmp)


if __name__ == "__main__":
    if not VALGRIND:
        print("valgrind not found")
        sys.exit(2)
    run([test_session_under_memcheck, test_check_under_memcheck])
