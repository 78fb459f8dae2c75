package io.spectrumflow.local.starterapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.DropwizardTestSupport;
import io.spectrumflow.local.e2e.RunningStack;
import io.spectrumflow.starter.app.StarterConfiguration;
import io.spectrumflow.starter.config.PipelinesFile;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fifty batches across three pipelines posted at once through the HTTP API: every run is verified
 * by Redshift's count, no object is written twice, and the report gives throughput and the slowest
 * run.
 */
@Tag("slow")
class LoadTest {

  private static final int BATCHES = 50;
  private static final int ROWS_PER_BATCH = 200;
  private static final List<String> PIPELINES = List.of("events-json", "backfilled", "alerting");

  @TempDir Path dir;

  @Test
  void fiftyConcurrentBatchesAllLandExactlyOnce() throws Exception {
    try (RunningStack stack = new RunningStack(dir.resolve("data"));
        WebhookReceiver webhook = new WebhookReceiver()) {
      stack.aws.s3().createBucket(b -> b.bucket("spectrumflow-lake"));
      Path config = StarterConfigs.write(dir, stack, webhook.url(), "");
      DropwizardTestSupport<StarterConfiguration> app =
          new DropwizardTestSupport<>(TestStarterApplication.class, config.toString());
      app.before();
      ExecutorService clients = Executors.newFixedThreadPool(16);
      try {
        StarterApi api = new StarterApi(app.getLocalPort());
        Instant started = Instant.now();
        List<Future<JsonNode>> runs = new ArrayList<>();
        for (int i = 0; i < BATCHES; i++) {
          int batch = i;
          String pipeline = PIPELINES.get(i % PIPELINES.size());
          runs.add(
              clients.submit(
                  () -> {
                    StarterApi.Answer posted =
                        api.authorized(
                            "POST",
                            "/pipelines/" + pipeline + "/batches?batchId=load-" + batch,
                            "application/x-ndjson",
                            body(batch));
                    assertThat(posted.status()).as(posted.body().toString()).isEqualTo(202);
                    return api.await(
                        posted.body().get("link").asText(),
                        run -> !run.get("status").asText().equals("running"),
                        Duration.ofMinutes(10));
                  }));
        }
        List<JsonNode> done = new ArrayList<>();
        for (Future<JsonNode> run : runs) {
          done.add(run.get());
        }
        Duration total = Duration.between(started, Instant.now());

        long slowest = 0;
        String slowestRun = "";
        for (JsonNode run : done) {
          assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("completed");
          assertThat(run.at("/result/rowsVerified").asLong()).isEqualTo(ROWS_PER_BATCH);
          long millis =
              Duration.between(
                      Instant.parse(run.get("startTime").asText()),
                      Instant.parse(run.get("closeTime").asText()))
                  .toMillis();
          if (millis > slowest) {
            slowest = millis;
            slowestRun = run.get("workflowId").asText();
          }
        }
        Map<String, long[]> perPipeline = new TreeMap<>();
        Set<String> objects = new HashSet<>();
        long allObjects = 0;
        for (String name : PIPELINES) {
          PipelineSpec pipeline = PipelinesFile.load(config).pipeline(name);
          List<String> keys = stack.objectsUnderTable(pipeline);
          allObjects += keys.size();
          objects.addAll(keys);
          long expected =
              (long) ROWS_PER_BATCH
                  * done.stream().filter(r -> r.get("pipeline").asText().equals(name)).count();
          long found =
              stack.count(
                  pipeline,
                  "SELECT count(*) FROM \"spectrum\".\"" + pipeline.catalog().table() + "\"");
          perPipeline.put(name, new long[] {expected, found});
        }
        System.out.printf(
            "Load: %d batches of %d rows over %d pipelines in %.1f s: %.1f batches/s, %.0f rows/s;"
                + " slowest run %s took %d ms%n",
            BATCHES,
            ROWS_PER_BATCH,
            PIPELINES.size(),
            total.toMillis() / 1000.0,
            BATCHES * 1000.0 / total.toMillis(),
            BATCHES * ROWS_PER_BATCH * 1000.0 / total.toMillis(),
            slowestRun,
            slowest);
        perPipeline.forEach(
            (name, counts) ->
                System.out.printf(
                    "  %-12s rows expected %6d, found %6d%n", name, counts[0], counts[1]));
        perPipeline.forEach((name, counts) -> assertThat(counts[1]).as(name).isEqualTo(counts[0]));
        assertThat(objects).hasSize((int) allObjects); // no key twice
      } finally {
        clients.shutdownNow();
        app.after();
      }
    }
  }

  /** Rows of a batch over three days, so batches share partitions. */
  private static String body(int batch) {
    StringBuilder ndjson = new StringBuilder();
    for (int i = 0; i < ROWS_PER_BATCH; i++) {
      ndjson
          .append("{\"id\": ")
          .append(batch * 1000L + i)
          .append(", \"event_time\": \"2026-11-1")
          .append(i % 3)
          .append("T10:00:00Z\", \"note\": \"row ")
          .append(i)
          .append(" of batch ")
          .append(batch)
          .append("\"}\n");
    }
    return ndjson.toString();
  }
}
