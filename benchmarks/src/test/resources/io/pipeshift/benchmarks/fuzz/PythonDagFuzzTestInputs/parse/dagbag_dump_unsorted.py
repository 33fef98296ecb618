"""Runs oracles/scripts/dagbag_dump.py with json.dump(sort_keys=False).

dagbag_dump.py sorts keys, which fails (TypeError) when a DAG's params schema has a None key next to
str keys (airflow/example_dags/example_params_ui_tutorial.py does: values_display {None: ...}). Key order
does not matter to the tests that read the dump. Usage: python dagbag_dump_unsorted.py DAGBAG_DUMP DIR
"""
import json
import runpy
import sys

_dump = json.dump


def _unsorted(obj, fp, **kwargs):
    kwargs["sort_keys"] = False
    return _dump(obj, fp, **kwargs)


json.dump = _unsorted
script = sys.argv[1]
sys.argv = [script] + sys.argv[2:]
runpy.run_path(script, run_name="__main__")
