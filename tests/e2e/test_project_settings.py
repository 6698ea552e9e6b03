"""End-to-end: a project's settings as amplify-ls reads them from disk
(server/lsp/project.c): the Amplify versions (package.json ranges, installed
versions from package-lock.json, yarn.lock v1 and berry, pnpm-lock.yaml v6
and v9) and amplify-ls.json rule severities, with its problems reported, in
`check` and in the editor."""
import json
import os
import shutil
import subprocess
import tempfile

from lspclient import BINARY, Server, check, run, uri_of

BACKEND = ("import { defineBackend } from '@aws-amplify/backend';\n"
           "import { data } from './data/resource';\n"
           "defineBackend({ data });\n")
# A model without authorization: data-model-missing-authorization (an error).
DATA = ("import { a, defineData } from '@aws-amplify/backend';\n"
        "const schema = a.schema({ Todo: a.model({ content: a.string() }) });\n"
        "export const data = defineData({ schema });\n")
CODE = "data-model-missing-authorization"
NOTICE = "backend-preview-version"


def project(files):
    """A temporary project: {relative path: text}; amplify/ gets the backend."""
    root = tempfile.mkdtemp(prefix="amplify-ls-project-")
    files = dict(files)
    files.setdefault("amplify/backend.ts", BACKEND)
    files.setdefault("amplify/data/resource.ts", DATA)
    for rel, text in files.items():
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text if isinstance(text, str) else json.dumps(text, indent=2))
    return root


def check_json(path, cwd=None):
    out = subprocess.run([BINARY, "check", "--format", "json", path], capture_output=True,
                         text=True, cwd=cwd, timeout=60)
    check(out.returncode in (0, 1), "check failed (%d): %s" % (out.returncode, out.stderr))
    return json.loads(out.stdout)["diagnostics"], out.stderr


def by_code(diags, code):
    return [d for d in diags if d["code"] == code]


def notice_version(files):
    """The version the pre-1.0 notice names, '' when there is no notice."""
    root = project(files)
    try:
        diags, _ = check_json(root)
        notes = by_code(diags, NOTICE)
        if not notes:
            return ""
        return notes[0]["message"].split(" uses ", 1)[1].split(",", 1)[0]
    finally:
        shutil.rmtree(root)


# ---- versions ---------------------------------------------------------------


def test_range_in_package_json():
    check(notice_version({"package.json": {"devDependencies": {"@aws-amplify/backend": "^0.12.1"}}})
          == "@aws-amplify/backend ^0.12.1", "a 0.x range gives the notice")
    check(notice_version({"package.json": {"devDependencies": {"@aws-amplify/backend": "^1.16.1"}}})
          == "", "a 1.x range does not")
    check(notice_version({"package.json": {"dependencies": {"@aws-amplify/backend": "latest"}}})
          == "", "an unknown range does not")
    check(notice_version({}) == "", "no package.json: nothing known, no notice")


def test_range_forms():
    below = ["0.12.1", "^0.15.0", "~0.13.4", "0.x", ">=0.5.0 <1.0.0", "1.0.0-beta.3",
             "npm:@aws-amplify/backend@0.12.1", "workspace:^0.12.0", "<=0.15.1", "^0.0.3"]
    not_below = ["^1.0.0", "1.x", ">=0.15.0", "^1.0.0 || ^0.15.0", "*", "latest", "x",
                 "git+ssh://example.invalid/repo.git", "file:../backend", "1.0.0", "~1.0"]
    for r in below:
        v = notice_version({"package.json": {"devDependencies": {"@aws-amplify/backend": r}}})
        check(v == "@aws-amplify/backend " + r, "%r is below 1.0.0: %r" % (r, v))
    for r in not_below:
        v = notice_version({"package.json": {"devDependencies": {"@aws-amplify/backend": r}}})
        check(v == "", "%r is not known to be below 1.0.0: %r" % (r, v))


def test_nearest_package_json_naming_amplify():
    # amplify/package.json ({"type": "module"}) names nothing: the root one counts.
    v = notice_version({"amplify/package.json": {"type": "module"},
                        "package.json": {"devDependencies": {"@aws-amplify/backend": "0.12.1"}}})
    check(v == "@aws-amplify/backend 0.12.1", "the root package.json: %r" % v)


