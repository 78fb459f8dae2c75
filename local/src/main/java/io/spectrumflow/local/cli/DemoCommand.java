package io.spectrumflow.local.cli;

import io.spectrumflow.activities.aws.AwsClients;
import io.spectrumflow.activities.redshift.DataApiStatements;
import io.spectrumflow.local.stack.EmbeddedStack;
import io.spectrumflow.starter.cli.ResultText;
import io.spectrumflow.starter.config.PipelinesFile;
import io.spectrumflow.starter.runs.ExportRuns;
import io.spectrumflow.starter.runs.RunStarted;
import io.spectrumflow.worker.ExportWorker;
import io.spectrumflow.worker.WorkerSettings;
import io.spectrumflow.workflows.export.ExportProgress;
import io.spectrumflow.workflows.export.ExportRequest;
import io.spectrumflow.workflows.export.ExportResult;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.spectrumflow.workflows.pipeline.SourceFormat;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * {@code spectrumflow demo}: the whole recipe on the embedded stack, with the bundled sample of
 * service events, printing what each step left behind.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Start the embedded stack and a worker, export a sample batch end to end, and query it"
            + " back through the Redshift Data API stand-in.")
public final class DemoCommand implements Callable<Integer>, LaunchedConfig.EmbeddedStackCommand {

  @Option(
      names = "--data-dir",
      defaultValue = "${env:SPECTRUMFLOW_HOME:-.}/.spectrumflow/local",
      description = "Where the embedded S3 and catalog keep their data (default: ${DEFAULT-VALUE})")
  Path dataDir;

  @Option(
      names = {"-c", "--config"},
      defaultValue = "${env:SPECTRUMFLOW_HOME:-.}/config/local.yml",
      description = "Configuration file with the pipelines (default: ${DEFAULT-VALUE})")
  Path config;

  @Option(
      names = "--pipeline",
      defaultValue = "events",
      description = "The pipeline to run (default: ${DEFAULT-VALUE})")
  String pipeline;

  @Option(
      names = "--input",
      description = "A local file to export instead of the bundled sample of the pipeline's format")
  Path input;

  @Option(
      names = "--batch-id",
      defaultValue = "sample-events",
      description = "The batch id (default: ${DEFAULT-VALUE}); the same id overwrites its objects")
  String batchId;

  @Override
  public Integer call() throws Exception {
    PipelineSpec spec = PipelinesFile.load(config).pipeline(pipeline);
    Files.createDirectories(dataDir);
    try (EmbeddedStack stack = EmbeddedStack.start(dataDir);
        AwsClients aws = new AwsClients(stack.aws())) {
      say(
          "Embedded stack: Temporal %s, S3 %s, Glue + Redshift Data API %s, data in %s",
          stack.temporalTarget(), stack.aws().s3Endpoint(), stack.aws().glueEndpoint(), dataDir);
      String staged = stage(aws, spec);
      say("Staged the batch's input at %s", staged);
      ExportResult result;
      try (ExportWorker worker =
          new ExportWorker(
              new WorkerSettings(
                  stack.temporalTarget(), "default", stack.aws(), dataDir.resolve("work")))) {
        worker.start();
        result = export(stack, new ExportRequest(batchId, spec, List.of(staged), null));
      }
      if (result == null) {
        return 1;
      }
      report(aws, spec, result);
      return 0;
    }
  }

  private String stage(AwsClients aws, PipelineSpec spec) throws IOException {
    String bucket = spec.storage().bucket();
    if (aws.s3().listBuckets().buckets().stream().noneMatch(b -> b.name().equals(bucket))) {
      aws.s3().createBucket(b -> b.bucket(bucket));
    }
    String extension = spec.format() == SourceFormat.CSV ? "csv" : "ndjson";
    String key = "staging/" + spec.name() + "/" + batchId + "." + extension;
    byte[] body;
    if (input != null) {
      body = Files.readAllBytes(input);
    } else {
      try (InputStream sample =
          Objects.requireNonNull(
              DemoCommand.class.getResourceAsStream("/samples/events." + extension),
              "bundled sample events." + extension)) {
        body = sample.readAllBytes();
      }
    }
    aws.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(body));
    return "s3://" + bucket + "/" + key;
  }

  private ExportResult export(EmbeddedStack stack, ExportRequest request) throws Exception {
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(stack.temporalTarget()).build());
    try {
      ExportRuns runs = new ExportRuns(WorkflowClient.newInstance(service));
      RunStarted started = runs.start(request, true);
      say("Started workflow %s (run %s)", started.workflowId(), started.runId());
      CompletableFuture<ExportResult> result =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return runs.result(started.workflowId(), Duration.ofMinutes(10));
                } catch (java.util.concurrent.TimeoutException e) {
                  throw new IllegalStateException("the run did not finish in 10 minutes", e);
                }
              });
      String lastStep = "";
      while (!result.isDone()) {
        ExportProgress progress = runs.progress(started.workflowId());
        if (!progress.step().equals(lastStep)) {
          lastStep = progress.step();
          say("  step: %s", lastStep);
        }
        Thread.sleep(100);
      }
      try {
        ExportResult done = result.join();
        System.out.print(ResultText.of(done));
        return done;
      } catch (java.util.concurrent.CompletionException e) {
        if (e.getCause() instanceof WorkflowFailedException failed) {
          System.err.println("The run failed: " + failed.getCause().getMessage());
          return null;
        }
        throw e;
      }
    } finally {
      service.shutdown();
    }
  }

  private void report(AwsClients aws, PipelineSpec spec, ExportResult result) {
    say("%nS3 objects:");
    result.s3Keys().forEach(key -> say("  %s", key));

    Table table =
        aws.glue()
            .getTable(b -> b.databaseName(result.glueDatabase()).name(result.glueTable()))
            .table();
    say(
        "%nGlue table %s.%s at %s",
        table.databaseName(), table.name(), table.storageDescriptor().location());
    for (Column column : table.storageDescriptor().columns()) {
      say("  %-14s %s", column.name(), column.type());
    }
    for (Column column : table.partitionKeys()) {
      say("  %-14s %s (partition key)", column.name(), column.type());
    }
    int partitions =
        aws.glue()
            .getPartitions(b -> b.databaseName(result.glueDatabase()).tableName(result.glueTable()))
            .partitions()
            .size();
    say("  %d partitions registered", partitions);

    say("%nDDL applied through the Redshift Data API:%n  %s", result.ddl());

    String column = spec.partition().column();
    String sql =
        "SELECT \""
            + column
            + "\", count(*) AS row_count FROM \""
            + spec.redshift().externalSchema()
            + "\".\""
            + result.glueTable()
            + "\" GROUP BY \""
            + column
            + "\" ORDER BY \""
            + column
            + "\"";
    DataApiStatements statements = new DataApiStatements(aws.redshiftData());
    String id = statements.run(spec.redshift(), sql, polled -> {});
    say("%n%s%n%s", sql, StatementTable.of(aws.redshiftData().getStatementResult(b -> b.id(id))));
  }

  private static void say(String format, Object... args) {
    System.out.printf(format + "%n", args);
  }
}
