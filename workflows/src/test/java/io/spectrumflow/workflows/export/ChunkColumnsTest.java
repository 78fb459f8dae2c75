package io.spectrumflow.workflows.export;

import static org.assertj.core.api.Assertions.assertThat;

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
}