def test_data_schema_when_backend_unnamed():
    v = notice_version({"package.json": {"dependencies": {"@aws-amplify/data-schema": "~0.12.14"}}})
    check(v == "@aws-amplify/data-schema ~0.12.14", "data-schema alone: %r" % v)


def test_package_lock_wins():
    lock = {"lockfileVersion": 3, "packages": {
        "": {"name": "app"},
        "node_modules/@aws-amplify/backend": {"version": "1.25.1"},
        "node_modules/@aws-amplify/data-schema": {"version": "1.26.2"}}}
    check(notice_version({"package.json": {"devDependencies": {"@aws-amplify/backend": "~0.15.0"}},
                          "package-lock.json": lock}) == "", "installed 1.25.1 wins over ~0.15.0")
    lock["packages"]["node_modules/@aws-amplify/backend"]["version"] = "0.15.1"
    v = notice_version({"package.json": {"devDependencies": {"@aws-amplify/backend": ">=0.1.0"}},
                        "package-lock.json": lock})
    check(v == "@aws-amplify/backend 0.15.1", "installed 0.15.1: %r" % v)


def test_package_lock_workspace_copy():
    # A monorepo: apps/web has its own nested copy, preferred over the hoisted one.
    lock = {"lockfileVersion": 3, "packages": {
        "node_modules/@aws-amplify/backend": {"version": "1.25.1"},
        "apps/web/node_modules/@aws-amplify/backend": {"version": "0.12.1"}}}
    v = notice_version({"package-lock.json": lock,
                        "apps/web/package.json": {"devDependencies": {"@aws-amplify/backend": "*"}},
                        "apps/web/amplify/backend.ts": BACKEND,
                        "apps/web/amplify/data/resource.ts": DATA})
    check(v == "@aws-amplify/backend 0.12.1", "the workspace's own copy: %r" % v)


def test_package_lock_v1():
    lock = {"lockfileVersion": 1, "dependencies": {"@aws-amplify/backend": {"version": "0.13.4"}}}
    v = notice_version({"package.json": {"devDependencies": {"@aws-amplify/backend": "*"}},
                        "package-lock.json": lock})
    check(v == "@aws-amplify/backend 0.13.4", "lockfile v1: %r" % v)


def test_yarn_v1_matches_the_range():
    yarn = ('# yarn lockfile v1\n\n\n'
            '"@aws-amplify/backend-cli@^1.0.0":\n  version "1.8.0"\n\n'
            '"@aws-amplify/backend@^0.15.0":\n  version "0.15.1"\n  resolved "x"\n\n'
            '"@aws-amplify/backend@^1.0.0", "@aws-amplify/backend@^1.5.0":\n  version "1.16.1"\n')
    v = notice_version({"package.json": {"devDependencies": {"@aws-amplify/backend": "^0.15.0"}},
                        "yarn.lock": yarn})
    check(v == "@aws-amplify/backend 0.15.1", "the entry of the package.json range: %r" % v)


def test_yarn_berry():
    yarn = ('__metadata:\n  version: 8\n\n'
            '"@aws-amplify/backend@npm:^1.0.0":\n  version: 1.16.1\n  resolution: "x"\n')
    check(notice_version({"package.json": {"devDependencies": {"@aws-amplify/backend": "0.x || 1.x"}},
                          "yarn.lock": yarn}) == "", "berry: 1.16.1 installed, no notice")


def test_pnpm_v6_importer():
    pnpm = ("lockfileVersion: '6.0'\n\n"
            "devDependencies:\n"
            "  '@aws-amplify/backend':\n    specifier: '*'\n    version: 0.15.0(typescript@5.4.5)\n\n"
            "packages:\n\n"
            "  /@aws-amplify/backend@0.15.0(typescript@5.4.5):\n    resolution: {integrity: x}\n"
            "  /@aws-amplify/backend@1.2.0:\n    resolution: {integrity: y}\n")
    v = notice_version({"package.json": {"devDependencies": {"@aws-amplify/backend": "*"}},
                        "pnpm-lock.yaml": pnpm})
    check(v == "@aws-amplify/backend 0.15.0", "the importer's version: %r" % v)


