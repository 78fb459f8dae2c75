package io.spectrumflow.local.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.spectrumflow.local.adversarial.AdversarialLedger;
import io.spectrumflow.local.faults.FaultProxy;
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
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * A worker JVM killed with SIGKILL during a step: a new worker finishes the run within a minute
 * plus the work left, the S3 objects are exactly the expected ones, and Redshift counts the batch's
 * rows once. The workers run with the workflow's own activity timeouts. Every step is killed in
 * every mode: append, crawler, replace (a second batch switching the days of a first) and a batch
 * of several inputs fanned out (whose dump and upload run as pairs in parallel). Each step is held
 * open by a slow answer from the fault proxy, so the kill lands inside it.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkerKillTest {

  private static final StringBuilder REPORT = new StringBuilder();

  /** Rows per input: a few MB of NDJSON, so dump and upload do real work. */
  private static final int ROWS = 20_000;

  /** The most a kill may stall a run: the heartbeat timeout, retries and a new worker's start. */
  private static final Duration RECOVERY = Duration.ofSeconds(60);

  /** What the redone step and the steps after it take here without a kill (2 shared cores). */
  private static final Duration WORK = Duration.ofSeconds(20);

  /** How a run is killed: its pipeline's mode, the step the kill lands in, and its inputs. */
  enum Kill {
    APPEND_DUMP("append", "dump", 1),
    APPEND_UPLOAD("append", "upload", 1),
    APPEND_CATALOG("append", "catalog", 1),
    APPEND_DDL("append", "ddl", 1),
    APPEND_VERIFY("append", "verify", 1),
    CRAWLER_DUMP("crawler", "dump", 1),
    CRAWLER_UPLOAD("crawler", "upload", 1),
    CRAWLER_CATALOG("crawler", "catalog", 1),
    CRAWLER_DDL("crawler", "ddl", 1),
    CRAWLER_VERIFY("crawler", "verify", 1),
    REPLACE_DUMP("replace", "dump", 1),
    REPLACE_UPLOAD("replace", "upload", 1),
    REPLACE_CATALOG("replace", "catalog", 1),
    REPLACE_DDL("replace", "ddl", 1),
    REPLACE_VERIFY("replace", "verify", 1),
    FANOUT_DUMP_UPLOAD("fanout", "dump+upload", 4),
    FANOUT_CATALOG("fanout", "catalog", 4),
    FANOUT_DDL("fanout", "ddl", 4),
    FANOUT_VERIFY("fanout", "verify", 4);

    final String mode;
    final String step;
    final int inputs;

    Kill(String mode, String step, int inputs) {
      this.mode = mode;
      this.step = step;
      this.inputs = inputs;
    }

    String pipelineName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  @TempDir static Path dir;
  private EmbeddedStack stack;
  private FaultProxy s3;
  private FaultProxy standIn;
  private WorkflowServiceStubs service;
  private ExportRuns runs;
  private software.amazon.awssdk.services.s3.S3Client admin;
  private RunningStackQueries queries;

  @BeforeAll
  void start() throws Exception {
    stack = EmbeddedStack.start(dir.resolve("data"));
    s3 = new FaultProxy(stack.aws().s3Endpoint());
    standIn = new FaultProxy(stack.aws().glueEndpoint());
    service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(stack.temporalTarget()).build());
    runs = new ExportRuns(WorkflowClient.newInstance(service));
    admin = io.spectrumflow.activities.aws.AwsClients.s3(stack.aws());
    admin.createBucket(b -> b.bucket("lake"));
    queries = new RunningStackQueries(stack);
  }

  @AfterAll
  void stop() throws Exception {
    System.out.printf(
        "Worker kills:%n%-20s %-10s %10s %10s %12s%n%s",
        "kill", "outcome", "expected", "found", "recovery s", REPORT);
    queries.close();
    admin.close();
    service.shutdown();
    s3.close();
    standIn.close();
    stack.close();
  }

  private Process worker(String name) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            WorkerProcess.class.getName(),
            stack.temporalTarget(),
            s3.endpoint().toString(),
            standIn.endpoint().toString(),
            dir.resolve("work-" + name).toString());
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.PIPE);
    Process process = builder.start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    Instant deadline = Instant.now().plusSeconds(60);
    for (String line; (line = out.readLine()) != null && Instant.now().isBefore(deadline); ) {
      if (line.contains(WorkerProcess.READY)) {
        Thread drain = new Thread(() -> out.lines().forEach(l -> {}));
        drain.setDaemon(true);
        drain.start();
        return process;
      }
    }
    process.destroyForcibly();
    throw new AssertionError("worker " + name + " did not start");
  }

  /** Holds the step open: its AWS calls answer slowly until the worker is dead. */
  private void slowDown(Kill kill) {
    Predicate<FaultProxy.RequestHead> put =
        r -> r.method().equals("PUT") && r.path().contains("/kills/");
    Predicate<FaultProxy.RequestHead> stagedGet =
        r -> r.method().equals("GET") && r.path().contains("/staging/");
    switch (kill.step) {
      case "dump", "dump+upload" -> s3.inject(stagedGet, new FaultProxy.Delay(8_000), 1);
      case "upload" -> s3.inject(put, new FaultProxy.Delay(8_000), 1);
      case "catalog" ->
          slowStandIn(
              switch (kill.mode) {
                case "crawler" -> "AWSGlue.GetCrawler";
                case "replace" -> "AWSGlue.BatchUpdatePartition";
                default -> "AWSGlue.BatchCreatePartition";
              });
      // DescribeClusters, the DDL step's role check, is the only call in the Query protocol
      case "ddl" ->
          standIn.inject(
              r -> r.headers().toLowerCase().contains("x-www-form-urlencoded"),
              new FaultProxy.Delay(8_000),
              1);
      case "verify" -> slowStandIn("RedshiftData.GetStatementResult");
      default -> throw new IllegalArgumentException(kill.name());
    }
  }

  private void slowStandIn(String target) {
    standIn.inject(r -> r.target().equals(target), new FaultProxy.Delay(8_000), 1);
  }

  private PipelineSpec pipeline(Kill kill) throws Exception {
    return switch (kill.mode) {
      case "crawler" -> queries.crawledPipeline(dir, kill.pipelineName());
      case "replace" -> queries.replacingPipeline(dir, kill.pipelineName());
      default -> queries.pipeline(dir, kill.pipelineName());
    };
  }

  /** The batch's inputs: each has rows over three days, so each makes one object per day. */
  private List<String> stage(Kill kill, String batchId) {
    List<String> uris = new ArrayList<>();
    for (int input = 0; input < kill.inputs; input++) {
      StringBuilder body = new StringBuilder();
      for (int i = 0; i < ROWS; i++) {
        body.append("{\"id\": ")
            .append(input * ROWS + i)
            .append(", \"ts\": \"2026-11-2")
            .append(i % 3)
            .append("T10:00:00Z\", \"note\": \"row ")
            .append(i)
            .append(" of batch ")
            .append(batchId)
            .append(", free text that makes the input a few megabytes\"}\n");
      }
      String key = "staging/" + kill.pipelineName() + "/" + batchId + "-" + input + ".ndjson";
      admin.putObject(b -> b.bucket("lake").key(key), RequestBody.fromString(body.toString()));
      uris.add("s3://lake/" + key);
    }
    return uris;
  }

  @ParameterizedTest(name = "killed: {0}")
  @EnumSource(Kill.class)
  void aNewWorkerFinishesTheRunSoonWithExactlyTheBatchsObjectsAndRows(Kill kill) throws Exception {
    PipelineSpec pipeline = pipeline(kill);
    s3.clear();
    standIn.clear();
    Process first = worker(kill.pipelineName() + "-a");
    if (kill.mode.equals("replace")) {
      // a first batch writes the days, so that the killed one switches them to its version
      runs.result(
          runs.start(new ExportRequest("first", pipeline, stage(kill, "first"), null), true)
              .workflowId(),
          Duration.ofMinutes(1));
    }
    List<String> inputs = stage(kill, "killed");
    slowDown(kill);
    RunStarted run = runs.start(new ExportRequest("killed", pipeline, inputs, null), true);
    awaitStep(run.workflowId(), kill.step);
    Thread.sleep(500); // inside the step's slow call
    first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no graceful stop
    Instant killed = Instant.now();
    Process second = worker(kill.pipelineName() + "-b");
    try {
      ExportResult result = runs.result(run.workflowId(), RECOVERY.plus(WORK).plusSeconds(10));
      Duration recovery = Duration.between(killed, Instant.now());
      List<String> objects = queries.objects(pipeline);
      long counted = queries.count(pipeline);
      long rows = (long) ROWS * kill.inputs;
      REPORT.append(
          String.format(
              "%-20s %-10s %10d %10d %12d%n",
              kill, "completed", rows, counted, recovery.toSeconds()));
      assertThat(recovery).isLessThan(RECOVERY.plus(WORK));
      assertThat(result.rowsVerified()).isEqualTo(rows);
      assertThat(objects)
          .containsExactlyInAnyOrderElementsOf(
              result.s3Keys().stream().map(k -> k.substring("s3://lake/".length())).toList())
          .hasSize(3 * kill.inputs);
      assertThat(counted).isEqualTo(rows);
      AdversarialLedger.rows(
          "kill -9",
          "worker killed in " + kill.step + ", " + kill.mode + " mode",
          "completed " + recovery.toSeconds() + " s after the kill",
          rows,
          counted);
    } catch (java.util.concurrent.TimeoutException stalled) {
      REPORT.append(String.format("%-20s %-10s%n", kill, "stalled"));
      throw new AssertionError(
          "killed during " + kill.step + ": the run did not finish within " + RECOVERY.plus(WORK),
          stalled);
    } finally {
      second.destroyForcibly().waitFor();
    }
  }

  private void awaitStep(String workflowId, String step) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    List<String> seen = new ArrayList<>();
    while (Instant.now().isBefore(deadline)) {
      try {
        String now = runs.progress(workflowId).step();
        seen.add(now);
        if (now.equals(step)) {
          return;
        }
      } catch (RuntimeException notYet) {
        // the run's first workflow task has not run yet
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the run never reached step " + step + "; saw " + seen);
  }
}
