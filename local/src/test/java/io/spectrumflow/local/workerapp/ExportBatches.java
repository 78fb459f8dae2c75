package io.spectrumflow.local.workerapp;

import io.spectrumflow.activities.aws.AwsClients;
import io.spectrumflow.local.stack.EmbeddedStack;
import io.spectrumflow.starter.config.PipelinesFile;
import io.spectrumflow.starter.runs.ExportRuns;
import io.spectrumflow.starter.runs.RunStarted;
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
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Starts exports of NDJSON batches on the embedded stack with the shared local configuration's
 * {@code events-json} pipeline, as another service would: staged in S3, started through the
 * Temporal client.
 */
final class ExportBatches implements AutoCloseable {

  final PipelineSpec pipeline;
  private final AwsClients aws;
  private final WorkflowServiceStubs service;
  private final ExportRuns runs;

  ExportBatches(EmbeddedStack stack) throws Exception {
    pipeline = PipelinesFile.load(Path.of("../config/local.yml")).pipeline("events-json");
    aws = new AwsClients(stack.aws());
    service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(stack.temporalTarget()).build());
    runs = new ExportRuns(WorkflowClient.newInstance(service));
    String bucket = pipeline.storage().bucket();
    if (aws.s3().listBuckets().buckets().stream().noneMatch(b -> b.name().equals(bucket))) {
      aws.s3().createBucket(b -> b.bucket(bucket));
    }
  }

  /** Stages {@code rows} NDJSON records and starts their export. */
  RunStarted start(String batchId, int rows) {
    String key = "staging/" + pipeline.name() + "/" + batchId + ".ndjson";
    aws.s3()
        .putObject(
            b -> b.bucket(pipeline.storage().bucket()).key(key),
            RequestBody.fromString(ndjson(rows)));
    String input = "s3://" + pipeline.storage().bucket() + "/" + key;
    return runs.start(new ExportRequest(batchId, pipeline, List.of(input), null), true);
  }

  ExportResult result(RunStarted run, Duration timeout) throws TimeoutException {
    return runs.result(run.workflowId(), timeout);
  }

  /** Records over two days, with the fields the {@code events_json} table has. */
  static String ndjson(int rows) {
    return IntStream.range(0, rows)
        .mapToObj(
            i ->
                "{\"event_id\":%d,\"event_time\":\"2026-11-%02dT%02d:%02d:00Z\",\"service\":\"api\",\"message\":\"request %d done\"}"
                    .formatted(i, 20 + i % 2, i % 24, i % 60, i))
        .collect(Collectors.joining("\n", "", "\n"));
  }

  @Override
  public void close() {
    service.shutdown();
    aws.close();
  }
}
