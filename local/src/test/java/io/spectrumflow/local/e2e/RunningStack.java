package io.spectrumflow.local.e2e;

import io.spectrumflow.activities.aws.AwsClients;
import io.spectrumflow.activities.aws.AwsSettings;
import io.spectrumflow.activities.redshift.DataApiStatements;
import io.spectrumflow.local.aws.contract.ContractViolation;
import io.spectrumflow.local.stack.EmbeddedStack;
import io.spectrumflow.starter.config.PipelinesFile;
import io.spectrumflow.starter.runs.ExportRuns;
import io.spectrumflow.starter.runs.RunStarted;
import io.spectrumflow.worker.ExportWorker;
import io.spectrumflow.worker.ExportWorkerOptions;
import io.spectrumflow.worker.WorkerSettings;
import io.spectrumflow.workflows.export.ExportRequest;
import io.spectrumflow.workflows.export.ExportResult;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.redshiftdata.model.Field;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The embedded stack with a worker and a client, for end-to-end tests: stage input, run batches,
 * query through the Data API stand-in, list objects. The worker's AWS calls are recorded.
 */
public final class RunningStack implements AutoCloseable {

  /** Every AWS call the worker made, as {@code service:Operation}. */
  public final List<String> workerCalls = Collections.synchronizedList(new ArrayList<>());

  /** The same calls with their requests, for IAM checks of their resources. */
  public final List<IamActions.Call> workerRequests =
      Collections.synchronizedList(new ArrayList<>());

  public final EmbeddedStack stack;
  public final AwsClients aws;
  public final ExportRuns runs;
  private final ExportWorker worker;
  private final WorkflowServiceStubs service;

  public RunningStack(Path dataDir) throws Exception {
    this(dataDir, aws -> aws, Map.of());
  }

  /**
   * A stack whose worker reaches AWS through other settings (e.g. through a fault-injecting proxy)
   * and runs activities with other options (e.g. a shorter retry budget).
   */
  public RunningStack(
      Path dataDir,
      UnaryOperator<AwsSettings> workerAws,
      Map<String, ActivityOptions> activityOptions)
      throws Exception {
    stack =
        EmbeddedStack.start(
            dataDir, EmbeddedStack.Ports.FREE.withCrawlDuration(Duration.ofMillis(600)));
    aws = new AwsClients(stack.aws());
    worker =
        new ExportWorker(
            new WorkerSettings(
                stack.temporalTarget(),
                "default",
                workerAws.apply(stack.aws()),
                dataDir.resolve("work")),
            ExportWorkerOptions.DEFAULTS
                .withAwsInterceptors(List.of(new CallRecorder(workerCalls, workerRequests)))
                .withActivityOptions(activityOptions));
    worker.start();
    service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(stack.temporalTarget()).build());
    runs = new ExportRuns(WorkflowClient.newInstance(service));
  }

  /** A pipeline from a YAML text of the {@code pipelines:} section. */
  public static PipelineSpec pipeline(Path dir, String name, String yaml) throws IOException {
    Path file = Files.writeString(dir.resolve(name + ".yml"), yaml);
    return PipelinesFile.load(file).pipeline(name);
  }

  /** Creates the pipeline's bucket if needed and stages a body; returns its URI. */
  public String stage(PipelineSpec pipeline, String name, String body) {
    String bucket = pipeline.storage().bucket();
    if (aws.s3().listBuckets().buckets().stream().noneMatch(b -> b.name().equals(bucket))) {
      aws.s3().createBucket(b -> b.bucket(bucket));
    }
    String key = "staging/" + pipeline.name() + "/" + name;
    aws.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(body));
    return "s3://" + bucket + "/" + key;
  }

  /** Runs a batch to its end. */
  public ExportResult export(PipelineSpec pipeline, String batchId, String body)
      throws TimeoutException {
    String input = stage(pipeline, batchId, body);
    RunStarted started =
        runs.start(new ExportRequest(batchId, pipeline, List.of(input), null), true);
    return runs.result(started.workflowId(), Duration.ofMinutes(2));
  }

  public List<List<Field>> query(PipelineSpec pipeline, String sql) {
    String id =
        new DataApiStatements(aws.redshiftData()).run(pipeline.redshift(), sql, polled -> {});
    return aws.redshiftData().getStatementResult(b -> b.id(id)).records();
  }

  public long count(PipelineSpec pipeline, String sql) {
    return query(pipeline, sql).get(0).get(0).longValue();
  }

  public List<String> objectsUnderTable(PipelineSpec pipeline) {
    return aws
        .s3()
        .listObjectsV2Paginator(
            b -> b.bucket(pipeline.storage().bucket()).prefix(pipeline.tablePrefix()))
        .contents()
        .stream()
        .map(S3Object::key)
        .toList();
  }

  /**
   * Stops everything; then fails if any request broke AWS's contract (a violation was already
   * answered with a 400, this names every one, even those a retry or a fallback hid).
   */
  @Override
  public void close() throws Exception {
    service.shutdown();
    worker.close();
    aws.close();
    stack.close();
    List<ContractViolation> violations = stack.contractViolations();
    if (!violations.isEmpty()) {
      throw new AssertionError(
          "requests that real AWS would refuse:\n  "
              + String.join("\n  ", violations.stream().map(ContractViolation::toString).toList()));
    }
  }

  /** Records each call's service and operation, as IAM names them. */
  private static final class CallRecorder implements ExecutionInterceptor {
    private final List<String> calls;
    private final List<IamActions.Call> requests;

    CallRecorder(List<String> calls, List<IamActions.Call> requests) {
      this.calls = calls;
      this.requests = requests;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
      String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
      calls.add(service + ":" + operation);
      requests.add(new IamActions.Call(service, operation, context.request()));
    }
  }
}
