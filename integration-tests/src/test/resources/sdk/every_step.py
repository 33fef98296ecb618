"""An SDK 2.x pipeline with the step types and features the other parity scripts leave out, for the
importer's oracle test (SageMakerSdkOracleTest): typed parameters of every kind, a processing step with a
property file read by a condition, caching, both retry policy classes, Lambda and callback steps with
outputs read downstream, a condition with Or/Not/In/Equals/LessThan, a fail step with a Join message, and a
top-level step that depends on a step inside a branch (the rejoin the SDK allows).
"""

import boto3
from sagemaker.lambda_helper import Lambda
from sagemaker.processing import ProcessingInput, ProcessingOutput, Processor
from sagemaker.workflow.callback_step import CallbackOutput, CallbackOutputTypeEnum, CallbackStep
from sagemaker.workflow.condition_step import ConditionStep
from sagemaker.workflow.conditions import (ConditionEquals, ConditionIn, ConditionLessThan, ConditionNot,
                                           ConditionOr)
from sagemaker.workflow.execution_variables import ExecutionVariables
from sagemaker.workflow.fail_step import FailStep
from sagemaker.workflow.functions import Join, JsonGet
from sagemaker.workflow.lambda_step import LambdaOutput, LambdaOutputTypeEnum, LambdaStep
from sagemaker.workflow.parameters import ParameterBoolean, ParameterFloat, ParameterInteger, ParameterString
from sagemaker.workflow.pipeline import Pipeline
from sagemaker.workflow.pipeline_context import PipelineSession
from sagemaker.workflow.properties import PropertyFile
from sagemaker.workflow.retry import (SageMakerJobExceptionTypeEnum, SageMakerJobStepRetryPolicy,
                                      StepExceptionTypeEnum, StepRetryPolicy)
from sagemaker.workflow.steps import CacheConfig, ProcessingStep

ROLE = "arn:aws:iam::123456789012:role/pipeshift-test"
IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/pipeshift-check:1.0"
ARN = "arn:aws:lambda:us-east-1:123456789012:function:"


def build():
    session = PipelineSession(boto_session=boto3.Session(region_name="us-east-1"), default_bucket="pipeshift-bucket")
    region = ParameterString(name="Region", default_value="eu", enum_values=["eu", "us"])
    limit = ParameterFloat(name="Limit", default_value=0.25)
    shards = ParameterInteger(name="Shards", default_value=4)
    dry_run = ParameterBoolean(name="DryRun", default_value=False)

    report = PropertyFile(name="report", output_name="report", path="report.json")
    check = ProcessingStep(
        name="check", display_name="CheckData",
        processor=Processor(role=ROLE, image_uri=IMAGE, instance_count=1, instance_type="ml.m5.large",
                            entrypoint=["python3", "/opt/ml/processing/code/check.py"], sagemaker_session=session),
        inputs=[ProcessingInput(input_name="data", source="s3://pipeshift-bucket/data/",
                                destination="/opt/ml/processing/data")],
        outputs=[ProcessingOutput(output_name="report", source="/opt/ml/processing/report",
                                  destination="s3://pipeshift-bucket/report/")],
        property_files=[report],
        cache_config=CacheConfig(enable_caching=True, expire_after="P7D"),
        retry_policies=[
            StepRetryPolicy(exception_types=[StepExceptionTypeEnum.SERVICE_FAULT, StepExceptionTypeEnum.THROTTLING],
                            interval_seconds=10, backoff_rate=2.0, max_attempts=3),
            SageMakerJobStepRetryPolicy(exception_types=[SageMakerJobExceptionTypeEnum.CAPACITY_ERROR],
                                        interval_seconds=10, backoff_rate=2.0, max_attempts=3),
        ])

    score = LambdaStep(name="score", display_name="Score", lambda_func=Lambda(function_arn=ARN + "score"),
                       inputs={"report": check.properties.ProcessingOutputConfig.Outputs["report"].S3Output.S3Uri,
                               "run": ExecutionVariables.PIPELINE_EXECUTION_ID, "shards": shards},
                       outputs=[LambdaOutput(output_name="verdict", output_type=LambdaOutputTypeEnum.String)])

    approve = CallbackStep(name="approve", display_name="Approve",
                           sqs_queue_url="https://sqs.us-east-1.amazonaws.com/123456789012/approvals",
                           inputs={"verdict": score.properties.Outputs["verdict"]},
                           outputs=[CallbackOutput(output_name="approver", output_type=CallbackOutputTypeEnum.String)])

    stop = FailStep(name="stop", display_name="Stop",
                    error_message=Join(on=" ", values=["error rate above", limit, "in", region]))

    gate = ConditionStep(
        name="gate", display_name="Gate",
        conditions=[ConditionOr(conditions=[
            ConditionLessThan(left=JsonGet(step_name=check.name, property_file=report, json_path="errors.rate"),
                              right=limit),
            ConditionNot(expression=ConditionIn(value=region, in_values=["eu", "us"]))]),
            ConditionEquals(left=dry_run, right=False)],
        if_steps=[approve], else_steps=[stop])

    # depends on a step inside a branch (the SDK allows it; a value of that step would not be readable here)
    publish = LambdaStep(name="publish", display_name="Publish", lambda_func=Lambda(function_arn=ARN + "publish"),
                         inputs={"run": ExecutionVariables.START_DATETIME}, depends_on=[approve])

    return Pipeline(name="pipeshift-every-step", parameters=[region, limit, shards, dry_run],
                    steps=[check, score, gate, publish], sagemaker_session=session)
