"""SDK parity script for pipelines/gated-release.yaml (run by SdkParityTest via oracles/scripts/sdk_definition.py).

Written as a person would lower the IR by hand with the SDK 2.x: SageMaker cannot nest condition steps,
so the three-armed condition is three sibling ConditionSteps, each testing the earlier arms negated and its
own test; the rejoin (publish after whichever arm ran) is a renamed copy of publish at the end of each arm
that can finish (the else arm fails).
"""

import boto3
from sagemaker.lambda_helper import Lambda
from sagemaker.workflow.callback_step import CallbackOutput, CallbackStep
from sagemaker.workflow.condition_step import ConditionStep
from sagemaker.workflow.conditions import (ConditionEquals, ConditionGreaterThanOrEqualTo, ConditionIn,
                                           ConditionNot, ConditionOr)
from sagemaker.workflow.fail_step import FailStep
from sagemaker.workflow.lambda_step import LambdaOutput, LambdaOutputTypeEnum, LambdaStep
from sagemaker.workflow.parameters import ParameterFloat, ParameterString
from sagemaker.workflow.pipeline import Pipeline
from sagemaker.workflow.pipeline_context import PipelineSession

ARN = "arn:aws:lambda:us-east-1:123456789012:function:"


def build():
    session = PipelineSession(boto_session=boto3.Session(region_name="us-east-1"), default_bucket="b")
    stage = ParameterString(name="Stage", default_value="dev", enum_values=["dev", "staging", "prod"])
    threshold = ParameterFloat(name="Threshold", default_value=0.8)

    auc = LambdaOutput(output_name="auc", output_type=LambdaOutputTypeEnum.Float)
    score = LambdaStep(name="score", display_name="Score", lambda_func=Lambda(function_arn=ARN + "score-model"),
                       inputs={"stage": stage}, outputs=[auc])

    def publish(suffix, after):
        return LambdaStep(name="publish-" + suffix, display_name="Publish", depends_on=after,
                          lambda_func=Lambda(function_arn=ARN + "publish"), inputs={"stage": stage}, outputs=[])

    is_prod = ConditionIn(value=stage, in_values=["prod"])
    staging_or_low = ConditionOr(conditions=[
        ConditionEquals(left=stage, right="staging"),
        ConditionNot(expression=ConditionGreaterThanOrEqualTo(left=score.properties.Outputs["auc"], right=threshold)),
    ])
    approve = CallbackStep(name="approve", display_name="Approve",
                           sqs_queue_url="https://sqs.us-east-1.amazonaws.com/123456789012/release-approvals",
                           inputs={"auc": score.properties.Outputs["auc"]},
                           outputs=[CallbackOutput(output_name="approver")])
    notify = LambdaStep(name="notify-staging", display_name="NotifyStaging",
                        lambda_func=Lambda(function_arn=ARN + "notify"), inputs={"stage": stage}, outputs=[])
    stop = FailStep(name="stop", display_name="Stop", error_message="development runs stop after scoring")

    arm1 = ConditionStep(name="route", display_name="Route", depends_on=["score"], conditions=[is_prod],
                         if_steps=[approve, publish("branch-1", ["approve"])], else_steps=[])
    arm2 = ConditionStep(name="route-branch-2", display_name="Route", depends_on=["score"],
                         conditions=[ConditionNot(expression=is_prod), staging_or_low],
                         if_steps=[notify, publish("branch-2", ["notify-staging"])], else_steps=[])
    # not (stage == staging or not auc >= threshold)  ==  stage != staging and auc >= threshold
    arm3 = ConditionStep(name="route-else", display_name="Route", depends_on=["score"],
                         conditions=[ConditionNot(expression=is_prod),
                                     ConditionNot(expression=ConditionEquals(left=stage, right="staging")),
                                     ConditionGreaterThanOrEqualTo(left=score.properties.Outputs["auc"],
                                                                   right=threshold)],
                         if_steps=[stop], else_steps=[])
    return Pipeline(name="gated-release", parameters=[stage, threshold], steps=[score, arm1, arm2, arm3],
                    sagemaker_session=session)
