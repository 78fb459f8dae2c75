package io.spectrumflow.workflows.preflight;

import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** Runs the checks once: a report of what is wrong now is the point, not a retried success. */
public class PreflightWorkflowImpl implements PreflightWorkflow {

  private final PreflightActivities activities =
      Workflow.newActivityStub(
          PreflightActivities.class,
          ActivityOptions.newBuilder()
              .setScheduleToCloseTimeout(Duration.ofMinutes(2))
              .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
              .build());

  @Override
  public PreflightReport check(PipelineSpec pipeline) {
    return activities.checkPipeline(pipeline);
  }
}
