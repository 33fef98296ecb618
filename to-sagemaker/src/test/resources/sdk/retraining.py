"""SDK parity script for examples/retraining.yaml (run by SdkParityTest through oracles/scripts/sdk_definition.py).

Builds the same pipeline with the pinned sagemaker 2.x SDK, the way a person would write it: step names are
the IR ids, display names the IR names. Differences the test tolerates are listed in SdkParityTest and in
docs/targets/sagemaker.md.
"""
import boto3
from sagemaker.estimator import Estimator
from sagemaker.inputs import TrainingInput
from sagemaker.processing import ProcessingInput, ProcessingOutput, Processor
from sagemaker.workflow.condition_step import ConditionStep
from sagemaker.workflow.conditions import ConditionGreaterThanOrEqualTo
from sagemaker.workflow.fail_step import FailStep
from sagemaker.workflow.functions import Join, JsonGet
from sagemaker.workflow.parameters import ParameterFloat, ParameterString
from sagemaker.workflow.pipeline import Pipeline
from sagemaker.workflow.pipeline_context import PipelineSession
from sagemaker.workflow.properties import PropertyFile
from sagemaker.workflow.retry import (SageMakerJobExceptionTypeEnum, SageMakerJobStepRetryPolicy,
                                      StepExceptionTypeEnum, StepRetryPolicy)
from sagemaker.workflow.step_collections import RegisterModel
from sagemaker.workflow.steps import CacheConfig, ProcessingStep, TrainingStep

ROLE = "arn:aws:iam::123456789012:role/SageMakerExecutionRole"
SKLEARN = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3"
XGB = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1"

def build():
    session = PipelineSession(boto_session=boto3.Session(region_name="us-east-1"), default_bucket="acme-ml")
    input_data = ParameterString(name="InputData", default_value="s3://acme-ml/churn/raw/latest.csv")
    train_type = ParameterString(name="TrainInstanceType", default_value="ml.m5.xlarge",
                                 enum_values=["ml.m5.xlarge", "ml.m5.2xlarge", "ml.c5.2xlarge"])
    threshold = ParameterFloat(name="AccuracyThreshold", default_value=0.8)
    cache = CacheConfig(enable_caching=False)
    # IR defaults: retries 2, interval 30s, backoff 2.0, errors [service-fault, throttling, capacity]
    retry = [StepRetryPolicy(exception_types=[StepExceptionTypeEnum.SERVICE_FAULT, StepExceptionTypeEnum.THROTTLING],
                             interval_seconds=30, backoff_rate=2.0, max_attempts=2),
             SageMakerJobStepRetryPolicy(exception_types=[SageMakerJobExceptionTypeEnum.INTERNAL_ERROR,
                                                          SageMakerJobExceptionTypeEnum.CAPACITY_ERROR],
                                         interval_seconds=30, backoff_rate=2.0, max_attempts=2)]
    pre = Processor(role=ROLE, image_uri=SKLEARN, instance_count=1, instance_type="ml.m5.xlarge",
                    entrypoint=["python3", "/opt/ml/processing/input/code/preprocess.py"],
                    max_runtime_in_seconds=7200, sagemaker_session=session)
    preprocess = ProcessingStep(
        name="preprocess", display_name="Preprocess",
        description="Split the raw data into train, validation and test sets.",
        step_args=pre.run(
            inputs=[ProcessingInput(source=input_data, destination="/opt/ml/processing/input/data", input_name="raw"),
                    ProcessingInput(source="s3://acme-ml/churn/code/preprocess.py",
                                    destination="/opt/ml/processing/input/code", input_name="code")],
            outputs=[ProcessingOutput(output_name="train", source="/opt/ml/processing/train",
                                      destination="s3://acme-ml/churn/processed/train"),
                     ProcessingOutput(output_name="validation", source="/opt/ml/processing/validation",
                                      destination="s3://acme-ml/churn/processed/validation"),
                     ProcessingOutput(output_name="test", source="/opt/ml/processing/test",
                                      destination="s3://acme-ml/churn/processed/test")],
            arguments=["--test-size", "0.2"]),
        cache_config=cache, retry_policies=retry)
    est = Estimator(image_uri=XGB, role=ROLE, instance_count=1, instance_type="ml.m5.xlarge",
                    output_path="s3://acme-ml/churn/models", max_run=3600, sagemaker_session=session,
                    disable_profiler=True, debugger_hook_config=False,
                    hyperparameters={"objective": "binary:logistic", "num_round": "100", "max_depth": "5"})
    train = TrainingStep(name="train", display_name="Train", step_args=est.fit(inputs={
        "train": TrainingInput(preprocess.properties.ProcessingOutputConfig.Outputs["train"].S3Output.S3Uri, content_type="text/csv"),
        "validation": TrainingInput(preprocess.properties.ProcessingOutputConfig.Outputs["validation"].S3Output.S3Uri, content_type="text/csv")}),
        cache_config=cache, retry_policies=retry)
    evaluation = PropertyFile(name="evaluation", output_name="evaluation", path="evaluation.json")
    ev = Processor(role=ROLE, image_uri=XGB, instance_count=1, instance_type="ml.m5.xlarge",
                   entrypoint=["python3", "/opt/ml/processing/input/code/evaluate.py"],
                   max_runtime_in_seconds=7200, sagemaker_session=session)
    evaluate = ProcessingStep(name="evaluate", display_name="Evaluate", step_args=ev.run(
        inputs=[ProcessingInput(source=train.properties.ModelArtifacts.S3ModelArtifacts, destination="/opt/ml/processing/model", input_name="model"),
                ProcessingInput(source=preprocess.properties.ProcessingOutputConfig.Outputs["test"].S3Output.S3Uri, destination="/opt/ml/processing/test", input_name="test"),
                ProcessingInput(source="s3://acme-ml/churn/code/evaluate.py", destination="/opt/ml/processing/input/code", input_name="code")],
        outputs=[ProcessingOutput(output_name="evaluation", source="/opt/ml/processing/evaluation", destination="s3://acme-ml/churn/evaluation")]),
        property_files=[evaluation], cache_config=cache, retry_policies=retry)
    register = RegisterModel(name="register-model", display_name="RegisterModel", estimator=est, image_uri=XGB,
                             model_data=train.properties.ModelArtifacts.S3ModelArtifacts,
                             content_types=["text/csv"], response_types=["text/csv"],
                             inference_instances=["ml.m5.large"], transform_instances=["ml.m5.large"],
                             model_package_group_name="churn-models", approval_status="PendingManualApproval",
                             # a registry call starts no job: only the Step.* exception types apply
                             register_model_step_retry_policies=retry[:1])
    fail = FailStep(name="accuracy-too-low", display_name="AccuracyTooLow",
                    error_message=Join(on=" ", values=["Model accuracy is below the threshold", threshold]))
    cond = ConditionStep(name="check-accuracy", display_name="CheckAccuracy",
        conditions=[ConditionGreaterThanOrEqualTo(left=JsonGet(step_name=evaluate.name, property_file=evaluation, json_path="metrics.accuracy.value"), right=threshold)],
        if_steps=[register], else_steps=[fail])
    return Pipeline(name="churn-retraining", parameters=[input_data, train_type, threshold],
                    steps=[preprocess, train, evaluate, cond], sagemaker_session=session)
