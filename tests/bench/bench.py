"""amplify-ls benchmark: figures, not assertions.

    python3 tests/bench/bench.py --binary build-release/amplify-ls [--sizes 10,100,500,2000]
                                 [--runs 3] [--callgrind] [--tsserver]

For each size it generates a deterministic project (generate.py; schema in
one file, and split over one file per ten models), drives the binary over
stdio like an editor and prints a table:

- spawn -> initialize answered; spawn -> first diagnostics of data/resource.ts
- keystroke (one incremental didChange) -> fresh diagnostics, p50 / p99, typed
  after a one-second pause (a person reads before typing; the server readies
  its model in such a pause), and the first keystroke after it on its own
- completion, hover, definition p50 / p99 (when the server advertises them)
- rename of a model used in many places (when advertised)
- peak RSS of the server (VmHWM)
- `amplify-ls check` wall time and lines per second
- tree-sitter alone on the edited file: a full parse, and one keystroke's
  incremental reparse (tests/bench/amp_bench_reparse, when built)

and how each figure grows with size. --callgrind adds instruction counts of
`check` under valgrind (stable on a noisy machine). --tsserver runs the same
open/keystroke/request workload against typescript-language-server (on PATH,
or --tsserver-cmd; --tsserver-modules links a node_modules with Amplify's
types into each project, as in a real one) and prints its figures beside
amplify-ls's with the ratios. Use a Release build for meaningful numbers.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "e2e"))
sys.path.insert(0, HERE)
import generate  # noqa: E402
import lspclient  # noqa: E402


def pct(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    k = min(len(values) - 1, max(0, int(round(p / 100.0 * (len(values) - 1)))))
    return values[k]


def peak_rss_kb(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


# What VS Code's client declares about the features measured here (the
# parts amplify-ls reads): UTF-16 positions, related information, snippets
# and the completion list's item defaults.
EDITOR_CAPABILITIES = {
    "general": {"positionEncodings": ["utf-16"]},
    "textDocument": {
        "publishDiagnostics": {"relatedInformation": True},
        "completion": {"completionItem": {"snippetSupport": True},
                       "completionList": {"itemDefaults": ["commitCharacters", "editRange",
                                                           "insertTextMode", "data"]}},
    },
}


def open_for_typing(s, root, t0, wait):
    """Opens data/resource.ts in server s and waits for its diagnostics
    (wait(uri)): the time since t0 is the first diagnostics'. In a project
    split over files, then opens the file holding the first models, which
    the keystrokes edit. Returns that file's uri and text, and the time."""
    data = os.path.join(root, "amplify/data/resource.ts")
    uri, text = lspclient.uri_of(data), open(data).read()
    s.open(uri, text)
    wait(uri)
    first = (time.perf_counter() - t0) * 1e3
    models = os.path.join(root, "amplify/data/groups/g0.ts")
    if os.path.exists(models):
        uri, text = lspclient.uri_of(models), open(models).read()
        s.open(uri, text)
        wait(uri)
    return uri, text, first


