package io.spectrumflow.local.starterapp;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.dropwizard.testing.DropwizardTestSupport;
import io.spectrumflow.local.adversarial.AdversarialLedger;
import io.spectrumflow.local.e2e.RunningStack;
import io.spectrumflow.starter.app.StarterConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The starter's admin endpoints are on their own loopback port and their tasks need the API token;
 * the token is taken only from the Authorization header, and no log line or request log line ever
 * shows it, whatever the log levels.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminPortAndTokenTest {

  private static final String NDJSON = "{\"id\": 1, \"event_time\": \"2026-11-20T10:00:00Z\"}\n";

  @TempDir static Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  private RunningStack stack;
  private WebhookReceiver webhook;
  private DropwizardTestSupport<StarterConfiguration> app;
  private StarterApi api;

  @BeforeAll
  void start() throws Exception {
    stack = new RunningStack(dir.resolve("data"));
    webhook = new WebhookReceiver();
    stack.aws.s3().createBucket(b -> b.bucket("spectrumflow-lake"));
    app =
        new DropwizardTestSupport<>(
            TestStarterApplication.class,
            StarterConfigs.write(dir, stack, webhook.url(), "").toString());
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

  @Test
  void adminIsOnItsOwnLoopbackPortAndItsTasksNeedTheToken() throws Exception {
    int appPort = app.getLocalPort();
    int adminPort = app.getAdminPort();
    String logLevel = "/tasks/log-level?logger=org.eclipse.jetty.http&level=DEBUG";

    assertThat(adminPort).isNotEqualTo(appPort);
    assertThat(app.getEnvironment().getApplicationContext().getServer().getConnectors())
        .filteredOn(c -> ((ServerConnector) c).getLocalPort() == adminPort)
        .singleElement()
        .extracting(c -> ((ServerConnector) c).getHost())
        .as("the admin connector's host, which the file leaves out")
        .isEqualTo("127.0.0.1");
    // nothing of the admin on the API's port
    for (String path : List.of("/admin" + logLevel, "/admin/tasks/gc", "/admin/threads")) {
      assertThat(send("POST", appPort, path, Map.of()))
          .as("POST %s on the API port", path)
          .isEqualTo(404);
    }
    assertThat(send("POST", adminPort, logLevel, Map.of())).isEqualTo(401);
    assertThat(send("POST", adminPort, "/tasks/gc", Map.of())).isEqualTo(401);
    assertThat(send("POST", adminPort, "/tasks/gc", bearer("not-the-token"))).isEqualTo(401);
    for (String path : List.of("/threads", "/metrics", "/pprof", "/")) {
      assertThat(send("GET", adminPort, path, Map.of())).as("GET %s", path).isEqualTo(401);
    }
    // health checks and ping stay open, for probes on the host
    assertThat(send("GET", adminPort, "/ping", Map.of())).isEqualTo(200);
    assertThat(send("GET", adminPort, "/healthcheck", Map.of())).isIn(200, 500);
    assertThat(send("POST", adminPort, "/tasks/gc", bearer(StarterApi.TOKEN))).isEqualTo(200);
    assertThat(send("GET", adminPort, "/threads", bearer(StarterApi.TOKEN))).isEqualTo(200);
    AdversarialLedger.refused(
        "admin", "/admin/tasks/log-level on the API port", "404: the admin has its own port");
    AdversarialLedger.refused(
        "admin", "log-level, gc, threads, metrics, pprof without a token", "401 on the admin port");
  }

  @Test
  void aSimpleServerWithTheAdminOnTheApiPortStopsStartUp() throws Exception {
    String yaml = Files.readString(StarterConfigs.write(dir, stack, webhook.url(), ""));
    String server = yaml.substring(yaml.indexOf("server:"), yaml.indexOf("logging:"));
    Path simple =
        Files.writeString(
            dir.resolve("simple.yml"),
            yaml.replace(
                server,
                "server:\n  type: simple\n  connector: {type: http, port: 0, bindHost: 127.0.0.1}\n"));
    DropwizardTestSupport<StarterConfiguration> starting =
        new DropwizardTestSupport<>(TestStarterApplication.class, simple.toString());
    Throwable failure = null;
    try {
      starting.before();
    } catch (Throwable e) {
      failure = e;
    } finally {
      starting.after();
    }
    assertThat(failure).isNotNull();
    List<String> messages = new ArrayList<>();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      messages.add(String.valueOf(t.getMessage()));
    }
    assertThat(messages)
        .anyMatch(m -> m.startsWith("server.type: the admin endpoints need their own connector"));
  }

  @Test
  void aTokenInTheQueryIsRefused() throws Exception {
    StarterApi.Answer answer =
        api.post(
            "/pipelines/events-json/batches?access_token=" + StarterApi.TOKEN,
            "application/x-ndjson",
            NDJSON);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.body().get("message").asText()).contains("Authorization: Bearer");
    AdversarialLedger.refused("token", "?access_token= in the URL", "401");
  }

  @Test
  void theTokenIsInNoLogLineEvenWithEveryLoggerAtTrace() throws Exception {
    LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    List<String> loud = List.of("org.eclipse.jetty", "org.glassfish", "io.dropwizard");
    Level rootLevel = root.getLevel();
    List<Level> levels = loud.stream().map(name -> logging.getLogger(name).getLevel()).toList();
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.setContext(logging);
    captured.start();
    root.addAppender(captured);
    root.setLevel(Level.DEBUG);
    loud.forEach(name -> logging.getLogger(name).setLevel(Level.TRACE));
    Map<String, Integer> statuses = new LinkedHashMap<>();
    try {
      statuses.put(
          "authorized POST",
          api.authorized("POST", "/pipelines/events-json/batches", "application/x-ndjson", NDJSON)
              .status());
      statuses.put(
          "authorized GET",
          send("GET", app.getLocalPort(), "/runs?pipeline=events-json", bearer(StarterApi.TOKEN)));
      statuses.put(
          "POST with the token in the query",
          api.post(
                  "/pipelines/events-json/batches?access_token=" + StarterApi.TOKEN,
                  "application/x-ndjson",
                  NDJSON)
              .status());
      // and through the admin: the log-level task that could turn Jetty's header logging on
      statuses.put(
          "log-level task",
          send(
              "POST",
              app.getAdminPort(),
              "/tasks/log-level?logger=org.eclipse.jetty.http&level=TRACE",
              bearer(StarterApi.TOKEN)));
      statuses.put(
          "threads", send("GET", app.getAdminPort(), "/threads", bearer(StarterApi.TOKEN)));
    } finally {
      root.detachAppender(captured);
      root.setLevel(rootLevel);
      for (int i = 0; i < loud.size(); i++) {
        logging.getLogger(loud.get(i)).setLevel(levels.get(i));
      }
      logging.getLogger("org.eclipse.jetty.http").setLevel(null);
    }

    List<String> lines = new ArrayList<>();
    for (ILoggingEvent event : List.copyOf(captured.list)) {
      lines.add(event.getLoggerName() + " " + event.getFormattedMessage());
      for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        lines.add(event.getLoggerName() + " " + t.getMessage());
      }
    }
    assertThat(lines).as("log lines").hasSizeGreaterThan(10);
    assertThat(lines)
        .as("log lines showing the token")
        .noneMatch(line -> line.contains(StarterApi.TOKEN));

    List<String> requests = requestLog("/runs");
    assertThat(requests).anyMatch(line -> line.contains("POST /pipelines/events-json/batches"));
    assertThat(requests)
        .as("request log lines showing the token or a query")
        .noneMatch(line -> line.contains(StarterApi.TOKEN) || line.contains("?"));
    assertThat(statuses)
        .containsExactly(
            Map.entry("authorized POST", 202),
            Map.entry("authorized GET", 200),
            Map.entry("POST with the token in the query", 401),
            Map.entry("log-level task", 200),
            Map.entry("threads", 200));
    AdversarialLedger.refused(
        "token",
        "every logger at TRACE, authorized requests",
        "the token in no log or request-log line");
  }

  /**
   * The request log's lines, once one of them shows {@code path} (it is written asynchronously).
   */
  private static List<String> requestLog(String path) throws Exception {
    Path file = dir.resolve(StarterConfigs.REQUEST_LOG);
    Instant deadline = Instant.now().plusSeconds(10);
    while (true) {
      List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
      if (lines.stream().anyMatch(l -> l.contains(path)) || Instant.now().isAfter(deadline)) {
        return lines;
      }
      Thread.sleep(100);
    }
  }

  private static Map<String, String> bearer(String token) {
    return Map.of("Authorization", "Bearer " + token);
  }

  private int send(String method, int port, String path, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .method(method, HttpRequest.BodyPublishers.noBody());
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
