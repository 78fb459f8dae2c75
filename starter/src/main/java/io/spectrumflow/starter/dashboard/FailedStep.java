package io.spectrumflow.starter.dashboard;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which step a run failed in. The workflow starts every failure message with the failed step's name
 * ({@code "dump: record 3 has no field event_time"}), so the message tells.
 */
final class FailedStep {

  private static final Pattern STEP_PREFIX = Pattern.compile("^([a-z][a-z_-]{0,31}): ");

  private FailedStep() {}

  static Optional<String> of(String failureMessage) {
    if (failureMessage == null) {
      return Optional.empty();
    }
    Matcher step = STEP_PREFIX.matcher(failureMessage);
    return step.find() ? Optional.of(step.group(1)) : Optional.empty();
  }
}
