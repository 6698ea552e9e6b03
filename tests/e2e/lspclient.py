"""A small LSP client for end-to-end tests: it spawns the built amplify-ls,
talks to it over pipes the way an editor does, and records everything.

Usage in a test:
    with Server(debug=True) as s:
        s.initialize()
        s.open(uri, text)
        ...
        s.shutdown_and_exit()   # asserts the exit code

Only the standard library is used. A reader thread parses frames from the
server's stdout into a queue, so every wait has a timeout and a hung server
fails the test instead of hanging it.
"""
import json
import os
import queue
import subprocess
import sys
import threading
import time

BINARY = os.path.abspath(os.environ["AMPLIFY_LS"]) if os.environ.get("AMPLIFY_LS") else ""
TIMEOUT = float(os.environ.get("AMPLIFY_LS_TIMEOUT", "20"))


class Failure(Exception):
    pass


def check(cond, message):
    if not cond:
        raise Failure(message)


def frame(obj=None, raw=None):
    body = raw if raw is not None else json.dumps(obj).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class Server:
    def __init__(self, debug=True, args=(), cwd=None, env=None, cmd=None):
        """Starts amplify-ls (BINARY), or cmd: another server's command line."""
        cmd = cmd or [BINARY] + (["--debug-requests"] if debug else []) + list(args)
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, cwd=cwd, env=env)
        self.inbox = queue.Queue()
        self.notifications = []
        self.server_requests = []
        self.next_id = 1
        self.stderr_lines = []
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._read_err, daemon=True).start()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    # ---- wire ----------------------------------------------------------
    def _read(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    self.inbox.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                k, _, v = line.decode().partition(":")
                headers[k.strip().lower()] = v.strip()
            n = int(headers["content-length"])
            body = out.read(n)
            self.inbox.put(json.loads(body))

    def _read_err(self):
        for line in self.proc.stderr:
            self.stderr_lines.append(line.decode(errors="replace"))

    def send_raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, obj):
        self.send_raw(frame(obj))

    def notify(self, method, params=None):
        msg = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)

    def request_async(self, method, params=None, id=None):
        if id is None:
            id = self.next_id
            self.next_id += 1
        msg = {"jsonrpc": "2.0", "id": id, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)
        return id

    def _next(self, deadline):
        left = deadline - time.monotonic()
        if left <= 0:
            raise Failure("timed out waiting for the server; stderr:\n" + "".join(self.stderr_lines[-20:]))
        try:
            msg = self.inbox.get(timeout=left)
        except queue.Empty:
            raise Failure("timed out waiting for the server; stderr:\n" + "".join(self.stderr_lines[-20:]))
        if msg is None:
            raise Failure("the server closed its output (exit %s); stderr:\n%s"
                          % (self.proc.poll(), "".join(self.stderr_lines[-20:])))
        if "method" in msg and "id" in msg:
            self.server_requests.append(msg)
            self.send({"jsonrpc": "2.0", "id": msg["id"], "result": None})
        elif "method" in msg:
            self.notifications.append(msg)
        return msg

    def response(self, id, timeout=TIMEOUT):
        """Waits for the response to request id and returns the whole message."""
        deadline = time.monotonic() + timeout
        while True:
            msg = self._next(deadline)
            if "method" not in msg and msg.get("id") == id:
                return msg

    def request(self, method, params=None):
        """Sends a request and returns its result; fails on an error response."""
        id = self.request_async(method, params)
        msg = self.response(id)
        check("error" not in msg, "%s failed: %s" % (method, msg.get("error")))
        return msg["result"]

    def error_of(self, method, params=None, id=None):
        """Sends a request and returns its error object; fails on success."""
        id = self.request_async(method, params, id)
        msg = self.response(id)
        check("error" in msg, "%s should have failed, got %s" % (method, msg))
        return msg["error"]

    def wait_notification(self, method, pred=lambda p: True, timeout=TIMEOUT):
        """Returns the params of the first notification (old or new) matching."""
        deadline = time.monotonic() + timeout
        for n in self.notifications:
            if n["method"] == method and pred(n.get("params")):
                self.notifications.remove(n)
                return n.get("params")
        while True:
            msg = self._next(deadline)
            if msg.get("method") == method and "id" not in msg and pred(msg.get("params")):
                self.notifications.remove(msg)
                return msg.get("params")

    def wait_stderr(self, text, timeout=10):
        """True once a stderr line containing text has been read."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(text in line for line in self.stderr_lines):
                return True
            time.sleep(0.05)
        return False

    def diagnostics_for(self, uri, version=None, timeout=TIMEOUT):
        def match(p):
            return p["uri"] == uri and (version is None or p.get("version") == version)
        return self.wait_notification("textDocument/publishDiagnostics", match, timeout)["diagnostics"]

    # ---- LSP helpers ---------------------------------------------------
    def initialize(self, root=None, encodings=("utf-16",), capabilities=None, options=None,
                   process_id=None, folders=None):
        caps = capabilities if capabilities is not None else {
            "general": {"positionEncodings": list(encodings)},
            "textDocument": {"publishDiagnostics": {"relatedInformation": True}},
        }
        params = {"processId": process_id if process_id is not None else os.getpid(),
                  "rootUri": uri_of(root) if root else None, "capabilities": caps}
        if folders is not None:
            params["workspaceFolders"] = [{"uri": uri_of(f), "name": os.path.basename(f)} for f in folders]
        params["initializationOptions"] = options if options is not None else {"diagnosticsDebounceMs": 0}
        result = self.request("initialize", params)
        self.notify("initialized", {})
        return result

    def open(self, uri, text, version=1):
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "typescript", "version": version, "text": text}})

    def change(self, uri, version, changes):
        self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                               "contentChanges": changes})

    def debug_document(self, uri):
        return self.request("amplify-ls/debugDocument", {"textDocument": {"uri": uri}})

    def shutdown_and_exit(self, expect_code=0):
        check(self.request("shutdown") is None, "shutdown must answer null")
        self.notify("exit")
        code = self.proc.wait(timeout=TIMEOUT)
        check(code == expect_code, "exit code %s, expected %s" % (code, expect_code))


def write_tree(prefix, files):
    """Writes {relative path: text} under a new temporary folder; returns it."""
    import tempfile
    root = tempfile.mkdtemp(prefix=prefix)
    for rel, text in files.items():
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
    return root


def uri_of(path):
    from urllib.parse import quote
    return "file://" + quote(os.path.abspath(path))


def utf16_len(s):
    return len(s.encode("utf-16-le")) // 2


def position_of(text, index, encoding="utf-16"):
    """LSP position of the Python string index in text."""
    before = text[:index]
    line = before.count("\n") - before.count("\r\n") + before.count("\r")
    # The start of the current line: after the last \n or lone \r.
    start = max(before.rfind("\n"), before.rfind("\r")) + 1
    col_text = before[start:]
    if encoding == "utf-16":
        col = utf16_len(col_text)
    elif encoding == "utf-8":
        col = len(col_text.encode())
    else:
        col = len(col_text)
    return {"line": line, "character": col}


def run(tests):
    """Runs test functions, printing one line each and a closing summary."""
    if not BINARY or not os.path.exists(BINARY):
        print("AMPLIFY_LS must name the built amplify-ls binary")
        sys.exit(2)
    passed = failed = 0
    for t in tests:
        try:
            t()
            passed += 1
            print("ok   %s" % t.__name__)
        except Exception as e:  # noqa: BLE001 - report every failure kind
            failed += 1
            print("FAIL %s: %s" % (t.__name__, e))
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)
