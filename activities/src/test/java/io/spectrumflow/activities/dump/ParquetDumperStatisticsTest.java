package io.spectrumflow.activities.dump;

import static io.spectrumflow.activities.dump.DumpTestSupport.dump;
import static io.spectrumflow.activities.dump.DumpTestSupport.pipeline;
import static io.spectrumflow.activities.dump.DumpTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.spectrumflow.workflows.pipeline.Compression;
import io.spectrumflow.workflows.pipeline.ParquetSpec;
import io.spectrumflow.workflows.pipeline.SourceFormat;
import io.spectrumflow.workflows.pipeline.TimestampEncoding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Binary;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Min and max, as readers use them to skip row groups: each column chunk's must be its own values'
 * extremes — strings in UTF-8 byte order, for dictionary and plain pages alike; numbers and
 * timestamps (as microseconds) in numeric order.
 */
class ParquetDumperStatisticsTest {

  /** UTF-8 unsigned byte order for strings, which Parquet uses; numeric order for numbers. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final Comparator<Object> ORDER =
      (a, b) ->
          a instanceof String x
              ? Arrays.compareUnsigned(
                  x.getBytes(StandardCharsets.UTF_8), ((String) b).getBytes(StandardCharsets.UTF_8))
              : ((Comparable) a).compareTo(b);

  private static final List<String> COLUMNS = List.of("tag", "text", "sparse", "n", "d", "ts");

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(ints = {256 << 10, 1 << 20}) // one page per column chunk; two or more
  void minAndMaxAreEachRowGroupsOwnExtremes(int rowGroupBytes) throws Exception {
    // tag: few values (dictionary pages), with é above every ASCII letter in byte order;
    // text: unique values (plain pages); sparse: mostly one value or null, rare extremes;
    // n, d, ts: bigint, double and timestamp values of both signs, some null.
    List<String> tags = List.of("mango", "Zoë", "éclair", "apple", "zebra", "Apple", "m");
    Random random = new Random(42);
    int rows = 70_000;
    Map<String, List<Object>> expected = new HashMap<>();
    COLUMNS.forEach(c -> expected.put(c, new ArrayList<>()));
    StringBuilder ndjson = new StringBuilder();
    for (int i = 0; i < rows; i++) {
      String tag = tags.get(random.nextInt(i < 30_000 ? 3 : tags.size()));
      String text = Long.toString(random.nextLong() & Long.MAX_VALUE, 36) + "-" + i;
      String sparse = i % 9_999 == 0 ? "~" + i : i % 3 == 0 ? null : "middle";
      expected.get("tag").add(tag);
      expected.get("text").add(text);
      expected.get("sparse").add(sparse);
      Long n = i % 11 == 0 ? null : random.nextLong() >> random.nextInt(64);
      Double d = i % 13 == 0 ? null : (random.nextDouble() - 0.3) * Math.pow(10, random.nextInt(9));
      Instant ts =
          Instant.ofEpochSecond(1_700_000_000L + random.nextInt(), random.nextInt(1000) * 1000);
      expected.get("n").add(n);
      expected.get("d").add(d);
      expected.get("ts").add(ChronoUnit.MICROS.between(Instant.EPOCH, ts));
      ndjson
          .append("{\"tag\": \"")
          .append(tag)
          .append("\", \"text\": \"")
          .append(text)
          .append("\", \"sparse\": ")
          .append(sparse == null ? "null" : "\"" + sparse + "\"")
          .append(", \"n\": ")
          .append(n)
          .append(", \"d\": ")
          .append(d)
          .append(", \"ts\": \"")
          .append(ts)
          .append("\"}\n");
    }

    // Readers see each column chunk's statistics (parquet-mr keeps page statistics out of the
    // page headers): small row groups check them page by page, larger ones over several pages.
    DumpOutcome outcome =
        dump(
            pipeline(
                SourceFormat.NDJSON,
                null,
                new ParquetSpec(
                    Compression.SNAPPY, 128L << 20, rowGroupBytes, TimestampEncoding.INT64_MICROS),
                List.of()),
            dir.resolve("o"),
            write(dir, "in.ndjson", ndjson.toString()));

    assertThat(outcome.files()).hasSize(1);
    long row = 0;
    int groups = 0;
    try (ParquetFileReader reader =
        ParquetFileReader.open(new LocalInputFile(Path.of(outcome.files().get(0).localPath())))) {
      for (BlockMetaData block : reader.getFooter().getBlocks()) {
        for (ColumnChunkMetaData chunk : block.getColumns()) {
          String column = chunk.getPath().toDotString();
          assertExtremes(
              column + " in the row group from row " + row,
              chunk.getStatistics(),
              expected.get(column).subList((int) row, (int) (row + block.getRowCount())));
        }
        row += block.getRowCount();
        groups++;
      }
    }
    assertThat(row).isEqualTo(rows);
    assertThat(groups).as("row groups").isGreaterThan(1);
  }

  private static void assertExtremes(String where, Statistics<?> stats, List<Object> values) {
    List<Object> present = values.stream().filter(v -> v != null).toList();
    assertThat(stats.getNumNulls()).as(where + ": nulls").isEqualTo(values.size() - present.size());
    if (present.isEmpty()) {
      assertThat(stats.hasNonNullValue()).as(where).isFalse();
      return;
    }
    assertThat(plain(stats.genericGetMin()))
        .as(where + ": min")
        .isEqualTo(present.stream().min(ORDER).orElseThrow());
    assertThat(plain(stats.genericGetMax()))
        .as(where + ": max")
        .isEqualTo(present.stream().max(ORDER).orElseThrow());
  }

  private static Object plain(Object statistic) {
    return statistic instanceof Binary binary ? binary.toStringUsingUTF8() : statistic;
  }
}
