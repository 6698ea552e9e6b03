"""End-to-end, security: the server never executes or evaluates project code,
never writes a file (edits go to the client as a WorkspaceEdit), does not
follow symbolic links out of the workspace when indexing, does not read files
outside the workspace folders because a request named them, and logs no file
contents. Proved with strace: the test reads every open(), exec() and
file-changing system call the server made."""
import json
import os
import subprocess
import tempfile

import lspclient
from hostile_util import (answer, backend_tree, make_tree, opened_paths, rmtree, serving, syscalls,
                          traced, write, BACKEND, RESOURCE)
from lspclient import Server, check, frame, run, uri_of

WRITE_FLAGS = ("O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC", "O_APPEND")
CHANGING_CALLS = ("unlink", "rename", "mkdir", "rmdir", "symlink", "link(", "linkat", "chmod",
                  "chown", "truncate", "utimensat", "creat(")

EVIL_BACKEND = ("import { execSync } from 'child_process';\n"
                "import { writeFileSync } from 'fs';\n"
                "execSync('touch ' + __dirname + '/PWNED-exec');\n"
                "writeFileSync(__dirname + '/PWNED-write', 'x');\n"
                "eval(\"require('fs').writeFileSync('PWNED-eval', 'x')\");\n"
                "new Function('return 1')();\n" + BACKEND)
EVIL_FILES = {
    "amplify/backend.ts": EVIL_BACKEND,
    "package.json": json.dumps({"name": "evil", "scripts": {"postinstall": "touch PWNED-npm",
                                                             "prepare": "touch PWNED-npm"},
                                "dependencies": {"@aws-amplify/backend": "1.0.0"}}),
    "amplify/package.json": '{"type": "module", "scripts": {"build": "touch PWNED-npm"}}\n',
    "amplify/tsconfig.json": '{"compilerOptions": {"plugins": [{"name": "./evil-plugin"}]}}\n',
    "node_modules/.bin/tsc": "#!/bin/sh\ntouch PWNED-tsc\n",
    "node_modules/.bin/node": "#!/bin/sh\ntouch PWNED-node\n",
    ".npmrc": "script-shell=/tmp/PWNED-shell\n",
    "amplify-ls.json": '{"rules": {"data-model-missing-authorization": "off"}}\n',
}


