"""Fixture for AirflowDagBagSmokeTest: deliberately broken, DagBag must report an import error."""
from airflow.sdk import DAG

with DAG(dag_id="pipeshift_broken", schedule=None):
    raise ValueError("pipeshift deliberately broken DAG")
