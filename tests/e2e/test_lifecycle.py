"""End-to-end: the LSP lifecycle as an editor drives it (initialize,
initialized, requests, shutdown, exit) and the errors the specification
requires around it."""
import os
import signal
import subprocess
import time

from lspclient import Server, check, run


def test_initialize_advertises_capabilities():
    with Server() as s:
        result = s.initialize()
        caps = result["capabilities"]
        check(result["serverInfo"]["name"] == "amplify-ls", "serverInfo.name")
        check(result["serverInfo"]["version"], "serverInfo.version")
        check(caps["textDocumentSync"]["change"] == 2, "incremental sync")
        check(caps["textDocumentSync"]["openClose"] is True, "openClose")
        check(caps["positionEncoding"] == "utf-16", "default encoding is utf-16")
        s.shutdown_and_exit(0)


def test_encoding_negotiation():
    for offered, expected in ((["utf-8", "utf-16"], "utf-8"), (["utf-32", "utf-16"], "utf-32"),
                              (["utf-16"], "utf-16"), ([], "utf-16")):
        with Server() as s:
            caps = s.initialize(encodings=offered)["capabilities"]
            check(caps["positionEncoding"] == expected,
                  "offered %s, got %s" % (offered, caps["positionEncoding"]))
            s.shutdown_and_exit(0)


def test_requests_before_initialize_are_refused():
    with Server() as s:
        err = s.error_of("textDocument/diagnostic", {"textDocument": {"uri": "file:///x.ts"}})
        check(err["code"] == -32002, "expected ServerNotInitialized, got %s" % err)
        s.initialize()
        err = s.error_of("initialize", {"processId": None, "capabilities": {}})
        check(err["code"] == -32600, "a second initialize is an invalid request: %s" % err)
        s.shutdown_and_exit(0)


def test_unknown_methods():
    with Server() as s:
        s.initialize()
        err = s.error_of("textDocument/somethingNew", {})
        check(err["code"] == -32601, "unknown request: %s" % err)
        # Unknown notifications, $/ ones included, are ignored silently.
        s.notify("$/unknownNotification", {"x": 1})
        s.notify("custom/notification")
        err = s.error_of("amplify-ls/nothing")
        check(err["code"] == -32601, "still serving after unknown notifications")
        s.shutdown_and_exit(0)


def test_debug_requests_are_off_unless_enabled():
    with Server(debug=False) as s:
        s.initialize()
        err = s.error_of("amplify-ls/debugDocument", {"textDocument": {"uri": "file:///a.ts"}})
        check(err["code"] == -32601, "debug request must not exist without the flag")
        s.shutdown_and_exit(0)


def test_after_shutdown_only_exit():
    with Server() as s:
        s.initialize()
        check(s.request("shutdown") is None, "shutdown result")
        err = s.error_of("textDocument/diagnostic", {"textDocument": {"uri": "file:///x.ts"}})
        check(err["code"] == -32600, "requests after shutdown are invalid: %s" % err)
        s.notify("exit")
        check(s.proc.wait(timeout=10) == 0, "exit after shutdown is 0")


def test_exit_without_shutdown_is_1():
    with Server() as s:
        s.initialize()
        s.notify("exit")
        check(s.proc.wait(timeout=10) == 1, "exit without shutdown is 1")


def test_eof_ends_the_server():
    with Server() as s:
        s.initialize()
        s.proc.stdin.close()
        check(s.proc.wait(timeout=10) == 1, "closing stdin without shutdown exits 1")


def test_exits_when_client_process_dies():
    sleeper = subprocess.Popen(["sleep", "60"])
    with Server() as s:
        s.initialize(process_id=sleeper.pid)
        sleeper.send_signal(signal.SIGKILL)
        sleeper.wait()
        start = time.monotonic()
        code = s.proc.wait(timeout=15)
        check(code == 1, "exit code %s after the client died" % code)
        check(time.monotonic() - start < 10, "the server noticed the dead client")


def test_trace_notifications():
    with Server() as s:
        s.initialize()
        s.notify("$/setTrace", {"value": "verbose"})
        s.error_of("nope/nope")  # a handled request... unknown ones are not traced
        s.request("textDocument/diagnostic", {"textDocument": {"uri": "file:///x.ts"}})
        trace = s.wait_notification("$/logTrace")
        check("textDocument/diagnostic" in trace["message"], "trace names the method: %s" % trace)
        check("verbose" in trace, "verbose trace carries params")
        s.shutdown_and_exit(0)


def test_version_and_help():
    from lspclient import BINARY
    out = subprocess.run([BINARY, "--version"], capture_output=True, text=True)
    check(out.returncode == 0 and out.stdout.startswith("amplify-ls "), "--version: %r" % out.stdout)
    out = subprocess.run([BINARY, "--help"], capture_output=True, text=True)
    check(out.returncode == 0 and "usage:" in out.stdout and "check" in out.stdout, "--help")
    out = subprocess.run([BINARY, "--bogus"], capture_output=True, text=True)
    check(out.returncode == 2 and "unknown argument" in out.stderr, "bad flag exits 2")


def test_logs_go_to_stderr_and_log_file():
    import tempfile
    with tempfile.TemporaryDirectory(prefix="amplify-ls-log-") as tmp:
        log = os.path.join(tmp, "amplify-ls.log")
        with Server(args=["--log", log]) as s:
            s.initialize()
            s.shutdown_and_exit(0)
        with open(log) as f:
            check("initialized" in f.read(), "the log file has the log")


if __name__ == "__main__":
    run([test_initialize_advertises_capabilities, test_encoding_negotiation,
         test_requests_before_initialize_are_refused, test_unknown_methods,
         test_debug_requests_are_off_unless_enabled, test_after_shutdown_only_exit,
         test_exit_without_shutdown_is_1, test_eof_ends_the_server,
         test_exits_when_client_process_dies, test_trace_notifications, test_version_and_help,
         test_logs_go_to_stderr_and_log_file])
