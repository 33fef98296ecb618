package io.pipeshift.ir.kinds;

import io.pipeshift.ir.DefaultValue;
import io.pipeshift.ir.Value;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Registers a model package version in a SageMaker Model Registry group. It never deploys: deployment is
 * a separate step, usually started by the approval event. Output {@code model-package-arn}.
 */
public record RegisterModelSpec(
    String modelPackageGroup,
    String image,
    Value modelData,
    @DefaultValue("[text/csv]") List<String> contentTypes,
    @DefaultValue("[text/csv]") List<String> responseTypes,
    List<String> inferenceInstanceTypes,
    List<String> transformInstanceTypes,
    @DefaultValue("pending-manual-approval") ApprovalStatus approvalStatus,
    @io.pipeshift.ir.Doc("S3 URI of a model quality statistics JSON attached to the version")
        Optional<Value> modelMetrics)
    implements StepSpec {

  public RegisterModelSpec {
    contentTypes = List.copyOf(contentTypes);
    responseTypes = List.copyOf(responseTypes);
    inferenceInstanceTypes = List.copyOf(inferenceInstanceTypes);
    transformInstanceTypes = List.copyOf(transformInstanceTypes);
  }

  public enum ApprovalStatus {
    PENDING_MANUAL_APPROVAL,
    APPROVED,
    REJECTED
  }

  @Override
  public Optional<Set<String>> outputNames() {
    return Optional.of(Set.of("model-package-arn"));
  }
}
