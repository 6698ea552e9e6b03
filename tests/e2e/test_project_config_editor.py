"""End-to-end: project settings in the editor (server/lsp/project.c through
sync.c and publish.c): amplify-ls.json's own problems as diagnostics of its
URI, pushed and pulled, with its open buffer winning over the disk; a change
of amplify-ls.json, package.json or a lockfile re-running the rules of the
backends that read it (and only theirs); the file watchers asked for."""
import json
import os
import re
import shutil
import time

from lspclient import Server, check, run, uri_of, write_tree
# The backend, a data file where data-model-missing-authorization (CODE)
# fires, and the pre-1.0 notice's code.
from test_project_settings import BACKEND, CODE, DATA, NOTICE

CONFIG_CODE = "amplify-ls-config"
# The unknown code sits on line 3 (0-based 2), its quote at column 4.
UNKNOWN = '{\n  "rules": {\n    "no-such-rule": "off"\n  }\n}\n'
WATCH = {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}},
         "textDocument": {"publishDiagnostics": {"relatedInformation": True}}}
PULL = {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True},
                      "diagnostics": {"refreshSupport": True}},
        "textDocument": {"diagnostic": {"dynamicRegistration": False}}}
LOCK_NAMES = ["package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml"]


def project(files, backend_at="amplify"):
    """A project on disk: {relative path: text or JSON value}, with a backend
    in the folder backend_at (None: only the files given)."""
    files = dict(files)
    if backend_at:
        files.setdefault(backend_at + "/backend.ts", BACKEND)
        files.setdefault(backend_at + "/data/resource.ts", DATA)
    return write_tree("amplify-ls-config-editor-", {
        rel: text if isinstance(text, str) else json.dumps(text, indent=2)
        for rel, text in files.items()})


def write(root, rel, value):
    with open(os.path.join(root, rel), "w") as f:
        f.write(value if isinstance(value, str) else json.dumps(value, indent=2))
    return os.path.join(root, rel)


def codes(diags):
    return [d["code"] for d in diags]


def watched(s, *changes):
    """Sends workspace/didChangeWatchedFiles for (path, type) pairs."""
    s.notify("workspace/didChangeWatchedFiles",
             {"changes": [{"uri": uri_of(p), "type": t} for p, t in changes]})


def settle(s):
    """Returns once the server has handled everything sent so far (and sent
    what the diagnostics flush of those messages produces)."""
    s.request("workspace/symbol", {"query": "zzz-settle"})


def drain(s):
    """settle(s), then forgets what was received: the next list read for a
    file is one published after this point."""
    settle(s)
    s.notifications.clear()


def published(s, uri):
    return [n for n in s.notifications if n["method"] == "textDocument/publishDiagnostics"
            and n["params"]["uri"] == uri]


def expand(glob):
    """The names one glob of the form **/name or **/{a,b,...} stands for."""
    m = re.fullmatch(r"\*\*/\{([^}]*)\}", glob)
    if m:
        return ["**/" + n for n in m.group(1).split(",")]
    return [glob]


# ---- (a) amplify-ls.json's own problems -------------------------------------------


