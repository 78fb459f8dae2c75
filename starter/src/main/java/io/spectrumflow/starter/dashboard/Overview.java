package io.spectrumflow.starter.dashboard;

import java.util.List;

/**
 * What the overview page shows.
 *
 * @param pipelines the configured pipelines
 * @param runs the recent runs, newest first
 * @param unavailable why the runs could not be listed (Temporal unreachable, say), or null
 */
record Overview(List<PipelineRow> pipelines, List<DashboardRun> runs, String unavailable) {

  boolean live() {
    return runs.stream().anyMatch(DashboardRun::running);
  }
}
