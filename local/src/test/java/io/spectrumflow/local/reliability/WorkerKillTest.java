package io.spectrumflow.local.reliability;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * A worker JVM killed with SIGKILL during each step in turn: a new worker finishes the run, the S3
 * objects are exactly the expected ones, and Redshift counts the batch's rows once. Each step is
 * held open by a slow answer from the fault proxy, so the kill lands inside it.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkerKillTest {

  private static final StringBuilder REPORT = new StringBuilder();
  private static final int ROWS = 40;

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
        "Worker kills:%n%-10s %-10s %10s %10s%n%s", "step", "outcome", "expected", "found", REPORT);
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
  private void slowDown(String step) {
    Predicate<FaultProxy.RequestHead> put =
        r -> r.method().equals("PUT") && r.path().contains("/kills/");
    switch (step) {
      case "dump" ->
          s3.inject(
              r -> r.method().equals("GET") && r.path().contains("/staging/"),
              new FaultProxy.Delay(8_000),
              1);
      case "upload" -> s3.inject(put, new FaultProxy.Delay(8_000), 1);
      case "catalog" ->
          standIn.inject(
              r -> r.target().equals("AWSGlue.BatchCreatePartition"),
              new FaultProxy.Delay(8_000),
              1);
      // DescribeClusters, the DDL step's role check, is the only call in the Query protocol
      case "ddl" ->
          standIn.inject(
              r -> r.headers().toLowerCase().contains("x-www-form-urlencoded"),
              new FaultProxy.Delay(8_000),
              1);
      case "verify" ->
          standIn.inject(
              r -> r.target().equals("RedshiftData.GetStatementResult"),
              new FaultProxy.Delay(8_000),
              1);
      default -> throw new IllegalArgumentException(step);
    }
  }

  @ParameterizedTest(name = "killed during {0}")
  @ValueSource(strings = {"dump", "upload", "catalog", "ddl", "verify"})
  void aNewWorkerFinishesTheRunWithExactlyTheBatchsObjectsAndRows(String step) throws Exception {
    PipelineSpec pipeline = queries.pipeline(dir, step);
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < ROWS; i++) {
      body.append("{\"id\": ")
          .append(i)
          .append(", \"ts\": \"2026-11-2")
          .append(i % 3)
          .append("T10:00:00Z\"}\n");
    }
    String key = "staging/" + step + ".ndjson";
    admin.putObject(b -> b.bucket("lake").key(key), RequestBody.fromString(body.toString()));
    s3.clear();
    standIn.clear();
    slowDown(step);

    Process first = worker(step + "-a");
    RunStarted run =
        runs.start(
            new ExportRequest("kill-" + step, pipeline, List.of("s3://lake/" + key), null), true);
    awaitStep(run.workflowId(), step);
    Thread.sleep(500); // inside the step's slow call
    first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no graceful stop
    Process second = worker(step + "-b");
    try {
      ExportResult result = runs.result(run.workflowId(), Duration.ofMinutes(2));
      List<String> objects = queries.objects(pipeline);
      long counted = queries.count(pipeline);
      REPORT.append(String.format("%-10s %-10s %10d %10d%n", step, "completed", ROWS, counted));
      assertThat(result.rowsVerified()).isEqualTo(ROWS);
      assertThat(objects)
          .containsExactlyInAnyOrderElementsOf(
              result.s3Keys().stream().map(k -> k.substring("s3://lake/".length())).toList())
          .hasSize(3);
      assertThat(counted).isEqualTo(ROWS);
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
