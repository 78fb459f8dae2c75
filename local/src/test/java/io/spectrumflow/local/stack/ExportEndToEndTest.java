package io.spectrumflow.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spectrumflow.activities.aws.AwsClients;
import io.spectrumflow.activities.redshift.DataApiStatements;
import io.spectrumflow.starter.config.PipelinesFile;
import io.spectrumflow.starter.runs.ExportRuns;
import io.spectrumflow.starter.runs.RunStarted;
import io.spectrumflow.worker.ExportWorker;
import io.spectrumflow.worker.WorkerSettings;
import io.spectrumflow.workflows.export.ExportFailures;
import io.spectrumflow.workflows.export.ExportRequest;
import io.spectrumflow.workflows.export.ExportResult;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.redshiftdata.model.Field;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The whole recipe on the embedded stack: the real activities and worker against S3Proxy, the Glue
 * + Redshift Data API stand-in and the Temporal test server, all on free loopback ports.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportEndToEndTest {

  @TempDir static Path dataDir;

  private EmbeddedStack stack;
  private ExportWorker worker;
  private AwsClients aws;
  private WorkflowServiceStubs service;
  private ExportRuns runs;
  private PipelineSpec events;

  @BeforeAll
  void startStack() throws Exception {
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
    events = PipelinesFile.load(Path.of("../config/local.yml")).pipeline("events");
    aws.s3().createBucket(b -> b.bucket(events.storage().bucket()));
  }

  @AfterAll
  void stopStack() throws Exception {
    service.shutdown();
    worker.close();
    aws.close();
    stack.close();
  }

  @Test
  void exportsTheSampleAndRedshiftCountsEveryRowOnce() throws Exception {
    String input = stage("sample.csv", resource("/samples/events.csv"));
    ExportRequest request = new ExportRequest("sample-1", events, List.of(input), null);

    RunStarted started = runs.start(request, false);
    ExportResult result = runs.result(started.workflowId(), Duration.ofMinutes(2));

    assertThat(result.rowsWritten()).isEqualTo(52);
    assertThat(result.rowsVerified()).isEqualTo(52);
    assertThat(result.partitions()).containsExactly("2026-11-22", "2026-11-23", "2026-11-24");
    assertThat(result.steps()).hasSize(5);
    assertThat(objectsUnderTable()).containsExactlyInAnyOrderElementsOf(result.s3Keys());
    assertThat(countsByDate())
        .containsExactly(
            Map.entry("2026-11-22", 14L),
            Map.entry("2026-11-23", 17L),
            Map.entry("2026-11-24", 21L));
    // Line breaks, quotes, commas and non-ASCII text come back through SQL as they went in.
    assertThat(
            query(
                    "SELECT message FROM \"spectrum\".\"events\" WHERE event_id IN (1003, 1005)"
                        + " ORDER BY event_id")
                .stream()
                .map(row -> row.get(0).stringValue()))
        .containsExactly(
            "Customer wrote:\n\"Parcel arrived damaged, please refund.\"",
            "Line one\nLine two, with a comma\nLine \"three\"");

    // The same batch again is the same run.
    RunStarted again = runs.start(request, false);
    assertThat(again.existing()).isTrue();
    assertThat(again.runId()).isEqualTo(started.runId());

    // Running it once more overwrites the same objects: nothing duplicated.
    RunStarted rerun = runs.start(request, true);
    assertThat(rerun.runId()).isNotEqualTo(started.runId());
    ExportResult second = runs.result(rerun.workflowId(), Duration.ofMinutes(2));
    assertThat(second.s3Keys()).isEqualTo(result.s3Keys());
    assertThat(objectsUnderTable()).containsExactlyInAnyOrderElementsOf(result.s3Keys());
    assertThat(countsByDate().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(52);
  }

  @Test
  void badInputFailsTheRunWithTheRecordAndStoresNothing() throws Exception {
    String input =
        stage(
            "ragged.csv",
            "id,event_time,note\n1,2026-11-20T10:00:00Z,ok\n2,2026-11-20T11:00:00Z,one,too many\n");
    ExportRequest request = new ExportRequest("ragged-1", events, List.of(input), null);
    TreeSet<String> before = new TreeSet<>(objectsUnderTable());

    RunStarted started = runs.start(request, false);

    assertThatThrownBy(() -> runs.result(started.workflowId(), Duration.ofMinutes(1)))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(ExportFailures.BAD_INPUT);
              assertThat(failure.getOriginalMessage())
                  .startsWith("dump: Record 2 (line 3 of ragged.csv)");
            });
    assertThat(new TreeSet<>(objectsUnderTable())).isEqualTo(before);
  }

  private String stage(String name, String body) {
    String key = "staging/" + name;
    aws.s3()
        .putObject(b -> b.bucket(events.storage().bucket()).key(key), RequestBody.fromString(body));
    return "s3://" + events.storage().bucket() + "/" + key;
  }

  private static String resource(String path) throws Exception {
    try (InputStream in = ExportEndToEndTest.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private List<String> objectsUnderTable() {
    return aws
        .s3()
        .listObjectsV2Paginator(
            b -> b.bucket(events.storage().bucket()).prefix(events.tablePrefix()))
        .contents()
        .stream()
        .map(S3Object::key)
        .map(key -> "s3://" + events.storage().bucket() + "/" + key)
        .toList();
  }

  private Map<String, Long> countsByDate() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (List<Field> row :
        query(
            "SELECT \"date\", count(*) FROM \"spectrum\".\"events\" GROUP BY \"date\" ORDER BY"
                + " \"date\"")) {
      counts.put(row.get(0).stringValue(), row.get(1).longValue());
    }
    return counts;
  }

  private List<List<Field>> query(String sql) {
    DataApiStatements statements = new DataApiStatements(aws.redshiftData());
    String id = statements.run(events.redshift(), sql, polled -> {});
    return aws.redshiftData().getStatementResult(b -> b.id(id)).records();
  }
}
