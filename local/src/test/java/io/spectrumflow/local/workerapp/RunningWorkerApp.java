package io.spectrumflow.local.workerapp;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.Application;
import io.dropwizard.testing.DropwizardTestSupport;
import io.spectrumflow.worker.app.SpectrumflowWorkerApplication;
import io.spectrumflow.worker.config.WorkerConfiguration;
import io.temporal.common.interceptors.WorkerInterceptor;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jetty.server.ServerConnector;

/** The worker application started from a configuration file, with its admin endpoints. */
final class RunningWorkerApp implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final DropwizardTestSupport<WorkerConfiguration> support;
  private boolean running;

  private RunningWorkerApp(DropwizardTestSupport<WorkerConfiguration> support) {
    this.support = support;
  }

  static RunningWorkerApp start(Path config) throws Exception {
    return start(config, List.of());
  }

  /** Starts the application with {@code extra} interceptors around its activities. */
  static RunningWorkerApp start(Path config, List<WorkerInterceptor> extra) throws Exception {
    DropwizardTestSupport<WorkerConfiguration> support =
        new DropwizardTestSupport<>(SpectrumflowWorkerApplication.class, config.toString()) {
          @Override
          public Application<WorkerConfiguration> newApplication() {
            return new TestedApplication(extra);
          }
        };
    support.before();
    RunningWorkerApp app = new RunningWorkerApp(support);
    app.running = true;
    return app;
  }

  /** {@code GET /healthcheck} on the admin port: its status and the checks' results. */
  Answer healthChecks() throws IOException, InterruptedException {
    return admin("/healthcheck");
  }

  /** {@code GET /metrics} on the admin port. */
  JsonNode metrics() throws IOException, InterruptedException {
    return admin("/metrics").body();
  }

  /** The status a request without a body gets, on the admin port or the application's. */
  int status(String method, boolean admin, String path) throws IOException, InterruptedException {
    int port = admin ? support.getAdminPort() : support.getLocalPort();
    return HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** The host the admin connector listens on; null for every interface. */
  String adminHost() {
    return Arrays.stream(
            support.getEnvironment().getApplicationContext().getServer().getConnectors())
        .map(ServerConnector.class::cast)
        .filter(c -> c.getLocalPort() == support.getAdminPort())
        .findFirst()
        .orElseThrow()
        .getHost(); // null: every interface
  }

  /** Stops the application as a SIGTERM would: its managed objects stop, the worker gracefully. */
  void stop() {
    if (running) {
      running = false;
      support.after();
    }
  }

  @Override
  public void close() {
    stop();
  }

  private Answer admin(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + support.getAdminPort() + path))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), JSON.readTree(response.body()));
  }

  record Answer(int status, JsonNode body) {}

  /**
   * The application as it runs, plus interceptors, and logging left to logback-test.xml: an
   * Application's constructor otherwise sets the whole test JVM's root logger to WARN.
   */
  private static final class TestedApplication extends SpectrumflowWorkerApplication {
    private final List<WorkerInterceptor> extra;

    TestedApplication(List<WorkerInterceptor> extra) {
      this.extra = extra;
    }

    @Override
    protected void bootstrapLogging() {}

    @Override
    protected List<WorkerInterceptor> workerInterceptors(MetricRegistry metrics) {
      List<WorkerInterceptor> all = new ArrayList<>(super.workerInterceptors(metrics));
      all.addAll(extra);
      return all;
    }
  }
}
