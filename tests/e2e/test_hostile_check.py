"""End-to-end, `amplify-ls check` on files it cannot read: dangling symbolic
links, FIFOs, directories where files should be, permission errors (as root,
chmod does not stop reads, so those cases run the check as `nobody` through
setpriv when the tests run as root), missing paths. Each must give a clear
message naming the file and exit 2; a FIFO must never make it hang."""
import os
import shutil
import subprocess

import lspclient
from hostile_util import backend_tree, rmtree, BACKEND
from lspclient import check, run

IMPORTS = "import { extra } from './extra';\n"


def check_cli(root, *args, user=None, timeout=60):
    cmd = [lspclient.BINARY, "check"] + list(args) + [root]
    if user is not None:
        cmd = ["setpriv", "--reuid=%d" % user, "--regid=%d" % user, "--clear-groups"] + cmd
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    return p.returncode, p.stdout, p.stderr


def expect(root, code, *needles, user=None):
    rc, out, err = check_cli(root, user=user)
    check(rc == code, "exit %d, expected %d\nstdout: %s\nstderr: %s" % (rc, code, out, err))
    for n in needles:
        check(n in err, "the message names %r:\n%s" % (n, err))
    return out, err


def test_dangling_symlinks():
    root = backend_tree({"amplify/backend.ts": IMPORTS + BACKEND})
    try:
        extra = os.path.join(root, "amplify/extra.ts")
        os.symlink(os.path.join(root, "gone.ts"), extra)
        out, _ = expect(root, 2, extra, "dangling symbolic link")
        check("checked" in out, "the readable files are still checked: %s" % out)
        # The entry itself dangling: no backend, and the reason is given.
        os.unlink(os.path.join(root, "amplify/backend.ts"))
        os.symlink("/nonexistent/backend.ts", os.path.join(root, "amplify/backend.ts"))
        expect(root, 2, "amplify/backend.ts", "dangling symbolic link", "no Amplify backend")
    finally:
        rmtree(root)


def test_fifo_and_directory_in_place_of_files():
    root = backend_tree({"amplify/backend.ts": IMPORTS + BACKEND})
    try:
        extra = os.path.join(root, "amplify/extra.ts")
        os.mkfifo(extra)
        expect(root, 2, extra, "not a regular file")
        os.unlink(extra)
        os.mkdir(extra)  # a directory named like the file: ./extra resolves to nothing readable
        rc, out, err = check_cli(root)
        check(rc in (0, 1, 2), "a directory named extra.ts: exit %d %s" % (rc, err))
        os.rmdir(extra)
        backend = os.path.join(root, "amplify/backend.ts")
        os.unlink(backend)
        os.mkfifo(backend)
        expect(root, 2, backend, "not a regular file", "no Amplify backend")
    finally:
        rmtree(root)


def test_missing_paths():
    rc, out, err = check_cli("/nonexistent/amplify-ls-project")
    check(rc == 2 and "/nonexistent/amplify-ls-project" in err and "No such file" in err,
          "a missing path: %d %s" % (rc, err))
    root = backend_tree()
    try:
        p = subprocess.run([lspclient.BINARY, "check", root, "/nonexistent/x"], capture_output=True, text=True,
                           timeout=60)
        check(p.returncode == 2 and "/nonexistent/x" in p.stderr, "one missing path of two: %s" % p.stderr)
    finally:
        rmtree(root)


def as_nobody():
    """The uid to run as for permission tests, or None when they cannot run."""
    if os.geteuid() != 0:
        return os.geteuid()  # chmod works for everybody else
    if not shutil.which("setpriv"):
        return None
    probe = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                            lspclient.BINARY, "--version"], capture_output=True)
    return 65534 if probe.returncode == 0 else None


def test_permission_errors():
    user = as_nobody()
    if user is None:
        print("info: skipped: cannot run the check as an unprivileged user here")
        return
    root = backend_tree({"amplify/backend.ts": IMPORTS + BACKEND,
                         "amplify/extra.ts": "export const extra = 1;\n"})
    try:
        for dirpath, dirnames, filenames in os.walk(root):
            os.chmod(dirpath, 0o755)
            for f in filenames:
                os.chmod(os.path.join(dirpath, f), 0o644)
        os.chmod(os.path.dirname(root), os.stat(os.path.dirname(root)).st_mode | 0o005)
        rc, out, err = check_cli(root, user=user)
        check(rc == 0, "readable as that user: %d %s" % (rc, err))
        extra = os.path.join(root, "amplify/extra.ts")
        os.chmod(extra, 0)
        out, err = expect(root, 2, extra, "Permission denied", user=user)
        check("checked" in out, "the rest is checked: %s" % out)
        os.chmod(extra, 0o644)
        os.chmod(os.path.join(root, "amplify/backend.ts"), 0)
        expect(root, 2, "amplify/backend.ts", "Permission denied", "no Amplify backend", user=user)
        os.chmod(os.path.join(root, "amplify/backend.ts"), 0o644)
        os.chmod(os.path.join(root, "amplify"), 0o311)  # cannot list, can traverse
        rc, out, err = check_cli(root, user=user)
        check(rc == 0, "amplify/ need not be listed, its files are named by imports: %d %s" % (rc, err))
        os.chmod(os.path.join(root, "amplify"), 0o755)
        os.chmod(root, 0o311)
        expect(root, 2, root, "Permission denied", user=user)
    finally:
        os.chmod(root, 0o755)
        rmtree(root)


if __name__ == "__main__":
    run([test_dangling_symlinks, test_fifo_and_directory_in_place_of_files, test_missing_paths,
         test_permission_errors])
