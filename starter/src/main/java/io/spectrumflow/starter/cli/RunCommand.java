package io.spectrumflow.starter.cli;

import io.spectrumflow.activities.dump.BadInputException;
import io.spectrumflow.activities.dump.InputCheck;
import io.spectrumflow.starter.runs.BatchStart;
import io.spectrumflow.starter.runs.ExportRuns;
import io.spectrumflow.starter.runs.RunLookup;
import io.spectrumflow.starter.runs.RunStarted;
import io.spectrumflow.starter.staging.BodyDigest;
import io.spectrumflow.starter.staging.StagingArea;
import io.spectrumflow.workflows.export.ExportResult;
import io.spectrumflow.workflows.export.ExportWorkflowIds;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.spectrumflow.workflows.pipeline.SourceFormat;
import io.spectrumflow.workflows.schedule.StagedBatch;
import io.temporal.client.WorkflowFailedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spectrumflow run}: submits a batch and follows it to its end. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Export a batch: local files (checked, then staged in S3) or objects already staged,"
            + " followed with a progress bar until Redshift has counted its rows. The same batch"
            + " id again is the same run.")
public final class RunCommand implements Callable<Integer> {

  @Mixin ConfigOptions options;

  @Parameters(index = "0", description = "The pipeline, as named in the configuration")
  String pipeline;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Inputs inputs;

  static final class Inputs {
    @Option(
        names = {"-f", "--file"},
        description = "A local file of records; repeat for several, read in order")
    List<Path> files;

    @Option(
        names = "--input",
        description = "An object already staged, s3://bucket/key; repeat for several")
    List<String> staged;
  }

  @Option(names = "--batch-id", description = "Names the run and its objects (default: new)")
  String batchId;

  @Option(names = "--rerun", description = "Run again even if this batch already completed")
  boolean rerun;

  @Option(names = "--detach", description = "Start the run and return without following it")
  boolean detach;

  @Override
  public Integer call() throws Exception {
    // everything is checked before anything is staged: a bad batch id must not name an object
    String problem = problem();
    if (problem != null) {
      System.err.println(problem);
      return 2;
    }
    String id = batchId != null ? batchId : "cli-" + UUID.randomUUID().toString().substring(0, 12);
    try (Connected connected = options.connect()) {
      if (!connected.pipelines.has(pipeline)) {
        System.err.println(
            "no pipeline named '"
                + pipeline
                + "'; configured: "
                + String.join(", ", connected.pipelines.names()));
        return 2;
      }
      PipelineSpec spec = connected.pipelines.pipeline(pipeline);
      if (inputs.files != null) {
        for (Path file : inputs.files) {
          try {
            InputCheck.records(spec.format(), file);
          } catch (BadInputException bad) {
            System.err.println(file + ": " + bad.getMessage());
            return 2;
          }
        }
      }
      ExportRuns runs = new ExportRuns(connected.temporal.client());
      StagingArea staging = connected.staging();
      BatchStart batches =
          new BatchStart(runs, new RunLookup(connected.temporal.client()), staging);
      BatchStart.Submission submission =
          inputs.files != null
              ? BatchStart.Submission.body(BodyDigest.of(inputs.files))
              : BatchStart.Submission.reference(inputs.staged);
      Optional<BatchStart.Outcome> outcome =
          rerun ? Optional.empty() : batches.existing(pipeline, id, submission);
      if (outcome.isEmpty()) {
        StagedBatch batch =
            inputs.files != null
                ? staging.stage(
                    pipeline,
                    LocalDate.now(ZoneOffset.UTC),
                    id,
                    inputs.files,
                    submission.digest(),
                    spec.format() == SourceFormat.CSV ? "csv" : "json")
                : new StagedBatch(id, List.copyOf(inputs.staged));
        outcome = Optional.of(batches.start(spec, batch, submission, rerun));
      }
      if (outcome.get() instanceof BatchStart.Conflict conflict) {
        System.err.printf(
            "batch id '%s' was already used for different records: it is run %s (run id %s);"
                + " give different records a new --batch-id%n",
            id, conflict.existing().view().workflowId(), conflict.existing().view().runId());
        return 2;
      }
      RunStarted started = ((BatchStart.Accepted) outcome.get()).run();
      System.out.printf(
          "%s %s (run %s)%n",
          started.existing() ? "batch already submitted:" : "started",
          started.workflowId(),
          started.runId());
      if (detach) {
        return 0;
      }
      try {
        ExportResult result = new RunFollower(runs).follow(started.workflowId());
        System.out.print(ResultText.of(result));
        return 0;
      } catch (WorkflowFailedException failed) {
        System.err.println("The run failed: " + failed.getCause().getMessage());
        return 1;
      }
    }
  }

  /** What is wrong with the arguments, before anything is connected to or written; or null. */
  private String problem() {
    try {
      ExportWorkflowIds.requireValidPipelineName(pipeline);
      if (batchId != null) {
        ExportWorkflowIds.requireValidBatchId(batchId);
      }
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    if (inputs.files != null) {
      for (Path file : inputs.files) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
          return file + ": no such readable file";
        }
      }
    } else {
      for (String input : inputs.staged) {
        if (!input.matches("s3://[^/]+/.+")) {
          return "input '" + input + "' is not of the form s3://bucket/key";
        }
      }
    }
    return null;
  }
}