def snapshot(root):
    """Every path under root with its type, size, mode, mtime and contents."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            p = os.path.join(dirpath, name)
            st = os.lstat(p)
            data = open(p, "rb").read() if os.path.isfile(p) and not os.path.islink(p) else b""
            out[os.path.relpath(p, root)] = (st.st_mode, st.st_size, st.st_mtime_ns, data)
    return out


def check_syscalls(lines, allowed_writes=()):
    execs = [l for l in lines if "execve(" in l and "resumed" not in l]
    check(len(execs) == 1 and os.path.basename(lspclient.BINARY) in execs[0],
          "the server started no process: %s" % execs)
    for path, flags in opened_paths(lines):
        if any(f in flags for f in WRITE_FLAGS):
            check(path in allowed_writes, "the server opened %s for writing (%s)" % (path, flags))
    for l in lines:
        call = l.split(" ", 1)[-1]
        check(not any(call.startswith(c) for c in CHANGING_CALLS), "a call that changes files: %s" % l)


def test_never_executes_or_writes():
    root = backend_tree(EVIL_FILES)
    tmp = tempfile.mkdtemp(prefix="amplify-ls-strace-")
    try:
        before = snapshot(root)
        log = os.path.join(tmp, "strace.log")
        res = uri_of(os.path.join(root, "amplify/data/resource.ts"))
        backend = uri_of(os.path.join(root, "amplify/backend.ts"))
        with traced(log) as s:
            s.initialize(root=root, capabilities={
                "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True},
                              "workspaceEdit": {"documentChanges": True}},
                "textDocument": {"rename": {"prepareSupport": True}}})
            s.open(res, RESOURCE)
            s.open(backend, EVIL_BACKEND)
            s.diagnostics_for(res)
            for method in ("textDocument/hover", "textDocument/completion", "textDocument/definition",
                           "textDocument/references", "textDocument/prepareRename", "textDocument/rename",
                           "textDocument/documentSymbol", "textDocument/inlayHint",
                           "textDocument/semanticTokens/full", "textDocument/signatureHelp"):
                for uri, line, ch in ((res, 2, 3), (res, 2, 12), (backend, 2, 2), (backend, 9, 16)):
                    pos = {"line": line, "character": ch}
                    msg = answer(s, method, {"textDocument": {"uri": uri}, "position": pos, "newName": "Renamed",
                                             "context": {"includeDeclaration": True},
                                             "range": {"start": {"line": 0, "character": 0}, "end": pos}})
                    if method == "textDocument/rename" and msg.get("result"):
                        check("changes" in msg["result"] or "documentChanges" in msg["result"],
                              "rename answers a WorkspaceEdit: %s" % msg["result"])
            s.notify("textDocument/didSave", {"textDocument": {"uri": res}, "text": RESOURCE})
            s.notify("workspace/didChangeWatchedFiles", {"changes": [
                {"uri": uri_of(os.path.join(root, "package.json")), "type": 2}]})
            s.request("workspace/diagnostic", {"previousResultIds": []})
            s.shutdown_and_exit(0)
        check_syscalls(syscalls(log))
        check(snapshot(root) == before, "the workspace is unchanged, byte for byte and mtime for mtime")
        # amplify-ls check, under strace too.
        clog = os.path.join(tmp, "check.log")
        env = dict(os.environ, ASAN_OPTIONS=os.environ.get("ASAN_OPTIONS", "") + ":detect_leaks=0")
        subprocess.run(["strace", "-f", "-qq", "-o", clog, "-e",
                        "trace=execve,openat,open,creat,unlink,unlinkat,rename,renameat,renameat2,mkdir,mkdirat",
                        lspclient.BINARY, "check", "--format", "sarif", root], capture_output=True, env=env,
                       timeout=120)
        check_syscalls(syscalls(clog))
        check(snapshot(root) == before, "check changed nothing")
    finally:
        rmtree(root)
        rmtree(tmp)


def test_no_symlink_escape_when_indexing():
    outside = make_tree({"secret.ts": "export const outside = 'OUTSIDE-SECRET';\n",
                         "app/amplify/backend.ts": BACKEND,
                         "app/amplify/data/resource.ts": RESOURCE,
                         "dir/inner.ts": "export const inner = 'OUTSIDE-SECRET';\n"},
                        prefix="amplify-ls-outside-")
    root = backend_tree({"amplify/backend.ts": "import { outside } from './link-out';\n"
                                               "import { inner } from './link-dir/inner';\n" + BACKEND})
    tmp = tempfile.mkdtemp(prefix="amplify-ls-strace-")
    try:
        os.symlink(os.path.join(outside, "secret.ts"), os.path.join(root, "amplify/link-out.ts"))
        os.symlink(os.path.join(outside, "dir"), os.path.join(root, "amplify/link-dir"))
        os.symlink(os.path.join(outside, "app"), os.path.join(root, "linked-app"))   # a whole backend
        os.symlink(outside, os.path.join(root, "amplify/data/up"))
        log = os.path.join(tmp, "strace.log")
        with traced(log) as s:
            s.initialize(root=root)
            res = uri_of(os.path.join(root, "amplify/data/resource.ts"))
            check(s.debug_document(res)["inBackend"], "the workspace's own backend is analysed")
            for p in ("amplify/link-out.ts", "amplify/link-dir/inner.ts", "linked-app/amplify/backend.ts"):
                err = s.error_of("amplify-ls/debugDocument", {"textDocument": {"uri": uri_of(os.path.join(root, p))}})
                check(err["code"] == -32602, "%s is not indexed: %s" % (p, err))
            serving(s)
            s.shutdown_and_exit(0)
            out = "".join(s.stderr_lines)
        check("OUTSIDE-SECRET" not in out, "nothing of the outside files is logged")
        for path, _ in opened_paths(syscalls(log)):
            real = os.path.realpath(path)
            check(not real.startswith(outside + os.sep), "the server opened %s (%s), outside the workspace" % (path, real))
    finally:
        rmtree(root)
        rmtree(outside)
        rmtree(tmp)


def test_requests_do_not_read_outside_the_folders():
    outside = make_tree({"amplify/backend.ts": BACKEND + "// OUTSIDE-SECRET\n",
                         "amplify/data/resource.ts": "// OUTSIDE-SECRET\n" + RESOURCE},
                        prefix="amplify-ls-outside-")
    root = backend_tree()
    tmp = tempfile.mkdtemp(prefix="amplify-ls-strace-")
    try:
        log = os.path.join(tmp, "strace.log")
        named = ["/etc/passwd", "/etc/shadow", "/etc/hostname", "/etc/amplify/backend.ts",
                 os.path.join(outside, "amplify/data/resource.ts"), os.path.join(outside, "amplify/backend.ts")]
        with traced(log) as s:
            s.initialize(root=root, capabilities={"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}}})
            # The client sends its own text for /etc/passwd: that is all the server may know.
            s.open("file:///etc/passwd", "client text, not the file")
            serving(s, "file:///etc/passwd", "client text, not the file")
            s.open(uri_of(named[4]), "export const mine = 1;\n")
            serving(s, uri_of(named[4]), "export const mine = 1;\n")
            for path in named:
                uri = uri_of(path)
                for method in ("textDocument/hover", "textDocument/definition", "textDocument/references",
                               "textDocument/documentSymbol", "textDocument/diagnostic", "textDocument/rename"):
                    answer(s, method, {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 1},
                                       "newName": "x", "context": {"includeDeclaration": True}})
                s.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": uri, "type": 1},
                                                                          {"uri": uri, "type": 2}]})
                s.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
            s.notify("textDocument/didClose", {"textDocument": {"uri": "file:///etc/passwd"}})
            s.notify("textDocument/didClose", {"textDocument": {"uri": uri_of(named[4])}})
            err = s.error_of("amplify-ls/debugDocument", {"textDocument": {"uri": "file:///etc/passwd"}})
            check(err["code"] == -32602, "closed: forgotten, not read from disk: %s" % err)
            serving(s)
            s.shutdown_and_exit(0)
            out = "".join(s.stderr_lines)
        check("OUTSIDE-SECRET" not in out and "root:" not in out, "nothing read from outside is logged")
        opened = [p for p, _ in opened_paths(syscalls(log))]
        for path in named:
            check(path not in opened, "a request made the server open %s" % path)
        check(not any(p.startswith(outside) for p in opened), "nothing under %s was opened: %s"
              % (outside, [p for p in opened if p.startswith(outside)]))
    finally:
        rmtree(root)
        rmtree(outside)
        rmtree(tmp)


SECRET = "SECRET-7f3a9c-do-not-log"


def test_logs_no_file_contents():
    root = backend_tree({
        "amplify/data/resource.ts": RESOURCE + "const s = '%s';\nconst broken = a.model({ %s: a.string( });\n"
                                                % (SECRET, SECRET),
        "amplify/extra.ts": "export const x = '%s' +\n" % SECRET})
    write(root, "amplify/backend.ts", "import { x } from './extra';\nimport { y } from './%s';\n" % SECRET + BACKEND)
    tmp = tempfile.mkdtemp(prefix="amplify-ls-log-")
    try:
        for level in ("info", "debug"):
            logfile = os.path.join(tmp, "server-%s.log" % level)
            with Server(debug=True, args=("--log", logfile, "--log-level", level)) as s:
                s.initialize(root=root, options={"diagnosticsDebounceMs": 0}, capabilities={
                    "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}}})
                res = uri_of(os.path.join(root, "amplify/data/resource.ts"))
                text = RESOURCE + "// %s\n" % SECRET
                s.open(res, text)
                s.change(res, 2, [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
                                   "text": "'%s' broken ( {\n" % SECRET}])
                s.change(res, 3, [{"range": {"start": {"line": 99, "character": 0}, "end": {"line": 0, "character": 0}},
                                   "text": SECRET}, {"text": 5}, {"range": 7, "text": SECRET}])
                s.change("file:///never/opened.ts", 4, [{"text": SECRET}])
                # Malformed bodies that carry the secret.
                s.send_raw(frame(raw=('{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":'
                                      '{"uri":"untitled:x","text":"%s \\q"}}}' % SECRET).encode()))
                s.send_raw(frame(raw=('{"jsonrpc":"2.0","id":5,"method":"x","params":{"a": %s}}' % SECRET).encode()))
                s.send_raw(frame(raw=('{"jsonrpc":"2.0","method":"x","params":{"a":"%s \xff"}}' % SECRET).encode("latin-1")))
                s.send_raw(("Content-Length: %s\r\n\r\n" % SECRET).encode())
                s.send({"jsonrpc": "2.0", "id": 6, "method": "textDocument/hover",
                        "params": {"textDocument": {"uri": res}, "position": {"line": 0, "character": 2}}})
                s.response(6)
                s.request("workspace/diagnostic", {"previousResultIds": []})
                s.shutdown_and_exit(0)
                err = "".join(s.stderr_lines)
                notes = json.dumps([n for n in s.notifications if n["method"] in ("window/logMessage", "$/logTrace")])
            with open(logfile) as f:
                logged = f.read()
            for where, out in (("stderr", err), ("--log file", logged), ("window/logMessage", notes)):
                check(SECRET not in out, "the %s at log level %s holds file contents:\n%s"
                      % (where, level, "\n".join(l for l in out.splitlines() if SECRET in l)[:2000]))
    finally:
        rmtree(root)
        rmtree(tmp)


if __name__ == "__main__":
    run([test_never_executes_or_writes, test_no_symlink_escape_when_indexing,
         test_requests_do_not_read_outside_the_folders, test_logs_no_file_contents])
