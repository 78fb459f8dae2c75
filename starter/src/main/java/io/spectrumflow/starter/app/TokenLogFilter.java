package io.spectrumflow.starter.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;

/**
 * Keeps the API token out of every log line, whatever the levels (configured, or changed through
 * the admin's log-level task), for every logger and appender of the process:
 *
 * <ul>
 *   <li>Jetty below INFO is off. Its DEBUG lines carry request headers, URIs with their query and
 *       windows of raw request bytes, in which a token can appear cut in two, past any matching.
 *   <li>Any other line that shows the token, a {@code Bearer} credential or an {@code access_token}
 *       query parameter (a caller's wrong or old token, say) is dropped; a dropped WARN or ERROR is
 *       replaced by a line saying where it was, so that failures stay visible.
 * </ul>
 *
 * A turbo filter sees each event before it is made, for the whole logging context, so appenders
 * added later are covered too.
 */
final class TokenLogFilter extends TurboFilter {

  private static final String JETTY = "org.eclipse.jetty";
  private static final Pattern CREDENTIAL =
      Pattern.compile("(?i)\\bbearer\\s+[A-Za-z0-9\\-._~+/]|[?&;]access_token=[^&\\s]");
  private static final org.slf4j.Logger log = LoggerFactory.getLogger(TokenLogFilter.class);

  private final String token;

  private TokenLogFilter(String token) {
    this.token = token;
  }

  /** Installs the filter in logback's context, once per token; does nothing without logback. */
  static void install(String token) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    boolean installed =
        context.getTurboFilterList().stream()
            .anyMatch(f -> f instanceof TokenLogFilter t && t.token.equals(token));
    if (!installed) {
      TokenLogFilter filter = new TokenLogFilter(token);
      filter.setName("spectrumflow-token");
      filter.setContext(context);
      filter.start();
      context.addTurboFilter(filter);
    }
  }

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (!level.isGreaterOrEqual(logger.getEffectiveLevel())) {
      return FilterReply.NEUTRAL; // not logged anyway
    }
    if (!level.isGreaterOrEqual(Level.INFO) && isJetty(logger.getName())) {
      return FilterReply.DENY; // also answers isDebugEnabled(), so Jetty builds no such line
    }
    if (format == null || !(shows(format, params) || shows(thrown(params, t)))) {
      return FilterReply.NEUTRAL;
    }
    if (level.isGreaterOrEqual(Level.WARN) && !logger.getName().equals(log.getName())) {
      log.atLevel(org.slf4j.event.Level.valueOf(level.levelStr))
          .log(
              "dropped a line of {} at {}: it showed the API token or a credential",
              logger.getName(),
              level);
    }
    return FilterReply.DENY;
  }

  private boolean shows(String format, Object[] params) {
    return shows(MessageFormatter.arrayFormat(format, params).getMessage());
  }

  private boolean shows(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (shows(t.toString())) {
        return true;
      }
      for (Throwable suppressed : t.getSuppressed()) {
        if (shows(suppressed)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean shows(String text) {
    return text != null && (text.contains(token) || CREDENTIAL.matcher(text).find());
  }

  /** The throwable the line prints: the argument, or a last parameter that is one. */
  private static Throwable thrown(Object[] params, Throwable t) {
    if (t != null) {
      return t;
    }
    return params != null && params.length > 0 && params[params.length - 1] instanceof Throwable e
        ? e
        : null;
  }

  private static boolean isJetty(String name) {
    return name.startsWith(JETTY)
        && (name.length() == JETTY.length() || name.charAt(JETTY.length()) == '.');
  }
}
