"""Nightly feature build and model training for the churn team (a pipeshift test fixture)."""
from datetime import timedelta

import pendulum
from airflow.models import Variable
from airflow.providers.amazon.aws.operators.glue import GlueJobOperator
from airflow.providers.amazon.aws.operators.lambda_function import LambdaInvokeFunctionOperator
from airflow.providers.amazon.aws.operators.sagemaker import SageMakerTrainingOperator
from airflow.providers.amazon.aws.operators.sns import SnsPublishOperator
from airflow.providers.standard.operators.bash import BashOperator
from airflow.sdk import DAG, Param, task

BUCKET = "s3://acme-ml"
REGIONS = ["eu", "us"]
ROLE = "arn:aws:iam::123456789012:role/SageMakerExecutionRole"

default_args = {
    "owner": "ml-platform",
    "retries": 2,
    "retry_delay": timedelta(minutes=5),
    "retry_exponential_backoff": True,
    "execution_timeout": timedelta(hours=2),
}


def training_config(name, instance_type="ml.m5.xlarge"):
    return {
        "TrainingJobName": f"churn-{name}",
        "AlgorithmSpecification": {"TrainingImage": "123456789012.dkr.ecr.us-east-1.amazonaws.com/xgb:1.7", "TrainingInputMode": "File"},
        "RoleArn": ROLE,
        "OutputDataConfig": {"S3OutputPath": f"{BUCKET}/models/{name}"},
        "ResourceConfig": {"InstanceType": instance_type, "InstanceCount": 1, "VolumeSizeInGB": 30},
        "StoppingCondition": {"MaxRuntimeInSeconds": 3600},
        "HyperParameters": {"max_depth": "5", "eta": "0.2"},
        "InputDataConfig": [
            {
                "ChannelName": "train",
                "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": f"{BUCKET}/features/{name}", "S3DataDistributionType": "FullyReplicated"}},
                "ContentType": "text/csv",
            }
        ],
    }


with DAG(
    dag_id="churn_nightly",
    description="Nightly churn features and training",
    schedule="30 2 * * *",
    start_date=pendulum.datetime(2024, 1, 1, tz="Europe/Berlin"),
    catchup=False,
    tags=["team:ml", "churn"],
    default_args=default_args,
    params={
        "threshold": Param(0.8, type="number", description="Minimum AUC"),
        "mode": Param("full", enum=["full", "incremental"]),
    },
) as dag:
    features = {
        region: GlueJobOperator(
            task_id=f"features_{region}",
            job_name=f"churn-features-{region}",
            script_args={"--region": region, "--date": "{{ ds }}"},
        )
        for region in REGIONS
    }

    train = SageMakerTrainingOperator(task_id="train", config=training_config("all"), retries=4)

    notify = SnsPublishOperator(
        task_id="notify",
        target_arn="arn:aws:sns:eu-west-1:123456789012:churn",
        message="churn model trained with threshold {{ params.threshold }}",
    )

    score = LambdaInvokeFunctionOperator(
        task_id="score",
        function_name="churn-score",
        payload='{"mode": "{{ params.mode }}", "batch": 100}',
    )

    cleanup = BashOperator(task_id="cleanup", bash_command=Variable.get("cleanup_command"), trigger_rule="all_done")

    @task
    def summarize(auc: float, threshold: float = 0.8):
        """Fails the run when the model is not good enough."""
        if auc < threshold:
            raise ValueError("model too weak")
        return {"auc": auc}

    summary = summarize(auc=0.91)

    list(features.values()) >> train >> [notify, score]
    score >> summary >> cleanup
    notify >> cleanup
