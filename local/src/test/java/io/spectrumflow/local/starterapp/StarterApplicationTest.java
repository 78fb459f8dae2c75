package io.spectrumflow.local.starterapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.DropwizardTestSupport;
import io.spectrumflow.local.adversarial.AdversarialLedger;
import io.spectrumflow.local.e2e.RunningStack;
import io.spectrumflow.starter.app.StarterConfiguration;
import io.spectrumflow.starter.config.PipelinesFile;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/** The starter's HTTP API against a worker on the embedded stack. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StarterApplicationTest {

  @TempDir static Path dir;
  private RunningStack stack;
  private WebhookReceiver webhook;
  private DropwizardTestSupport<StarterConfiguration> app;
  private StarterApi api;
  private Path config;

  @BeforeAll
  void start() throws Exception {
    stack = new RunningStack(dir.resolve("data"));
    webhook = new WebhookReceiver();
    stack.aws.s3().createBucket(b -> b.bucket("spectrumflow-lake"));
    config = StarterConfigs.write(dir, stack, webhook.url(), "");
    app = new DropwizardTestSupport<>(TestStarterApplication.class, config.toString());
    app.before();
    api = new StarterApi(app.getLocalPort());
  }

  @AfterAll
  void stop() throws Exception {
    if (app != null) {
      app.after();
    }
    webhook.close();
    stack.close();
  }

  private PipelineSpec pipeline(String name) {
    return PipelinesFile.load(config).pipeline(name);
  }

  private static String sample() throws Exception {
    try (InputStream in = StarterApplicationTest.class.getResourceAsStream("/samples/events.csv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void aPostedBatchRunsToAVerifiedCountAndARetryIsTheSameRun() throws Exception {
    StarterApi.Answer posted =
        api.authorized(
            "POST", "/pipelines/events/batches", "text/csv", sample(), "Idempotency-Key", "k-1");

    assertThat(posted.status()).isEqualTo(202);
    String link = posted.body().get("link").asText();
    assertThat(link).isEqualTo("/runs/" + posted.body().get("workflowId").asText());
    JsonNode done =
        api.await(
            link, run -> run.get("status").asText().equals("completed"), Duration.ofMinutes(1));
    assertThat(done.at("/result/rowsVerified").asLong()).isEqualTo(52);
    assertThat(done.get("pipeline").asText()).as(done.toString()).isEqualTo("events");
    assertThat(done.get("rows").asLong()).isEqualTo(52);

    StarterApi.Answer again =
        api.authorized(
            "POST", "/pipelines/events/batches", "text/csv", sample(), "Idempotency-Key", "k-1");
    assertThat(again.status()).isEqualTo(202);
    assertThat(again.body().get("existing").asBoolean()).isTrue();
    assertThat(again.body().get("runId").asText()).isEqualTo(posted.body().get("runId").asText());

    JsonNode listed = api.get("/runs?pipeline=events&status=completed").body();
    assertThat(listed.get("runs").findValuesAsText("workflowId"))
        .contains(posted.body().get("workflowId").asText());
  }

  @Test
  void aBurstOfPostsRunsAtMostTheLimitAtOnceAndEveryAcceptedBatchArrives() throws Exception {
    int posts = 10;
    String body = sample();
    ExecutorService clients = Executors.newFixedThreadPool(posts);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<StarterApi.Answer>> answers = new ArrayList<>();
    for (int i = 0; i < posts; i++) {
      String key = "burst-" + i;
      answers.add(
          clients.submit(
              () -> {
                go.await();
                return api.authorized(
                    "POST", "/pipelines/limited/batches", "text/csv", body, "Idempotency-Key", key);
              }));
    }
    go.countDown();
    List<String> accepted = new ArrayList<>();
    for (Future<StarterApi.Answer> answer : answers) {
      StarterApi.Answer posted = answer.get(1, TimeUnit.MINUTES);
      // the starter's own check of running runs may refuse some of a burst, never wrongly accept
      assertThat(posted.status()).as(posted.toString()).isIn(202, 429);
      if (posted.status() == 202) {
        accepted.add(posted.body().get("link").asText());
      }
    }
    clients.shutdown();
    assertThat(accepted).as("a burst gets past the starter's check").hasSizeGreaterThan(2);

    List<JsonNode> done = new ArrayList<>();
    for (String link : accepted) {
      done.add(
          api.await(
              link, run -> run.get("status").asText().equals("completed"), Duration.ofMinutes(3)));
    }

    assertThat(done)
        .allSatisfy(run -> assertThat(run.at("/result/rowsVerified").asLong()).isEqualTo(52));
    assertThat(mostAtOnceInTheirSteps(done)).isEqualTo(2);
    long counted =
        stack.count(pipeline("limited"), "SELECT count(*) FROM \"spectrum\".\"limited\"");
    assertThat(counted).isEqualTo(52L * accepted.size());
    AdversarialLedger.rows(
        "burst",
        accepted.size() + " simultaneous POSTs past the 429, maxConcurrentRuns 2",
        "at most 2 ran at once, the rest queued",
        52L * accepted.size(),
        counted);
  }

  /**
   * The most runs that were between the start of their first step after {@code queued} and the end
   * of their last at once, from the step start times and durations in the results (Temporal's
   * clock, the same for every run).
   */
  private static int mostAtOnceInTheirSteps(List<JsonNode> runs) {
    List<long[]> spans = new ArrayList<>();
    for (JsonNode run : runs) {
      long first = Long.MAX_VALUE;
      long last = 0;
      for (JsonNode step : run.at("/result/steps")) {
        if (!step.get("step").asText().equals("queued")) {
          first = Math.min(first, step.get("startedAt").asLong());
          last = Math.max(last, step.get("startedAt").asLong() + step.get("millis").asLong());
        }
      }
      spans.add(new long[] {first, last});
    }
    int most = 0;
    for (long[] span : spans) {
      long at = span[0];
      int running = (int) spans.stream().filter(s -> s[0] <= at && at < s[1]).count();
      most = Math.max(most, running);
    }
    return most;
  }

  @Test
  void refusesWhatItCannotTake() throws Exception {
    assertThat(api.post("/pipelines/events/batches", "text/csv", "id\n1\n").status())
        .isEqualTo(401);
    assertThat(
            api.authorized("POST", "/pipelines/events/batches", "text/csv", "x".repeat(70_000))
                .status())
        .isEqualTo(413);
    StarterApi.Answer unknown =
        api.authorized("POST", "/pipelines/nope/batches", "text/csv", "id\n1\n");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body().get("message").asText()).contains("no pipeline named 'nope'");
    StarterApi.Answer malformed =
        api.authorized(
            "POST",
            "/pipelines/events/batches",
            "text/csv",
            "id,event_time,note\n1,2026-11-20T10:00:00Z,ok\n2,2026-11-20T11:00:00Z,\"open quote\n");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.body().get("line").asLong()).isEqualTo(3);
    assertThat(malformed.body().get("message").asText()).contains("line 3");
    assertThat(
            api.authorized("POST", "/pipelines/events/batches", "application/json", "[]").status())
        .isEqualTo(415);
    assertThat(api.get("/runs/export-events-never").status()).isEqualTo(404);
  }

  @Test
  void aReferenceToStagedObjectsStartsARun() throws Exception {
    String key = "elsewhere/batch-7.ndjson";
    stack
        .aws
        .s3()
        .putObject(
            b -> b.bucket("spectrumflow-lake").key(key),
            RequestBody.fromString("{\"id\": 1, \"event_time\": \"2026-11-20T10:00:00Z\"}\n"));

    StarterApi.Answer posted =
        api.authorized(
            "POST",
            "/pipelines/events-json/batches",
            "application/vnd.spectrumflow.staged+json",
            "{\"inputs\": [\"s3://spectrumflow-lake/" + key + "\"]}");

    assertThat(posted.status()).isEqualTo(202);
    JsonNode done =
        api.await(
            posted.body().get("link").asText(),
            run -> run.get("status").asText().equals("completed"),
            Duration.ofMinutes(1));
    assertThat(done.at("/result/rowsVerified").asLong()).isEqualTo(1);
  }

  @Test
  void aScheduleTriggeredExportsWhatWasStagedAndPausedItDoesNot() throws Exception {
    StarterApi.Answer created =
        api.authorized(
            "PUT",
            "/pipelines/events-json/schedule",
            "application/json",
            "{\"cron\": \"@every 2s\", \"paused\": true}");
    assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
    String incoming = "staging/events-json/incoming/drop-1.ndjson";
    stack
        .aws
        .s3()
        .putObject(
            b -> b.bucket("spectrumflow-lake").key(incoming),
            RequestBody.fromString(
                "{\"id\": 10, \"event_time\": \"2026-11-19T10:00:00Z\"}\n"
                    + "{\"id\": 11, \"event_time\": \"2026-11-19T11:00:00Z\"}\n"));

    Thread.sleep(5_000); // two intervals: paused, nothing may run
    JsonNode paused = api.get("/pipelines/events-json/schedule").body();
    assertThat(paused.get("paused").asBoolean()).isTrue();
    assertThat(paused.get("actions").asLong()).isZero();

    assertThat(
            api.authorized(
                    "POST", "/pipelines/events-json/schedule/trigger", "application/json", "")
                .status())
        .isEqualTo(202);
    JsonNode triggered =
        api.await(
            "/pipelines/events-json/schedule",
            schedule -> schedule.get("actions").asLong() >= 1,
            Duration.ofSeconds(30));
    String scheduledRun = triggered.get("recentRuns").get(0).asText();
    JsonNode run =
        api.await(
            "/runs/" + scheduledRun,
            r -> r.get("status").asText().equals("completed"),
            Duration.ofMinutes(1));
    assertThat(run.get("type").asText()).isEqualTo("ScheduledExportWorkflow");
    assertThat(
            stack.count(
                pipeline("events-json"),
                "SELECT count(*) FROM \"spectrum\".\"events_json\" WHERE id IN (10, 11)"))
        .isEqualTo(2);
    assertThat(
            stack
                .aws
                .s3()
                .listObjectsV2(
                    b -> b.bucket("spectrumflow-lake").prefix("staging/events-json/incoming/"))
                .contents())
        .isEmpty();
    assertThat(
            api.authorized("DELETE", "/pipelines/events-json/schedule", "application/json", "")
                .status())
        .isEqualTo(204);
  }

  @Test
  void aBackfillExportsTheStagedBatchesOfItsDaysAgainWithoutDuplicates() throws Exception {
    PipelineSpec backfilled = pipeline("backfilled");
    for (String day : List.of("2026-10-01", "2026-10-02")) {
      for (int batch = 1; batch <= 2; batch++) {
        String body =
            "{\"id\": "
                + batch
                + ", \"event_time\": \""
                + day
                + "T10:00:00Z\"}\n"
                + "{\"id\": "
                + (batch + 10)
                + ", \"event_time\": \""
                + day
                + "T11:00:00Z\"}\n";
        String key = "staging/backfilled/api/" + day + "/b-" + day + "-" + batch + "/body.json";
        stack
            .aws
            .s3()
            .putObject(b -> b.bucket("spectrumflow-lake").key(key), RequestBody.fromString(body));
      }
    }

    String count = "SELECT count(*) FROM \"spectrum\".\"backfilled\"";
    for (int round = 1; round <= 2; round++) {
      StarterApi.Answer started =
          api.authorized(
              "POST",
              "/pipelines/backfilled/backfill",
              "application/json",
              "{\"from\": \"2026-10-01\", \"to\": \"2026-10-02\"}");
      assertThat(started.status()).isEqualTo(202);
      assertThat(started.body().get("runs")).hasSize(4);
      for (JsonNode run : started.body().get("runs")) {
        api.await(
            "/runs/" + run.get("workflowId").asText(),
            r -> r.get("status").asText().equals("completed"),
            Duration.ofMinutes(1));
      }
      assertThat(stack.count(backfilled, count)).as("round " + round).isEqualTo(8);
    }
  }

  @Test
  void aFailedRunCallsItsWebhookOnce() throws Exception {
    // parses, but the partition field is missing: the dump fails, not the intake
    StarterApi.Answer posted =
        api.authorized(
            "POST", "/pipelines/alerting/batches", "application/x-ndjson", "{\"id\": 1}\n");
    assertThat(posted.status()).isEqualTo(202);

    JsonNode failed =
        api.await(
            posted.body().get("link").asText(),
            run -> run.get("status").asText().equals("failed"),
            Duration.ofMinutes(1));

    assertThat(failed.get("failure").asText()).startsWith("dump: ").contains("event_time");
    long deadline = System.currentTimeMillis() + 10_000;
    while (webhook.bodies.isEmpty() && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    Thread.sleep(1_000); // and no second call
    assertThat(webhook.bodies).hasSize(1);
    assertThat(webhook.bodies.get(0))
        .contains(
            "\"pipeline\":\"alerting\"", "\"step\":\"dump\"", "\"text\":\"Spectrumflow run failed");
  }

  @Test
  void badSettingsStopStartUpNamingTheKey() throws Exception {
    for (String[] bad :
        new String[][] {
          {"storage: {prefix: x}", "pipelines.broken.storage.bucket: is required"},
          {
            "storage: {bucket: b}\n    catalog: {mode: glue, database: d}",
            "pipelines.broken.catalog.mode: 'glue' is not one of direct, crawler"
          },
          {
            "storage: {bucket: b}\n    catalog: {database: d}\n    schedule: {cron: \"99 * * * *\"}",
            "pipelines.broken.schedule.cron: '99 * * * *' is not a cron schedule"
          }
        }) {
      Path broken =
          StarterConfigs.write(
              dir,
              stack,
              webhook.url(),
              "  broken:\n    " + bad[0] + "\n    redshift: {workgroupName: w, iamRole: r}\n");
      DropwizardTestSupport<StarterConfiguration> starting =
          new DropwizardTestSupport<>(TestStarterApplication.class, broken.toString());
      Throwable failure = null;
      try {
        starting.before();
      } catch (Throwable e) {
        failure = e;
      } finally {
        starting.after();
      }
      assertThat(failure).as(bad[1]).isNotNull();
      assertThat(causes(failure)).as(bad[1]).anyMatch(m -> m != null && m.contains(bad[1]));
    }
    Files.deleteIfExists(dir.resolve("broken.yml"));
  }

  private static List<String> causes(Throwable failure) {
    java.util.List<String> messages = new java.util.ArrayList<>();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      messages.add(t.getMessage());
    }
    return messages;
  }
}
