package io.spectrumflow.starter.runs;

import io.spectrumflow.starter.staging.StagingArea;
import io.spectrumflow.workflows.export.ExportRequest;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.spectrumflow.workflows.schedule.StagedBatch;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits a batch so that it has exactly one run, which exports what that run's own request staged:
 * a batch submitted again with the same body (or the same staged objects) is that run, and with a
 * different one it is a conflict, never a silent drop.
 */
public final class BatchStart {

  private static final Logger log = LoggerFactory.getLogger(BatchStart.class);

  private final ExportRuns runs;
  private final RunLookup lookup;
  private final StagingArea staging;

  public BatchStart(ExportRuns runs, RunLookup lookup, StagingArea staging) {
    this.runs = runs;
    this.lookup = lookup;
    this.staging = staging;
  }

  /**
   * What was submitted.
   *
   * @param digest the posted body's digest, or null for objects named by reference
   * @param inputs the objects named by reference, or null for a posted body
   */
  public record Submission(String digest, List<String> inputs) {
    public static Submission body(String digest) {
      return new Submission(digest, null);
    }

    public static Submission reference(List<String> inputs) {
      return new Submission(null, List.copyOf(inputs));
    }
  }

  /** How a submission went. */
  public sealed interface Outcome permits Accepted, Conflict {}

  /**
   * The batch's run: started now, or there already for the same submission.
   *
   * @param run the run
   * @param inputs the objects that run exports
   */
  public record Accepted(RunStarted run, List<String> inputs) implements Outcome {}

  /** The batch already has a run of a different submission. */
  public record Conflict(BatchRun existing) implements Outcome {}

  /**
   * The batch's run if it has one that has not failed, before anything is staged; empty when a run
   * is to be started.
   */
  public Optional<Outcome> existing(String pipeline, String batchId, Submission submission) {
    return lookup
        .batchRun(pipeline, batchId)
        .filter(run -> !run.view().status().equals("failed"))
        .filter(run -> !run.view().status().equals("terminated"))
        .map(run -> outcome(run, pipeline, batchId, submission));
  }

  /**
   * Starts the run of a staged batch. When another request of the batch started one first, the
   * answer is that run, and what this request staged is deleted unless it is that run's input.
   */
  public Outcome start(
      PipelineSpec pipeline, StagedBatch batch, Submission submission, boolean rerun) {
    RunStarted started =
        runs.start(new ExportRequest(batch.batchId(), pipeline, batch.inputs(), null), rerun);
    if (!started.existing()) {
      return new Accepted(started, batch.inputs());
    }
    Optional<BatchRun> winner = lookup.batchRun(pipeline.name(), batch.batchId());
    Outcome outcome =
        winner
            .map(run -> outcome(run, pipeline.name(), batch.batchId(), submission))
            .orElse(new Accepted(started, batch.inputs()));
    boolean ours = outcome instanceof Accepted accepted && accepted.inputs().equals(batch.inputs());
    if (submission.digest() != null && !ours) {
      staging.unstage(pipeline.name(), batch);
      log.info(
          "batch {} of pipeline {}: another request started its run first; deleted {}",
          batch.batchId(),
          pipeline.name(),
          batch.inputs());
    }
    return outcome;
  }

  private Outcome outcome(BatchRun run, String pipeline, String batchId, Submission submission) {
    if (!same(run, pipeline, batchId, submission)) {
      return new Conflict(run);
    }
    RunStarted started = new RunStarted(run.view().workflowId(), run.view().runId(), true);
    List<String> inputs =
        run.request() != null
            ? run.request().inputs()
            : run.view().result() == null ? List.of() : run.view().result().s3Keys();
    return new Accepted(started, inputs);
  }

  private boolean same(BatchRun run, String pipeline, String batchId, Submission submission) {
    if (run.request() == null || run.request().inputs() == null) {
      return true; // its history does not say what it exports: as before, the same batch
    }
    List<String> inputs = run.request().inputs();
    if (submission.digest() == null) {
      return inputs.equals(submission.inputs());
    }
    Optional<String> digest = staging.postedDigest(pipeline, batchId, inputs);
    if (digest.isPresent()) {
      return digest.get().equals(submission.digest());
    }
    if (!staging.isLegacyPosted(pipeline, batchId, inputs)) {
      return false; // the run exports objects named by reference
    }
    // staged before bodies had digest folders: compare with what is staged, if still there
    return staging.digestOfStaged(inputs).map(submission.digest()::equals).orElse(true);
  }
}