def test_config_problem_published_and_fixed_in_the_buffer():
    root = project({"amplify-ls.json": UNKNOWN})
    try:
        with Server() as s:
            s.initialize(root=root)
            config = uri_of(os.path.join(root, "amplify-ls.json"))
            # Not open: the disk's problems, without a version.
            diags = s.diagnostics_for(config)
            check(len(diags) == 1, "one problem: %s" % diags)
            d = diags[0]
            check(d["code"] == CONFIG_CODE and d["severity"] == 2 and d["source"] == "amplify-ls",
                  "a warning of amplify-ls: %s" % d)
            check(d["range"] == {"start": {"line": 2, "character": 4},
                                 "end": {"line": 2, "character": 18}},
                  "underlines \"no-such-rule\": %s" % d["range"])
            check("no-such-rule" in d["message"], "names the code: %s" % d["message"])
            # Opened: the same list for version 1.
            s.notify("textDocument/didOpen", {"textDocument": {
                "uri": config, "languageId": "json", "version": 1, "text": UNKNOWN}})
            check(s.diagnostics_for(config, version=1) == diags, "version 1 has it")
            # Fixed in the buffer (not saved): cleared for version 2.
            s.change(config, 2, [{"range": {"start": {"line": 2, "character": 5},
                                            "end": {"line": 2, "character": 17}},
                                  "text": CODE}])
            check(s.diagnostics_for(config, version=2) == [], "cleared by the fix")
            # Broken in the buffer: invalid JSON, an error where jansson stops.
            s.change(config, 3, [{"text": '{ "rules": { "%s": "off", } }\n' % CODE}])
            diags = s.diagnostics_for(config, version=3)
            check(len(diags) == 1 and diags[0]["severity"] == 1, "an error: %s" % diags)
            check("not valid JSON" in diags[0]["message"] and diags[0]["range"]["start"]["line"] == 0,
                  "says why, on line 1: %s" % diags[0])
            s.shutdown_and_exit()
    finally:
        shutil.rmtree(root)


def test_open_buffer_wins_over_the_disk():
    root = project({"amplify-ls.json": {"rules": {}}})
    try:
        with Server() as s:
            s.initialize(root=root)
            data = uri_of(os.path.join(root, "amplify/data/resource.ts"))
            s.open(data, DATA)
            check(CODE in codes(s.diagnostics_for(data, version=1)), "the rule fires")
            drain(s)
            # The buffer turns the rule off; the disk still has nothing.
            config = uri_of(os.path.join(root, "amplify-ls.json"))
            off = json.dumps({"rules": {CODE: "off", "no-such-rule": "off"}})
            s.notify("textDocument/didOpen", {"textDocument": {
                "uri": config, "languageId": "json", "version": 1, "text": off}})
            check(CODE not in codes(s.diagnostics_for(data, version=1)), "off from the buffer")
            diags = s.diagnostics_for(config, version=1)
            check(len(diags) == 1 and "no-such-rule" in diags[0]["message"],
                  "the buffer's problem: %s" % diags)
            start = off.index('"no-such-rule"')
            check(diags[0]["range"]["start"] == {"line": 0, "character": start}, "placed in the buffer")
            # A disk change of an open amplify-ls.json changes nothing.
            settle(s)
            s.notifications.clear()
            write(root, "amplify-ls.json", UNKNOWN + "\n\n")
            watched(s, (os.path.join(root, "amplify-ls.json"), 2))
            settle(s)
            check(not published(s, config) and not published(s, data),
                  "the buffer still wins: %s" % s.notifications)
            # Closed: the disk governs again.
            s.notify("textDocument/didClose", {"textDocument": {"uri": config}})
            check(CODE in codes(s.diagnostics_for(data, version=1)), "on again from the disk")
            diags = s.diagnostics_for(config)
            check(len(diags) == 1 and diags[0]["range"]["start"] == {"line": 2, "character": 4},
                  "the disk's problem: %s" % diags)
            s.shutdown_and_exit()
    finally:
        shutil.rmtree(root)


def test_config_problems_cleared_when_fixed_or_deleted_on_disk():
    root = project({"amplify-ls.json": UNKNOWN})
    try:
        with Server() as s:
            s.initialize(root=root, capabilities=WATCH)
            config = os.path.join(root, "amplify-ls.json")
            check(len(s.diagnostics_for(uri_of(config))) == 1, "the problem")
            write(root, "amplify-ls.json", '{ "rules": { "no-such-rule": "warning", "%s": "loud" } }'
                  % CODE)
            watched(s, (config, 2))
            diags = s.diagnostics_for(uri_of(config))
            check(len(diags) == 2 and all(d["range"]["start"]["line"] == 0 for d in diags),
                  "both problems of the new text: %s" % diags)
            os.remove(config)
            watched(s, (config, 3))
            check(s.diagnostics_for(uri_of(config)) == [], "cleared when deleted")
            write(root, "amplify-ls.json", UNKNOWN)
            watched(s, (config, 1))
            check(len(s.diagnostics_for(uri_of(config))) == 1, "back when created")
            write(root, "amplify-ls.json", "{}\n")
            watched(s, (config, 2))
            check(s.diagnostics_for(uri_of(config)) == [], "cleared when fixed")
            s.shutdown_and_exit()
    finally:
        shutil.rmtree(root)