def test_pnpm_v9_packages():
    pnpm = ("lockfileVersion: '9.0'\n\n"
            "packages:\n\n"
            "  '@aws-amplify/backend@0.13.4':\n    resolution: {integrity: x}\n"
            "  '@aws-amplify/backend-cli@1.0.0':\n    resolution: {integrity: y}\n")
    v = notice_version({"package.json": {"devDependencies": {"@aws-amplify/backend": "*"}},
                        "pnpm-lock.yaml": pnpm})
    check(v == "@aws-amplify/backend 0.13.4", "the package key: %r" % v)


# ---- amplify-ls.json ----------------------------------------------------------


def test_config_severity_and_off():
    root = project({"amplify-ls.json": {"rules": {CODE: "warning"}}})
    try:
        diags, _ = check_json(root)
        found = by_code(diags, CODE)
        check(len(found) == 1 and found[0]["severity"] == "warning", "downgraded: %s" % found)
        with open(os.path.join(root, "amplify-ls.json"), "w") as f:
            json.dump({"rules": {CODE: "off"}}, f)
        diags, _ = check_json(root)
        check(not by_code(diags, CODE), "turned off: %s" % diags)
    finally:
        shutil.rmtree(root)


def test_config_problems_are_reported():
    text = ('{\n  "rules": {\n    "no-such-rule": "off",\n    "%s": "loud",\n'
            '    "backend-preview-version": "off"\n  },\n  "extends": "x"\n}\n' % CODE)
    root = project({"amplify-ls.json": text})
    try:
        diags, stderr = check_json(root)
        config = [d for d in diags if d["file"].endswith("amplify-ls.json")]
        where = sorted((d["line"], d["column"], d["severity"]) for d in config)
        check(where == [(3, 5, "warning"), (4, 5, "warning"), (7, 3, "warning")],
              "unknown code, bad value, unknown key, each at its key: %s" % config)
        check("no-such-rule" in stderr and "the severity must be" in stderr, "logged: %s" % stderr)
        check(len(by_code(diags, CODE)) == 1 and by_code(diags, CODE)[0]["severity"] == "error",
              "a bad value leaves the default: %s" % diags)
    finally:
        shutil.rmtree(root)


def test_config_invalid_json():
    root = project({"amplify-ls.json": '{ "rules": { "%s": "off", } }\n' % CODE})
    try:
        diags, stderr = check_json(root)
        config = [d for d in diags if d["file"].endswith("amplify-ls.json")]
        check(len(config) == 1 and config[0]["severity"] == "error", "one error: %s" % config)
        check("not valid JSON" in config[0]["message"], "says why: %s" % config[0]["message"])
        check(by_code(diags, CODE), "nothing applies: %s" % diags)
    finally:
        shutil.rmtree(root)


def test_config_search_stops_at_the_workspace_folder():
    root = project({"amplify-ls.json": {"rules": {CODE: "off"}},
                    "apps/web/amplify/backend.ts": BACKEND,
                    "apps/web/amplify/data/resource.ts": DATA})
    try:
        # Checking the whole repository: apps/web inherits the root config.
        diags, _ = check_json(root)
        check(not by_code(diags, CODE), "inherited from the workspace root: %s" % diags)
        # Checking apps/web alone: the root config lies outside the folder.
        diags, _ = check_json(os.path.join(root, "apps/web"))
        check(len(by_code(diags, CODE)) == 1, "not above the workspace folder: %s" % diags)
        # The project's own config wins over the one above it.
        with open(os.path.join(root, "apps/web/amplify-ls.json"), "w") as f:
            json.dump({"rules": {CODE: "hint"}}, f)
        diags, _ = check_json(root)
        web = [d for d in by_code(diags, CODE) if "apps/web" in d["file"]]
        check(len(web) == 1 and web[0]["severity"] == "hint", "nearest config: %s" % web)
    finally:
        shutil.rmtree(root)


