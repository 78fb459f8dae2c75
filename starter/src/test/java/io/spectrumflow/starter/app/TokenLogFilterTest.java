package io.spectrumflow.starter.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Which lines the filter lets through, in the JVM's own logback context. */
class TokenLogFilterTest {

  private static final String TOKEN = "s3cr3t-Tok3n-for-the-filter";

  private final LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  private Level rootLevel;

  @BeforeEach
  void capture() {
    TokenLogFilter.install(TOKEN);
    captured.setContext(logging);
    captured.start();
    root.addAppender(captured);
    rootLevel = root.getLevel();
    root.setLevel(Level.TRACE);
  }

  @AfterEach
  void release() {
    root.detachAppender(captured);
    root.setLevel(rootLevel);
  }

  private List<String> lines() {
    return captured.list.stream()
        .map(e -> e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage())
        .toList();
  }

  @Test
  void jettyBelowInfoIsOffEvenWithoutTheToken() {
    org.slf4j.Logger jetty = LoggerFactory.getLogger("org.eclipse.jetty.io.SocketChannelEndPoint");

    assertThat(jetty.isDebugEnabled()).isFalse();
    jetty.debug("filled 274 <<<GET /runs HTTP/1.1...: Bearer s3cr3t>>>");
    jetty.trace("anything");
    jetty.info("started");

    assertThat(lines()).containsExactly("INFO org.eclipse.jetty.io.SocketChannelEndPoint started");
    assertThat(LoggerFactory.getLogger("org.eclipse.jettyish").isDebugEnabled()).isTrue();
  }

  @Test
  void linesShowingTheTokenOrACredentialAreDropped() {
    org.slf4j.Logger log = LoggerFactory.getLogger("io.spectrumflow.some.Thing");

    log.debug("header {}", "Authorization: Bearer " + TOKEN);
    log.info("token {} in the middle", TOKEN);
    log.info("someone's other token: bearer abc.DEF-123");
    log.info("GET /pipelines/x/batches?pretty&access_token=abc");
    log.info("failed", new IllegalStateException("wrapped", new RuntimeException(TOKEN)));
    log.info("send Authorization: Bearer <token>"); // our own hint, no credential
    log.info("a plain line");

    assertThat(lines())
        .containsExactly(
            "INFO io.spectrumflow.some.Thing send Authorization: Bearer <token>",
            "INFO io.spectrumflow.some.Thing a plain line");
  }

  @Test
  void aDroppedWarningOrErrorLeavesALineSayingWhere() {
    LoggerFactory.getLogger("org.glassfish.jersey.Some").error("bad header {}", TOKEN);

    assertThat(lines())
        .containsExactly(
            "ERROR io.spectrumflow.starter.app.TokenLogFilter dropped a line of"
                + " org.glassfish.jersey.Some at ERROR: it showed the API token or a credential");
  }
}
