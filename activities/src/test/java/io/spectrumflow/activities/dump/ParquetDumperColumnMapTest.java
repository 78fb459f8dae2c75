package io.spectrumflow.activities.dump;

import static io.spectrumflow.activities.dump.DumpTestSupport.BATCH;
import static io.spectrumflow.activities.dump.DumpTestSupport.BATCH_TIME;
import static io.spectrumflow.activities.dump.DumpTestSupport.duckRows;
import static io.spectrumflow.activities.dump.DumpTestSupport.pipeline;
import static io.spectrumflow.activities.dump.DumpTestSupport.row;
import static io.spectrumflow.activities.dump.DumpTestSupport.write;
import static io.spectrumflow.workflows.pipeline.ColumnType.STRING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spectrumflow.workflows.export.InferredColumn;
import io.spectrumflow.workflows.export.InferredColumn.InTable;
import io.spectrumflow.workflows.pipeline.ColumnSpec;
import io.spectrumflow.workflows.pipeline.Compression;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.spectrumflow.workflows.pipeline.SourceFormat;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fields that clash once made legal land in the same columns whatever their order. */
class ParquetDumperColumnMapTest {

  @TempDir Path dir;

  private final PipelineSpec pipeline = pipeline(SourceFormat.NDJSON, null);

  private DumpOutcome dump(String name, List<TableColumn> table, long speculation, String ndjson)
      throws Exception {
    return new ParquetDumper(pipeline, new DumpThreads(1), speculation)
        .dump(
            List.of(write(dir, name + ".ndjson", ndjson)),
            dir.resolve(name),
            BATCH,
            BATCH_TIME,
            table,
            rows -> {});
  }

  @Test
  void eitherOrderOfFieldsGivesTheSameColumns() throws Exception {
    DumpOutcome upperFirst =
        dump("upper", List.of(), Long.MAX_VALUE, "{\"A b\": \"upper\", \"a_b\": \"lower\"}\n");
    DumpOutcome lowerFirst =
        dump("lower", List.of(), Long.MAX_VALUE, "{\"a_b\": \"lower\", \"A b\": \"upper\"}\n");

    assertThat(upperFirst.columnsWithFields())
        .containsExactly(
            new ColumnSpec("a_b_2", STRING, "A b"), new ColumnSpec("a_b", STRING, "a_b"));
    assertThat(lowerFirst.columnsWithFields())
        .containsExactlyInAnyOrderElementsOf(upperFirst.columnsWithFields());
    for (DumpOutcome outcome : List.of(upperFirst, lowerFirst)) {
      assertThat(duckRows(outcome.files(), outcome.columns()))
          .containsExactly(row("a_b_2", "upper", "a_b", "lower"));
    }
  }

  @Test
  void theTablesRecordedFieldKeepsItsColumnAndANewFieldTakesAFreeOne() throws Exception {
    List<TableColumn> table =
        List.of(new TableColumn("a_b", "string", "A b"), new TableColumn("a_b_2", "string", "x"));

    DumpOutcome outcome =
        dump("held", table, Long.MAX_VALUE, "{\"a_b\": \"lower\", \"A b\": \"upper\"}\n");

    assertThat(outcome.columnsWithFields())
        .containsExactly(
            new ColumnSpec("a_b_3", STRING, "a_b"), new ColumnSpec("a_b", STRING, "A b"));
    assertThat(duckRows(outcome.files(), outcome.columns()))
        .containsExactly(row("a_b_3", "lower", "a_b", "upper"));
  }

  @Test
  void aClashingFieldAfterTheSpeculatedRecordsRenamesBeforeAnythingIsKept() throws Exception {
    // The first record alone would name "A b" a_b; the second's "a_b" takes a_b, as in one pass.
    DumpOutcome outcome =
        dump("late", List.of(), 1, "{\"A b\": \"upper-1\"}\n{\"a_b\": \"lower-2\"}\n");

    assertThat(outcome.columnsWithFields())
        .containsExactly(
            new ColumnSpec("a_b_2", STRING, "A b"), new ColumnSpec("a_b", STRING, "a_b"));
    assertThat(duckRows(outcome.files(), outcome.columns()))
        .containsExactly(
            row("a_b_2", "upper-1", "a_b", null), row("a_b_2", null, "a_b", "lower-2"));
  }

  @Test
  void inferTellsWhichColumnsTheTableHolds() throws Exception {
    List<TableColumn> table =
        List.of(new TableColumn("a_b", "string", "A b"), new TableColumn("old", "bigint", null));

    List<InferredColumn> inferred =
        new ParquetDumper(pipeline)
            .infer(
                List.of(write(dir, "chunk.ndjson", "{\"a_b\": \"lower\", \"A b\": \"upper\"}\n")),
                BATCH_TIME,
                table,
                rows -> {});

    assertThat(inferred)
        .containsExactly(
            new InferredColumn("a_b_2", STRING, false, "a_b", InTable.NEW),
            new InferredColumn("a_b", STRING, false, "A b", InTable.HELD),
            new InferredColumn("old", null, true, null, InTable.ONLY_IN_TABLE));
  }

  @Test
  void aSchemaThatReadsAnotherFieldIntoARecordedColumnIsRefusedBeforeWriting() throws Exception {
    PipelineSpec declared =
        pipeline(
            SourceFormat.NDJSON,
            null,
            Compression.SNAPPY,
            1 << 20,
            List.of(new ColumnSpec("a_b", STRING, "a_b")));
    Path input = write(dir, "declared.ndjson", "{\"a_b\": \"lower\", \"A b\": \"upper\"}\n");

    assertThatThrownBy(
            () ->
                new ParquetDumper(declared)
                    .dump(
                        List.of(input),
                        dir.resolve("declared"),
                        BATCH,
                        BATCH_TIME,
                        List.of(new TableColumn("a_b", "string", "A b")),
                        rows -> {}))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(
            "the existing table's column a_b holds field \"A b\" but this batch's schema reads"
                + " field \"a_b\" into it");
    assertThat(dir.resolve("declared")).isEmptyDirectory();
  }
}
