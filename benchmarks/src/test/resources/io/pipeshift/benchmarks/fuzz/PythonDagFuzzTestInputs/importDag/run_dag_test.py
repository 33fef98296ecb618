"""Runs one generated DAG for real with dag.test() and prints each task's final state as JSON.

Usage: python run_dag_test.py DAG_FOLDER DAG_ID CONF_JSON [CONF_JSON...]
Needs AIRFLOW_HOME set to a throwaway folder (the caller makes one); runs `airflow db migrate` there first
(SQLite), with the DAG folder as the configured dags folder. Output: [{task_id: state}, ...], one per conf.
"""

import json
import os
import subprocess
import sys


def main():
    folder, dag_id, confs = sys.argv[1], sys.argv[2], [json.loads(c) for c in sys.argv[3:]]
    os.environ["AIRFLOW__CORE__DAGS_FOLDER"] = folder
    os.environ["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"
    airflow = os.path.join(os.path.dirname(sys.executable), "airflow")
    subprocess.run([airflow, "db", "migrate"], check=True, stdout=subprocess.DEVNULL, stderr=sys.stderr)

    out = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)  # everything Airflow prints goes to stderr
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=folder)
    if bag.import_errors:
        raise SystemExit(f"import errors: {bag.import_errors}")
    dag = bag.dags[dag_id]
    results = []
    for conf in confs:
        run = dag.test(run_conf=conf)
        results.append({ti.task_id: str(ti.state) for ti in run.get_task_instances()})
    json.dump(results, out)
    out.write("\n")
    out.close()


if __name__ == "__main__":
    main()
