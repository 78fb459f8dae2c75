package io.spectrumflow.local.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.DropwizardTestSupport;
import io.spectrumflow.local.e2e.RunningStack;
import io.spectrumflow.local.starterapp.TestStarterApplication;
import io.spectrumflow.starter.app.StarterConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The starter on the embedded stack with a worker, as the dashboard tests use it: batches posted
 * through the API (with its token), runs awaited through {@code GET /runs/{id}}, pages fetched.
 */
final class DashboardStarter implements AutoCloseable {

  static final String TOKEN = "dashboard-test-token";
  static final String TEMPORAL_UI = "http://127.0.0.1:8233";
  static final String BUCKET = "spectrumflow-lake";
  static final String WEBHOOK = "http://127.0.0.1:9/hooks/secret-webhook-path";
  private static final ObjectMapper JSON = new ObjectMapper();

  final RunningStack stack;
  private final DropwizardTestSupport<StarterConfiguration> app;
  private final HttpClient http = HttpClient.newHttpClient();

  DashboardStarter(Path dir) throws Exception {
    stack = new RunningStack(dir.resolve("data"));
    stack.aws.s3().createBucket(b -> b.bucket(BUCKET));
    Path config = Files.writeString(dir.resolve("starter.yml"), config(stack));
    app = new DropwizardTestSupport<>(TestStarterApplication.class, config.toString());
    app.before();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + app.getLocalPort();
  }

  /** Posts a batch; returns the run's workflow id. */
  String post(String pipeline, String contentType, String body, String batchId) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl() + "/pipelines/" + pipeline + "/batches"))
            .header("Authorization", "Bearer " + TOKEN)
            .header("Content-Type", contentType)
            .header("Idempotency-Key", batchId)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 202) {
      throw new AssertionError("POST answered " + answer.statusCode() + ": " + answer.body());
    }
    return JSON.readTree(answer.body()).get("workflowId").asText();
  }

  /** Puts an object in S3 and posts a batch naming it, so that no intake check sees it first. */
  String postStaged(String pipeline, String key, String body, String batchId) throws Exception {
    stack.aws.s3().putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(body));
    return post(
        pipeline,
        "application/vnd.spectrumflow.staged+json",
        "{\"inputs\": [\"s3://" + BUCKET + "/" + key + "\"]}",
        batchId);
  }

  /** Waits until the run has the status, through the JSON API. */
  JsonNode await(String workflowId, String status, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    String last = null;
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> answer = get("/runs/" + workflowId);
      last = answer.body();
      if (answer.statusCode() == 200) {
        JsonNode run = JSON.readTree(last);
        if (run.get("status").asText().equals(status)) {
          return run;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError(workflowId + " never became " + status + "; last answer: " + last);
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() throws Exception {
    app.after();
    stack.close();
  }

  private static String config(RunningStack stack) {
    String redshift =
        "{clusterIdentifier: spectrumflow-local, dbUser: awsuser,"
            + " iamRole: arn:aws:iam::000000000000:role/spectrumflow-spectrum}";
    return """
        %s
        starter:
          authToken: %s
          maxBody: 64KiB
          staging: s3://%s/staging/
          temporalUiUrl: %s
          dashboard: {refresh: 500ms, idleRefresh: 1s, runs: 20}
        server:
          applicationConnectors: [{type: http, port: 0, bindHost: 127.0.0.1}]
          adminConnectors: [{type: http, port: 0, bindHost: 127.0.0.1}]
        logging:
          type: external
        pipelines:
          events:
            format: csv
            storage: {bucket: %s, prefix: dashboard}
            partition: {field: event_time}
            catalog: {database: dashboard, table: events}
            redshift: %s
            schedule: {cron: "0 3 * * *", paused: true}
            # never called (this pipeline's runs succeed); the dashboard must not show it
            failureWebhook: %s
          events-json:
            format: json
            storage: {bucket: %s, prefix: dashboard}
            partition: {field: event_time}
            catalog: {database: dashboard, table: events_json}
            redshift: %s
          # a batch that replaces days already written waits replaceGraceSeconds in its cleanup step
          daily:
            format: csv
            storage: {bucket: %s, prefix: dashboard, mode: replace-partitions, replaceGraceSeconds: 6}
            partition: {field: event_time}
            catalog: {database: dashboard, table: daily}
            redshift: %s
          # its role is not associated with the cluster: runs fail in ddl, after three steps
          unassociated:
            format: csv
            storage: {bucket: %s, prefix: dashboard}
            partition: {field: event_time}
            catalog: {database: dashboard, table: unassociated}
            redshift: {clusterIdentifier: spectrumflow-local, dbUser: awsuser,
                       iamRole: "arn:aws:iam::000000000000:role/not-associated"}
        """
        .formatted(
            stack.stack.clientSettingsYaml(),
            TOKEN,
            BUCKET,
            TEMPORAL_UI,
            BUCKET,
            redshift,
            WEBHOOK,
            BUCKET,
            redshift,
            BUCKET,
            redshift,
            BUCKET);
  }
}