def session_figures(binary, root, keystrokes):
    lspclient.BINARY = binary
    t0 = time.perf_counter()
    out = {}
    with lspclient.Server(debug=False) as s:
        caps = s.initialize(root=root, options={"diagnosticsDebounceMs": 0},
                            capabilities=EDITOR_CAPABILITIES)["capabilities"]
        out["initialize_ms"] = (time.perf_counter() - t0) * 1e3
        uri, text, out["first_diagnostics_ms"] = open_for_typing(
            s, root, t0, lambda u: s.diagnostics_for(u, version=1, timeout=120))
        # A person reads the file before typing: the server readies its model
        # meanwhile (amp_backend_warm, after 300 ms of quiet). The first
        # keystroke after that pause is reported on its own too.
        time.sleep(1.0)
        # Keystrokes: type and delete a character inside the first model's field list.
        at = text.index("name: a.string().required()")
        line = text[:at].count("\n")
        col = at - (text.rfind("\n", 0, at) + 1)
        lat = []
        for i in range(keystrokes):
            version = i + 2
            if i % 2 == 0:
                change = {"range": {"start": {"line": line, "character": col}, "end": {"line": line, "character": col}}, "text": "x"}
            else:
                change = {"range": {"start": {"line": line, "character": col}, "end": {"line": line, "character": col + 1}}, "text": ""}
            k0 = time.perf_counter()
            s.change(uri, version, [change])
            s.diagnostics_for(uri, version=version, timeout=60)
            lat.append((time.perf_counter() - k0) * 1e3)
        out["first_keystroke_ms"] = lat[0] if lat else float("nan")
        out["keystroke_p50_ms"], out["keystroke_p99_ms"] = pct(lat, 50), pct(lat, 99)
        pos = {"line": line + 4, "character": text.split("\n")[line + 4].find("'") + 2}
        for method, key, cap in (("textDocument/completion", "completion", "completionProvider"),
                                 ("textDocument/hover", "hover", "hoverProvider"),
                                 ("textDocument/definition", "definition", "definitionProvider")):
            if cap not in caps:
                continue
            lat = []
            for _ in range(50):
                k0 = time.perf_counter()
                s.request(method, {"textDocument": {"uri": uri}, "position": pos})
                lat.append((time.perf_counter() - k0) * 1e3)
            out[key + "_p50_ms"], out[key + "_p99_ms"] = pct(lat, 50), pct(lat, 99)
        if "renameProvider" in caps:
            model_at = text.index("G0Post: a.model")
            mline = text[:model_at].count("\n")
            k0 = time.perf_counter()
            s.request("textDocument/rename", {"textDocument": {"uri": uri}, "newName": "G0Article",
                                              "position": {"line": mline, "character": 3}})
            out["rename_ms"] = (time.perf_counter() - k0) * 1e3
        out["peak_rss_mb"] = peak_rss_kb(s.proc.pid) / 1024.0
        s.shutdown_and_exit(0)
    return out


def check_figures(binary, root, callgrind):
    lines = 0
    for dirpath, _, files in os.walk(os.path.join(root, "amplify")):
        for f in files:
            if f.endswith(".ts"):
                with open(os.path.join(dirpath, f)) as fh:
                    lines += sum(1 for _ in fh)
    t0 = time.perf_counter()
    p = subprocess.run([binary, "check", root], capture_output=True, text=True)
    wall = (time.perf_counter() - t0) * 1e3
    out = {"check_ms": wall, "check_lines_per_s": lines / (wall / 1e3) if wall else 0, "lines": lines,
           "check_errors": p.returncode}
    if callgrind and shutil.which("valgrind"):
        cg = tempfile.mktemp(prefix="callgrind.")
        v = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + cg, binary, "check", root],
                           capture_output=True, text=True)
        for line in v.stderr.splitlines():
            if "Collected" in line:
                out["check_instructions"] = int(line.split()[-1])
        if os.path.exists(cg):
            os.remove(cg)
    return out


def parse_figures(binary, root):
    """Tree-sitter on its own, on the file the keystrokes edit: a full parse
    and the incremental reparse of one keystroke (amp_bench_reparse, built
    beside amplify-ls's tests), the floor under first diagnostics and under
    a keystroke."""
    tool = os.path.join(os.path.dirname(binary), "tests", "bench", "amp_bench_reparse")
    if not os.path.exists(tool):
        return {}
    path = os.path.join(root, "amplify/data/groups/g0.ts")
    if not os.path.exists(path):
        path = os.path.join(root, "amplify/data/resource.ts")
    p = subprocess.run([tool, path, "name: a.string().required()", "60"], capture_output=True,
                       text=True)
    if p.returncode != 0:
        return {}
    d = json.loads(p.stdout)
    return {"parse_full_ms": d["full_parse_ms"], "parse_keystroke_ms": d["reparse_p50_ms"]}


def tree_peak_rss_kb(pid):
    """The peak RSS of pid and every process under it, summed (a TypeScript
    server is a node process that starts tsserver processes)."""
    children = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open("/proc/%s/stat" % d) as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(d))
            except (OSError, ValueError, IndexError):
                pass
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += peak_rss_kb(p) or 0
        todo.extend(children.get(p, []))
    return total


