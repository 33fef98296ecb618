"""Merges bench/compare's raw JSON files into one result, and prints its ratios.

  python3 summarize.py RAW_DIR            -> result JSON on stdout
  python3 summarize.py --print RESULT     -> ratios and a Markdown table on stdout
Ratios are other / pipeshift (above 1: pipeshift is faster), from median warm rounds.
"""
import json
import os
import sys


def load(d, name):
    with open(os.path.join(d, name)) as f:
        return json.load(f)


def merge(d):
    r = {"machine": load(d, "machine.json")}
    ps_ex, ps_gen = load(d, "ps_examples.json"), load(d, "ps_generated.json")
    ast_ex, ast_gen = load(d, "ast_examples.json"), load(d, "ast_generated.json")
    bag = load(d, "dagbag.json")
    dag = []
    for label, ps, ast, folder in (("airflow example DAGs", ps_ex, ast_ex, bag["folders"][0]),
                                   ("generated DAG files", ps_gen, ast_gen, bag["folders"][1])):
        row = {"inputs": label, "files": ps["files"], "bytes": ps["bytes"],
               "pipeshift_dags": ps["dags"], "pipeshift_failed_files": ps["failed_files"],
               "dagbag_dags": folder["dags"], "dagbag_import_errors": folder["import_errors"],
               "pipeshift_parse_ms": ps["parse"]["median_ms"], "pipeshift_import_ms": ps["import"]["median_ms"],
               "ast_parse_ms": ast["parse"]["median_ms"], "dagbag_warm_ms": folder["warm"]["median_ms"],
               "dagbag_first_ms": folder["first_load_ms"]}
        row["ratio_ast_parse_over_pipeshift_parse"] = round(row["ast_parse_ms"] / row["pipeshift_parse_ms"], 3)
        row["ratio_ast_parse_over_pipeshift_import"] = round(row["ast_parse_ms"] / row["pipeshift_import_ms"], 3)
        row["ratio_dagbag_over_pipeshift_import"] = round(row["dagbag_warm_ms"] / row["pipeshift_import_ms"], 3)
        dag.append(row)
    r["dag_import"] = dag
    r["airflow_import_ms"] = bag["import_airflow_ms"]
    ps_sm, sdk = load(d, "ps_sagemaker.json"), load(d, "sdk.json")
    sm = []
    for p, s in zip(ps_sm, sdk["rows"]):
        row = {"steps": p["steps"], "pipeshift_emit_ms": p["emit"]["median_ms"],
               "sdk_definition_ms": s["definition"]["median_ms"],
               "sdk_build_and_definition_ms": s["build_and_definition"]["median_ms"]}
        row["ratio_sdk_definition_over_pipeshift"] = round(row["sdk_definition_ms"] / row["pipeshift_emit_ms"], 3)
        row["ratio_sdk_build_and_definition_over_pipeshift"] = round(
            row["sdk_build_and_definition_ms"] / row["pipeshift_emit_ms"], 3)
        sm.append(row)
    r["sagemaker_emission"] = sm
    cold = load(d, "coldstart.json")
    m = cold["median_ms"]
    cold["ratio_import_airflow_over_launcher_convert"] = round(m["python_import_airflow"] / m["launcher_convert"], 3)
    r["cold_start"] = cold
    r["machine"]["load_average_after"] = " ".join(open("/proc/loadavg").read().split()[:3])
    return r


def show(path):
    with open(path) as f:
        r = json.load(f)
    m = r["machine"]
    print(f"machine: {m['cores']} cores {m['cpu']}, {m['memory_gib']} GiB, {m['java']}, {m['python']}, "
          f"Airflow {m['airflow']}, sagemaker {m['sagemaker_sdk']}; load {m['load_average']} -> {m['load_average_after']}")
    print("\n| inputs | files | pipeshift parse ms | pipeshift import ms | ast.parse ms | DagBag warm ms | ast.parse / pipeshift parse | ast.parse / pipeshift import | DagBag / pipeshift import |")
    print("|---|---|---|---|---|---|---|---|---|")
    for d in r["dag_import"]:
        print(f"| {d['inputs']} | {d['files']} | {d['pipeshift_parse_ms']} | {d['pipeshift_import_ms']} | {d['ast_parse_ms']} | "
              f"{d['dagbag_warm_ms']} | {d['ratio_ast_parse_over_pipeshift_parse']} | {d['ratio_ast_parse_over_pipeshift_import']} | "
              f"{d['ratio_dagbag_over_pipeshift_import']} |")
    print("\n| processing steps | pipeshift emit ms | SDK definition() ms | SDK build + definition() ms | definition() / pipeshift | build+definition() / pipeshift |")
    print("|---|---|---|---|---|---|")
    for s in r["sagemaker_emission"]:
        print(f"| {s['steps']} | {s['pipeshift_emit_ms']} | {s['sdk_definition_ms']} | {s['sdk_build_and_definition_ms']} | "
              f"{s['ratio_sdk_definition_over_pipeshift']} | {s['ratio_sdk_build_and_definition_over_pipeshift']} |")
    c = r["cold_start"]["median_ms"]
    print("\n| cold start (median wall ms) | " + " | ".join(c.keys()) + " |")
    print("|---" * (len(c) + 1) + "|")
    print("| ms | " + " | ".join(str(v) for v in c.values()) + " |")
    print(f"\nimport airflow / ./pipeshift convert = {r['cold_start']['ratio_import_airflow_over_launcher_convert']}")


if __name__ == "__main__":
    if sys.argv[1] == "--print":
        show(sys.argv[2])
    else:
        print(json.dumps(merge(sys.argv[1]), indent=1))
