package io.spectrumflow.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spectrumflow.starter.config.PipelinesFile;
import io.spectrumflow.starter.runs.RunStarted;
import io.spectrumflow.workflows.export.ExportFailures;
import io.spectrumflow.workflows.export.ExportRequest;
import io.spectrumflow.workflows.export.ExportResult;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ApplicationFailure;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.redshiftdata.model.Field;

/**
 * The whole recipe on the embedded stack: the real activities and worker against S3Proxy, the Glue
 * + Redshift Data API stand-in and the Temporal test server, all on free loopback ports.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportEndToEndTest {

  @TempDir static Path dataDir;
  private RunningStack stack;
  private PipelineSpec events;

  @BeforeAll
  void startStack() throws Exception {
    stack = new RunningStack(dataDir);
    events = PipelinesFile.load(Path.of("../config/local.yml")).pipeline("events");
  }

  @AfterAll
  void stopStack() throws Exception {
    stack.close();
  }

  @Test
  void exportsTheSampleAndRedshiftCountsEveryRowOnce() throws Exception {
    String input = stack.stage(events, "sample.csv", resource("/samples/events.csv"));
    ExportRequest request = new ExportRequest("sample-1", events, List.of(input), null);

    RunStarted started = stack.runs.start(request, false);
    ExportResult result = stack.runs.result(started.workflowId(), Duration.ofMinutes(2));

    assertThat(result.rowsWritten()).isEqualTo(52);
    assertThat(result.rowsVerified()).isEqualTo(52);
    assertThat(result.partitions()).containsExactly("2026-11-22", "2026-11-23", "2026-11-24");
    assertThat(result.steps()).hasSize(5);
    assertThat(objectUris()).containsExactlyInAnyOrderElementsOf(result.s3Keys());
    assertThat(countsByDate())
        .containsExactly(
            Map.entry("2026-11-22", 14L),
            Map.entry("2026-11-23", 17L),
            Map.entry("2026-11-24", 21L));
    // Line breaks, quotes, commas and non-ASCII text come back through SQL as they went in.
    assertThat(
            stack
                .query(
                    events,
                    "SELECT message FROM \"spectrum\".\"events\" WHERE event_id IN (1002, 1003, 1005)"
                        + " ORDER BY event_id")
                .stream()
                .map(row -> row.get(0).stringValue()))
        .containsExactly(
            "東京 store pickup",
            "Customer wrote:\n\"Parcel arrived damaged, please refund.\"",
            "Line one\nLine two, with a comma\nLine \"three\"");

    // The same batch again is the same run.
    RunStarted again = stack.runs.start(request, false);
    assertThat(again.existing()).isTrue();
    assertThat(again.runId()).isEqualTo(started.runId());

    // Running it once more overwrites the same objects: nothing duplicated.
    RunStarted rerun = stack.runs.start(request, true);
    assertThat(rerun.runId()).isNotEqualTo(started.runId());
    ExportResult second = stack.runs.result(rerun.workflowId(), Duration.ofMinutes(2));
    assertThat(second.s3Keys()).isEqualTo(result.s3Keys());
    assertThat(objectUris()).containsExactlyInAnyOrderElementsOf(result.s3Keys());
    assertThat(countsByDate().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(52);
  }

  @Test
  void badInputFailsTheRunWithTheRecordAndStoresNothing() throws Exception {
    String input =
        stack.stage(
            events,
            "ragged.csv",
            "id,event_time,note\n1,2026-11-20T10:00:00Z,ok\n2,2026-11-20T11:00:00Z,one,too many\n");
    List<String> before = objectUris();

    RunStarted started =
        stack.runs.start(new ExportRequest("ragged-1", events, List.of(input), null), false);

    assertThatThrownBy(() -> stack.runs.result(started.workflowId(), Duration.ofMinutes(1)))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(ExportFailures.BAD_INPUT);
              assertThat(failure.getOriginalMessage())
                  .startsWith("dump: Record 2 (line 3 of ragged.csv)");
            });
    assertThat(objectUris()).containsExactlyInAnyOrderElementsOf(before);
  }

  private static String resource(String path) throws Exception {
    try (InputStream in = ExportEndToEndTest.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private List<String> objectUris() {
    return stack.objectsUnderTable(events).stream()
        .map(key -> "s3://" + events.storage().bucket() + "/" + key)
        .toList();
  }

  private Map<String, Long> countsByDate() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (List<Field> row :
        stack.query(
            events,
            "SELECT \"date\", count(*) FROM \"spectrum\".\"events\" GROUP BY \"date\" ORDER BY"
                + " \"date\"")) {
      counts.put(row.get(0).stringValue(), row.get(1).longValue());
    }
    return counts;
  }
}
