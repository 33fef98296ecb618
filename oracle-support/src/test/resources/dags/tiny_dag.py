"""Fixture for AirflowDagBagSmokeTest: a tiny valid Airflow 3 DAG."""
from datetime import datetime, timedelta

from airflow.providers.standard.operators.empty import EmptyOperator
from airflow.sdk import DAG

with DAG(
    dag_id="pipeshift_tiny",
    schedule="@daily",
    start_date=datetime(2024, 1, 1),
    default_args={"retries": 2, "retry_delay": timedelta(seconds=30)},
):
    extract = EmptyOperator(task_id="extract")
    train = EmptyOperator(task_id="train", trigger_rule="all_done")
    extract >> train
