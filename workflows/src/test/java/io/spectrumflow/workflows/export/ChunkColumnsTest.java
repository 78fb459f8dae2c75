package io.spectrumflow.workflows.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.spectrumflow.workflows.export.InferredColumn.InTable;
import io.spectrumflow.workflows.pipeline.ColumnSpec;
import io.spectrumflow.workflows.pipeline.ColumnType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkColumnsTest {

  @Test
  void widensTypesAcrossChunksAndIgnoresAllNullChunks() {
    List<ColumnSpec> merged =
        ChunkColumns.merge(
            List.of(
                List.of(
                    new InferredColumn("n", ColumnType.BIGINT, false, "n"),
                    new InferredColumn("s", ColumnType.STRING, true, "s")),
                List.of(
                    new InferredColumn("n", ColumnType.DOUBLE, false, "n"),
                    new InferredColumn("t", ColumnType.BOOLEAN, true, "t"))),
            "date");

    assertThat(merged)
        .containsExactly(
            new ColumnSpec("n", ColumnType.DOUBLE, "n"),
            new ColumnSpec("s", ColumnType.STRING, "s"),
            new ColumnSpec("t", ColumnType.STRING, "t"));
  }

  @Test
  void namesClashingFieldsOnceSoThatEveryChunkMapsThemAlike() {
    // Chunk 0 meets "Name" first, chunk 1 meets "name" first: each named its own first one "name".
    List<ColumnSpec> merged =
        ChunkColumns.merge(
            List.of(
                List.of(
                    new InferredColumn("name", ColumnType.STRING, false, "Name"),
                    new InferredColumn("name_2", ColumnType.STRING, false, "name"),
                    new InferredColumn("date_2", ColumnType.STRING, false, "date")),
                List.of(
                    new InferredColumn("name", ColumnType.STRING, false, "name"),
                    new InferredColumn("name_2", ColumnType.STRING, false, "Name"))),
            "date");

    assertThat(merged)
        .containsExactly(
            new ColumnSpec("name", ColumnType.STRING, "Name"),
            new ColumnSpec("name_2", ColumnType.STRING, "name"),
            new ColumnSpec("date_2", ColumnType.STRING, "date"));
  }

  @Test
  void aHistoryWithoutFieldsMergesByName() {
    List<ColumnSpec> merged =
        ChunkColumns.merge(
            List.of(
                List.of(new InferredColumn("id", ColumnType.BIGINT, false, null)),
                List.of(new InferredColumn("id", ColumnType.BIGINT, false, null))),
            "date");

    assertThat(merged).containsExactly(new ColumnSpec("id", ColumnType.BIGINT, "id"));
  }

  @Test
  void byTableEachChunkOrderGivesTheSameNames() {
    List<InferredColumn> upperFirst =
        List.of(
            new InferredColumn("a_b_2", ColumnType.STRING, false, "A b", InTable.NEW),
            new InferredColumn("a_b", ColumnType.STRING, false, "a_b", InTable.NEW));
    List<InferredColumn> lowerOnly =
        List.of(new InferredColumn("a_b", ColumnType.STRING, false, "a_b", InTable.NEW));
    List<InferredColumn> upperOnly =
        List.of(new InferredColumn("a_b", ColumnType.STRING, false, "A b", InTable.NEW));

    assertThat(ChunkColumns.mergeByTable(List.of(upperFirst, lowerOnly), "date"))
        .containsExactly(
            new ColumnSpec("a_b_2", ColumnType.STRING, "A b"),
            new ColumnSpec("a_b", ColumnType.STRING, "a_b"));
    assertThat(ChunkColumns.mergeByTable(List.of(upperOnly, lowerOnly), "date"))
        .containsExactly(
            new ColumnSpec("a_b_2", ColumnType.STRING, "A b"),
            new ColumnSpec("a_b", ColumnType.STRING, "a_b"));
  }

  @Test
  void byTableHeldFieldsKeepTheirColumnAndNewOnesAvoidEveryTableColumn() {
    // The table: a_b holds "A b", a_b_2 holds "A-b" (absent from this batch).
    List<InferredColumn> chunk0 =
        List.of(
            new InferredColumn("a_b_3", ColumnType.STRING, false, "a_b", InTable.NEW),
            new InferredColumn("a_b", ColumnType.BIGINT, false, "A b", InTable.HELD),
            new InferredColumn("a_b_2", null, true, "A-b", InTable.ONLY_IN_TABLE));
    List<InferredColumn> chunk1 =
        List.of(
            new InferredColumn("a_b", ColumnType.DOUBLE, false, "A b", InTable.HELD),
            new InferredColumn("a_b_3", ColumnType.STRING, false, "A.B", InTable.NEW),
            new InferredColumn("a_b_2", null, true, "A-b", InTable.ONLY_IN_TABLE));

    assertThat(ChunkColumns.mergeByTable(List.of(chunk0, chunk1), "date"))
        .containsExactly(
            new ColumnSpec("a_b_4", ColumnType.STRING, "a_b"),
            new ColumnSpec("a_b", ColumnType.DOUBLE, "A b"),
            new ColumnSpec("a_b_3", ColumnType.STRING, "A.B"));
  }

  @Test
  void byTableChunksThatEachClaimAColumnRecordingNoFieldAgreeOnOne() {
    // Column c_d records no field: each chunk gave it its own best candidate.
    List<InferredColumn> chunk0 =
        List.of(new InferredColumn("c_d", ColumnType.STRING, false, "C.d", InTable.HELD));
    List<InferredColumn> chunk1 =
        List.of(new InferredColumn("c_d", ColumnType.STRING, false, "C d", InTable.HELD));

    assertThat(ChunkColumns.mergeByTable(List.of(chunk0, chunk1), "date"))
        .containsExactly(
            new ColumnSpec("c_d_2", ColumnType.STRING, "C.d"),
            new ColumnSpec("c_d", ColumnType.STRING, "C d"));
  }
}
