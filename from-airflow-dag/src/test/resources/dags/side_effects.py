"""A DAG file whose top level would write files, run processes and exit if it were imported."""
import os
import shutil
import subprocess
import sys

from airflow.providers.standard.operators.bash import BashOperator
from airflow.sdk import DAG

MARKER = os.environ.get("PIPESHIFT_MARKER", "/tmp/pipeshift-side-effect-marker")
open(MARKER, "w").write("the DAG file was executed")
os.system("touch " + MARKER + ".system")
subprocess.run(["touch", MARKER + ".subprocess"])
shutil.rmtree(MARKER + ".dir")
if not os.path.exists(MARKER):
    sys.exit(3)
sys.exit(4)

with DAG(dag_id="side_effects", schedule=None) as dag:
    BashOperator(task_id="after_exit", bash_command="echo still imported")
