package io.spectrumflow.local.starterapp;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.DropwizardTestSupport;
import io.spectrumflow.local.e2e.RunningStack;
import io.spectrumflow.local.s3.EmbeddedS3;
import io.spectrumflow.starter.app.StarterConfiguration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A full run through the API, with every logger at DEBUG for our code and INFO for the libraries:
 * neither the API token nor the AWS secret key appears in a log line, an answer or a result.
 */
class SecretsStayOutOfLogsTest {

  @TempDir Path dir;

  @Test
  void noSecretInLogsAnswersOrResults() throws Exception {
    LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.setContext(logging);
    captured.start();
    root.addAppender(captured);
    logging.getLogger("io.spectrumflow").setLevel(ch.qos.logback.classic.Level.DEBUG);
    try (RunningStack stack = new RunningStack(dir.resolve("data"));
        WebhookReceiver webhook = new WebhookReceiver()) {
      stack.aws.s3().createBucket(b -> b.bucket("spectrumflow-lake"));
      DropwizardTestSupport<StarterConfiguration> app =
          new DropwizardTestSupport<>(
              TestStarterApplication.class,
              StarterConfigs.write(dir, stack, webhook.url(), "").toString());
      app.before();
      try {
        StarterApi api = new StarterApi(app.getLocalPort());
        StarterApi.Answer posted =
            api.authorized(
                "POST",
                "/pipelines/events-json/batches",
                "application/x-ndjson",
                "{\"id\": 1, \"event_time\": \"2026-11-20T10:00:00Z\"}\n");
        JsonNode run =
            api.await(
                posted.body().get("link").asText(),
                r -> r.get("status").asText().equals("completed"),
                Duration.ofMinutes(1));
        String unauthorized =
            api.post("/pipelines/events-json/batches", "text/csv", "x").body().toString();

        List<String> answers = List.of(posted.body().toString(), run.toString(), unauthorized);
        for (String secret : List.of(StarterApi.TOKEN, EmbeddedS3.SECRET_KEY)) {
          assertThat(answers).noneMatch(a -> a.contains(secret));
          assertThat(captured.list)
              .as("log lines containing a secret")
              .noneMatch(e -> e.getFormattedMessage().contains(secret))
              .noneMatch(
                  e ->
                      e.getThrowableProxy() != null
                          && e.getThrowableProxy().getMessage() != null
                          && e.getThrowableProxy().getMessage().contains(secret));
        }
        assertThat(captured.list).hasSizeGreaterThan(10);
      } finally {
        app.after();
      }
    } finally {
      root.detachAppender(captured);
      logging.getLogger("io.spectrumflow").setLevel(null);
    }
  }
}
