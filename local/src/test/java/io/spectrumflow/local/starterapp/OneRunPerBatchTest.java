package io.spectrumflow.local.starterapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.DropwizardTestSupport;
import io.spectrumflow.local.adversarial.AdversarialLedger;
import io.spectrumflow.local.e2e.RunningStack;
import io.spectrumflow.starter.app.StagingRetention;
import io.spectrumflow.starter.app.StarterConfiguration;
import io.spectrumflow.starter.cli.SpectrumflowCommand;
import io.spectrumflow.starter.config.PipelinesFile;
import io.spectrumflow.starter.runs.RunLookup;
import io.spectrumflow.starter.staging.BodyDigest;
import io.spectrumflow.starter.staging.StagingArea;
import io.spectrumflow.workflows.export.ExportRequest;
import io.spectrumflow.workflows.export.ExportSearchAttributes;
import io.spectrumflow.workflows.export.ExportTaskQueues;
import io.spectrumflow.workflows.export.ExportWorkflow;
import io.spectrumflow.workflows.export.ExportWorkflowIds;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * One batch, one run, exporting what that run's request staged: across pipelines whose names
 * overlap, across requests racing for one batch id, across the change of workflow ids, and with
 * nothing left behind by requests that did not become the run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneRunPerBatchTest {

  private static final String BUCKET = "spectrumflow-lake";
  private static final Duration RUN_TIME = Duration.ofMinutes(2);

  @TempDir static Path dir;
  private RunningStack stack;
  private WebhookReceiver webhook;
  private DropwizardTestSupport<StarterConfiguration> app;
  private StarterApi api;
  private Path config;
  private WorkflowServiceStubs service;
  private WorkflowClient client;
  private StagingArea staging;
  private Path staleBody;
  private Path freshBody;

  @BeforeAll
  void start() throws Exception {
    stack = new RunningStack(dir.resolve("data"));
    webhook = new WebhookReceiver();
    stack.aws.s3().createBucket(b -> b.bucket(BUCKET));
    config = StarterConfigs.write(dir, stack, webhook.url(), "");
    // what a starter killed mid-request left in the system temp folder
    Path temp = Path.of(System.getProperty("java.io.tmpdir"));
    staleBody = Files.createTempFile(temp, "spectrumflow-body-", ".part");
    Files.setLastModifiedTime(staleBody, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
    freshBody = Files.createTempFile(temp, "spectrumflow-body-", ".part");
    app = new DropwizardTestSupport<>(TestStarterApplication.class, config.toString());
    app.before();
    api = new StarterApi(app.getLocalPort());
    service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget(stack.stack.temporalTarget())
                .build());
    client = WorkflowClient.newInstance(service);
    staging =
        new StagingArea(stack.aws.s3(), stack.aws.s3Transfers(), "s3://" + BUCKET + "/staging/");
  }

  @AfterAll
  void stop() throws Exception {
    Files.deleteIfExists(staleBody);
    Files.deleteIfExists(freshBody);
    if (app != null) {
      app.after();
    }
    if (service != null) {
      service.shutdown();
    }
    webhook.close();
    stack.close();
  }

  private PipelineSpec pipeline(String name) {
    return PipelinesFile.load(config).pipeline(name);
  }

  private static String ndjson(long... ids) {
    StringBuilder body = new StringBuilder();
    for (long id : ids) {
      body.append("{\"id\": ").append(id).append(", \"event_time\": \"2026-11-21T10:00:00Z\"}\n");
    }
    return body.toString();
  }

  private StarterApi.Answer post(String pipeline, String query, String body, String... headers)
      throws Exception {
    return api.authorized(
        "POST",
        "/pipelines/" + pipeline + "/batches" + query,
        "application/x-ndjson",
        body,
        headers);
  }

  private JsonNode completed(StarterApi.Answer answer) throws Exception {
    return api.await(
        answer.body().get("link").asText(),
        run -> run.get("status").asText().equals("completed"),
        RUN_TIME);
  }

  private List<Long> ids(String pipeline, String table, long from, long to) {
    return stack
        .query(
            pipeline(pipeline),
            "SELECT id FROM \"spectrum\".\""
                + table
                + "\" WHERE id >= "
                + from
                + " AND id < "
                + to
                + " ORDER BY id")
        .stream()
        .map(row -> row.get(0).longValue())
        .toList();
  }

  private List<String> keys(String prefix) {
    return stack
        .aws
        .s3()
        .listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix))
        .contents()
        .stream()
        .map(S3Object::key)
        .toList();
  }

  @Test
  void batchesOfPipelinesWhoseNamesOverlapAreTwoRuns() throws Exception {
    // export-events-json-x was the id of both under the old scheme
    StarterApi.Answer json = post("events-json", "?batchId=x", ndjson(5001));
    StarterApi.Answer csv =
        api.authorized("POST", "/pipelines/events/batches?batchId=json-x", "text/csv", sample());

    assertThat(json.status()).as(json.body().toString()).isEqualTo(202);
    assertThat(csv.status()).as(csv.body().toString()).isEqualTo(202);
    assertThat(csv.body().get("existing").asBoolean()).as(csv.body().toString()).isFalse();
    assertThat(csv.body().get("workflowId").asText())
        .isEqualTo("export:events:json-x")
        .isNotEqualTo(json.body().get("workflowId").asText());
    long jsonRows = completed(json).at("/result/rowsVerified").asLong();
    assertThat(jsonRows).isEqualTo(1);
    JsonNode events = completed(csv);
    assertThat(events.get("pipeline").asText()).isEqualTo("events");
    assertThat(events.at("/result/rowsVerified").asLong()).isEqualTo(52);
    AdversarialLedger.rows(
        "ids",
        "batch json-x of events beside x of events-json",
        "two runs, two ids",
        1 + 52,
        jsonRows + events.at("/result/rowsVerified").asLong());
  }

  @Test
  void theSameIdempotencyKeyWithAnotherBodyIsAConflictNamingTheKey() throws Exception {
    StarterApi.Answer first = post("events-json", "", ndjson(6001), "Idempotency-Key", "k-409");
    StarterApi.Answer other = post("events-json", "", ndjson(6002), "Idempotency-Key", "k-409");
    StarterApi.Answer again = post("events-json", "", ndjson(6001), "Idempotency-Key", "k-409");

    assertThat(first.status()).isEqualTo(202);
    assertThat(other.status()).as(other.body().toString()).isEqualTo(409);
    assertThat(other.body().get("code").asInt()).isEqualTo(409);
    assertThat(other.body().get("message").asText())
        .contains("Idempotency-Key 'k-409'", first.body().get("runId").asText());
    assertThat(again.status()).isEqualTo(202);
    assertThat(again.body().get("existing").asBoolean()).isTrue();
    assertThat(again.body().get("runId").asText()).isEqualTo(first.body().get("runId").asText());
    completed(first);
    assertThat(ids("events-json", "events_json", 6000, 7000)).containsExactly(6001L);
    AdversarialLedger.rows(
        "idempotency", "Idempotency-Key reused with another body", "409 naming the key", 1, 1);
  }

  @Test
  void concurrentPostsOfOneBatchStartOneRunThatExportsItsOwnBody() throws Exception {
    int requests = 30;
    ExecutorService pool = Executors.newFixedThreadPool(requests);
    List<StarterApi.Answer> answers = new ArrayList<>();
    try {
      List<Callable<StarterApi.Answer>> posts =
          IntStream.range(0, requests)
              .<Callable<StarterApi.Answer>>mapToObj(
                  i ->
                      () ->
                          post(
                              "backfilled",
                              "?batchId=race-1",
                              ndjson(1000 + 10 * i, 1001 + 10 * i)))
              .toList();
      for (Future<StarterApi.Answer> answer : pool.invokeAll(posts)) {
        answers.add(answer.get());
      }
    } finally {
      pool.shutdownNow();
    }

    List<StarterApi.Answer> started = answers.stream().filter(a -> a.status() == 202).toList();
    assertThat(started).as(answers.toString()).hasSize(1);
    JsonNode winner = started.get(0).body();
    assertThat(winner.get("existing").asBoolean()).isFalse();
    String runId = winner.get("runId").asText();
    for (StarterApi.Answer answer : answers) {
      if (answer.status() != 202) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(409);
        assertThat(answer.body().get("message").asText())
            .contains("batch id 'race-1'", "export:backfilled:race-1", runId);
      }
    }
    completed(started.get(0));
    // the staged copy is the winner's: the run's input, and the only body left of the batch
    String input = winner.get("inputs").get(0).asText();
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    assertThat(keys("staging/backfilled/api/" + today + "/race-1/"))
        .containsExactly(input.substring(("s3://" + BUCKET + "/").length()));
    String winning =
        stack
            .aws
            .s3()
            .getObjectAsBytes(
                b -> b.bucket(BUCKET).key(input.substring(("s3://" + BUCKET + "/").length())))
            .asUtf8String();
    long first = Long.parseLong(winning.substring("{\"id\": ".length(), winning.indexOf(',')));
    assertThat(ids("backfilled", "backfilled", 1000, 2000)).containsExactly(first, first + 1);

    StarterApi.Answer backfill =
        api.authorized(
            "POST",
            "/pipelines/backfilled/backfill",
            "application/json",
            "{\"from\": \"" + today + "\", \"to\": \"" + today + "\"}");
    assertThat(backfill.status()).isEqualTo(202);
    for (JsonNode run : backfill.body().get("runs")) {
      api.await(
          "/runs/" + run.get("workflowId").asText(),
          r -> r.get("status").asText().equals("completed"),
          RUN_TIME);
    }
    assertThat(ids("backfilled", "backfilled", 1000, 2000)).containsExactly(first, first + 1);
    AdversarialLedger.rows(
        "race",
        requests + " concurrent POSTs, one batch id, other bodies",
        "one 202, " + (requests - 1) + " x 409, winner's body exported",
        2,
        ids("backfilled", "backfilled", 1000, 2000).size());
  }

  @Test
  void aRunStartedUnderTheOldIdIsStillTheBatchsRunButOnlyForItsOwnPipeline() throws Exception {
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    String body = ndjson(7001);
    // a run of the starter before the change: legacy id, body staged without a digest folder
    String key = "staging/events-json/api/" + today + "/legacy-1/body.json";
    stack.aws.s3().putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(body));
    String legacyRun =
        startLegacy(pipeline("events-json"), "legacy-1", List.of("s3://" + BUCKET + "/" + key));
    // and a run of pipeline events whose legacy id is also that of events-json's batch x2
    String otherKey = "staging/events/api/" + today + "/json-x2/body.csv";
    stack.aws.s3().putObject(b -> b.bucket(BUCKET).key(otherKey), RequestBody.fromString(sample()));
    String othersRun =
        startLegacy(pipeline("events"), "json-x2", List.of("s3://" + BUCKET + "/" + otherKey));

    StarterApi.Answer again = post("events-json", "?batchId=legacy-1", body);
    assertThat(again.status()).as(again.body().toString()).isEqualTo(202);
    assertThat(again.body().get("existing").asBoolean()).isTrue();
    assertThat(again.body().get("workflowId").asText()).isEqualTo("export-events-json-legacy-1");
    assertThat(again.body().get("runId").asText()).isEqualTo(legacyRun);

    StarterApi.Answer different = post("events-json", "?batchId=legacy-1", ndjson(7009));
    assertThat(different.status()).as(different.body().toString()).isEqualTo(409);
    assertThat(different.body().get("message").asText())
        .contains("batch id 'legacy-1'", "export-events-json-legacy-1");

    StarterApi.Answer x2 = post("events-json", "?batchId=x2", ndjson(7002));
    assertThat(x2.status()).as(x2.body().toString()).isEqualTo(202);
    assertThat(x2.body().get("existing").asBoolean()).isFalse();
    assertThat(x2.body().get("workflowId").asText()).isEqualTo("export:events-json:x2");
    assertThat(x2.body().get("runId").asText()).isNotEqualTo(othersRun);
    completed(x2);
    assertThat(ids("events-json", "events_json", 7002, 7003)).containsExactly(7002L);

    Result status =
        cli("status", "--temporal", stack.stack.temporalTarget(), "events-json", "legacy-1");
    assertThat(status.exit()).as(status.out()).isZero();
    assertThat(status.out()).startsWith("export-events-json-legacy-1: ");
  }

  private String startLegacy(PipelineSpec pipeline, String batchId, List<String> inputs) {
    ExportWorkflow workflow =
        client.newWorkflowStub(
            ExportWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(ExportWorkflowIds.legacyOf(pipeline.name(), batchId))
                .setTaskQueue(ExportTaskQueues.EXPORT)
                .setTypedSearchAttributes(
                    SearchAttributes.newBuilder()
                        .set(ExportSearchAttributes.PIPELINE, pipeline.name())
                        .set(ExportSearchAttributes.BATCH_ID, batchId)
                        .build())
                .build());
    return WorkflowClient.start(
            workflow::export, new ExportRequest(batchId, pipeline, inputs, null))
        .getRunId();
  }

  @Test
  void theCommandLineChecksTheBatchIdBeforeStagingAnything() throws Exception {
    Path file = Files.writeString(dir.resolve("escape.ndjson"), ndjson(8001));
    List<String> before = keys("");

    // on S3 the first is a key outside the pipeline's staging prefix (the local S3Proxy refuses
    // it); the second is staged by any S3
    List<String> batchIds = List.of("../../../escape", "nested/escape");
    List<Result> results = new ArrayList<>();
    for (String batchId : batchIds) {
      results.add(
          cli(
              "run",
              "events-json",
              "--config",
              config.toString(),
              "--temporal",
              stack.stack.temporalTarget(),
              "--batch-id",
              batchId,
              "-f",
              file.toString(),
              "--detach"));
    }

    assertThat(keys("")).containsExactlyInAnyOrderElementsOf(before);
    for (int i = 0; i < batchIds.size(); i++) {
      assertThat(results.get(i).exit()).as(results.get(i).out()).isEqualTo(2);
      assertThat(results.get(i).out()).contains("batch id '" + batchIds.get(i) + "' is not valid");
      AdversarialLedger.refused(
          "paths", "run --batch-id '" + batchIds.get(i) + "'", "exit 2, nothing staged");
    }
  }

  @Test
  void aStarterStartingDeletesBodyFilesLeftByRequestsThatNeverFinished() {
    assertThat(staleBody).doesNotExist();
    assertThat(freshBody).exists();
  }

  @Test
  void retentionDeletesPostedBodiesNoRunExports() throws Exception {
    StarterApi.Answer won = post("events-json", "?batchId=sweep-1", ndjson(9001));
    assertThat(won.status()).isEqualTo(202);
    completed(won);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    // a body that lost the race for sweep-1 in a starter killed before it could delete it
    Path lost = Files.writeString(dir.resolve("lost.ndjson"), ndjson(9002));
    String lostKey =
        staging
            .stage(
                "events-json",
                today,
                "sweep-1",
                List.of(lost),
                BodyDigest.of(List.of(lost)),
                "json")
            .inputs()
            .get(0);
    // and one staged by a starter killed before it started the run
    Path orphan = Files.writeString(dir.resolve("orphan.ndjson"), ndjson(9003));
    String orphanKey =
        staging
            .stage(
                "events-json",
                today,
                "sweep-2",
                List.of(orphan),
                BodyDigest.of(List.of(orphan)),
                "json")
            .inputs()
            .get(0);
    String prefix = "staging/events-json/api/" + today + "/";

    new StagingRetention(
            staging,
            new RunLookup(client),
            Set.of("events-json"),
            Duration.ofDays(30),
            Clock.offset(Clock.systemUTC(), Duration.ofHours(1)))
        .sweep();

    List<String> left = keys(prefix);
    assertThat(left)
        .contains(
            won.body().get("inputs").get(0).asText().substring(("s3://" + BUCKET + "/").length()))
        .doesNotContain(lostKey.substring(("s3://" + BUCKET + "/").length()))
        .noneMatch(k -> k.startsWith(prefix + "sweep-2/"));
    assertThat(orphanKey).contains("/sweep-2/");
  }

  private record Result(int exit, String out) {}

  private static Result cli(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setOut(both);
    System.setErr(both);
    try {
      int exit = new CommandLine(new SpectrumflowCommand()).execute(args);
      return new Result(exit, captured.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  private static String sample() throws Exception {
    try (InputStream in = OneRunPerBatchTest.class.getResourceAsStream("/samples/events.csv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
