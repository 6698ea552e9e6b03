"""Compares amplify-ls binaries on keystrokes, side by side: figures, not
assertions.

    python3 tests/bench/compare.py --models 2000 --keystrokes 600 OLD_BINARY NEW_BINARY

Timings on a shared virtual machine drift by 10-20% from one minute to the
next, so runs one after the other cannot tell a 5% change. This opens the
same generated project (generate.py) in one server per binary, waits until
each has readied its model, then sends each keystroke to every server in
turn (the order alternating) and prints each server's latency percentiles
and its p50 against the first binary's: both see the same machine at the
same moments.
"""
import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "e2e"))
sys.path.insert(0, HERE)
import generate  # noqa: E402
import lspclient  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binaries", nargs="+")
    ap.add_argument("--models", type=int, default=2000)
    ap.add_argument("--keystrokes", type=int, default=400)
    ap.add_argument("--split", action="store_true", help="the schema over many files")
    args = ap.parse_args()
    root = tempfile.mkdtemp(prefix="amplify-ls-compare-")
    servers = []
    try:
        generate.generate(root, args.models, args.split)
        models = os.path.join(root, "amplify/data/groups/g0.ts")
        path = models if os.path.exists(models) else os.path.join(root, "amplify/data/resource.ts")
        uri, text = lspclient.uri_of(path), open(path).read()
        for b in args.binaries:
            s = lspclient.Server(debug=False, cmd=[os.path.abspath(b)])
            servers.append(s)
            s.initialize(root=root, options={"diagnosticsDebounceMs": 0})
            s.open(uri, text)
            s.diagnostics_for(uri, version=1, timeout=600)
        time.sleep(1.0)  # each readies its model (amp_backend_warm)
        at = text.index("name: a.string().required()")
        line = text[:at].count("\n")
        col = at - (text.rfind("\n", 0, at) + 1)
        lat = [[] for _ in servers]
        for i in range(args.keystrokes):
            change = {"range": {"start": {"line": line, "character": col},
                                "end": {"line": line, "character": col + (i % 2)}},
                      "text": "" if i % 2 else "x"}
            order = range(len(servers)) if i % 2 == 0 else reversed(range(len(servers)))
            for j in order:
                t0 = time.perf_counter()
                servers[j].change(uri, i + 2, [change])
                servers[j].diagnostics_for(uri, version=i + 2, timeout=600)
                lat[j].append((time.perf_counter() - t0) * 1e3)
        base = statistics.median(lat[0])
        print("%d models%s, %d keystrokes each, side by side:" %
              (args.models, " (split)" if args.split else "", args.keystrokes))
        for b, l in zip(args.binaries, lat):
            l = sorted(l)
            p50 = statistics.median(l)
            print("  %-40s p10 %6.2f  p50 %6.2f  p90 %6.2f ms  p50 x%.3f" %
                  (b, l[len(l) // 10], p50, l[len(l) * 9 // 10], p50 / base))
        for s in servers:
            s.shutdown_and_exit(0)
    finally:
        for s in servers:
            s.__exit__(None, None, None)
        shutil.rmtree(root)


if __name__ == "__main__":
    main()
