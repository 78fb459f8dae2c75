package io.spectrumflow.starter.cli;

import io.spectrumflow.starter.config.PipelinesFile;
import io.spectrumflow.workflows.export.ExportTaskQueues;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.spectrumflow.workflows.preflight.PreflightCheck;
import io.spectrumflow.workflows.preflight.PreflightReport;
import io.spectrumflow.workflows.preflight.PreflightWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spectrumflow doctor}: a pipeline's preflight checks, run by a worker. */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description =
        "Check a pipeline's setup from a worker, with the worker's credentials: S3 bucket and"
            + " write access, Glue database and table, crawler role, the IAM role's association"
            + " with the Redshift cluster, and a SELECT 1 through the Data API. Exits 1 when a"
            + " check fails.")
public final class DoctorCommand implements Callable<Integer> {

  @Mixin TemporalOptions temporal;

  @Option(
      names = {"-c", "--config"},
      defaultValue = "${env:SPECTRUMFLOW_HOME:-.}/config/local.yml",
      description = "Configuration file with the pipelines (default: ${DEFAULT-VALUE})")
  Path config;

  @Option(names = "--pipeline", required = true, description = "The pipeline")
  String pipeline;

  @Override
  public Integer call() {
    PipelineSpec spec = PipelinesFile.load(config).pipeline(pipeline);
    WorkflowClient client = temporal.connect();
    try {
      PreflightWorkflow preflight =
          client.newWorkflowStub(
              PreflightWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setWorkflowId("preflight-" + spec.name() + "-" + UUID.randomUUID())
                  .setTaskQueue(ExportTaskQueues.EXPORT)
                  // no worker polling the queue shows as this timeout, not as a hang
                  .setWorkflowExecutionTimeout(Duration.ofMinutes(3))
                  .build());
      PreflightReport report = preflight.check(spec);
      for (PreflightCheck check : report.checks()) {
        System.out.printf(
            "%s %-40s %s%n", check.ok() ? "ok  " : "FAIL", check.name(), check.detail());
      }
      System.out.println(
          report.ok() ? "All checks passed." : "Some checks failed; see above for what to do.");
      return report.ok() ? 0 : 1;
    } finally {
      client.getWorkflowServiceStubs().shutdown();
    }
  }
}
