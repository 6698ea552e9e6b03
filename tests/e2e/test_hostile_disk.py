"""End-to-end, files that change under the server while it indexes them:
deleted, replaced by a directory, by a FIFO (whose open would block), by a
dangling symlink, the backend entry itself deleted; announced by the client
(workspace/didChangeWatchedFiles) or seen by the server's own watcher. As
root, chmod does not make a file unreadable, so these are the ways a file
becomes unreadable here. The server must answer promptly, never serve text
it can no longer read as if it could, and keep the open buffers exact."""
import os
import time

from hostile_util import backend_tree, rmtree, serving, BACKEND, RESOURCE
from lspclient import Server, check, run, uri_of

IMPORTS = "".join("import { %s } from './extra/%s';\n" % (n, n) for n in ("one", "two", "three", "four", "five"))
FILES = {"amplify/backend.ts": IMPORTS + BACKEND}
FILES.update({"amplify/extra/%s.ts" % n: "export const %s = '%s';\n" % (n, n)
              for n in ("one", "two", "three", "four", "five")})
WATCH = {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}},
         "general": {"positionEncodings": ["utf-16"]}}
OPEN_TEXT = "export const five = 'the editor buffer';\n"


def known(s, path):
    msg = s.response(s.request_async("amplify-ls/debugDocument", {"textDocument": {"uri": uri_of(path)}}),
                     timeout=10)
    return msg.get("result")


def replace(root):
    """Makes the files unreadable in every way root cannot be stopped by chmod."""
    p = lambda n: os.path.join(root, "amplify/extra/%s.ts" % n)
    os.unlink(p("one"))
    os.unlink(p("two"))
    os.mkdir(p("two"))
    os.unlink(p("three"))
    os.mkfifo(p("three"))
    os.unlink(p("four"))
    os.symlink(os.path.join(root, "does-not-exist.ts"), p("four"))
    os.unlink(p("five"))  # open in the editor: the buffer wins
    return {n: p(n) for n in ("one", "two", "three", "four", "five")}


def check_after(s, root, paths):
    for name in ("one", "two", "three", "four"):
        doc = known(s, paths[name])
        check(doc is None or doc["text"] != "export const %s = '%s';\n" % (name, name) or not doc["inBackend"],
              "%s: the server still serves the text of a file it can no longer read: %s" % (name, doc))
    serving(s, uri_of(paths["five"]), OPEN_TEXT)
    backend = known(s, os.path.join(root, "amplify/backend.ts"))
    check(backend and backend["inBackend"], "the backend is still analysed")


def test_client_announced_changes():
    root = backend_tree(FILES)
    try:
        with Server(debug=True) as s:
            s.initialize(root=root, capabilities=WATCH)
            for n in ("one", "two", "three", "four", "five"):
                check(known(s, os.path.join(root, "amplify/extra/%s.ts" % n))["inBackend"], "%s indexed" % n)
            s.open(uri_of(os.path.join(root, "amplify/extra/five.ts")), OPEN_TEXT, 2)
            paths = replace(root)
            t0 = time.monotonic()
            s.notify("workspace/didChangeWatchedFiles", {"changes": [
                {"uri": uri_of(paths["one"]), "type": 3},
                {"uri": uri_of(paths["two"]), "type": 2},
                {"uri": uri_of(paths["three"]), "type": 2},
                {"uri": uri_of(paths["four"]), "type": 2},
                {"uri": uri_of(paths["five"]), "type": 3},
                # Lies: a change of a deleted file, a creation of a FIFO.
                {"uri": uri_of(paths["one"]), "type": 2},
                {"uri": uri_of(paths["three"]), "type": 1}]})
            check_after(s, root, paths)
            check(time.monotonic() - t0 < 10, "answered promptly (a FIFO must not be opened for reading)")
            # The editor closes the deleted file: nothing to fall back to.
            s.notify("textDocument/didClose", {"textDocument": {"uri": uri_of(paths["five"])}})
            check(known(s, paths["five"]) is None, "a closed file deleted on disk is forgotten")
            # The backend entry itself disappears.
            os.unlink(os.path.join(root, "amplify/backend.ts"))
            s.notify("workspace/didChangeWatchedFiles", {"changes": [
                {"uri": uri_of(os.path.join(root, "amplify/backend.ts")), "type": 3}]})
            check(known(s, os.path.join(root, "amplify/backend.ts")) is None, "the deleted entry is forgotten")
            doc = known(s, os.path.join(root, "amplify/data/resource.ts"))
            check(doc is None or not doc["inBackend"], "no backend any more: %s" % doc)
            serving(s)
            s.shutdown_and_exit(0)
    finally:
        rmtree(root)


def test_native_watcher_sees_changes():
    root = backend_tree(FILES)
    try:
        with Server(debug=True) as s:
            s.initialize(root=root)  # no dynamic registration: the server watches by itself
            for n in ("one", "two", "three", "four", "five"):
                check(known(s, os.path.join(root, "amplify/extra/%s.ts" % n))["inBackend"], "%s indexed" % n)
            s.open(uri_of(os.path.join(root, "amplify/extra/five.ts")), OPEN_TEXT, 2)
            paths = replace(root)
            deadline = time.monotonic() + 10
            while True:
                try:
                    check_after(s, root, paths)
                    break
                except Exception:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.2)
            s.shutdown_and_exit(0)
    finally:
        rmtree(root)


def test_files_gone_before_the_first_scan():
    """Entries that are broken from the start: the scan and the import
    closure skip them with a logged reason, and the rest is analysed."""
    root = backend_tree(FILES)
    try:
        replace(root)
        os.symlink("/nonexistent/amplify", os.path.join(root, "dangling-amplify"))
        os.mkfifo(os.path.join(root, "amplify/fifo.ts"))
        with Server(debug=True) as s:
            s.initialize(root=root)
            check(known(s, os.path.join(root, "amplify/backend.ts"))["inBackend"], "the backend is analysed")
            for n in ("one", "two", "three", "four"):
                check(known(s, os.path.join(root, "amplify/extra/%s.ts" % n)) is None, "%s is not loaded" % n)
            check(s.wait_stderr("four.ts"), "the dangling link is named in the log")
            serving(s)
            s.shutdown_and_exit(0)
    finally:
        rmtree(root)


if __name__ == "__main__":
    run([test_client_announced_changes, test_native_watcher_sees_changes, test_files_gone_before_the_first_scan])
