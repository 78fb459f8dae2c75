package io.spectrumflow.starter.dashboard;

/**
 * One step of a run as the timeline draws it.
 *
 * @param name the step's name ({@code dump}, {@code upload}, ...)
 * @param millis how long it took, or has taken so far
 * @param state whether it finished, is running or failed
 * @param estimated true when the duration is worked out from the run's times rather than recorded
 *     by the workflow (a running or failed step)
 */
record TimelineStep(String name, long millis, State state, boolean estimated) {

  enum State {
    DONE,
    RUNNING,
    FAILED;

    String cssClass() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
