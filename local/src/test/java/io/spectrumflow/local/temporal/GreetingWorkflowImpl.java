package io.spectrumflow.local.temporal;

import io.spectrumflow.workflows.export.ExportSearchAttributes;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;

public class GreetingWorkflowImpl implements GreetingWorkflow {

  private boolean released;
  private String stage = "started";

  @Override
  public String greet(String name) {
    Workflow.upsertTypedSearchAttributes(
        ExportSearchAttributes.PARTITION_DATES.valueSet(List.of("2026-11-24", "2026-11-25")));
    if (name.startsWith("hold")) {
      stage = "holding";
      Workflow.await(Duration.ofSeconds(30), () -> released);
    }
    if (name.startsWith("fail")) {
      throw ApplicationFailure.newNonRetryableFailure("asked to fail", "Asked");
    }
    Workflow.upsertTypedSearchAttributes(
        ExportSearchAttributes.ROWS.valueSet((long) name.length()));
    stage = "done";
    return "Hello " + name;
  }

  @Override
  public void release() {
    released = true;
  }

  @Override
  public String stage() {
    return stage;
  }
}
