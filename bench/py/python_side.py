"""Python side of bench/compare: warm timings in one interpreter, one JSON object on stdout.

Usage:
  python python_side.py ast DIR...           CPython ast.parse of every *.py under the folders (warm rounds)
  python python_side.py dagbag DIR...        Airflow DagBag over each folder: first (cold) load and warm reloads
  python python_side.py sdk-chain N...       sagemaker SDK: build a chain of N ProcessingSteps and call definition()

Warm timing: rounds after a warm-up of at least two rounds; median and best round in milliseconds.
Everything else (Airflow and SDK logging, DAG files printing) goes to stderr.
"""
import json
import os
import statistics
import sys
import tempfile
import time
import warnings


def timing(work, warm_seconds=3.0, min_rounds=5, measure_seconds=2.0, max_rounds=200):
    end = time.perf_counter() + warm_seconds
    n = 0
    while n < 2 or time.perf_counter() < end:
        work()
        n += 1
    rounds = []
    end = time.perf_counter() + measure_seconds
    while len(rounds) < min_rounds or (time.perf_counter() < end and len(rounds) < max_rounds):
        t0 = time.perf_counter()
        work()
        rounds.append((time.perf_counter() - t0) * 1000.0)
    return {"median_ms": round(statistics.median(rounds), 3), "best_ms": round(min(rounds), 3), "rounds": len(rounds)}


def python_files(dirs):
    out = []
    for d in dirs:
        for root, subdirs, files in os.walk(d):
            subdirs[:] = sorted(s for s in subdirs if s != "__pycache__")
            for f in sorted(files):
                if f.endswith(".py"):
                    out.append(os.path.join(root, f))
    return sorted(out)


def ast_parse(dirs):
    import ast
    files = python_files(dirs)
    texts = []
    for f in files:
        with open(f, encoding="utf-8") as fh:
            texts.append((f, fh.read()))
    warnings.simplefilter("ignore")

    def work():
        ok = 0
        for name, text in texts:
            try:
                ast.parse(text, name)
                ok += 1
            except (SyntaxError, ValueError):
                pass
        return ok

    return {"files": len(files), "bytes": sum(len(t.encode("utf-8")) for _, t in texts),
            "parsed": work(), "parse": timing(work, warm_seconds=5)}


def dagbag(dirs):
    home = tempfile.mkdtemp(prefix="pipeshift-bench-airflow-home-")
    os.environ["AIRFLOW_HOME"] = home
    os.environ["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"
    os.environ.setdefault("AIRFLOW__LOGGING__LOGGING_LEVEL", "ERROR")
    os.environ.setdefault("AIRFLOW__CORE__DAGBAG_IMPORT_TIMEOUT", "600")
    t0 = time.perf_counter()
    try:
        from airflow.dag_processing.dagbag import DagBag
    except ImportError:
        from airflow.models import DagBag
    import_ms = (time.perf_counter() - t0) * 1000.0
    results = {"import_airflow_ms": round(import_ms, 3), "folders": []}
    for d in dirs:
        def load():
            return DagBag(dag_folder=d, include_examples=False, safe_mode=False)
        t0 = time.perf_counter()
        bag = load()
        first = (time.perf_counter() - t0) * 1000.0
        entry = {"folder": d, "files": len(python_files([d])), "dags": len(bag.dags),
                 "import_errors": len(bag.import_errors), "first_load_ms": round(first, 3),
                 "warm": timing(load, warm_seconds=1.0, min_rounds=3, measure_seconds=1.0)}
        results["folders"].append(entry)
    return results


def sdk_chain(sizes):
    os.environ.update({
        "AWS_DEFAULT_REGION": "us-east-1", "AWS_REGION": "us-east-1", "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing", "AWS_SESSION_TOKEN": "testing", "AWS_CONFIG_FILE": os.devnull,
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull, "AWS_EC2_METADATA_DISABLED": "true",
        "HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9", "NO_PROXY": "",
        "SAGEMAKER_SUPPRESS_V2_WARNING": "1"})
    t0 = time.perf_counter()
    import boto3
    from sagemaker.processing import ProcessingInput, ProcessingOutput, Processor
    from sagemaker.workflow.pipeline import Pipeline
    from sagemaker.workflow.pipeline_context import PipelineSession
    from sagemaker.workflow.steps import ProcessingStep
    import_ms = (time.perf_counter() - t0) * 1000.0
    import logging
    logging.getLogger("sagemaker").setLevel(logging.ERROR)
    session = PipelineSession(boto_session=boto3.Session(region_name="us-east-1"), default_bucket="bench-bucket")
    role = "arn:aws:iam::123456789012:role/pipeshift-bench"
    image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/bench:1"

    # The same pipeline as ScalePipelines.processingChain(n): step-i after step-(i-1), one input, one output.
    def build(n):
        steps = []
        for i in range(n):
            processor = Processor(role=role, image_uri=image, instance_count=1, instance_type="ml.m5.xlarge",
                                  volume_size_in_gb=30, entrypoint=["python3", "/opt/ml/processing/code/run.py"],
                                  sagemaker_session=session)
            step = ProcessingStep(
                name=f"step-{i}", processor=processor,
                inputs=[ProcessingInput(source="s3://bench-bucket/in/", destination="/opt/ml/processing/in",
                                        input_name="in")],
                outputs=[ProcessingOutput(output_name="out", source="/opt/ml/processing/out",
                                          destination=f"s3://bench-bucket/out/step-{i}")],
                job_arguments=["--step", f"step-{i}"],
                depends_on=[steps[-1]] if steps else None)
            steps.append(step)
        return Pipeline(name=f"bench-processing-chain-{n}", steps=steps, sagemaker_session=session)

    rows = []
    for n in sizes:
        pipeline = build(n)
        definition = pipeline.definition()
        warm = 1.0 if n <= 100 else 0.0
        rows.append({"steps": n, "definition_bytes": len(definition),
                     "definition": timing(lambda: pipeline.definition(), warm_seconds=warm,
                                          min_rounds=3 if n > 100 else 5),
                     "build_and_definition": timing(lambda: build(n).definition(), warm_seconds=warm,
                                                    min_rounds=3 if n > 100 else 5)})
        print(f"sdk chain {n}: definition {rows[-1]['definition']['median_ms']} ms", file=sys.stderr)
    return {"import_sdk_ms": round(import_ms, 3), "rows": rows}


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    out = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    if cmd == "ast":
        result = ast_parse(args)
    elif cmd == "dagbag":
        result = dagbag(args)
    elif cmd == "sdk-chain":
        result = sdk_chain([int(a) for a in args])
    else:
        raise SystemExit("unknown command " + cmd)
    sys.stdout.flush()
    out.write(json.dumps(result, indent=1) + "\n")
    out.close()


if __name__ == "__main__":
    main()
