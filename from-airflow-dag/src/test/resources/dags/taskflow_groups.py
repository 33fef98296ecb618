"""TaskFlow, task groups, mapping, labels, branching: a pipeshift test fixture."""
import pendulum
from airflow.providers.standard.operators.empty import EmptyOperator
from airflow.sdk import Label, TaskGroup, chain, cross_downstream, dag, task, task_group


@dag(schedule="@daily", start_date=pendulum.datetime(2024, 1, 1), catchup=False, tags=["fixture"])
def taskflow_groups(limit: int = 10):
    start = EmptyOperator(task_id="start")

    @task
    def extract():
        return [1, 2, 3]

    @task
    def double(x):
        return 2 * x

    @task
    def total(values, limit):
        return min(sum(values), limit)

    numbers = extract()
    doubled = double.expand(x=numbers)
    result = total(doubled, limit)

    with TaskGroup("quality") as quality:
        checks = [EmptyOperator(task_id=f"check_{n}") for n in ("rows", "nulls")]
        report = EmptyOperator(task_id="report")
        checks >> report

    @task_group
    def publish(value):
        @task
        def upload(v):
            return v

        @task
        def announce(v):
            return v

        announce(upload(value))

    @task.branch
    def choose(**context):
        params = context["params"]
        if params["limit"] > 5:
            return ["big"]
        return ["small"]

    big = EmptyOperator(task_id="big")
    small = EmptyOperator(task_id="small")
    join = EmptyOperator(task_id="join", trigger_rule="none_failed_min_one_success")

    start >> numbers
    result >> quality >> publish(result)
    chain(start, Label("decide"), choose(), [big, small], join)
    cross_downstream([big, small], [EmptyOperator(task_id="audit_a"), EmptyOperator(task_id="audit_b")])


taskflow_groups()