def test_config_problems_pulled():
    root = project({"amplify-ls.json": UNKNOWN})
    try:
        with Server() as s:
            s.initialize(root=root, capabilities=PULL)
            config = os.path.join(root, "amplify-ls.json")
            report = s.request("textDocument/diagnostic", {"textDocument": {"uri": uri_of(config)}})
            check(report["kind"] == "full" and codes(report["items"]) == [CONFIG_CODE],
                  "pulled: %s" % report)
            check(report["items"][0]["range"]["start"] == {"line": 2, "character": 4},
                  "placed: %s" % report["items"][0])
            every = s.request("workspace/diagnostic", {"previousResultIds": []})["items"]
            mine = [r for r in every if r["uri"] == uri_of(config)]
            check(len(mine) == 1 and codes(mine[0]["items"]) == [CONFIG_CODE],
                  "in the workspace report: %s" % every)
            check(not published(s, uri_of(config)), "nothing pushed to a pull client")
            write(root, "amplify-ls.json", "{}\n")
            watched(s, (config, 2))
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and not any(
                    r["method"] == "workspace/diagnostic/refresh" for r in s.server_requests):
                settle(s)
            check(any(r["method"] == "workspace/diagnostic/refresh" for r in s.server_requests),
                  "the client is asked to pull again")
            report = s.request("textDocument/diagnostic", {"textDocument": {"uri": uri_of(config)}})
            check(report["items"] == [], "fixed: %s" % report)
            s.shutdown_and_exit()
    finally:
        shutil.rmtree(root)


def test_requests_on_the_config_file_answer_nothing():
    root = project({"amplify-ls.json": UNKNOWN})
    try:
        with Server() as s:
            s.initialize(root=root)
            config = uri_of(os.path.join(root, "amplify-ls.json"))
            s.notify("textDocument/didOpen", {"textDocument": {
                "uri": config, "languageId": "json", "version": 1, "text": UNKNOWN}})
            pos = {"textDocument": {"uri": config}, "position": {"line": 2, "character": 6}}
            check(s.request("textDocument/hover", pos) is None, "no hover")
            check(not s.request("textDocument/definition", pos), "no definition")
            check(not s.request("textDocument/documentSymbol", {"textDocument": {"uri": config}}),
                  "no symbols")
            check(not s.request("textDocument/codeAction", {
                "textDocument": {"uri": config},
                "range": {"start": {"line": 2, "character": 4}, "end": {"line": 2, "character": 4}},
                "context": {"diagnostics": []}}), "no code actions")
            s.request("textDocument/completion", pos)
            s.notify("textDocument/didClose", {"textDocument": {"uri": config}})
            s.shutdown_and_exit()
    finally:
        shutil.rmtree(root)


# ---- (b) a rule turned off on disk -------------------------------------------------


