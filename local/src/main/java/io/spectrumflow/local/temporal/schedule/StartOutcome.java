package io.spectrumflow.local.temporal.schedule;

/**
 * How starting an action's workflow went.
 *
 * @param runId the run started, empty when none was
 * @param refusal why the server refused to start it, empty when it started
 */
public record StartOutcome(String runId, String refusal) {

  public static StartOutcome started(String runId) {
    return new StartOutcome(runId, "");
  }

  public static StartOutcome refused(String why) {
    return new StartOutcome("", why);
  }

  // Not isX(): Jackson would write it as a property, which the reader then refuses.
  public boolean started() {
    return !runId.isEmpty();
  }
}
