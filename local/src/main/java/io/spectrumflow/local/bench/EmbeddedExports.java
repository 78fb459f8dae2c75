package io.spectrumflow.local.bench;

import io.spectrumflow.activities.aws.AwsClients;
import io.spectrumflow.local.stack.EmbeddedStack;
import io.spectrumflow.starter.runs.ExportRuns;
import io.spectrumflow.starter.runs.RunStarted;
import io.spectrumflow.worker.ExportWorker;
import io.spectrumflow.worker.WorkerSettings;
import io.spectrumflow.workflows.export.ExportRequest;
import io.spectrumflow.workflows.export.ExportResult;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The embedded stack (Temporal, S3, Glue and Redshift Data API stand-in) on free ports with one
 * worker in this process, and a client that runs export batches on it to their end: what {@code
 * spectrumflow demo} does, timed.
 */
final class EmbeddedExports implements AutoCloseable {

  /**
   * @param seconds from starting the workflow to its result
   */
  record Run(double seconds, ExportResult result) {}

  private final EmbeddedStack stack;
  private final AwsClients aws;
  private final ExportWorker worker;
  private final WorkflowServiceStubs service;
  private final ExportRuns runs;

  EmbeddedExports(Path dataDir) throws Exception {
    stack = EmbeddedStack.start(dataDir);
    aws = new AwsClients(stack.aws());
    worker =
        new ExportWorker(
            new WorkerSettings(
                stack.temporalTarget(), "default", stack.aws(), dataDir.resolve("work")));
    worker.start();
    service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(stack.temporalTarget()).build());
    runs = new ExportRuns(WorkflowClient.newInstance(service));
  }

  /** Puts a local file into the pipeline's bucket (created if missing); returns its URI. */
  String stage(PipelineSpec pipeline, String name, Path file) {
    String bucket = pipeline.storage().bucket();
    if (aws.s3().listBuckets().buckets().stream().noneMatch(b -> b.name().equals(bucket))) {
      aws.s3().createBucket(b -> b.bucket(bucket));
    }
    String key = "staging/" + pipeline.name() + "/" + name;
    aws.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
    return "s3://" + bucket + "/" + key;
  }

  /** Runs one batch to its end. */
  Run export(PipelineSpec pipeline, String batchId, List<String> inputs) throws TimeoutException {
    long started = System.nanoTime();
    RunStarted run = runs.start(new ExportRequest(batchId, pipeline, inputs, null), true);
    ExportResult result = runs.result(run.workflowId(), Duration.ofMinutes(30));
    return new Run((System.nanoTime() - started) / 1e9, result);
  }

  @Override
  public void close() throws Exception {
    service.shutdown();
    worker.close();
    aws.close();
    stack.close();
  }
}
