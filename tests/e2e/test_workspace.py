"""End-to-end: finding Amplify backends in a workspace and loading the files
they import, with the open buffer always winning over the disk."""
import os
import shutil
import tempfile

from lspclient import Server, check, run, uri_of

BACKEND = """import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource.js';
import { data } from './data/resource';
import { shared } from '../shared/constants';
import { outside } from './link-out';
defineBackend({ auth, data });
"""


def write(root, rel, text):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
    return path


def make_tree():
    root = tempfile.mkdtemp(prefix="amplify-ls-ws-")
    outside_dir = tempfile.mkdtemp(prefix="amplify-ls-outside-")
    write(root, "apps/web/amplify/backend.ts", BACKEND)
    write(root, "apps/web/amplify/auth/resource.ts", "export const auth = defineAuth({ loginWith: { email: true } });\n")
    write(root, "apps/web/amplify/data/resource.ts", "import * as models from './models';\nexport const data = 1;\n")
    write(root, "apps/web/amplify/data/models/index.ts", "export const Post = a.model({ title: a.string( });\n")
    write(root, "apps/web/shared/constants.ts", "export const shared = 1;\n")
    write(root, "apps/web/amplify/functions/fn/handler.ts", "export const handler = async () => 1;\n")
    write(root, "apps/admin/amplify/backend.ts", "import { defineBackend } from '@aws-amplify/backend';\ndefineBackend({});\n")
    write(root, "apps/notabackend/amplify/backend.ts", "export const x = 1;\n")
    write(root, "node_modules/pkg/amplify/backend.ts", "defineBackend({});\n")
    write(root, ".amplify/artifacts/amplify/backend.ts", "defineBackend({});\n")
    target = write(outside_dir, "secret.ts", "export const outside = 'do not read';\n")
    os.symlink(target, os.path.join(root, "apps/web/amplify/link-out.ts"))
    return root, outside_dir


def known(s, path):
    msg = s.response(s.request_async("amplify-ls/debugDocument", {"textDocument": {"uri": uri_of(path)}}))
    return msg.get("result")


def test_discovers_backends_and_import_closure():
    root, outside = make_tree()
    try:
        with Server() as s:
            s.initialize(root=root)
            web = os.path.join(root, "apps/web/amplify")
            for rel in ("backend.ts", "auth/resource.ts", "data/resource.ts", "data/models/index.ts"):
                doc = known(s, os.path.join(web, rel))
                check(doc and doc["inBackend"], "%s is part of the web backend" % rel)
                check(doc["backend"] == web, "backend of %s: %s" % (rel, doc["backend"]))
            shared = known(s, os.path.join(root, "apps/web/shared/constants.ts"))
            check(shared and shared["inBackend"], "an import outside amplify/ but inside the workspace loads")
            admin = known(s, os.path.join(root, "apps/admin/amplify/backend.ts"))
            check(admin and admin["inBackend"], "the second backend of the monorepo is found")
            for rel in ("apps/notabackend/amplify/backend.ts", "node_modules/pkg/amplify/backend.ts",
                        ".amplify/artifacts/amplify/backend.ts", "apps/web/amplify/functions/fn/handler.ts"):
                check(known(s, os.path.join(root, rel)) is None, "%s must not be loaded" % rel)
            check(known(s, os.path.join(outside, "secret.ts")) is None, "no reading through a link out of the workspace")
            check(known(s, os.path.join(web, "link-out.ts")) is None, "the link itself is refused")
            # The syntax error in a file nobody opened is reported.
            diags = s.diagnostics_for(uri_of(os.path.join(web, "data/models/index.ts")))
            check(len(diags) >= 1 and diags[0]["code"].startswith("syntax"), "syntax diagnostics: %s" % diags)
            s.shutdown_and_exit(0)
    finally:
        shutil.rmtree(root)
        shutil.rmtree(outside)


