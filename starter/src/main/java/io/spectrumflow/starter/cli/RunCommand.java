package io.spectrumflow.starter.cli;

import io.spectrumflow.activities.dump.BadInputException;
import io.spectrumflow.activities.dump.InputCheck;
import io.spectrumflow.starter.runs.ExportRuns;
import io.spectrumflow.starter.runs.RunStarted;
import io.spectrumflow.workflows.export.ExportRequest;
import io.spectrumflow.workflows.export.ExportResult;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.spectrumflow.workflows.pipeline.SourceFormat;
import io.temporal.client.WorkflowFailedException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
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
    try (Connected connected = options.connect()) {
      PipelineSpec spec = connected.pipelines.pipeline(pipeline);
      String id =
          batchId != null ? batchId : "cli-" + UUID.randomUUID().toString().substring(0, 12);
      List<String> uris;
      if (inputs.files != null) {
        for (Path file : inputs.files) {
          try {
            InputCheck.records(spec.format(), file);
          } catch (BadInputException bad) {
            System.err.println(file + ": " + bad.getMessage());
            return 2;
          }
        }
        uris =
            connected
                .staging()
                .stage(
                    pipeline,
                    LocalDate.now(ZoneOffset.UTC),
                    id,
                    inputs.files,
                    spec.format() == SourceFormat.CSV ? "csv" : "json")
                .inputs();
      } else {
        uris = inputs.staged;
      }
      ExportRuns runs = new ExportRuns(connected.temporal.client());
      RunStarted started = runs.start(new ExportRequest(id, spec, uris, null), rerun);
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
}
