package io.spectrumflow.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spectrumflow.local.e2e.IamActions.Authorization;
import io.spectrumflow.starter.iam.IamPolicy;
import io.spectrumflow.starter.staging.StagingArea;
import io.spectrumflow.workflows.export.ExportTaskQueues;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.spectrumflow.workflows.preflight.PreflightReport;
import io.spectrumflow.workflows.preflight.PreflightWorkflow;
import io.spectrumflow.workflows.schedule.ScheduledExportRequest;
import io.spectrumflow.workflows.schedule.ScheduledExportResult;
import io.spectrumflow.workflows.schedule.ScheduledExportWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * {@code spectrumflow iam-policy} grants exactly what the workers call: every AWS call the worker
 * made in end-to-end runs (posted batches, a scheduled run's moves in the staging area, {@code
 * doctor}) is allowed, S3 calls with their objects' and buckets' ARNs and listings' {@code
 * s3:prefix} checked against the statements' conditions ({@link PolicyEvaluator}); and every
 * allowed action was called, but for those that only some runs need.
 */
class IamPolicyCoverageTest {

  /** Allowed but not called in these runs, and why. */
  private static final Map<String, String> CONDITIONAL =
      Map.of(
          "redshift:GetClusterCredentials", "called by the Data API on the worker's behalf",
          "iam:PassRole", "checked by Glue when the crawler is created, not an API call of ours",
          "glue:UpdateCrawler", "only when the crawler's definition changed",
          "glue:BatchCreatePartition", "crawler mode: only for partitions the crawl missed",
          "glue:BatchDeletePartition", "replace mode: only when a failed run drops its partitions",
          "glue:GetDatabases", "the worker application's health check",
          "redshift-data:ListStatements", "the worker application's health check");

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"direct", "crawler", "replace"})
  void thePolicyCoversExactlyTheCallsOfRunsScheduledRunsAndDoctor(String mode) throws Exception {
    try (RunningStack stack = new RunningStack(dir.resolve("data"))) {
      check(stack, mode);
    }
  }

  private void check(RunningStack stack, String mode) throws Exception {
    PipelineSpec pipeline =
        RunningStack.pipeline(
            dir,
            "audited",
            """
            pipelines:
              audited:
                format: ndjson
                storage: {bucket: lake, prefix: audit, mode: %s, replaceGraceSeconds: 1}
                partition: {field: ts}
                catalog:
                  mode: %s
                  database: audit
                  table: audited
                  crawlerRole: arn:aws:iam::000000000000:role/glue-crawler
                redshift:
                  clusterIdentifier: spectrumflow-local
                  dbUser: awsuser
                  externalSchema: audit
                  iamRole: arn:aws:iam::000000000000:role/spectrumflow-spectrum
            """
                .formatted(
                    mode.equals("replace") ? "replace-partitions" : "append",
                    mode.equals("crawler") ? "crawler" : "direct"));
    stack.export(pipeline, "b1", "{\"id\": 1, \"ts\": \"2026-11-20T10:00:00Z\"}\n");
    // a new column on a new day, and (replace mode) the first day again
    stack.export(
        pipeline,
        "b2",
        "{\"id\": 2, \"ts\": \"2026-11-21T10:00:00Z\", \"new\": true}\n"
            + "{\"id\": 3, \"ts\": \"2026-11-20T11:00:00Z\"}\n");
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget(stack.stack.temporalTarget())
                .build());
    try {
      WorkflowClient client = WorkflowClient.newInstance(service);
      scheduledRun(stack, client, pipeline);
      doctor(client, pipeline);
    } finally {
      service.shutdown();
    }

    JsonNode policy =
        new ObjectMapper()
            .readTree(new IamPolicy(pipeline, "lake/staging/audited/").worker().toString());
    List<Authorization> authorizations =
        List.copyOf(stack.workerRequests).stream().flatMap(c -> IamActions.of(c).stream()).toList();
    assertThat(authorizations)
        .as("the worker listed incoming/, copied to kept/ and deleted from incoming/")
        .contains(
            new Authorization("s3:ListBucket", "arn:aws:s3:::lake", "staging/audited/incoming/"),
            new Authorization("s3:ListBucket", "arn:aws:s3:::lake", null));
    assertThat(PolicyEvaluator.denied(policy, authorizations)).isEmpty();

    Set<String> called = new TreeSet<>();
    authorizations.forEach(a -> called.add(a.action()));
    Set<String> allowed =
        new TreeSet<>(new IamPolicy(pipeline, "lake/staging/audited/").workerActions());
    assertThat(allowed).containsAll(called);
    Set<String> unused = new TreeSet<>(allowed);
    unused.removeAll(called);
    assertThat(CONDITIONAL.keySet()).containsAll(unused);
  }

  /** A file dropped in the pipeline's incoming folder, exported by a scheduled run. */
  private static void scheduledRun(
      RunningStack stack, WorkflowClient client, PipelineSpec pipeline) {
    StagingArea staging =
        new StagingArea(stack.aws.s3(), stack.aws.s3Transfers(), "s3://lake/staging/");
    stack
        .aws
        .s3()
        .putObject(
            b -> b.bucket("lake").key("staging/audited/incoming/drop-1.ndjson"),
            RequestBody.fromString("{\"id\": 4, \"ts\": \"2026-11-22T10:00:00Z\"}\n"));
    ScheduledExportResult result =
        client
            .newWorkflowStub(
                ScheduledExportWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId("scheduled-audited")
                    .setTaskQueue(ExportTaskQueues.EXPORT)
                    .setWorkflowExecutionTimeout(Duration.ofMinutes(2))
                    .build())
            .exportStaged(
                new ScheduledExportRequest(
                    pipeline, staging.incoming("audited"), staging.kept("audited"), 10));
    assertThat(result.batch()).as("the scheduled run found the dropped file").isNotNull();
    assertThat(result.batch().inputs()).hasSize(1).allMatch(i -> i.contains("/kept/"));
  }

  /** {@code spectrumflow doctor}'s checks, run by the worker as the command runs them. */
  private static void doctor(WorkflowClient client, PipelineSpec pipeline) {
    PreflightReport report =
        client
            .newWorkflowStub(
                PreflightWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId("preflight-audited")
                    .setTaskQueue(ExportTaskQueues.EXPORT)
                    .setWorkflowExecutionTimeout(Duration.ofMinutes(2))
                    .build())
            .check(pipeline);
    assertThat(report.checks()).isNotEmpty();
  }
}
