package io.spectrumflow.starter.app;

import ch.qos.logback.access.common.spi.IAccessEvent;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.logging.common.AbstractAppenderFactory;
import io.dropwizard.logging.common.AppenderFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import io.dropwizard.request.logging.RequestLogFactory;
import io.spectrumflow.starter.config.ConfigException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The request log never shows a query string or a credential header: Dropwizard's default line has
 * the request line ({@code %r}, with the query), and a query can carry a token (a caller sending
 * {@code ?access_token=}, refused but logged). Appenders without a {@code logFormat} get one with
 * the path only; one whose format prints the query, the Authorization or Referer header or the
 * parameters stops start-up naming its key.
 */
final class QuerylessRequestLog {

  /** Dropwizard's default, with the path ({@code %U}) for the request line and no Referer. */
  private static final String FORMAT =
      "%%h %%l %%u [%%t{dd/MMM/yyyy:HH:mm:ss Z,%s}] \"%%m %%U %%H\" %%s %%b \"%%i{User-Agent}\" %%D";

  /** logback-access conversion words that print the query, a credential or the parameters. */
  private static final Pattern LEAKING =
      Pattern.compile(
          "%[-.0-9]*(r|requestURL|q|queryString|fullRequest|requestParameter|reqParameter)"
              + "(?![A-Za-z])"
              + "|%[-.0-9]*(i|header)(?![A-Za-z{])"
              + "|%[-.0-9]*(i|header)\\{\\s*(?i:authorization|proxy-authorization|referer|cookie)");

  private QuerylessRequestLog() {}

  static void apply(ServerFactory server) {
    if (!(server instanceof AbstractServerFactory factory)) {
      return;
    }
    RequestLogFactory<?> requestLog = factory.getRequestLogFactory();
    if (!(requestLog instanceof LogbackAccessRequestLogFactory logback)) {
      throw new ConfigException(
          "server.requestLog.type: only logback-access (the default) is supported; the others"
              + " log the query string, which can carry a token");
    }
    List<AppenderFactory<IAccessEvent>> appenders = logback.getAppenders();
    for (int i = 0; i < appenders.size(); i++) {
      if (!(appenders.get(i) instanceof AbstractAppenderFactory<IAccessEvent> appender)) {
        continue;
      }
      String format = appender.getLogFormat();
      if (format == null) {
        appender.setLogFormat(FORMAT.formatted(appender.getTimeZone().getID()));
      } else if (LEAKING.matcher(format).find()) {
        throw new ConfigException(
            "server.requestLog.appenders["
                + i
                + "].logFormat: '"
                + format
                + "' logs the query string, a credential header or the parameters, which can"
                + " carry a token; use \"%m %U %H\" (the path) instead of %r, or leave logFormat"
                + " out");
      }
    }
  }
}
