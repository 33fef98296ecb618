"""Evaluates emitted Python literals and renders emitted templates with Airflow's own Jinja.

stdin: one JSON object per line:
  {"expected": str, "literal": str, "jinja": str, "chunks": str, "bash": str, "template": str}
  - literal, jinja, chunks: Python source of a string literal (chunks: parenthesised implicit concatenation)
  - bash: Python source of a BashOperator argument (a string literal or literal("..."))
  - template: Python source of a template for an operator with template_ext (".sql", ".json") that must
    render to expected + "P" + expected when params.X is "P"
stdout: {"checked": n, "failures": [...]} (JSON). Nothing is executed but the literals and Jinja rendering.
"""

import ast
import json
import sys
import warnings

warnings.filterwarnings("ignore")


def main():
    import os
    import tempfile

    os.environ.setdefault("AIRFLOW_HOME", tempfile.mkdtemp(prefix="pipeshift-literals-"))
    from airflow.providers.standard.operators.bash import BashOperator
    from airflow.sdk import DAG, BaseOperator, literal

    class SqlLike(BaseOperator):
        template_fields = ("field",)
        template_ext = (".sql", ".json")

        def __init__(self, field, **kwargs):
            super().__init__(**kwargs)
            self.field = field

    dag = DAG(dag_id="literals", schedule=None)
    env = dag.get_template_env()
    bash = BashOperator(task_id="bash", bash_command="true", dag=dag)
    sql = SqlLike(task_id="sql", field="x", dag=dag)
    context = {"params": {"X": "P"}}

    failures = []
    checked = 0
    for line in sys.stdin:
        if not line.strip():
            continue
        case = json.loads(line)
        expected = case["expected"]
        checked += 1

        def fail(what, got):
            failures.append({"what": what, "expected": repr(expected), "got": repr(got)})

        try:
            for key in ("literal", "jinja", "chunks"):
                got = ast.literal_eval(case[key])
                if got != expected:
                    fail(key, got)
            rendered = env.from_string("{{" + case["jinja"] + "}}").render()
            if rendered != expected:
                fail("jinja-render", rendered)
            value = eval(compile(case["bash"], "<bash>", "eval"), {"__builtins__": {}, "literal": literal})
            rendered = bash.render_template(value, context, env)
            if rendered != expected:
                fail("bash-render", rendered)
            template = ast.literal_eval(case["template"])
            rendered = sql.render_template(template, context, env)
            if rendered != expected + "P" + expected:
                fail("template-render", rendered)
        except Exception as e:  # noqa: BLE001 - every error is a failure to report
            fail("error", f"{type(e).__name__}: {e}")
    json.dump({"checked": checked, "failures": failures[:50]}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
