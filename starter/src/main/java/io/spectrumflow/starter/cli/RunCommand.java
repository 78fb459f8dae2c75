package io.spectrumflow.starter.cli;

import io.spectrumflow.starter.config.PipelinesFile;
import io.spectrumflow.starter.runs.ExportRuns;
import io.spectrumflow.starter.runs.RunStarted;
import io.spectrumflow.workflows.export.ExportRequest;
import io.spectrumflow.workflows.export.ExportResult;
import io.temporal.client.WorkflowClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spectrumflow run}: starts the export of staged objects. */
@Command(
    name = "run",
    description = "Start the export of a batch already staged in S3 (one run per batch id).")
public final class RunCommand implements Callable<Integer> {

  @Mixin TemporalOptions temporal;

  @Option(
      names = {"-c", "--config"},
      defaultValue = "${env:SPECTRUMFLOW_HOME:-.}/config/local.yml",
      description = "Configuration file with the pipelines (default: ${DEFAULT-VALUE})")
  Path config;

  @Parameters(index = "0", description = "The pipeline, as named in the configuration")
  String pipeline;

  @Option(
      names = "--batch-id",
      required = true,
      description = "Names the run and its objects; the same id again is the same run")
  String batchId;

  @Option(
      names = "--input",
      required = true,
      description = "A staged input object, s3://bucket/key; repeat for several, read in order")
  List<String> inputs;

  @Option(names = "--batch-time", description = "ISO-8601 instant of the batch (default: now)")
  String batchTime;

  @Option(names = "--rerun", description = "Run again even if this batch already completed")
  boolean rerun;

  @Option(names = "--wait", description = "Wait for the run to finish and print its result")
  boolean await;

  @Override
  public Integer call() throws Exception {
    ExportRequest request =
        new ExportRequest(
            batchId, PipelinesFile.load(config).pipeline(pipeline), inputs, batchTime);
    WorkflowClient client = temporal.connect();
    try {
      ExportRuns runs = new ExportRuns(client);
      RunStarted started = runs.start(request, rerun);
      System.out.printf(
          "%s %s (run %s)%n",
          started.existing() ? "batch already submitted:" : "started",
          started.workflowId(),
          started.runId());
      if (await) {
        ExportResult result = runs.result(started.workflowId(), Duration.ofHours(6));
        System.out.println(ResultText.of(result));
      }
      return 0;
    } finally {
      client.getWorkflowServiceStubs().shutdown();
    }
  }
}
