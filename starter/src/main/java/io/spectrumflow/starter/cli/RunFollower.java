package io.spectrumflow.starter.cli;

import io.spectrumflow.starter.runs.ExportRuns;
import io.spectrumflow.workflows.export.ExportProgress;
import io.spectrumflow.workflows.export.ExportResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Follows a run with a progress bar over its steps, fed by the workflow's progress query. */
final class RunFollower {

  private static final List<String> STEPS = List.of("dump", "upload", "catalog", "ddl", "verify");

  private final ExportRuns runs;

  RunFollower(ExportRuns runs) {
    this.runs = runs;
  }

  ExportResult follow(String workflowId) throws InterruptedException {
    CompletableFuture<ExportResult> result =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return runs.result(workflowId, Duration.ofHours(12));
              } catch (TimeoutException e) {
                throw new CompletionException(e);
              }
            });
    try (ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName("export")
            .setInitialMax(STEPS.size())
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(200)
            .continuousUpdate()
            .build()) {
      while (!result.isDone()) {
        ExportProgress progress = runs.progress(workflowId);
        int done = progress.steps().size();
        bar.stepTo(Math.min(done, STEPS.size()));
        bar.setExtraMessage(
            progress.step() + (progress.rows() > 0 ? ", " + progress.rows() + " rows" : ""));
        Thread.sleep(200);
      }
      if (!result.isCompletedExceptionally()) {
        bar.stepTo(STEPS.size());
        bar.setExtraMessage("done");
      }
    }
    try {
      return result.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e;
    }
  }
}
