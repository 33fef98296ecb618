"""SDK parity script for pipelines/model-jobs.yaml (run by SdkParityTest via oracles/scripts/sdk_definition.py).

The SageMaker job kinds beyond processing and training, built with the SDK 2.x step classes: QualityCheckStep,
TuningStep, CreateModelStep, TransformStep, RegisterModel, EndpointConfigStep + EndpointStep, EMRStep.
"""

import boto3
from sagemaker.estimator import Estimator
from sagemaker.inputs import CreateModelInput, TrainingInput
from sagemaker.model import Model
from sagemaker.model_metrics import MetricsSource, ModelMetrics
from sagemaker.model_monitor.dataset_format import DatasetFormat
from sagemaker.transformer import Transformer
from sagemaker.tuner import CategoricalParameter, ContinuousParameter, HyperparameterTuner, IntegerParameter
from sagemaker.workflow.check_job_config import CheckJobConfig
from sagemaker.workflow.emr_step import EMRStep, EMRStepConfig
from sagemaker.workflow.endpoint_step import EndpointConfigStep, EndpointStep
from sagemaker.workflow.execution_variables import ExecutionVariables
from sagemaker.workflow.functions import Join
from sagemaker.workflow.pipeline import Pipeline
from sagemaker.workflow.pipeline_context import PipelineSession
from sagemaker.workflow.quality_check_step import DataQualityCheckConfig, QualityCheckStep
from sagemaker.workflow.step_collections import RegisterModel
from sagemaker.workflow.steps import CreateModelStep, TransformStep, TuningStep

ROLE = "arn:aws:iam::123456789012:role/SageMakerExecutionRole"
XGB = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1"


def build():
    session = PipelineSession(boto_session=boto3.Session(region_name="us-east-1"), default_bucket="acme-ml")

    quality = QualityCheckStep(
        name="quality", display_name="DataQuality",
        quality_check_config=DataQualityCheckConfig(baseline_dataset="s3://acme-ml/jobs/train/data.csv",
                                                    dataset_format=DatasetFormat.csv(),
                                                    output_s3_uri="s3://acme-ml/jobs/quality"),
        check_job_config=CheckJobConfig(role=ROLE, instance_count=1, instance_type="ml.m5.xlarge",
                                        sagemaker_session=session),
        skip_check=False, register_new_baseline=False, model_package_group_name="jobs-models")

    estimator = Estimator(image_uri=XGB, role=ROLE, instance_count=1, instance_type="ml.m5.xlarge",
                          output_path="s3://acme-ml/jobs/tuning", max_run=3600, sagemaker_session=session,
                          disable_profiler=True, debugger_hook_config=False,
                          hyperparameters={"objective": "binary:logistic", "num_round": "50"})
    tuner = HyperparameterTuner(
        estimator, objective_metric_name="validation:auc", objective_type="Maximize",
        hyperparameter_ranges={"eta": ContinuousParameter(0.01, 0.3, scaling_type="Logarithmic"),
                               "max_depth": IntegerParameter(3, 9),
                               "booster": CategoricalParameter(["gbtree", "dart"])},
        metric_definitions=[{"Name": "validation:auc", "Regex": "validation-auc:([0-9.]+)"}],
        strategy="Bayesian", max_jobs=12, max_parallel_jobs=3)
    tune = TuningStep(name="tune", display_name="Tune", depends_on=["quality"],
                      step_args=tuner.fit(inputs={"train": TrainingInput("s3://acme-ml/jobs/train",
                                                                         content_type="text/csv")}))
    best_model = Join(on="/", values=["s3://acme-ml/jobs/tuning", tune.properties.BestTrainingJob.TrainingJobName,
                                      "output/model.tar.gz"])

    model = CreateModelStep(name="model", display_name="CreateModel",
                            model=Model(image_uri=XGB, model_data=best_model, role=ROLE, sagemaker_session=session),
                            inputs=CreateModelInput())
    transformer = Transformer(model_name=model.properties.ModelName, instance_count=1, instance_type="ml.m5.large",
                              output_path="s3://acme-ml/jobs/batch/out", accept="text/csv", assemble_with="Line",
                              sagemaker_session=session)
    batch = TransformStep(name="batch", display_name="BatchScore",
                          step_args=transformer.transform("s3://acme-ml/jobs/batch/in", content_type="text/csv",
                                                          split_type="Line"))
    register = RegisterModel(
        name="register", display_name="Register", estimator=estimator, image_uri=XGB, model_data=best_model,
        content_types=["text/csv"], response_types=["text/csv"], inference_instances=["ml.m5.large"],
        transform_instances=["ml.m5.large"], model_package_group_name="jobs-models", approval_status="Approved",
        model_metrics=ModelMetrics(model_statistics=MetricsSource(
            content_type="application/json", s3_uri="s3://acme-ml/jobs/metrics/statistics.json")))
    config = EndpointConfigStep(
        name="deploy-EndpointConfig", display_name="Deploy", depends_on=["register-RegisterModel"],
        step_args=session.create_endpoint_config(
            name=Join(on="-", values=["jobs-endpoint", ExecutionVariables.PIPELINE_EXECUTION_ID]),
            model_name=model.properties.ModelName, initial_instance_count=1, instance_type="ml.m5.large"))
    endpoint = EndpointStep(name="deploy", display_name="Deploy",
                            step_args=session.create_endpoint(endpoint_name="jobs-endpoint",
                                                              config_name=config.properties.EndpointConfigName))
    aggregate = EMRStep(name="aggregate", display_name="Aggregate", description=None, depends_on=["batch"],
                        cluster_id="j-1ABCDEFGHIJKL",
                        step_config=EMRStepConfig(jar="command-runner.jar",
                                                  args=["spark-submit", "s3://acme-ml/jobs/aggregate.py"]))
    return Pipeline(name="model-jobs", steps=[quality, tune, model, batch, register, config, endpoint, aggregate],
                    sagemaker_session=session)
