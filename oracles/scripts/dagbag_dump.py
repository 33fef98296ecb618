"""Load a folder of Airflow DAG files with Airflow's own DagBag and print what it saw as JSON.

Usage: .oracles/airflow/bin/python oracles/scripts/dagbag_dump.py DIR

Output (stdout, one JSON object):
  {"import_errors": {path: message},
   "dags": {dag_id: {"schedule": str|null, "schedule_interval_seconds": float|null, "timetable": class name, "catchup": bool, "start_date": iso|null,
                     "tags": [...], "description": str|null, "fileloc": path,
                     "params": {name: {"default": value, "schema": {...}, "description": str|null}},
                     "tasks": {task_id: {"upstream": [...], "downstream": [...], "retries": n,
                               "retry_delay_seconds": float|null, "retry_exponential_backoff": bool,
                               "retry_exponential_backoff_multiplier": float,
                               "max_retry_delay_seconds": float|null, "execution_timeout_seconds": float|null,
                               "trigger_rule": str, "operator": class name, "module": module path,
                               "mapped": bool, "task_group": group id|null}}}}}
Everything the DAG files print (and Airflow's own logging) goes to stderr, so stdout is only the JSON.
No metadata database is needed: DagBag parses files; it is never asked to sync to a database.
"""

import json
import os
import shutil
import sys
import tempfile


def main() -> int:
    if len(sys.argv) != 2 or not os.path.isdir(sys.argv[1]):
        print("usage: dagbag_dump.py DIR", file=sys.stderr)
        return 2
    dag_dir = os.path.abspath(sys.argv[1])

    # Airflow reads its configuration at import time: set the environment first.
    home = tempfile.mkdtemp(prefix="pipeshift-airflow-home-")
    os.environ["AIRFLOW_HOME"] = home
    os.environ["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"
    os.environ["AIRFLOW__CORE__DAGS_FOLDER"] = dag_dir  # like a deployment: the folder is on sys.path
    os.environ.setdefault("AIRFLOW__LOGGING__LOGGING_LEVEL", "WARNING")
    # The default 30 s per-file import timeout turns a slow (busy CI) import into an import error.
    os.environ.setdefault("AIRFLOW__CORE__DAGBAG_IMPORT_TIMEOUT", "300")

    # Keys are sorted for stable output; a DAG's params may hold non-string keys (None in Airflow's own
    # example_params_ui_tutorial), which sort_keys cannot compare, so every key becomes a string first.
    # Keep stdout for the JSON: point fd 1 at stderr while Airflow and the DAG files run.
    json_out = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    try:
        result = load(dag_dir)
    finally:
        sys.stdout.flush()
        shutil.rmtree(home, ignore_errors=True)
    json.dump(string_keys(result), json_out, indent=1, sort_keys=True, default=str)
    json_out.write("\n")
    json_out.close()
    return 0


def load(dag_dir: str) -> dict:
    import inspect

    try:  # Airflow 3: the class lives here; airflow.models.DagBag is a re-export
        from airflow.dag_processing.dagbag import DagBag
    except ImportError:  # Airflow 2
        from airflow.models import DagBag

    kwargs = {"dag_folder": dag_dir}
    # Airflow 3.3's DagBag no longer takes include_examples (examples are never added by it).
    if "include_examples" in inspect.signature(DagBag.__init__).parameters:
        kwargs["include_examples"] = False
    bag = DagBag(**kwargs)
    return {
        "import_errors": {str(path): str(msg) for path, msg in bag.import_errors.items()},
        # bag.dags, not bag.get_dag(): get_dag() queries the metadata database.
        "dags": {dag_id: describe_dag(dag) for dag_id, dag in bag.dags.items()},
    }


def seconds(value):
    """timedelta (or number of seconds) -> float seconds; None stays None."""
    if value is None:
        return None
    if hasattr(value, "total_seconds"):
        return value.total_seconds()
    return float(value)


def describe_dag(dag) -> dict:
    # Airflow 3 keeps the schedule= argument on the DAG; the SDK timetables have no .summary.
    schedule = getattr(dag, "schedule", None)
    interval = seconds(schedule) if hasattr(schedule, "total_seconds") else None
    if schedule is not None and not isinstance(schedule, str):
        schedule = str(getattr(dag.timetable, "summary", None) or schedule)
    return {
        "schedule": schedule,
        "schedule_interval_seconds": interval,  # only for schedule=timedelta(...)
        "timetable": type(dag.timetable).__name__,
        "catchup": bool(getattr(dag, "catchup", False)),
        "start_date": dag.start_date.isoformat() if getattr(dag, "start_date", None) else None,
        "tags": sorted(str(t) for t in (getattr(dag, "tags", None) or [])),
        "description": getattr(dag, "description", None),
        "fileloc": getattr(dag, "fileloc", None),
        "params": describe_params(dag.params),
        "tasks": {task.task_id: describe_task(task) for task in dag.tasks},
    }


def describe_params(params) -> dict:
    out = {}
    for name in params.keys():
        param = params.get_param(name)
        value = getattr(param, "value", None)
        if type(value).__name__ == "ArgNotSet":  # a Param without a default
            value = None
        out[name] = {
            "default": value,
            "schema": getattr(param, "schema", {}) or {},
            "description": getattr(param, "description", None),
        }
    return out


def describe_task(task) -> dict:
    # A mapped task (.expand()) is a MappedOperator: report the operator class it maps.
    cls = getattr(task, "operator_class", None)
    if not isinstance(cls, type):
        cls = type(task)
    backoff = task.retry_exponential_backoff  # Airflow >= 3.3: a float multiplier (True == 2.0)
    multiplier = 2.0 if backoff is True else 0.0 if backoff in (False, None) else float(backoff)
    trigger_rule = task.trigger_rule
    group = getattr(task, "task_group", None)
    return {
        "upstream": sorted(task.upstream_task_ids),
        "downstream": sorted(task.downstream_task_ids),
        "retries": task.retries,
        "retry_delay_seconds": seconds(task.retry_delay),
        "retry_exponential_backoff": multiplier > 0,
        "retry_exponential_backoff_multiplier": multiplier,
        "max_retry_delay_seconds": seconds(task.max_retry_delay),
        "execution_timeout_seconds": seconds(task.execution_timeout),
        "trigger_rule": getattr(trigger_rule, "value", str(trigger_rule)),
        "operator": cls.__name__,
        "module": cls.__module__,
        "mapped": type(task).__name__.endswith("MappedOperator"),
        "task_group": group.group_id if group is not None and group.group_id else None,
    }


def string_keys(value):
    """The same JSON-like value with every mapping key turned into a string."""
    if isinstance(value, dict):
        return {str(k): string_keys(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [string_keys(v) for v in value]
    return value


if __name__ == "__main__":
    sys.exit(main())