def editor_figures(cmd, root, keystrokes):
    """The workload for comparing amplify-ls with another language server
    (cmd, e.g. typescript-language-server --stdio), run the same way on
    both, each with its own settings: spawn -> first diagnostics of
    data/resource.ts; after a one-second pause, keystrokes that make and
    fix a mistake in the first model (`a.string()` -> `a.xstring()` and
    back: a server that publishes only lists that changed publishes after
    each), timed to the next list published for the file; completion,
    hover and definition at the same position; the peak RSS of the
    server's processes."""
    uri = None  # the file typed in, once opened
    out = {}
    t0 = time.perf_counter()
    with lspclient.Server(cmd=cmd, cwd=root) as s:
        s.initialize(root=root, capabilities=EDITOR_CAPABILITIES, options={})

        def published(fresh=lambda p: True):
            return s.wait_notification("textDocument/publishDiagnostics",
                                       lambda p: p["uri"] == uri and fresh(p), timeout=900)

        def drain():
            """Forgets every message received so far (lists of earlier states)."""
            while not s.inbox.empty():
                s._next(time.monotonic() + 1)
            s.notifications.clear()

        uri, text, out["first_diagnostics_ms"] = open_for_typing(
            s, root, t0, lambda u: s.wait_notification("textDocument/publishDiagnostics",
                                                       lambda p: p["uri"] == u, timeout=900))
        time.sleep(1.0)
        s.notifications.clear()
        at = text.index("name: a.string().required()") + len("name: a.")
        line = text[:at].count("\n")
        col = at - (text.rfind("\n", 0, at) + 1)
        lat = []
        for i in range(keystrokes):
            end = col + (i % 2)
            change = {"range": {"start": {"line": line, "character": col},
                                "end": {"line": line, "character": end}}, "text": "" if i % 2 else "x"}
            made = i % 2 == 0

            def fresh(p, version=i + 2, made=made):
                # A list for this version, or (from a server that sends no
                # version) one that has the mistake when it was made, and
                # not when it was fixed.
                if p.get("version") is not None:
                    return p["version"] == version
                return made == any(d["range"]["start"]["line"] == line for d in p["diagnostics"])

            drain()
            k0 = time.perf_counter()
            s.change(uri, i + 2, [change])
            published(fresh)
            lat.append((time.perf_counter() - k0) * 1e3)
            time.sleep(0.3)  # later lists of the same keystroke come and go
        out["first_keystroke_ms"] = lat[0] if lat else float("nan")
        out["keystroke_p50_ms"], out["keystroke_p99_ms"] = pct(lat, 50), pct(lat, 99)
        at = text.index("name: a.string().required()")
        pline = text[:at].count("\n") + 4
        pos = {"line": pline, "character": text.split("\n")[pline].find("'") + 2}
        for method, key in (("textDocument/completion", "completion"),
                            ("textDocument/hover", "hover"),
                            ("textDocument/definition", "definition")):
            lat = []
            for _ in range(10):
                k0 = time.perf_counter()
                s.response(s.request_async(method, {"textDocument": {"uri": uri}, "position": pos}),
                           timeout=900)
                lat.append((time.perf_counter() - k0) * 1e3)
            out[key + "_p99_ms"] = pct(lat, 99)
        out["peak_rss_mb"] = tree_peak_rss_kb(s.proc.pid) / 1024.0
    return out


def tsserver_figures(binary, root, keystrokes, cmd, modules):
    """editor_figures for amplify-ls and for the TypeScript server. modules:
    a node_modules folder holding typescript and @aws-amplify/backend,
    linked into the project so that the TypeScript server sees Amplify's
    types as in a real project."""
    if modules:
        os.symlink(os.path.abspath(modules), os.path.join(root, "node_modules"))
    return {"amplify-ls": editor_figures([binary], root, keystrokes),
            "tsserver": editor_figures(cmd, root, keystrokes)}


TSSERVER_KEYS = ["first_diagnostics_ms", "first_keystroke_ms", "keystroke_p50_ms", "keystroke_p99_ms",
                 "completion_p99_ms", "hover_p99_ms", "definition_p99_ms", "peak_rss_mb"]