def test_rule_off_on_disk_republishes_only_its_backends():
    # Two backends; amplify-ls.json beside one of them.
    root = project({"apps/a/amplify/backend.ts": BACKEND, "apps/a/amplify/data/resource.ts": DATA,
                    "apps/b/amplify/backend.ts": BACKEND, "apps/b/amplify/data/resource.ts": DATA},
                   backend_at=None)
    try:
        with Server() as s:
            s.initialize(root=root, capabilities=WATCH)
            a = uri_of(os.path.join(root, "apps/a/amplify/data/resource.ts"))
            b = uri_of(os.path.join(root, "apps/b/amplify/data/resource.ts"))
            s.open(a, DATA)
            s.open(b, DATA)
            check(CODE in codes(s.diagnostics_for(a, version=1)), "fires in a")
            check(CODE in codes(s.diagnostics_for(b, version=1)), "fires in b")
            settle(s)
            s.notifications.clear()
            config = write(root, "apps/a/amplify-ls.json", {"rules": {CODE: "off"}})
            watched(s, (config, 1))
            check(CODE not in codes(s.diagnostics_for(a, version=1)), "off in a")
            settle(s)
            check(not published(s, b), "b does not read apps/a/amplify-ls.json: %s" % published(s, b))
            # A package.json change of b re-runs b's rules only.
            pkg = write(root, "apps/b/package.json", {"devDependencies": {"@aws-amplify/backend": "^1.0.0"}})
            watched(s, (pkg, 1))
            check(CODE in codes(s.diagnostics_for(b, version=1)), "b analysed again")
            settle(s)
            check(not published(s, a), "a does not read apps/b/package.json")
            # A change at the top reaches both.
            top = write(root, "package.json", {"devDependencies": {"@aws-amplify/backend": "^1.0.0"}})
            watched(s, (top, 1))
            s.diagnostics_for(a, version=1)
            s.diagnostics_for(b, version=1)
            drain(s)
            # Deleted: the rule is back in a.
            os.remove(config)
            watched(s, (config, 3))
            check(CODE in codes(s.diagnostics_for(a, version=1)), "on again in a")
            s.shutdown_and_exit()
    finally:
        shutil.rmtree(root)


def test_parent_config_reaches_nested_backends():
    # amplify-ls.json at the workspace root governs apps/web until apps/web has its own.
    root = project({"amplify-ls.json": {"rules": {}}}, backend_at="apps/web/amplify")
    try:
        with Server() as s:
            s.initialize(root=root, capabilities=WATCH)
            data = uri_of(os.path.join(root, "apps/web/amplify/data/resource.ts"))
            s.open(data, DATA)
            check(CODE in codes(s.diagnostics_for(data, version=1)), "fires")
            drain(s)
            top = write(root, "amplify-ls.json", {"rules": {CODE: "hint"}})
            watched(s, (top, 2))
            found = [d for d in s.diagnostics_for(data, version=1) if d["code"] == CODE]
            check(len(found) == 1 and found[0]["severity"] == 4, "a hint now: %s" % found)
            drain(s)
            # The project folder's own amplify-ls.json appears: it wins.
            own = write(root, "apps/web/amplify-ls.json", {"rules": {CODE: "off", "nope": "off"}})
            watched(s, (own, 1))
            check(CODE not in codes(s.diagnostics_for(data, version=1)), "off by the nearer one")
            check(len(s.diagnostics_for(uri_of(own))) == 1, "the nearer one's problem")
            # Its problems go when it is deleted; the top one governs again.
            drain(s)
            os.remove(own)
            watched(s, (own, 3))
            check(s.diagnostics_for(uri_of(own)) == [], "cleared")
            check(CODE in codes(s.diagnostics_for(data, version=1)), "a hint again")
            s.shutdown_and_exit()
    finally:
        shutil.rmtree(root)


# ---- (c) lockfiles ------------------------------------------------------------------


def lock(version):
    return {"lockfileVersion": 3, "packages": {"": {"name": "app"},
                                               "node_modules/@aws-amplify/backend": {"version": version}}}