def test_open_buffer_wins_and_watched_files_reload():
    root, outside = make_tree()
    try:
        caps = {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}}}
        with Server() as s:
            s.initialize(root=root, capabilities=caps)
            web = os.path.join(root, "apps/web/amplify")
            auth = os.path.join(web, "auth/resource.ts")
            data = os.path.join(web, "data/resource.ts")
            known(s, auth)
            check(any(r["method"] == "client/registerCapability" for r in s.server_requests),
                  "watchers registered dynamically")
            s.open(uri_of(auth), "export const auth = 'buffer';\n")
            write(root, "apps/web/amplify/auth/resource.ts", "export const auth = 'disk';\n")
            write(root, "apps/web/amplify/data/resource.ts", "export const data = 'disk v2';\n")
            s.notify("workspace/didChangeWatchedFiles", {"changes": [
                {"uri": uri_of(auth), "type": 2}, {"uri": uri_of(data), "type": 2}]})
            check(known(s, auth)["text"] == "export const auth = 'buffer';\n", "the open buffer wins")
            check(known(s, data)["text"] == "export const data = 'disk v2';\n", "a closed file reloads")
            # data/resource.ts no longer imports ./models: the models file leaves the backend.
            check(known(s, os.path.join(web, "data/models/index.ts")) is None, "unreached file dropped")
            # Closing the buffer brings the disk version back.
            s.notify("textDocument/didClose", {"textDocument": {"uri": uri_of(auth)}})
            check(known(s, auth)["text"] == "export const auth = 'disk';\n", "disk version after close")
            # A new import typed in the editor loads the new file.
            backend = os.path.join(web, "backend.ts")
            write(root, "apps/web/amplify/storage/resource.ts", "export const storage = 1;\n")
            s.open(uri_of(backend), BACKEND + "import { storage } from './storage/resource';\n")
            check(known(s, os.path.join(web, "storage/resource.ts"))["inBackend"], "new import followed")
            # Deleting a file on disk drops it.
            os.remove(os.path.join(web, "storage/resource.ts"))
            s.notify("workspace/didChangeWatchedFiles", {"changes": [
                {"uri": uri_of(os.path.join(web, "storage/resource.ts")), "type": 3}]})
            check(known(s, os.path.join(web, "storage/resource.ts")) is None, "deleted file dropped")
            s.shutdown_and_exit(0)
    finally:
        shutil.rmtree(root)
        shutil.rmtree(outside)


def test_file_opened_outside_folders_adopts_its_backend():
    root, outside = make_tree()
    try:
        with Server() as s:
            s.initialize()  # no root at all, as when a single file is opened
            web = os.path.join(root, "apps/web/amplify")
            data = os.path.join(web, "data/resource.ts")
            with open(data) as f:
                s.open(uri_of(data), f.read())
            doc = known(s, data)
            check(doc["inBackend"] and doc["backend"] == web, "adopted the backend: %s" % doc["backend"])
            check(known(s, os.path.join(web, "backend.ts"))["inBackend"], "backend.ts loaded too")
            s.shutdown_and_exit(0)
    finally:
        shutil.rmtree(root)
        shutil.rmtree(outside)


def test_workspace_folder_changes():
    root, outside = make_tree()
    try:
        with Server() as s:
            s.initialize(folders=[os.path.join(root, "apps/admin")])
            web_backend = os.path.join(root, "apps/web/amplify/backend.ts")
            check(known(s, web_backend) is None, "web is outside the only folder")
            s.notify("workspace/didChangeWorkspaceFolders", {"event": {
                "added": [{"uri": uri_of(os.path.join(root, "apps/web")), "name": "web"}], "removed": []}})
            check(known(s, web_backend)["inBackend"], "added folder scanned")
            s.shutdown_and_exit(0)
    finally:
        shutil.rmtree(root)
        shutil.rmtree(outside)


def test_native_watcher_when_the_client_cannot_watch():
    import time
    root, outside = make_tree()
    try:
        with Server() as s:
            s.initialize(root=root, capabilities={})  # no dynamic registration
            web = os.path.join(root, "apps/web/amplify")
            data = os.path.join(web, "data/resource.ts")
            check(not any(r["method"] == "client/registerCapability" for r in s.server_requests),
                  "nothing registered with a client that cannot")
            check(known(s, data)["inBackend"], "loaded")
            write(root, "apps/web/amplify/data/resource.ts", "export const data = 'edited on disk';\n")
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and known(s, data)["text"] != "export const data = 'edited on disk';\n":
                time.sleep(0.05)
            check(known(s, data)["text"] == "export const data = 'edited on disk';\n", "the watcher reloaded it")
            # The edit dropped ./models from the closure; a new file appears in a new folder.
            os.makedirs(os.path.join(web, "storage"))
            write(root, "apps/web/amplify/storage/resource.ts", "export const storage = 1;\n")
            write(root, "apps/web/amplify/data/resource.ts", "import { storage } from '../storage/resource';\n")
            target = os.path.join(web, "storage/resource.ts")
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and not known(s, target):
                time.sleep(0.05)
            check(known(s, target) and known(s, target)["inBackend"], "a file added on disk is followed")
            os.remove(target)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and known(s, target):
                time.sleep(0.05)
            check(known(s, target) is None, "a file deleted on disk is dropped")
            s.shutdown_and_exit(0)
    finally:
        shutil.rmtree(root)
        shutil.rmtree(outside)


if __name__ == "__main__":
    run([test_discovers_backends_and_import_closure, test_open_buffer_wins_and_watched_files_reload,
         test_file_opened_outside_folders_adopts_its_backend, test_workspace_folder_changes,
         test_native_watcher_when_the_client_cannot_watch])
