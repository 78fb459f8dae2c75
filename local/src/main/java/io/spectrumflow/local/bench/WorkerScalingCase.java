package io.spectrumflow.local.bench;

import io.spectrumflow.local.stack.EmbeddedStack;
import io.spectrumflow.starter.runs.ExportRuns;
import io.spectrumflow.starter.runs.RunStarted;
import io.spectrumflow.workflows.export.ExportRequest;
import io.spectrumflow.workflows.export.ExportResult;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One large batch, staged as several files, exported with one worker process and with two: the
 * workflow fans the files out to the workers, so two processes share the dump and upload. Worker
 * processes are started as `spectrumflow worker` would run them, against the embedded stack in this
 * process.
 */
final class WorkerScalingCase {

  private static final int PIECES = 8;
  private static final String READY = "worker polling";

  private final Path dir;
  private final Consumer<String> progress;

  WorkerScalingCase(Path dir, Consumer<String> progress) {
    this.dir = dir;
    this.progress = progress;
  }

  /** The best of {@code runs} exports with one worker, then with two, and their ratio. */
  BenchReport.WorkerScaling measure(PipelineSpec pipeline, Path ndjson, long rows, int runs)
      throws Exception {
    Files.createDirectories(dir);
    List<Path> pieces = split(ndjson, rows);
    try (EmbeddedStack stack = EmbeddedStack.start(Directories.emptied(dir.resolve("stack")));
        S3Client s3 = io.spectrumflow.activities.aws.AwsClients.s3(stack.aws())) {
      s3.createBucket(b -> b.bucket(pipeline.storage().bucket()));
      List<String> inputs = new ArrayList<>();
      for (Path piece : pieces) {
        String key = "staging/" + pipeline.name() + "/scaling/" + piece.getFileName();
        s3.putObject(
            b -> b.bucket(pipeline.storage().bucket()).key(key), RequestBody.fromFile(piece));
        inputs.add("s3://" + pipeline.storage().bucket() + "/" + key);
      }
      Path config = workerConfig(stack);
      WorkflowServiceStubs service =
          WorkflowServiceStubs.newServiceStubs(
              WorkflowServiceStubsOptions.newBuilder().setTarget(stack.temporalTarget()).build());
      try {
        ExportRuns client = new ExportRuns(WorkflowClient.newInstance(service));
        double one = best(client, pipeline, inputs, rows, runs, config, 1);
        double two = best(client, pipeline, inputs, rows, runs, config, 2);
        return new BenchReport.WorkerScaling(
            one,
            two,
            String.format(
                java.util.Locale.ROOT,
                "one batch of %,d rows in %d files: 1 worker process %.2f s, 2 worker processes"
                    + " %.2f s, ratio %.2f (best of %d each; both processes share this machine's"
                    + " cores)",
                rows,
                PIECES,
                one,
                two,
                one / two,
                runs));
      } finally {
        service.shutdown();
      }
    }
  }

  private double best(
      ExportRuns client,
      PipelineSpec pipeline,
      List<String> inputs,
      long rows,
      int runs,
      Path config,
      int workers)
      throws Exception {
    List<Process> processes = new ArrayList<>();
    try {
      for (int w = 0; w < workers; w++) {
        processes.add(worker(config, w));
      }
      double best = Double.MAX_VALUE;
      for (int r = 1; r <= runs; r++) {
        long started = System.nanoTime();
        RunStarted run =
            client.start(
                new ExportRequest("bench-scaling-" + workers, pipeline, inputs, null), true);
        ExportResult result = client.result(run.workflowId(), Duration.ofMinutes(30));
        double seconds = (System.nanoTime() - started) / 1e9;
        if (result.rowsVerified() != rows) {
          throw new IllegalStateException(
              "scaling run verified " + result.rowsVerified() + " rows, not " + rows);
        }
        progress.accept(
            String.format(
                java.util.Locale.ROOT,
                "%d worker(s), run %d/%d: %.2f s",
                workers,
                r,
                runs,
                seconds));
        best = Math.min(best, seconds);
      }
      return best;
    } finally {
      for (Process process : processes) {
        process.destroy();
        process.waitFor();
      }
    }
  }

  private Process worker(Path config, int index) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx1g",
            "-cp",
            System.getProperty("java.class.path"),
            "io.spectrumflow.local.cli.LocalMain",
            "worker",
            config.toString());
    builder.environment().put("HTTP_PORT", "0");
    builder.environment().put("ADMIN_PORT", "0");
    builder.environment().put("SPECTRUMFLOW_WORK_DIR", dir.resolve("work-" + index).toString());
    builder.redirectErrorStream(true);
    Process process = builder.start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    Instant deadline = Instant.now().plusSeconds(90);
    for (String line; Instant.now().isBefore(deadline) && (line = out.readLine()) != null; ) {
      if (line.contains(READY)) {
        Thread drain = new Thread(() -> drain(out));
        drain.setDaemon(true);
        drain.start();
        return process;
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException("worker process " + index + " did not start polling");
  }

  /** Reads the worker's output so that it never blocks on a full pipe, until the process ends. */
  private static void drain(BufferedReader out) {
    try {
      out.lines().forEach(ignored -> {});
    } catch (java.io.UncheckedIOException ended) {
      // the process was stopped and its output closed
    }
  }

  private Path workerConfig(EmbeddedStack stack) throws IOException {
    String yaml =
        """
        %s
        worker:
          workDir: ${SPECTRUMFLOW_WORK_DIR}
          stickyQueueScheduleToStartTimeout: 0 seconds
        server:
          applicationConnectors: [{type: http, port: 0, bindHost: 127.0.0.1}]
          adminConnectors: [{type: http, port: 0, bindHost: 127.0.0.1}]
        logging:
          level: WARN
          loggers: {io.spectrumflow.worker: INFO}
        """
            .formatted(stack.clientSettingsYaml());
    return Files.writeString(dir.resolve("scaling-worker.yml"), yaml);
  }

  /** The NDJSON file as {@value #PIECES} files of consecutive records (one record a line). */
  private List<Path> split(Path ndjson, long rows) throws IOException {
    Path folder = Directories.emptied(dir.resolve("pieces"));
    long perPiece = (rows + PIECES - 1) / PIECES;
    List<Path> pieces = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(ndjson, StandardCharsets.UTF_8)) {
      for (int p = 0; p < PIECES; p++) {
        Path piece = folder.resolve(String.format("part-%02d.ndjson", p));
        try (BufferedWriter out = Files.newBufferedWriter(piece, StandardCharsets.UTF_8)) {
          String line;
          for (long n = 0; n < perPiece && (line = in.readLine()) != null; n++) {
            out.write(line);
            out.write('\n');
          }
        }
        pieces.add(piece);
      }
    }
    return pieces;
  }
}
