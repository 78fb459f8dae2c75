package io.spectrumflow.starter.cli;

import io.spectrumflow.starter.runs.RunLookup;
import io.spectrumflow.starter.runs.RunView;
import io.spectrumflow.workflows.export.ExportSearchAttributes;
import io.spectrumflow.workflows.export.ExportWorkflow;
import io.spectrumflow.workflows.export.ExportWorkflowIds;
import io.temporal.client.WorkflowClient;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spectrumflow list}: recent runs from Temporal's visibility. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List recent export runs.")
public final class ListCommand implements Callable<Integer> {

  @Mixin TemporalOptions temporal;

  @Option(names = "--pipeline", description = "Only this pipeline's runs")
  String pipeline;

  @Option(
      names = "--status",
      description = "Only runs in this status: running, completed, failed, canceled, terminated")
  String status;

  @Option(names = "--limit", defaultValue = "20", description = "At most this many (default 20)")
  int limit;

  @Override
  public Integer call() {
    StringBuilder query = new StringBuilder("WorkflowType = '" + ExportWorkflow.TYPE + "'");
    if (pipeline != null) {
      query
          .append(" AND ")
          .append(ExportSearchAttributes.PIPELINE.getName())
          .append(" = '")
          .append(ExportWorkflowIds.requireValidPipelineName(pipeline))
          .append("'");
    }
    if (status != null) {
      String word = status.toLowerCase(Locale.ROOT);
      if (!List.of("running", "completed", "failed", "canceled", "terminated").contains(word)) {
        System.err.println("--status: '" + status + "' is not a run status");
        return 2;
      }
      query
          .append(" AND ExecutionStatus = '")
          .append(Character.toUpperCase(word.charAt(0)))
          .append(word.substring(1))
          .append("'");
    }
    WorkflowClient client = temporal.connect();
    try {
      List<RunView> runs = new RunLookup(client).list(query.toString(), Math.max(1, limit));
      System.out.printf(
          "%-40s %-10s %-20s %8s  %s%n", "WORKFLOW ID", "STATUS", "STARTED", "ROWS", "DATES");
      for (RunView run : runs) {
        System.out.printf(
            "%-40s %-10s %-20s %8s  %s%n",
            run.workflowId(),
            run.status(),
            run.startTime() == null ? "" : run.startTime().substring(0, 19),
            run.rows() == null ? "" : run.rows(),
            run.partitionDates() == null ? "" : String.join(",", run.partitionDates()));
      }
      return 0;
    } finally {
      client.getWorkflowServiceStubs().shutdown();
    }
  }
}
