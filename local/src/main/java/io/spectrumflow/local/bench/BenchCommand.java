package io.spectrumflow.local.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spectrumflow bench}: generates a seeded input and measures, in one run, our dump against
 * DuckDB and against parquet-avro's writer alone, then an export end to end on the embedded stack
 * and the workflow's overhead on tiny batches. Prints one table and writes it as JSON.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Benchmark the dump (NDJSON and CSV to Parquet) against DuckDB and parquet-avro's writer,"
            + " and exports end to end on the embedded stack; prints a table and writes it as"
            + " JSON.")
public final class BenchCommand implements Callable<Integer> {

  /** Rows in each of the tiny batches that measure the workflow's overhead. */
  static final int TINY_ROWS = 10;

  @Option(
      names = "--rows",
      defaultValue = "1000000",
      description = "Rows in the generated input (default: ${DEFAULT-VALUE})")
  long rows;

  @Option(
      names = "--runs",
      defaultValue = "3",
      description =
          "Timed runs of each measurement, after one warm-up run (default: ${DEFAULT-VALUE})")
  int runs;

  @Option(
      names = "--seed",
      defaultValue = "20261124",
      description = "The generator's seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--threads",
      split = ",",
      defaultValue = "1,2",
      description = "Thread counts for our dump and DuckDB (default: ${DEFAULT-VALUE})")
  List<Integer> threads;

  @Option(
      names = "--dir",
      defaultValue = "${env:SPECTRUMFLOW_HOME:-.}/.spectrumflow/bench",
      description =
          "Where inputs, outputs and the embedded stack's data go (default: ${DEFAULT-VALUE})")
  Path dir;

  @Option(
      names = "--json",
      description = "The JSON report's file (default: <dir>/bench-<time>.json)")
  Path json;

  @Option(
      names = "--only",
      split = ",",
      description =
          "Run only the measurements whose name contains one of these texts, e.g. \"ours"
              + " NDJSON,read_json\" (for profiling)")
  List<String> only;

  @Option(names = "--skip-e2e", description = "Skip the embedded-stack measurements")
  boolean skipEndToEnd;

  @Option(
      names = "--tiny-batches",
      defaultValue = "100",
      description = "Tiny batches for the workflow overhead (default: ${DEFAULT-VALUE})")
  int tinyBatches;

  @Override
  public Integer call() throws Exception {
    // The dump's and the stack's INFO lines would bury the progress and the table.
    ((Logger) LoggerFactory.getLogger("io.spectrumflow")).setLevel(Level.WARN);
    MachineInfo machine = MachineInfo.atStart();
    say("Generating %,d rows (seed %d) under %s ...", rows, seed, dir.resolve("inputs"));
    InputFiles inputs = BenchInputs.write(dir.resolve("inputs"), rows, seed);
    long ndjsonBytes = Files.size(inputs.ndjson());
    long csvBytes = Files.size(inputs.csv());
    PipelineSpec ndjson = BenchPipelines.load(dir.resolve("config"), "bench-ndjson", "ndjson");
    PipelineSpec csv = BenchPipelines.load(dir.resolve("config"), "bench-csv", "csv");

    List<BenchCase> cases = new ArrayList<>();
    for (int t : threads) {
      cases.add(
          new BenchCase(
              "ours NDJSON -> Parquet",
              t,
              ndjsonBytes,
              true,
              new DumpCase(ndjson, inputs.ndjson(), t)::run));
      cases.add(
          new BenchCase(
              "DuckDB read_json_auto -> Parquet",
              t,
              ndjsonBytes,
              false,
              new DuckDbCase(inputs.ndjson(), "read_json_auto", t)::run));
    }
    for (int t : threads) {
      cases.add(
          new BenchCase(
              "ours CSV -> Parquet", t, csvBytes, true, new DumpCase(csv, inputs.csv(), t)::run));
      cases.add(
          new BenchCase(
              "DuckDB read_csv_auto -> Parquet",
              t,
              csvBytes,
              false,
              new DuckDbCase(inputs.csv(), "read_csv_auto", t)::run));
    }
    cases.removeIf(c -> !selected(c.name()));
    RoundRobinRuns rounds = new RoundRobinRuns(dir.resolve("out"), line -> say("  %s", line));
    Map<BenchCase, RoundRobinRuns.Result> results = new LinkedHashMap<>(rounds.run(cases, runs));
    if (selected(BenchRatios.FLOOR)) {
      // Its own phase: the pre-built records would otherwise sit in the heap during the others.
      say(
          "Building %,d Avro records for the writer's floor ...",
          Math.min(rows, AvroFloorCase.MAX_PREBUILT));
      AvroFloorCase floor = new AvroFloorCase(rows, seed, ndjson.parquet().rowGroupBytes());
      results.putAll(
          rounds.run(List.of(new BenchCase(BenchRatios.FLOOR, 1, 0, true, floor::run)), runs));
    }

    List<Measurement> measurements = new ArrayList<>();
    results.forEach(
        (c, r) ->
            measurements.add(
                Measurement.of(
                    c.name(),
                    c.threads(),
                    r.timing(),
                    r.last().rows(),
                    c.inputBytes(),
                    r.last().bytes())));
    List<Ratio> ratios = BenchRatios.of(measurements, threads);

    BenchReport.EndToEnd endToEnd = null;
    BenchReport.WorkflowOverhead overhead = null;
    BenchReport.WorkerScaling workers = null;
    if (!skipEndToEnd) {
      say("Starting the embedded stack and a worker ...");
      try (EmbeddedExports exports =
          new EmbeddedExports(Directories.emptied(dir.resolve("stack")))) {
        StackMeasurements stack = new StackMeasurements(exports, line -> say("  %s", line));
        endToEnd = stack.oneLargeBatch(ndjson, inputs.ndjson(), rows, runs);
        overhead = stack.tinyBatches(ndjson, dir.resolve("inputs"), seed, tinyBatches, TINY_ROWS);
      }
      say("One batch in several files with 1 and with 2 worker processes ...");
      workers =
          new WorkerScalingCase(dir.resolve("scaling"), line -> say("  %s", line))
              .measure(ndjson, inputs.ndjson(), rows, Math.min(runs, 3));
    }

    BenchReport report =
        new BenchReport(
            machine.ended(),
            rows,
            seed,
            ndjsonBytes,
            csvBytes,
            runs,
            measurements,
            ratios,
            endToEnd,
            overhead,
            workers);
    System.out.println();
    System.out.print(BenchTable.render(report));
    Path target =
        json != null
            ? json
            : dir.resolve("bench-" + machine.startedAt().replace(':', '-') + ".json");
    Files.createDirectories(target.toAbsolutePath().getParent());
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(target.toFile(), report);
    say("%nWrote %s", target);
    return 0;
  }

  private boolean selected(String name) {
    return only == null || only.stream().anyMatch(name::contains);
  }

  private static void say(String format, Object... args) {
    System.out.printf(format + "%n", args);
  }
}
