package io.spectrumflow.workflows.preflight;

import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Checks what a pipeline needs from AWS, from a worker, with the worker's credentials. */
@ActivityInterface
public interface PreflightActivities {

  /** Runs every check; a failed check is reported, not thrown. */
  @ActivityMethod
  PreflightReport checkPipeline(PipelineSpec pipeline);
}
