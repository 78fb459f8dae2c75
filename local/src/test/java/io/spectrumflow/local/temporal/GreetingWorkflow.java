package io.spectrumflow.local.temporal;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A trivial workflow for the embedded Temporal's tests: greets a name. A name starting with {@code
 * hold} waits for {@link #release} (at most 30 s); one starting with {@code fail} fails. It upserts
 * {@code SpectrumflowPartitionDates} and {@code SpectrumflowRows} as it goes.
 */
@WorkflowInterface
public interface GreetingWorkflow {

  String TASK_QUEUE = "greetings";

  @WorkflowMethod
  String greet(String name);

  @SignalMethod
  void release();

  @QueryMethod
  String stage();
}
