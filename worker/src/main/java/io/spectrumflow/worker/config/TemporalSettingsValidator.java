package io.spectrumflow.worker.config;

import io.spectrumflow.workflows.export.TemporalSettings;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks {@link TemporalSettings}, which lives in a module without Bean Validation. */
public final class TemporalSettingsValidator
    implements ConstraintValidator<ValidTemporalSettings, TemporalSettings> {

  private static final Pattern HOST_PORT = Pattern.compile("(\\S+):(\\d{1,5})");

  @Override
  public boolean isValid(TemporalSettings temporal, ConstraintValidatorContext context) {
    if (temporal == null || temporal.target().contains("://")) {
      return true; // a gRPC target URI: the channel resolves it, nothing simple to check
    }
    Matcher hostPort = HOST_PORT.matcher(temporal.target());
    if (hostPort.matches()) {
      int port = Integer.parseInt(hostPort.group(2));
      if (port > 0 && port <= 65535) {
        return true;
      }
    }
    new PropertyViolations(context)
        .add(
            "target",
            "'"
                + temporal.target()
                + "' is not host:port of a Temporal frontend, such as"
                + " 127.0.0.1:7233");
    return false;
  }
}
