package io.spectrumflow.workflows.preflight;

import java.util.List;

/**
 * The checks of a pipeline's setup, as a worker saw them with its own credentials.
 *
 * @param worker the worker that ran them
 * @param checks the checks, in the order they ran
 */
public record PreflightReport(String worker, List<PreflightCheck> checks) {

  /** Whether every check passed. */
  public boolean ok() {
    return checks.stream().allMatch(PreflightCheck::ok);
  }
}
