package io.spectrumflow.starter.cli;

import io.spectrumflow.starter.runs.ExportRuns;
import io.spectrumflow.starter.runs.RunLookup;
import io.spectrumflow.starter.runs.RunView;
import io.spectrumflow.workflows.export.ExportProgress;
import io.spectrumflow.workflows.export.ExportWorkflowIds;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code spectrumflow status}: where a batch's run is. */
@Command(name = "status", description = "Show the status and progress of a batch's run.")
public final class StatusCommand implements Callable<Integer> {

  @Mixin TemporalOptions temporal;

  @Parameters(index = "0", description = "The pipeline")
  String pipeline;

  @Parameters(index = "1", description = "The batch id")
  String batchId;

  @Override
  public Integer call() {
    try {
      ExportWorkflowIds.requireValidPipelineName(pipeline);
      ExportWorkflowIds.requireValidBatchId(batchId);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    WorkflowClient client = temporal.connect();
    try {
      Optional<RunView> run = new RunLookup(client).runOf(pipeline, batchId);
      if (run.isEmpty()) {
        System.err.println("batch " + batchId + " of pipeline " + pipeline + " has no run");
        return 1;
      }
      String workflowId = run.get().workflowId();
      ExportRuns runs = new ExportRuns(client);
      WorkflowStub stub = runs.stub(workflowId);
      WorkflowExecutionStatus status = stub.describe().getWorkflowExecutionInfo().getStatus();
      ExportProgress progress = runs.progress(workflowId);
      System.out.printf(
          "%s: %s, step %s, %d rows, %d files, %d bytes%n",
          workflowId,
          status.name().replace("WORKFLOW_EXECUTION_STATUS_", "").toLowerCase(),
          progress.step(),
          progress.rows(),
          progress.files(),
          progress.bytes());
      progress.steps().forEach(s -> System.out.printf("  %-8s %6d ms%n", s.step(), s.millis()));
      return 0;
    } finally {
      client.getWorkflowServiceStubs().shutdown();
    }
  }
}
