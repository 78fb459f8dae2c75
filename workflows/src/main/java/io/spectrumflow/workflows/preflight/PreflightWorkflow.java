package io.spectrumflow.workflows.preflight;

import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * {@code spectrumflow doctor}: a pipeline's preflight checks, run on a worker so that they test the
 * worker's own credentials, network and endpoints.
 */
@WorkflowInterface
public interface PreflightWorkflow {

  /** The workflow type. */
  String TYPE = "PreflightWorkflow";

  @WorkflowMethod(name = TYPE)
  PreflightReport check(PipelineSpec pipeline);
}
