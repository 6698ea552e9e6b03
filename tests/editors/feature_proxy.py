#!/usr/bin/env python3
"""An LSP proxy for testing the editor tests themselves: it runs the real
amplify-ls (AMPLIFY_LS_REAL) behind it, passes every message through, but
adds completionProvider and definitionProvider to the initialize result and
answers textDocument/completion and textDocument/definition itself.

AMPLIFY_LS_FAKE=right answers as the finished server should (the fixture's
model names inside a.belongsTo(', the `Post:` key line for 'Post');
AMPLIFY_LS_FAKE=wrong answers wrongly (a type name, the first line). With
it, the completion and definition steps of the Neovim, Emacs and VS Code
tests run before the server provides those features, and are shown to pass on
right answers and to fail on wrong ones (tests editors_selftest_*).

Standard library only."""
import json
import os
import subprocess
import sys
import threading
from urllib.parse import unquote, urlparse

MODE = os.environ.get("AMPLIFY_LS_FAKE", "right")
REAL = os.environ["AMPLIFY_LS_REAL"]
write_lock = threading.Lock()
init_ids = set()
texts = {}  # uri -> text, from didOpen/didChange (full text kept by replaying edits)


def read_frame(stream):
    headers = {}
    while True:
        line = stream.readline()
        if not line:
            return None
        line = line.strip()
        if not line:
            break
        key, _, value = line.decode("ascii").partition(":")
        headers[key.strip().lower()] = value.strip()
    return json.loads(stream.read(int(headers["content-length"])))


def write_frame(stream, msg):
    body = json.dumps(msg).encode()
    with write_lock:
        stream.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        stream.flush()


def offset_of(text, pos):
    lines = text.split("\n")
    line = min(pos["line"], len(lines) - 1)
    return sum(len(l) + 1 for l in lines[:line]) + min(pos["character"], len(lines[line]))


def track(msg):
    method = msg.get("method")
    params = msg.get("params") or {}
    if method == "textDocument/didOpen":
        doc = params["textDocument"]
        texts[doc["uri"]] = doc["text"]
    elif method == "textDocument/didChange":
        uri = params["textDocument"]["uri"]
        text = texts.get(uri, "")
        for change in params["contentChanges"]:
            if "range" in change:
                start = offset_of(text, change["range"]["start"])
                end = offset_of(text, change["range"]["end"])
                text = text[:start] + change["text"] + text[end:]
            else:
                text = change["text"]
        texts[uri] = text


def text_of(uri):
    if uri in texts:
        return texts[uri]
    with open(unquote(urlparse(uri).path), encoding="utf-8") as f:
        return f.read()


def answer(msg):
    params = msg["params"]
    uri = params["textDocument"]["uri"]
    if msg["method"] == "textDocument/completion":
        labels = ["Post", "Comment"] if MODE == "right" else ["string", "id"]
        return {"isIncomplete": False, "items": [{"label": l, "kind": 7} for l in labels]}
    lines = text_of(uri).split("\n")
    line = next(i for i, l in enumerate(lines) if "Post: a.model(" in l) if MODE == "right" else 0
    col = lines[line].find("Post") if MODE == "right" else 0
    return [{"uri": uri, "range": {"start": {"line": line, "character": max(col, 0)},
                                   "end": {"line": line, "character": max(col, 0) + 4}}}]


def main():
    server = subprocess.Popen([REAL] + sys.argv[1:], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    client_in, client_out = sys.stdin.buffer, sys.stdout.buffer

    def from_server():
        while True:
            msg = read_frame(server.stdout)
            if msg is None:
                break
            if "method" not in msg and msg.get("id") in init_ids and "result" in msg:
                caps = msg["result"]["capabilities"]
                caps["completionProvider"] = {"triggerCharacters": ["'", '"']}
                caps["definitionProvider"] = True
            write_frame(client_out, msg)
        # The server is gone (after exit, or it died): so is the proxy, with its status.
        os._exit(server.wait())

    threading.Thread(target=from_server, daemon=True).start()
    while True:
        msg = read_frame(client_in)
        if msg is None:
            break
        track(msg)
        method = msg.get("method")
        if method == "initialize":
            init_ids.add(msg.get("id"))
        if method in ("textDocument/completion", "textDocument/definition") and "id" in msg:
            write_frame(client_out, {"jsonrpc": "2.0", "id": msg["id"], "result": answer(msg)})
            continue
        write_frame(server.stdin, msg)
    server.stdin.close()
    sys.exit(server.wait(timeout=10))


if __name__ == "__main__":
    main()
