package io.spectrumflow.local.workerapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spectrumflow.local.s3.FreePort;
import io.spectrumflow.local.stack.EmbeddedStack;
import io.spectrumflow.starter.runs.RunStarted;
import io.spectrumflow.workflows.export.ExportResult;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker application on the embedded stack: it starts from its configuration file, its health
 * checks reach every service (and say which one they cannot), and an export shows on {@code
 * /metrics}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkerApplicationTest {

  @TempDir static Path dir;
  private EmbeddedStack stack;
  private ExportBatches batches;
  private WorkerAppConfig config;
  private RunningWorkerApp app;

  @BeforeAll
  void start() throws Exception {
    stack = EmbeddedStack.start(dir.resolve("stack"));
    batches = new ExportBatches(stack);
    config = new WorkerAppConfig(stack.temporalTarget(), stack.aws(), dir.resolve("work"));
    app = RunningWorkerApp.start(config.writeTo(dir.resolve("worker.yml")));
  }

  @AfterAll
  void stop() throws Exception {
    app.close();
    batches.close();
    stack.close();
  }

  @Test
  void healthChecksReachTemporalS3GlueAndTheRedshiftDataApi() throws Exception {
    RunningWorkerApp.Answer health = app.healthChecks();

    assertThat(health.status()).isEqualTo(200);
    JsonNode checks = health.body();
    assertThat(checks.fieldNames())
        .toIterable()
        .contains("temporal", "s3", "glue", "redshift-data");
    checks.forEach(check -> assertThat(check.path("healthy").asBoolean()).isTrue());
    assertThat(checks.path("temporal").path("message").asText())
        .isEqualTo(
            "Temporal at "
                + stack.temporalTarget()
                + ": GetSystemInfo answered (server version unknown)");
    assertThat(checks.path("s3").path("message").asText())
        .startsWith("S3 at " + stack.aws().s3Endpoint() + ": ListBuckets answered");
    assertThat(checks.path("glue").path("message").asText()).endsWith("GetDatabases answered");
    assertThat(checks.path("redshift-data").path("message").asText())
        .endsWith("ListStatements answered");
  }

  @Test
  void theAdminIsOnItsOwnLoopbackPortAndHasNoTasks() throws Exception {
    assertThat(app.adminHost()).as("the file leaves the admin's host out").isEqualTo("127.0.0.1");
    assertThat(app.status("POST", true, "/tasks/gc")).isEqualTo(404);
    assertThat(app.status("POST", true, "/tasks/log-level?logger=spectrumflow.x&level=DEBUG"))
        .isEqualTo(404);
    assertThat(app.status("GET", true, "/ping")).isEqualTo(200);
    for (String path : List.of("/admin/healthcheck", "/admin/tasks/gc", "/healthcheck")) {
      assertThat(app.status("POST", false, path))
          .as("%s on the application port", path)
          .isEqualTo(404);
    }
  }

  @Test
  void healthChecksSayWhichServiceIsUnreachable() throws Exception {
    URI nothingThere = URI.create("http://127.0.0.1:" + FreePort.find());
    WorkerAppConfig broken =
        config
            .withGlueAndRedshiftDataAt(nothingThere)
            .withHealthCheckBuckets(List.of("no-such-bucket"));
    try (RunningWorkerApp brokenApp =
        RunningWorkerApp.start(broken.writeTo(dir.resolve("broken.yml")))) {
      RunningWorkerApp.Answer health = brokenApp.healthChecks();

      assertThat(health.status()).isEqualTo(500);
      JsonNode checks = health.body();
      assertThat(checks.path("temporal").path("healthy").asBoolean()).isTrue();
      assertThat(checks.path("s3").path("healthy").asBoolean()).isFalse();
      assertThat(checks.path("s3").path("message").asText())
          .startsWith("S3 at " + stack.aws().s3Endpoint() + ": HeadBucket no-such-bucket failed:")
          .contains("404");
      assertThat(checks.path("glue").path("healthy").asBoolean()).isFalse();
      assertThat(checks.path("glue").path("message").asText())
          .startsWith("Glue at " + nothingThere + ": GetDatabases failed: ")
          .contains("Unable to execute HTTP request");
      assertThat(checks.path("redshift-data").path("healthy").asBoolean()).isFalse();
      assertThat(checks.path("redshift-data").path("message").asText())
          .startsWith("Redshift Data API at " + nothingThere + ": ListStatements failed: ");
    }
  }

  @Test
  void anExportShowsAsActivityTimersBesideTheTemporalSdkMetrics() throws Exception {
    RunStarted run = batches.start("metrics-1", 40);
    ExportResult result = batches.result(run, Duration.ofMinutes(1));
    assertThat(result.rowsVerified()).isEqualTo(40);

    JsonNode metrics = eventually(() -> app.metrics(), Duration.ofSeconds(10));
    JsonNode timers = metrics.path("timers");
    for (String step :
        List.of(
            "DumpParquet",
            "UploadPartitions",
            "RegisterPartitions",
            "ApplyExternalSchema",
            "CountRows")) {
      assertThat(timers.path("spectrumflow.activity." + step).path("count").asLong())
          .as(step)
          .isEqualTo(1);
    }
    assertThat(names(timers))
        .anyMatch(name -> name.startsWith("temporal_activity_execution_latency"));
    assertThat(names(metrics.path("meters")))
        .anyMatch(name -> name.startsWith("temporal_request."));
  }

  /** The SDK reports on its own schedule: waits until its activity latency has arrived. */
  private static JsonNode eventually(MetricsCall call, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonNode metrics = call.get();
      boolean reported =
          names(metrics.path("timers"))
              .anyMatch(name -> name.startsWith("temporal_activity_execution_latency"));
      if (reported || System.nanoTime() > deadline) {
        return metrics;
      }
      Thread.sleep(100);
    }
  }

  private static java.util.stream.Stream<String> names(JsonNode section) {
    return StreamSupport.stream(((Iterable<String>) section::fieldNames).spliterator(), false);
  }

  private interface MetricsCall {
    JsonNode get() throws Exception;
  }
}
