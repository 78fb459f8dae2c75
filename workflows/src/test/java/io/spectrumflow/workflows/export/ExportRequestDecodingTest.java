package io.spectrumflow.workflows.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spectrumflow.workflows.pipeline.CatalogMode;
import io.spectrumflow.workflows.pipeline.SourceFormat;
import io.spectrumflow.workflows.pipeline.TimestampEncoding;
import io.spectrumflow.workflows.pipeline.WriteMode;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkflowImplementationOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * A request another service sends as JSON: a bad one fails the run on its first workflow task with
 * a typed failure naming the field (before, the workflow task failed and was retried for ever); the
 * YAML's spellings are read.
 */
class ExportRequestDecodingTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TestWorkflowEnvironment env;
  private ListAppender<ILoggingEvent> log;

  @BeforeEach
  void setUp() {
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setWorkflowClientOptions(
                    WorkflowClientOptions.newBuilder()
                        .setDataConverter(ExportDataConverter.INSTANCE)
                        .build())
                .build());
    Worker worker = env.newWorker(ExportTaskQueues.EXPORT);
    worker.registerWorkflowImplementationTypes(
        WorkflowImplementationOptions.newBuilder()
            .setFailWorkflowExceptionTypes(UnreadableRequestException.class)
            .build(),
        ExportWorkflowImpl.class);
    env.start();
    log = new ListAppender<>();
    log.start();
    ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(log);
  }

  @AfterEach
  void tearDown() {
    ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(log);
    env.close();
  }

  @Test
  void unknownEnumValueFailsTheRunNamingFieldValueAndAllowed() throws Exception {
    ObjectNode request = example();
    pipeline(request).put("format", "ndjsonx");
    assertThat(failureOf(request, "bad-enum"))
        .contains("pipeline.format", "'ndjsonx'", "one of json, ndjson, csv");
  }

  @Test
  void unknownFieldFailsTheRunNamingItAndTheKnownOnes() throws Exception {
    ObjectNode request = example();
    ((ObjectNode) pipeline(request).get("parquet")).put("targetFileMegs", 64);
    assertThat(failureOf(request, "bad-field"))
        .contains("pipeline.parquet.targetFileMegs", "unknown field", "targetFileBytes");
  }

  @Test
  void wrongTypeFailsTheRunNamingFieldValueAndExpected() throws Exception {
    ObjectNode request = example();
    pipeline(request).put("maxConcurrentRuns", "two");
    assertThat(failureOf(request, "bad-number"))
        .contains("pipeline.maxConcurrentRuns", "'two'", "a whole number");

    ObjectNode inputs = example();
    inputs.put("inputs", "s3://spectrumflow-lake/staging/one.ndjson");
    assertThat(failureOf(inputs, "bad-list"))
        .contains(
            "inputs: 's3://spectrumflow-lake/staging/one.ndjson' is the wrong type; expected a list");
  }

  @Test
  void missingRequiredMemberFailsTheRunNamingIt() throws Exception {
    ObjectNode request = example();
    pipeline(request).remove("storage");
    request.remove("batchId");
    assertThat(failureOf(request, "missing")).contains("batchId, pipeline.storage are missing");
  }

  @Test
  void theWorkerLogsOneLineWithoutAStackTrace() throws Exception {
    ObjectNode request = example();
    pipeline(request).put("format", "ndjsonx");
    failureOf(request, "logged");
    List<ILoggingEvent> warnings =
        log.list.stream()
            .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
            .filter(
                e ->
                    e.getFormattedMessage().contains("logged")
                        || "logged".equals(e.getMDCPropertyMap().get("WorkflowId")))
            .toList();
    assertThat(warnings).hasSize(1);
    ILoggingEvent warning = warnings.get(0);
    assertThat(warning.getThrowableProxy().getMessage()).contains("pipeline.format");
    assertThat(warning.getThrowableProxy().getStackTraceElementProxyArray()).isEmpty();
    assertThat(warning.getThrowableProxy().getCause()).isNull();
  }

  @Test
  void theYamlSpellingsAreRead() throws Exception {
    ObjectNode request = example();
    ObjectNode pipeline = pipeline(request);
    pipeline.put("format", "ndjson");
    ((ObjectNode) pipeline.get("storage")).put("mode", "replace-partitions");
    ((ObjectNode) pipeline.get("storage")).put("layout", "Hive");
    ObjectNode parquet = (ObjectNode) pipeline.get("parquet");
    parquet.remove("targetFileBytes");
    parquet.put("targetFileMb", 64);
    parquet.put("timestampEncoding", "int64-micros");
    parquet.put("compression", "zstd");
    ((ObjectNode) pipeline.get("catalog")).put("mode", "crawler");

    ExportRequest read = decode(request);

    assertThat(read.pipeline().format()).isEqualTo(SourceFormat.NDJSON);
    assertThat(read.pipeline().storage().mode()).isEqualTo(WriteMode.REPLACE_PARTITIONS);
    assertThat(read.pipeline().parquet().targetFileBytes()).isEqualTo(64L << 20);
    assertThat(read.pipeline().parquet().timestampEncoding())
        .isEqualTo(TimestampEncoding.INT64_MICROS);
    assertThat(read.pipeline().catalog().mode()).isEqualTo(CatalogMode.CRAWLER);

    pipeline.put("format", "NDJSON");
    assertThat(decode(request).pipeline().format()).isEqualTo(SourceFormat.NDJSON);
  }

  @Test
  void theDocumentedExampleReadsAsTemporalsDefaultReadsIt() throws Exception {
    ObjectNode request = example();
    assertThat(decode(request)).isEqualTo(defaultDecode(payload(request)));
  }

  /** Runs already recorded start with requests written by the default converter. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "histories/export-happy.json",
        "histories/export-host-gone.json",
        "histories/export-replace-failed.json",
        "histories/export-bad-schema-name.json",
        "histories/export-fan-out.json",
        "histories/export-queued.json"
      })
  void recordedRequestsReadAsBefore(String resource) throws Exception {
    String json;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    HistoryEvent started = WorkflowExecutionHistory.fromJson(json).getEvents().get(0);
    Payload input = started.getWorkflowExecutionStartedEventAttributes().getInput().getPayloads(0);
    assertThat(
            ExportDataConverter.INSTANCE.fromPayload(
                input, ExportRequest.class, ExportRequest.class))
        .isEqualTo(defaultDecode(input));
  }

  @Test
  void notJsonIsRefusedSayingSo() {
    assertThatThrownBy(() -> ExportRequestReader.read("{\"batchId\": ".getBytes()))
        .isInstanceOf(UnreadableRequestException.class)
        .hasMessageContaining("not valid JSON");
  }

  /** Starts the run with a raw JSON argument, as a TypeScript or CLI client does. */
  private String failureOf(ObjectNode request, String workflowId) throws Exception {
    WorkflowStub stub =
        env.getWorkflowClient()
            .newUntypedWorkflowStub(
                ExportWorkflow.TYPE,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(workflowId)
                    .setTaskQueue(ExportTaskQueues.EXPORT)
                    .build());
    stub.start(request);
    Throwable failed =
        catchThrowable(() -> stub.getResult(10, TimeUnit.SECONDS, ExportResult.class));
    assertThat(failed).as("the run fails, not hangs").isInstanceOf(WorkflowFailedException.class);
    assertThat(failed.getCause()).isInstanceOf(ApplicationFailure.class);
    ApplicationFailure cause = (ApplicationFailure) failed.getCause();
    assertThat(cause.getType()).isEqualTo(ExportFailures.INVALID_REQUEST);
    assertThat(cause.isNonRetryable()).isTrue();
    return cause.getOriginalMessage();
  }

  private static ObjectNode example() throws IOException {
    return (ObjectNode)
        JSON.readTree(Files.readAllBytes(Path.of("../docs/export-request.example.json")));
  }

  private static ObjectNode pipeline(ObjectNode request) {
    return (ObjectNode) request.get("pipeline");
  }

  private static Payload payload(ObjectNode request) {
    return ExportDataConverter.INSTANCE.toPayload(request).orElseThrow();
  }

  private static ExportRequest decode(ObjectNode request) {
    return ExportDataConverter.INSTANCE.fromPayload(
        payload(request), ExportRequest.class, ExportRequest.class);
  }

  private static ExportRequest defaultDecode(Payload payload) {
    return DefaultDataConverter.STANDARD_INSTANCE.fromPayload(
        payload, ExportRequest.class, ExportRequest.class);
  }
}