def test_lockfile_change_turns_version_rules_off_and_on():
    root = project({"package.json": {"devDependencies": {"@aws-amplify/backend": "*"}},
                    "package-lock.json": lock("1.25.1")})
    try:
        with Server() as s:
            s.initialize(root=root, capabilities=WATCH)
            data = uri_of(os.path.join(root, "amplify/data/resource.ts"))
            backend = uri_of(os.path.join(root, "amplify/backend.ts"))
            s.open(data, DATA)
            s.open(backend, BACKEND)
            check(CODE in codes(s.diagnostics_for(data, version=1)), "1.25.1: the rule applies")
            check(NOTICE not in codes(s.diagnostics_for(backend, version=1)), "no notice")
            drain(s)
            # npm now installs the preview: the 1.x rules are off, one notice.
            path = write(root, "package-lock.json", lock("0.15.1"))
            watched(s, (path, 2))
            check(CODE not in codes(s.diagnostics_for(data, version=1)), "0.15.1: off")
            check(NOTICE in codes(s.diagnostics_for(backend, version=1)), "the notice")
            drain(s)
            # Switched to pnpm: package-lock.json deleted, pnpm-lock.yaml created.
            os.remove(path)
            pnpm = write(root, "pnpm-lock.yaml",
                         "lockfileVersion: '9.0'\n\nimporters:\n\n  .:\n    devDependencies:\n"
                         "      '@aws-amplify/backend':\n        specifier: '*'\n"
                         "        version: 1.16.1\n")
            watched(s, (path, 3), (pnpm, 1))
            check(CODE in codes(s.diagnostics_for(data, version=1)), "pnpm's 1.16.1: on again")
            check(NOTICE not in codes(s.diagnostics_for(backend, version=1)), "no notice again")
            drain(s)
            # yarn.lock beside pnpm-lock.yaml: project.c prefers it.
            yarn = write(root, "yarn.lock", '"@aws-amplify/backend@*":\n  version "0.12.1"\n')
            watched(s, (yarn, 1))
            check(NOTICE in codes(s.diagnostics_for(backend, version=1)), "yarn.lock's 0.12.1")
            s.shutdown_and_exit()
    finally:
        shutil.rmtree(root)


# ---- (d) what the client is asked to watch ------------------------------------------


def test_watchers_cover_every_settings_file():
    root = project({})
    try:
        with Server() as s:
            s.initialize(root=root, capabilities=WATCH)
            settle(s)
            reg = [r for r in s.server_requests if r["method"] == "client/registerCapability"]
            check(len(reg) == 1, "one registration: %s" % reg)
            globs = [n for g in reg[0]["params"]["registrations"]
                     for w in g["registerOptions"]["watchers"] for n in expand(w["globPattern"])]
            for name in ["package.json", "amplify-ls.json"] + LOCK_NAMES:
                check("**/" + name in globs, "%s watched: %s" % (name, globs))
            check(any(g.startswith("**/amplify/**") for g in globs), "the sources too: %s" % globs)
            s.shutdown_and_exit()
    finally:
        shutil.rmtree(root)


def test_native_watcher_sees_the_config():
    root = project({})
    try:
        with Server() as s:
            s.initialize(root=root, capabilities={})  # no dynamic registration
            data = uri_of(os.path.join(root, "amplify/data/resource.ts"))
            s.open(data, DATA)
            check(CODE in codes(s.diagnostics_for(data, version=1)), "fires")
            settle(s)
            write(root, "amplify-ls.json", {"rules": {CODE: "off", "no-such-rule": "off"}})
            # The first list published after the write may still be an earlier flush's:
            # wait for the one without the rule (a timeout fails the test).
            s.wait_notification("textDocument/publishDiagnostics",
                                lambda p: p["uri"] == data and CODE not in codes(p["diagnostics"]),
                                timeout=10)
            # The watcher may have seen the file half-written (empty) first; the list that
            # counts is the one after the whole file was read.
            config = uri_of(os.path.join(root, "amplify-ls.json"))
            diags = s.wait_notification(
                "textDocument/publishDiagnostics",
                lambda p: p["uri"] == config and any("no-such-rule" in d["message"] for d in p["diagnostics"]),
                timeout=10)["diagnostics"]
            check(len(diags) == 1, "its one problem: %s" % diags)
            s.shutdown_and_exit()
    finally:
        shutil.rmtree(root)


if __name__ == "__main__":
    run([test_config_problem_published_and_fixed_in_the_buffer,
         test_open_buffer_wins_over_the_disk,
         test_config_problems_cleared_when_fixed_or_deleted_on_disk,
         test_config_problems_pulled,
         test_requests_on_the_config_file_answer_nothing,
         test_rule_off_on_disk_republishes_only_its_backends,
         test_parent_config_reaches_nested_backends,
         test_lockfile_change_turns_version_rules_off_and_on,
         test_watchers_cover_every_settings_file,
         test_native_watcher_sees_the_config])
