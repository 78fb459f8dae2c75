package io.spectrumflow.starter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.access.common.spi.IAccessEvent;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.logging.common.AppenderFactory;
import io.dropwizard.logging.common.ConsoleAppenderFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import io.dropwizard.request.logging.old.LogbackClassicRequestLogFactory;
import io.spectrumflow.starter.config.ConfigException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Request log formats: the default gets the path only, one that could show a token is refused. */
class QuerylessRequestLogTest {

  private static DefaultServerFactory withFormats(String... formats) {
    LogbackAccessRequestLogFactory requestLog = new LogbackAccessRequestLogFactory();
    requestLog.setAppenders(
        Arrays.stream(formats)
            .map(
                format -> {
                  ConsoleAppenderFactory<IAccessEvent> appender = new ConsoleAppenderFactory<>();
                  appender.setLogFormat(format);
                  return (AppenderFactory<IAccessEvent>) appender;
                })
            .toList());
    DefaultServerFactory server = new DefaultServerFactory();
    server.setRequestLogFactory(requestLog);
    return server;
  }

  private static List<String> formats(DefaultServerFactory server) {
    return ((LogbackAccessRequestLogFactory) server.getRequestLogFactory())
        .getAppenders().stream()
            .map(a -> ((ConsoleAppenderFactory<IAccessEvent>) a).getLogFormat())
            .toList();
  }

  @Test
  void anAppenderWithoutAFormatGetsThePathWithoutTheQuery() {
    DefaultServerFactory server = withFormats((String) null);

    QuerylessRequestLog.apply(server);

    assertThat(formats(server))
        .containsExactly(
            "%h %l %u [%t{dd/MMM/yyyy:HH:mm:ss Z,UTC}] \"%m %U %H\" %s %b \"%i{User-Agent}\" %D");
  }

  @Test
  void aFormatWithoutTheQueryIsKept() {
    DefaultServerFactory server = withFormats("%h \"%m %requestURI %H\" %s %i{X-Request-Id}");

    QuerylessRequestLog.apply(server);

    assertThat(formats(server)).containsExactly("%h \"%m %requestURI %H\" %s %i{X-Request-Id}");
  }

  @Test
  void aFormatThatCouldShowATokenStopsStartUpNamingTheKey() {
    for (String leaking :
        List.of(
            "%h \"%r\" %s",
            "%requestURL",
            "%U%q",
            "%queryString",
            "%fullRequest",
            "%reqParameter{access_token}",
            "%i{Authorization}",
            "%header{ referer }",
            "%i")) {
      assertThatThrownBy(() -> QuerylessRequestLog.apply(withFormats("%h", leaking)))
          .as(leaking)
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith("server.requestLog.appenders[1].logFormat: '" + leaking + "'");
    }
  }

  @Test
  void anotherRequestLogTypeStopsStartUp() {
    DefaultServerFactory server = new DefaultServerFactory();
    server.setRequestLogFactory(new LogbackClassicRequestLogFactory());

    assertThatThrownBy(() -> QuerylessRequestLog.apply(server))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("server.requestLog.type: only logback-access");
  }
}