def test_editor_reads_config_and_versions():
    root = project({"amplify-ls.json": {"rules": {CODE: "warning", "no-such-rule": "off"}},
                    "package.json": {"devDependencies": {"@aws-amplify/backend": "^1.25.1"}}})
    try:
        with Server() as s:
            s.initialize(root=root)
            uri = uri_of(os.path.join(root, "amplify/data/resource.ts"))
            s.open(uri, DATA, version=1)
            diags = s.diagnostics_for(uri, version=1)
            found = [d for d in diags if d["code"] == CODE]
            check(len(found) == 1 and found[0]["severity"] == 2, "a warning in the editor: %s" % diags)
            log = s.wait_notification("window/logMessage", lambda p: "no-such-rule" in p["message"])
            check(log["type"] == 2, "logged as a warning: %s" % log)
            # Editing amplify-ls.json on disk applies at the next analysis.
            with open(os.path.join(root, "amplify-ls.json"), "w") as f:
                json.dump({"rules": {CODE: "off"}}, f)
            s.change(uri, 2, [{"text": DATA + "\n"}])
            diags = s.diagnostics_for(uri, version=2)
            check(not [d for d in diags if d["code"] == CODE], "turned off: %s" % diags)
            s.shutdown_and_exit()
    finally:
        shutil.rmtree(root)


def test_editor_watches_config_and_lockfiles():
    # A change of amplify-ls.json or of a lockfile alone, reported by the
    # client's file watcher, re-runs the rules: no edit of a .ts file needed.
    lock = {"lockfileVersion": 3, "packages": {
        "node_modules/@aws-amplify/backend": {"version": "1.25.1"}}}
    root = project({"package.json": {"devDependencies": {"@aws-amplify/backend": "*"}},
                    "package-lock.json": lock})
    caps = {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}},
            "textDocument": {"publishDiagnostics": {"relatedInformation": True}}}
    try:
        with Server() as s:
            s.initialize(root=root, capabilities=caps)
            uri = uri_of(os.path.join(root, "amplify/data/resource.ts"))
            s.open(uri, DATA, version=1)
            diags = s.diagnostics_for(uri, version=1)
            check(by_code(diags, CODE), "the rule fires: %s" % diags)
            backend = uri_of(os.path.join(root, "amplify/backend.ts"))
            s.open(backend, BACKEND, version=1)
            first = s.diagnostics_for(backend, version=1)
            check(not by_code(first, NOTICE), "1.25.1, no notice: %s" % first)
            reg = [r for r in s.server_requests if r["method"] == "client/registerCapability"]
            globs = [w["globPattern"] for r in reg for g in r["params"]["registrations"]
                     for w in g["registerOptions"]["watchers"]]
            check("**/amplify-ls.json" in globs, "amplify-ls.json watched: %s" % globs)
            check(any("package-lock.json" in g and "yarn.lock" in g and "pnpm-lock.yaml" in g
                      for g in globs), "lockfiles watched: %s" % globs)
            config = os.path.join(root, "amplify-ls.json")
            with open(config, "w") as f:
                json.dump({"rules": {CODE: "off"}}, f)
            s.notify("workspace/didChangeWatchedFiles",
                     {"changes": [{"uri": uri_of(config), "type": 1}]})
            s.wait_notification("textDocument/publishDiagnostics",
                                lambda p: p["uri"] == uri and not by_code(p["diagnostics"], CODE),
                                timeout=10)  # fails with a timeout while the rule still fires
            # The lockfile now installs a 0.x version: the notice appears.
            lock["packages"]["node_modules/@aws-amplify/backend"]["version"] = "0.15.1"
            with open(os.path.join(root, "package-lock.json"), "w") as f:
                json.dump(lock, f)
            s.notify("workspace/didChangeWatchedFiles", {"changes": [
                {"uri": uri_of(os.path.join(root, "package-lock.json")), "type": 2}]})
            s.wait_notification("textDocument/publishDiagnostics",
                                lambda p: p["uri"] == backend and by_code(p["diagnostics"], NOTICE),
                                timeout=10)  # the lockfile's version applies
            s.shutdown_and_exit()
    finally:
        shutil.rmtree(root)


if __name__ == "__main__":
    run([test_editor_watches_config_and_lockfiles, test_range_in_package_json, test_range_forms, test_nearest_package_json_naming_amplify,
         test_data_schema_when_backend_unnamed, test_package_lock_wins,
         test_package_lock_workspace_copy, test_package_lock_v1, test_yarn_v1_matches_the_range,
         test_yarn_berry, test_pnpm_v6_importer, test_pnpm_v9_packages,
         test_config_severity_and_off, test_config_problems_are_reported,
         test_config_invalid_json, test_config_search_stops_at_the_workspace_folder,
         test_editor_reads_config_and_versions])
