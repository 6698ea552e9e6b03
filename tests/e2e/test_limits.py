"""End-to-end, limits and leaks: the cap on one message (64 MiB), the cap on
the size of files read from disk (8 MiB), each logged when it drops
something, and memory that does not grow over 100,000 edits (RSS read from
/proc/<pid>/status before and after, printed, with only a generous bound
asserted)."""
import os
import subprocess
import time

import lspclient
from hostile_util import answer, backend_tree, rmtree, rss_kb, serving, write, BACKEND, RESOURCE
from lspclient import Server, check, frame, position_of, run, uri_of

MESSAGE_CAP = 64 << 20
FILE_CAP = 8 << 20


def test_message_size_cap():
    with Server(debug=True) as s:
        s.initialize()
        uri = "untitled:limits"
        s.open(uri, RESOURCE)
        # A header over the cap, with no body behind it: dropped at once.
        s.send_raw(b"Content-Length: %d\r\n\r\n" % (MESSAGE_CAP + 1))
        serving(s, uri, RESOURCE)
        check(s.wait_stderr("larger than the server accepts"), "the dropped message is logged")
        # A real message over the cap: a 65 MB didOpen.
        big = "x" * (MESSAGE_CAP + 1024)
        body = ('{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":'
                '{"uri":"untitled:huge","languageId":"typescript","version":1,"text":"%s"}}}' % big).encode()
        s.send_raw(frame(raw=body))
        serving(s, uri, RESOURCE)
        err = s.error_of("amplify-ls/debugDocument", {"textDocument": {"uri": "untitled:huge"}})
        check(err["code"] == -32602, "the message over the cap was dropped: %s" % err)
        # Just under the cap is accepted (kept, not parsed: over the parse limit).
        text = "// " + "y" * (20 << 20) + "\n"
        s.open("untitled:large", text)
        doc = s.debug_document("untitled:large")
        check(doc["text"] == text and doc["tree"] is None, "a 20 MB document under the cap is kept")
        serving(s, uri, RESOURCE)
        s.shutdown_and_exit(0)


def test_file_size_cap_from_disk():
    big = "// padding\n" * (FILE_CAP // 11 + 10)
    root = backend_tree({"amplify/backend.ts": "import { huge } from './huge';\n" + BACKEND,
                         "amplify/huge.ts": "export const huge = 1;\n" + big})
    other = backend_tree({"amplify/backend.ts": BACKEND + big})  # the entry itself over the cap
    try:
        huge = os.path.join(root, "amplify/huge.ts")
        with Server(debug=True) as s:
            s.initialize(folders=[root, other])
            res = uri_of(os.path.join(root, "amplify/data/resource.ts"))
            check(s.debug_document(res)["inBackend"], "the rest of the backend is analysed")
            err = s.error_of("amplify-ls/debugDocument", {"textDocument": {"uri": uri_of(huge)}})
            check(err["code"] == -32602, "the file over the cap is not read: %s" % err)
            check(s.wait_stderr("huge.ts: larger than the file-size limit"), "the skipped file is logged")
            check(s.wait_stderr(os.path.join(other, "amplify/backend.ts")), "the skipped entry is logged")
            # The editor may still open it: the cap is for the disk, not for the client.
            text = open(huge).read()
            s.open(uri_of(huge), text)
            check(s.debug_document(uri_of(huge))["text"] == text, "an open buffer has no file cap")
            serving(s, res, RESOURCE)
            s.shutdown_and_exit(0)
        p = subprocess.run([lspclient.BINARY, "check", root], capture_output=True, text=True, timeout=120)
        check(p.returncode == 2 and "larger than the file-size limit" in p.stderr,
              "check names the skipped file and exits 2: %d %s" % (p.returncode, p.stderr))
    finally:
        rmtree(root)
        rmtree(other)


def test_memory_soak_100k_edits():
    root = backend_tree()
    try:
        uri = uri_of(os.path.join(root, "amplify/data/resource.ts"))
        env = dict(os.environ)
        # AddressSanitizer keeps freed memory in quarantine (256 MB by
        # default), which is not a leak; shrink it so RSS means something.
        env["ASAN_OPTIONS"] = env.get("ASAN_OPTIONS", "") + ":quarantine_size_mb=4:thread_local_quarantine_size_kb=64"
        with Server(debug=True, env=env) as s:
            s.initialize(root=root, options={"diagnosticsDebounceMs": 0})
            s.open(uri, RESOURCE, 1)
            version = 1
            text = RESOURCE
            at = position_of(text, text.index("title"))
            after = {"line": at["line"], "character": at["character"] + 1}

            def burst(n):
                nonlocal version
                data = b""
                for i in range(n):
                    version += 1
                    if i % 2 == 0:
                        change = {"range": {"start": at, "end": at}, "text": "\u00e9"}
                    else:
                        change = {"range": {"start": at, "end": after}, "text": ""}
                    data += frame({"jsonrpc": "2.0", "method": "textDocument/didChange",
                                   "params": {"textDocument": {"uri": uri, "version": version},
                                              "contentChanges": [change]}})
                data += frame({"jsonrpc": "2.0", "id": "barrier-%d" % version, "method": "textDocument/hover",
                               "params": {"textDocument": {"uri": uri}, "position": at}})
                s.send_raw(data)
                s.response("barrier-%d" % version, timeout=120)

            for _ in range(5):
                burst(1000)  # warm up: caches, arenas, the allocator's pools
            before = rss_kb(s.proc.pid)
            t0 = time.monotonic()
            for _ in range(100):
                burst(1000)
            after_kb = rss_kb(s.proc.pid)
            print("info: RSS before %d kB, after 100,000 edits %d kB (%.1f s)"
                  % (before, after_kb, time.monotonic() - t0))
            check(after_kb < 2 * before + 20 * 1024, "RSS grew from %d kB to %d kB" % (before, after_kb))
            serving(s, uri, text)
            s.shutdown_and_exit(0)
    finally:
        rmtree(root)


if __name__ == "__main__":
    run([test_message_size_cap, test_file_size_cap_from_disk, test_memory_soak_100k_edits])
