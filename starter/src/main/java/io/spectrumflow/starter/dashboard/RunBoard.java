package io.spectrumflow.starter.dashboard;

import io.spectrumflow.starter.runs.ProgressQuery;
import io.spectrumflow.starter.runs.RunLookup;
import io.spectrumflow.starter.runs.RunView;
import io.spectrumflow.workflows.export.ExportProgress;
import io.spectrumflow.workflows.export.ExportSearchAttributes;
import io.spectrumflow.workflows.export.ExportWorkflow;
import io.spectrumflow.workflows.export.ExportWorkflowIds;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runs the dashboard shows, each with its details. A run that has ended never changes, so its
 * details are kept (by run id) and each refresh asks Temporal only about the runs still going.
 */
final class RunBoard {

  private static final int KEPT_CLOSED_RUNS = 1000;

  /**
   * Without ORDER BY: Temporal's SQL visibility (PostgreSQL in docker-compose) refuses it. Its
   * default order, running runs first and then the latest closed, picks the same recent runs.
   */
  private static final String EXPORTS = "WorkflowType = '" + ExportWorkflow.TYPE + "'";

  private static final Comparator<DashboardRun> NEWEST_FIRST =
      Comparator.comparing(
          (DashboardRun run) ->
              run.view().startTime() == null ? Instant.MIN : Instant.parse(run.view().startTime()),
          Comparator.reverseOrder());

  private final RunLookup lookup;
  private final ProgressQuery progress;
  private final Clock clock;
  private final Map<String, DashboardRun> closedRuns =
      Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, DashboardRun> eldest) {
              return size() > KEPT_CLOSED_RUNS;
            }
          });

  RunBoard(RunLookup lookup, ProgressQuery progress, Clock clock) {
    this.lookup = lookup;
    this.progress = progress;
    this.clock = clock;
  }

  /** The latest export runs, newest first. */
  List<DashboardRun> recent(int limit) {
    return lookup.list(EXPORTS, limit).stream().map(this::detailed).sorted(NEWEST_FIRST).toList();
  }

  /** The pipeline's latest export run (a running one, else the latest closed), if it has one. */
  Optional<DashboardRun> latest(String pipeline) {
    String query =
        EXPORTS
            + " AND "
            + ExportSearchAttributes.PIPELINE.getName()
            + " = '"
            + ExportWorkflowIds.requireValidPipelineName(pipeline)
            + "'";
    return lookup.list(query, 1).stream().findFirst().map(this::detailed);
  }

  /** The latest run of a workflow id. */
  Optional<DashboardRun> run(String workflowId) {
    return lookup.run(workflowId).map(this::withDetails);
  }

  /** A listed run with its result or progress, from what is kept when it has ended. */
  private DashboardRun detailed(RunView listed) {
    DashboardRun kept = closedRuns.get(listed.runId());
    if (kept != null) {
      return kept;
    }
    if ("running".equals(listed.status())) {
      // the listing has the rest; only the progress is asked for, with a deadline
      return withDetails(
          withProgress(listed, progress.of(listed.workflowId(), listed.runId()).orElse(null)));
    }
    return lookup
        .run(listed.workflowId())
        // a later run of the same workflow id is not this one: show this one as listed
        .filter(latest -> latest.runId().equals(listed.runId()))
        .map(this::withDetails)
        .orElseGet(() -> withDetails(listed));
  }

  private DashboardRun withDetails(RunView view) {
    DashboardRun kept = closedRuns.get(view.runId());
    if (kept != null) {
      return kept;
    }
    String failedStep = FailedStep.of(view.failure()).orElse(null);
    boolean endedWithoutResult =
        !"running".equals(view.status()) && view.result() == null && view.failure() != null;
    ExportProgress ended =
        endedWithoutResult ? progress.of(view.workflowId(), view.runId()).orElse(null) : null;
    DashboardRun run =
        new DashboardRun(
            view, failedStep, StepTimeline.of(view, ended, failedStep, clock.instant()), ended);
    if (!run.running() && (view.result() != null || view.failure() != null)) {
      closedRuns.put(view.runId(), run);
    }
    return run;
  }

  private static RunView withProgress(RunView listed, ExportProgress live) {
    return new RunView(
        listed.workflowId(),
        listed.runId(),
        listed.type(),
        listed.status(),
        listed.pipeline(),
        listed.batchId(),
        listed.partitionDates(),
        listed.rows(),
        listed.startTime(),
        listed.closeTime(),
        live,
        null,
        null);
  }
}