def print_tsserver(results):
    """The TypeScript server's figures beside amplify-ls's on the same
    workload (editor_figures), and how many times amplify-ls's each is."""
    cols = [c for c in results if results[c].get("tsserver")]
    if not cols:
        return
    print("\nThe same workload on the TypeScript server and on amplify-ls, each with its own "
          "settings\n(TypeScript server / amplify-ls = ratio):\n")
    print("| figure | " + " | ".join(cols) + " |")
    print("|---|" + "---:|" * len(cols))
    for k in TSSERVER_KEYS:
        cells = []
        for c in cols:
            a, t = results[c]["tsserver"]["amplify-ls"].get(k), results[c]["tsserver"]["tsserver"].get(k)
            cells.append("-" if a is None or t is None else
                         "%.0f / %.2f = x%.0f" % (t, a, t / a if a else 0))
        print("| %s | %s |" % (k, " | ".join(cells)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--sizes", default="10,100,500,2000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keystrokes", type=int, default=60)
    ap.add_argument("--callgrind", action="store_true")
    ap.add_argument("--tsserver", action="store_true",
                    help="also run the workload against typescript-language-server (on PATH, or "
                         "--tsserver-cmd) and print the ratios")
    ap.add_argument("--tsserver-cmd", default="typescript-language-server --stdio",
                    help="the TypeScript language server's command line")
    ap.add_argument("--tsserver-modules",
                    help="a node_modules folder holding typescript and @aws-amplify/backend, "
                         "linked into each generated project")
    ap.add_argument("--tsserver-keystrokes", type=int, default=10)
    ap.add_argument("--json", help="also write the figures to this file")
    ap.add_argument("--require-clean", action="store_true",
                    help="exit 1 when `check` finds anything in a generated (valid) project")
    args = ap.parse_args()
    binary = os.path.abspath(args.binary)
    tsserver = None
    if args.tsserver:
        tsserver = args.tsserver_cmd.split()
        if not shutil.which(tsserver[0]):
            print("--tsserver: %s is not installed (npm install -g typescript typescript-language-server)"
                  % tsserver[0], file=sys.stderr)
            sys.exit(2)
    results = {}
    for layout in ("one file", "split"):
        for n in [int(x) for x in args.sizes.split(",")]:
            root = tempfile.mkdtemp(prefix="amplify-ls-bench-")
            try:
                generate.generate(root, n, layout == "split")
                runs = [session_figures(binary, root, args.keystrokes) for _ in range(args.runs)]
                fig = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
                fig.update(check_figures(binary, root, args.callgrind))
                fig.update(parse_figures(binary, root))
                if tsserver:
                    fig["tsserver"] = tsserver_figures(binary, root, args.tsserver_keystrokes,
                                                       tsserver, args.tsserver_modules)
                results["%s/%d" % (layout, n)] = fig
            finally:
                shutil.rmtree(root)
    keys = ["initialize_ms", "first_diagnostics_ms", "first_keystroke_ms", "keystroke_p50_ms",
            "keystroke_p99_ms", "completion_p99_ms", "hover_p99_ms", "definition_p99_ms",
            "rename_ms", "peak_rss_mb",
            "check_ms", "check_lines_per_s", "check_instructions", "parse_full_ms",
            "parse_keystroke_ms"]
    cols = list(results)
    print("| figure | " + " | ".join(cols) + " |")
    print("|---|" + "---:|" * len(cols))
    for k in keys:
        if not any(k in results[c] for c in cols):
            continue
        cells = []
        for c in cols:
            v = results[c].get(k)
            cells.append("-" if v is None else ("%.0f" % v if k in ("check_lines_per_s", "check_instructions") else "%.2f" % v))
        print("| %s | %s |" % (k, " | ".join(cells)))
    sizes = [int(x) for x in args.sizes.split(",")]
    if len(sizes) > 1:
        print("\nGrowth from %d to %d models (one file):" % (sizes[-2], sizes[-1]))
        a, b = results["one file/%d" % sizes[-2]], results["one file/%d" % sizes[-1]]
        for k in keys:
            if k in a and k in b and a[k]:
                print("  %-22s x%.2f" % (k, b[k] / a[k]))
    print_tsserver(results)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)
    dirty = [c for c in cols if results[c].get("check_errors")]
    if dirty:
        print("check reported errors on generated projects: %s" % ", ".join(dirty))
        if args.require_clean:
            sys.exit(1)


if __name__ == "__main__":
    main()
