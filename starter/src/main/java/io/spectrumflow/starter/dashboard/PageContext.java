package io.spectrumflow.starter.dashboard;

import java.time.Instant;

/**
 * What every page needs besides its data.
 *
 * @param base the application's path, ending in a slash ({@code /} unless the server mounts it
 *     elsewhere), so that links and assets work under any context path
 * @param links links into the Temporal UI
 * @param settings refresh intervals
 * @param now when the page is made
 */
record PageContext(String base, TemporalUiLinks links, DashboardSettings settings, Instant now) {

  String runPage(String workflowId) {
    return base + "dashboard/runs/" + PathSegment.encode(workflowId);
  }
}
