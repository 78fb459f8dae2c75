package io.spectrumflow.activities.dump;

import static io.spectrumflow.activities.dump.DumpTestSupport.BATCH;
import static io.spectrumflow.activities.dump.DumpTestSupport.BATCH_TIME;
import static io.spectrumflow.activities.dump.DumpTestSupport.avroRows;
import static io.spectrumflow.activities.dump.DumpTestSupport.column;
import static io.spectrumflow.activities.dump.DumpTestSupport.pipeline;
import static io.spectrumflow.activities.dump.DumpTestSupport.row;
import static io.spectrumflow.activities.dump.DumpTestSupport.table;
import static io.spectrumflow.activities.dump.DumpTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import io.spectrumflow.workflows.export.PartFile;
import io.spectrumflow.workflows.pipeline.ColumnType;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.spectrumflow.workflows.pipeline.SourceFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Columns inferred from the first records and checked against the rest while writing: the same
 * files as a full first pass when nothing changes later, the full inference when something does.
 */
class ParquetDumperSpeculationTest {

  private static final long FIRST = 5;

  @TempDir Path dir;

  private DumpOutcome dump(PipelineSpec pipeline, long first, String out, Path input)
      throws Exception {
    return dump(pipeline, first, out, List.of(), input);
  }

  private DumpOutcome dump(
      PipelineSpec pipeline, long first, String out, List<TableColumn> table, Path input)
      throws Exception {
    return new ParquetDumper(pipeline, new DumpThreads(2), first)
        .dump(List.of(input), dir.resolve(out), BATCH, BATCH_TIME, table, rows -> {});
  }

  @Test
  void columnsThatNoLaterRecordChangesGiveTheFilesOfAFullFirstPass() throws Exception {
    StringBuilder ndjson = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      ndjson
          .append("{\"id\": ")
          .append(i)
          .append(", \"ts\": \"")
          .append(LocalDate.of(2026, 1, 1).plusDays(i % 11))
          .append("T10:00:00.")
          .append(100_000 + i)
          .append("Z\", \"v\": ")
          .append(i % 7 == 0 ? "null" : i + ".5")
          .append(", \"ok\": ")
          .append(i % 3 == 0)
          .append(", \"s\": \"text ")
          .append(i % 13)
          .append("\"}\n");
    }
    Path input = write(dir, "in.ndjson", ndjson.toString());
    PipelineSpec byTs = pipeline(SourceFormat.JSON, "ts");

    DumpOutcome speculative = dump(byTs, FIRST, "a", input);
    DumpOutcome twoPasses = dump(byTs, Long.MAX_VALUE, "b", input);

    assertThat(speculative.columns()).isEqualTo(twoPasses.columns());
    assertThat(speculative.files()).hasSize(11).hasSameSizeAs(twoPasses.files());
    for (int i = 0; i < twoPasses.files().size(); i++) {
      assertThat(Files.mismatch(path(speculative, i), path(twoPasses, i))).isEqualTo(-1L);
    }
  }

  @Test
  void aLaterNewFieldOrWiderTypeIsWrittenAsAFullFirstPassWould() throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      lines.add("{\"n\": " + i + ", \"maybe\": null}");
    }
    lines.set(11, "{\"n\": 12.5, \"maybe\": null}"); // widens n to DOUBLE after the first 5
    lines.set(14, "{\"n\": 15, \"maybe\": true, \"late\": \"x\"}"); // a new field and a value
    Path input = write(dir, "in.ndjson", String.join("\n", lines) + "\n");

    DumpOutcome outcome = dump(pipeline(SourceFormat.JSON, null), FIRST, "o", input);

    assertThat(outcome.columns())
        .containsExactly(
            column("n", ColumnType.DOUBLE),
            column("maybe", ColumnType.BOOLEAN),
            column("late", ColumnType.STRING));
    assertThat(outcome.files())
        .extracting(PartFile::partitionValue, PartFile::sequence, PartFile::rows)
        .containsExactly(tuple("2026-11-24", 0, 20L));
    List<Map<String, Object>> rows = avroRows(outcome.files());
    assertThat(rows.get(11)).isEqualTo(row("n", 12.5, "maybe", null, "late", null));
    assertThat(rows.get(14)).isEqualTo(row("n", 15.0, "maybe", true, "late", "x"));
    try (Stream<Path> files = Files.walk(dir.resolve("o"))) {
      assertThat(files.filter(Files::isRegularFile)).hasSize(1);
    }
  }

  @Test
  void badInputAfterTheFirstRecordsFailsAtItsRecordAndLeavesNoFile() throws Exception {
    StringBuilder ndjson = new StringBuilder();
    for (int i = 1; i <= 50; i++) {
      ndjson.append(i == 40 ? "{\"ts\": \"soon\"}\n" : "{\"ts\": \"2026-11-24T10:00:00Z\"}\n");
    }
    Path input = write(dir, "in.ndjson", ndjson.toString());

    BadInputException e =
        catchThrowableOfType(
            BadInputException.class,
            () -> dump(pipeline(SourceFormat.JSON, "ts"), FIRST, "o", input));

    assertThat(e.record()).isEqualTo(40);
    assertThat(e.line()).isEqualTo(40);
    assertThat(e.getMessage()).contains("found the string \"soon\" where the partition field");
    try (Stream<Path> files = Files.walk(dir.resolve("o"))) {
      assertThat(files.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void aTableConflictFromALaterRecordNamesThatRecord() throws Exception {
    StringBuilder csv = new StringBuilder("Amount\n");
    for (int i = 1; i <= 30; i++) {
      csv.append(i == 20 ? "abc" : Integer.toString(i)).append('\n');
    }
    Path input = write(dir, "in.csv", csv.toString());

    BadInputException e =
        catchThrowableOfType(
            BadInputException.class,
            () ->
                dump(
                    pipeline(SourceFormat.CSV, null),
                    FIRST,
                    "o",
                    List.of(table("amount", "bigint")),
                    input));

    assertThat(e.getMessage())
        .startsWith(
            "Record 20 (line 21 of in.csv), field \"Amount\" (column amount): the existing table"
                + " has column amount as bigint, but this batch's values make it string");
    try (Stream<Path> files = Files.walk(dir.resolve("o"))) {
      assertThat(files.filter(Files::isRegularFile)).isEmpty();
    }
  }

  private static Path path(DumpOutcome outcome, int file) {
    return Path.of(outcome.files().get(file).localPath());
  }
}
