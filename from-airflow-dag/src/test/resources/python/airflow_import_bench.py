"""Python side of bench/airflow-import: times CPython ast.parse and Airflow's DagBag on the same DAG files,
then merges pipeshift's timings (JSON from ImportBench) and prints the per-file table and the two ratios.

Usage: python airflow_import_bench.py DIR PIPESHIFT_JSON [ROUNDS]

ast.parse: each file's text is read first; a file's time is the median of ROUNDS parses (after one warm-up
round), by process CPU time. DagBag: DagBag(dag_folder=FILE, include_examples=False) per file, twice; the
second load is timed (Airflow and the modules a file imports are already loaded: the warm case), by process
CPU time. Everything the DAG files print goes to stderr.
"""
import ast
import json
import os
import statistics
import sys
import tempfile
import time


def python_files(root):
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d != "__pycache__")
        for f in filenames:
            if f.endswith(".py"):
                out.append(os.path.join(dirpath, f))
    return sorted(out, key=lambda p: os.path.relpath(p, root))


def main():
    if len(sys.argv) < 3:
        print("usage: airflow_import_bench.py DIR PIPESHIFT_JSON [ROUNDS]", file=sys.stderr)
        return 2
    root = os.path.abspath(sys.argv[1])
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    with open(sys.argv[2]) as f:
        pipeshift = {e["file"]: e for e in json.load(f)["files"]}
    files = python_files(root)
    texts = [open(p, encoding="utf-8").read() for p in files]

    parse_ms = []
    for text in texts:
        ast.parse(text)
        samples = []
        for _ in range(rounds):
            t0 = time.process_time()
            ast.parse(text)
            samples.append((time.process_time() - t0) * 1000)
        parse_ms.append(statistics.median(samples))

    home = tempfile.mkdtemp(prefix="pipeshift-bench-airflow-home-")
    os.environ["AIRFLOW_HOME"] = home
    os.environ["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"
    os.environ["AIRFLOW__CORE__DAGBAG_IMPORT_TIMEOUT"] = "300"
    os.environ.setdefault("AIRFLOW__LOGGING__LOGGING_LEVEL", "ERROR")
    sys.path.insert(0, root)
    out = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    t0 = time.process_time()
    from airflow.models import DagBag  # noqa: E402  (timed: what every DagBag user pays once)
    import_airflow_ms = (time.process_time() - t0) * 1000
    import inspect
    kwargs = {"include_examples": False} if "include_examples" in inspect.signature(DagBag.__init__).parameters else {}

    dagbag_ms = []
    dagbag_dags = []
    first_ms = []
    for path in files:
        t0 = time.process_time()
        DagBag(dag_folder=path, **kwargs)
        first_ms.append((time.process_time() - t0) * 1000)
        t0 = time.process_time()
        bag = DagBag(dag_folder=path, **kwargs)
        dagbag_ms.append((time.process_time() - t0) * 1000)
        dagbag_dags.append(len(bag.dags))

    rows = []
    for i, path in enumerate(files):
        rel = os.path.relpath(path, root).replace(os.sep, "/")
        p = pipeshift.get(rel, {})
        rows.append((rel, p.get("import_cpu_ms"), p.get("parse_cpu_ms"), parse_ms[i], dagbag_ms[i],
                     p.get("dags"), dagbag_dags[i], p.get("ir_cpu_ms")))
    w = max(len(r[0]) for r in rows)
    print(f"{'file':<{w}}  {'pipeshift import':>16}  {'(no validation)':>15}  {'(parse only)':>12}  {'ast.parse':>9}"
          f"  {'DagBag':>9}  DAGs ps/bag", file=out)
    for r in rows:
        imp = f"{r[1]:.3f}" if r[1] is not None else "-"
        par = f"{r[2]:.3f}" if r[2] is not None else "-"
        ir = f"{r[7]:.3f}" if r[7] is not None else "-"
        print(f"{r[0]:<{w}}  {imp:>16}  {ir:>15}  {par:>12}  {r[3]:>9.3f}  {r[4]:>9.3f}  {r[5]}/{r[6]}", file=out)
    total_ps = sum(r[1] for r in rows if r[1] is not None)
    total_ir = sum(r[7] for r in rows if r[7] is not None)
    total_parse = sum(r[2] for r in rows if r[2] is not None)
    total_ast = sum(r[3] for r in rows)
    total_bag = sum(r[4] for r in rows)
    total_bag_first = sum(first_ms)
    print(f"{'TOTAL (ms, CPU time, medians)':<{w}}  {total_ps:>16.2f}  {total_ir:>15.2f}  {total_parse:>12.2f}"
          f"  {total_ast:>9.2f}  {total_bag:>9.2f}", file=out)
    print("", file=out)
    print(f"DagBag / pipeshift import:    {total_bag / total_ps:8.1f}x   (target >= 100x; DagBag warm: each file's second"
          f" load, Airflow and the modules it imports already loaded)", file=out)
    print(f"DagBag cold / pipeshift:      {(total_bag_first + import_airflow_ms) / total_ps:8.1f}x   (a fresh process:"
          f" `import airflow` + the first DagBag load of every file, {total_bag_first + import_airflow_ms:.0f} ms)", file=out)
    print(f"ast.parse / pipeshift import: {total_ast / total_ps:8.2f}x   (with IR validation)", file=out)
    print(f"ast.parse / pipeshift IR:     {total_ast / total_ir:8.2f}x   (target >= 1: pipeshift's parse + evaluation + IR"
          f" at least as fast as CPython's parse alone)", file=out)
    print(f"ast.parse / pipeshift parse:  {total_ast / total_parse:8.2f}x", file=out)
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
