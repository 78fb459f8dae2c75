package io.spectrumflow.starter.dashboard;

import io.spectrumflow.starter.runs.RunView;
import io.spectrumflow.workflows.export.ExportProgress;
import java.util.List;

/**
 * A run as the dashboard shows it: what the starter's API says of it, plus the step it failed in
 * and its timeline.
 *
 * @param view the run as {@code GET /runs/{id}} shows it
 * @param failedStep the step named by the failure message, or null
 * @param timeline its steps in order
 * @param ended the progress query's answer for a run that ended without a result (what it had
 *     written before it failed), or null
 */
record DashboardRun(
    RunView view, String failedStep, List<TimelineStep> timeline, ExportProgress ended) {

  boolean running() {
    return "running".equals(view.status());
  }

  /** Rows verified once done, rows written so far while running, else what the run carries. */
  Long rows() {
    if (view.result() != null) {
      return view.result().rowsVerified();
    }
    if (view.progress() != null) {
      return view.progress().rows();
    }
    return view.rows();
  }

  Integer files() {
    if (view.result() != null) {
      return view.result().files();
    }
    return view.progress() == null ? null : view.progress().files();
  }

  Long bytes() {
    if (view.result() != null) {
      return view.result().bytes();
    }
    return view.progress() == null ? null : view.progress().bytes();
  }

  List<String> partitions() {
    if (view.result() != null && view.result().partitions() != null) {
      return view.result().partitions();
    }
    return view.partitionDates() == null ? List.of() : view.partitionDates();
  }
}
