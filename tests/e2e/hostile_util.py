"""Helpers shared by the hostile-input, limits and security tests
(tests/e2e/test_hostile_*.py, test_limits*.py).

- dispatch_table(): the request and notification methods the server
  registers, read from the dispatch tables of server/lsp/session.c, so a
  method added there is covered without editing the tests;
- make_tree(): a throw-away workspace from a {relative path: text} dict;
- serving(): the closing check of every hostile test: an unknown request is
  still answered, and the server still holds exactly the editor's text;
- traced(): a Server run under strace, to prove what the server did not do
  (read a file, write a file, start a process);
- rss_kb(): resident memory of a process, from /proc/<pid>/status.
"""
import contextlib
import os
import re
import shutil
import stat
import tempfile

import lspclient
from lspclient import Server, check, uri_of

ROOT = os.environ.get("PROJECT_ROOT") or os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SESSION_C = os.path.join(ROOT, "server", "lsp", "session.c")

BACKEND = ("import { defineBackend } from '@aws-amplify/backend';\n"
           "import { data } from './data/resource';\n"
           "defineBackend({ data });\n")
RESOURCE = ("import { a, defineData, type ClientSchema } from '@aws-amplify/backend';\n"
            "const schema = a.schema({\n"
            "  Post: a.model({ title: a.string().required(), body: a.string() })\n"
            "    .authorization((allow) => [allow.publicApiKey()]),\n"
            "});\n"
            "export type Schema = ClientSchema<typeof schema>;\n"
            "export const data = defineData({ schema });\n")


def dispatch_table():
    """([(method, debug_only)], [method]) from server/lsp/session.c."""
    src = open(SESSION_C, encoding="utf-8").read()

    def table(name):
        m = re.search(r"\}\s*%s\[\]\s*=\s*\{(.*?)\n\};" % name, src, re.S)
        check(m, "no %s[] table in %s" % (name, SESSION_C))
        return m.group(1)
    requests = [(m.group(1), m.group(3) == "true")
                for m in re.finditer(r'\{"([^"]+)",\s*(\w+),\s*(true|false)\}', table("requests"))]
    notifications = [m.group(1) for m in re.finditer(r'\{"([^"]+)",\s*\w+\}', table("notifications"))]
    check(len(requests) >= 5 and len(notifications) >= 5, "dispatch tables not understood")
    return requests, notifications


def write(root, rel, data):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb" if isinstance(data, bytes) else "w") as f:
        f.write(data)
    return path


def make_tree(files, prefix="amplify-ls-hostile-"):
    root = os.path.realpath(tempfile.mkdtemp(prefix=prefix))
    for rel, text in files.items():
        write(root, rel, text)
    return root


def backend_tree(extra=None):
    """A small valid backend: amplify/backend.ts and amplify/data/resource.ts."""
    files = {"package.json": '{"name": "x", "dependencies": {"@aws-amplify/backend": "1.0.0"}}\n',
             "amplify/backend.ts": BACKEND, "amplify/data/resource.ts": RESOURCE}
    files.update(extra or {})
    return make_tree(files)


def rmtree(path):
    def onerror(func, p, exc):
        with contextlib.suppress(OSError):
            os.chmod(p, stat.S_IRWXU)
            func(p)
    shutil.rmtree(path, onerror=onerror)


def serving(s, uri=None, text=None):
    """The server still answers, and holds exactly `text` for `uri`."""
    err = s.error_of("amplify-ls/still-serving")
    check(err["code"] == -32601, "an unknown request is still answered: %s" % err)
    if uri is not None:
        doc = s.debug_document(uri)
        check(doc["text"] == text, "the server's text of %s differs from the editor's:\n%r\n%r"
              % (uri, doc["text"][:200], text[:200]))
        check(doc["invariantsHold"], "the document's invariants hold")


def answer(s, method, params=None, id=None, timeout=None):
    """Sends a request and returns the whole response message."""
    id = s.request_async(method, params, id)
    return s.response(id) if timeout is None else s.response(id, timeout)


@contextlib.contextmanager
def traced(log_path, args=(), env=None, debug=True, trace="execve,openat,open,creat,truncate,"
           "ftruncate,unlink,unlinkat,rename,renameat,renameat2,mkdir,mkdirat,rmdir,symlink,"
           "symlinkat,link,linkat,chmod,fchmodat,chown,fchownat,utimensat"):
    """A Server under `strace -f`, its system calls written to log_path."""
    strace = shutil.which("strace")
    check(strace, "strace is needed (.ci/deps installs it)")
    wrapper = os.path.join(os.path.dirname(log_path), "traced-amplify-ls.sh")
    with open(wrapper, "w") as f:
        f.write('#!/bin/sh\nexec %s -f -qq -s 256 -o %s -e trace=%s %s "$@"\n'
                % (strace, log_path, trace, lspclient.BINARY))
    os.chmod(wrapper, 0o755)
    env = dict(env if env is not None else os.environ)
    # LeakSanitizer stops the world with ptrace, which strace already does.
    env["ASAN_OPTIONS"] = (env.get("ASAN_OPTIONS", "") + ":detect_leaks=0").lstrip(":")
    saved = lspclient.BINARY
    lspclient.BINARY = wrapper
    try:
        server = Server(debug=debug, args=args, env=env)
    finally:
        lspclient.BINARY = saved
    with server as s:
        yield s


def syscalls(log_path):
    """The lines of an strace log."""
    with open(log_path, errors="replace") as f:
        return f.read().splitlines()


def opened_paths(lines):
    """(path, flags) of every open/openat/creat call, successful or not."""
    out = []
    for line in lines:
        m = re.search(r'\b(?:openat|open)\((?:[A-Z_]+|\d+), "((?:[^"\\]|\\.)*)", ([A-Z_|]+)', line) or \
            re.search(r'\bopen\("((?:[^"\\]|\\.)*)", ([A-Z_|]+)', line)
        if m:
            out.append((m.group(1), m.group(2)))
        m = re.search(r'\bcreat\("((?:[^"\\]|\\.)*)"', line)
        if m:
            out.append((m.group(1), "O_CREAT|O_WRONLY|O_TRUNC"))
    return out


def rss_kb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


__all__ = ["dispatch_table", "make_tree", "backend_tree", "rmtree", "serving", "answer", "traced",
           "syscalls", "opened_paths", "rss_kb", "write", "uri_of", "BACKEND", "RESOURCE"]
