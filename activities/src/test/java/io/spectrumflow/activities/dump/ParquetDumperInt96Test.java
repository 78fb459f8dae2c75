package io.spectrumflow.activities.dump;

import static io.spectrumflow.activities.dump.DumpTestSupport.avroRows;
import static io.spectrumflow.activities.dump.DumpTestSupport.column;
import static io.spectrumflow.activities.dump.DumpTestSupport.duck;
import static io.spectrumflow.activities.dump.DumpTestSupport.duckRows;
import static io.spectrumflow.activities.dump.DumpTestSupport.duckTypes;
import static io.spectrumflow.activities.dump.DumpTestSupport.dump;
import static io.spectrumflow.activities.dump.DumpTestSupport.micros;
import static io.spectrumflow.activities.dump.DumpTestSupport.pipeline;
import static io.spectrumflow.activities.dump.DumpTestSupport.row;
import static io.spectrumflow.activities.dump.DumpTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.spectrumflow.workflows.export.PartFile;
import io.spectrumflow.workflows.pipeline.ColumnSpec;
import io.spectrumflow.workflows.pipeline.ColumnType;
import io.spectrumflow.workflows.pipeline.Compression;
import io.spectrumflow.workflows.pipeline.ParquetSpec;
import io.spectrumflow.workflows.pipeline.SourceFormat;
import io.spectrumflow.workflows.pipeline.TimestampEncoding;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.JulianFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.generic.GenericFixed;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Timestamps as INT96: the same instants as INT64 through DuckDB, and the bytes as specified. */
class ParquetDumperInt96Test {

  /** Before and after 1970, with microsecond fractions, at day boundaries, far years. */
  static final List<String> INSTANTS =
      List.of(
          "2026-11-24T10:15:30.123456Z",
          "1970-01-01T00:00:00Z",
          "1969-12-31T23:59:59.999999Z",
          "1969-12-31T00:00:00.000001Z",
          "1900-02-28T12:34:56.5Z",
          "1582-10-04T23:59:59.000999Z",
          "0001-01-01T00:00:00Z",
          "2262-04-12T00:00:00.000001Z",
          "9999-12-31T23:59:59.999999Z");

  @TempDir Path dir;

  private Path input() throws Exception {
    StringBuilder ndjson = new StringBuilder();
    for (int i = 0; i < INSTANTS.size(); i++) {
      ndjson
          .append("{\"n\": ")
          .append(i)
          .append(", \"ts\": \"")
          .append(INSTANTS.get(i))
          .append("\"}\n");
    }
    ndjson.append("{\"n\": ").append(INSTANTS.size()).append(", \"ts\": null}\n");
    return write(dir, "in.ndjson", ndjson.toString());
  }

  @ParameterizedTest
  @EnumSource(TimestampEncoding.class)
  void duckDbReadsTheSameInstantsForBothEncodings(TimestampEncoding encoding) throws Exception {
    DumpOutcome outcome =
        dump(pipeline(SourceFormat.JSON, null, encoding), dir.resolve("o"), input());

    assertThat(outcome.columns())
        .containsExactly(column("n", ColumnType.BIGINT), column("ts", ColumnType.TIMESTAMP));
    List<Object> expected = new ArrayList<>();
    INSTANTS.forEach(instant -> expected.add(micros(instant)));
    expected.add(null);
    assertThat(duckRows(outcome.files(), outcome.columns()))
        .extracting(r -> r.get("ts"))
        .isEqualTo(expected);
    assertThat(duckTypes(outcome.files().get(0)).get("ts"))
        .isEqualTo(encoding == TimestampEncoding.INT96 ? "TIMESTAMP" : "TIMESTAMP WITH TIME ZONE");
    // DuckDB's own timestamp comparison agrees, not only its epoch conversion.
    String literal =
        encoding == TimestampEncoding.INT96
            ? "TIMESTAMP '1969-12-31 23:59:59.999999'"
            : "TIMESTAMPTZ '1969-12-31 23:59:59.999999+00'";
    assertThat(
            duck(
                "SELECT n FROM read_parquet('"
                    + outcome.files().get(0).localPath()
                    + "') WHERE ts = "
                    + literal))
        .containsExactly(row("n", 2L));
  }

  @Test
  void int96IsTwelveBytesOfNanosOfDayThenJulianDayLittleEndian() throws Exception {
    DumpOutcome outcome =
        dump(pipeline(SourceFormat.JSON, null, TimestampEncoding.INT96), dir.resolve("o"), input());

    PartFile file = outcome.files().get(0);
    try (ParquetFileReader reader =
        ParquetFileReader.open(new LocalInputFile(Path.of(file.localPath())))) {
      PrimitiveType ts =
          reader.getFooter().getFileMetaData().getSchema().getType("ts").asPrimitiveType();
      assertThat(ts.getPrimitiveTypeName()).isEqualTo(PrimitiveType.PrimitiveTypeName.INT96);
      assertThat(ts.getLogicalTypeAnnotation()).isNull();
      assertThat(ts.isRepetition(Type.Repetition.OPTIONAL)).isTrue();
    }
    List<Map<String, Object>> rows = avroRows(outcome.files());
    for (int i = 0; i < INSTANTS.size(); i++) {
      LocalDateTime utc = LocalDateTime.ofInstant(Instant.parse(INSTANTS.get(i)), ZoneOffset.UTC);
      ByteBuffer bytes =
          ByteBuffer.wrap(((GenericFixed) rows.get(i).get("ts")).bytes())
              .order(ByteOrder.LITTLE_ENDIAN);
      assertThat(bytes.remaining()).as(INSTANTS.get(i)).isEqualTo(12);
      assertThat(bytes.getLong(0)).as(INSTANTS.get(i)).isEqualTo(utc.toLocalTime().toNanoOfDay());
      assertThat((long) bytes.getInt(8))
          .as(INSTANTS.get(i))
          .isEqualTo(utc.toLocalDate().getLong(JulianFields.JULIAN_DAY));
    }
    assertThat(rows.get(INSTANTS.size()).get("ts")).isNull();
  }

  @Test
  void manyDistinctAndRepeatedValuesSurviveTheReusedBuffer() throws Exception {
    // Enough distinct values to overflow the dictionary (1 MB of 12-byte values) and fall back to
    // plain encoding, with repeats for the dictionary before that: every value must still be its
    // own, though one 12-byte buffer is refilled for each row.
    int records = 200_000;
    long start = micros("2026-01-01T00:00:00Z");
    StringBuilder ndjson = new StringBuilder();
    BigInteger expectedSum = BigInteger.ZERO;
    for (int i = 0; i < records; i++) {
      long value = start + (i % 3 == 0 ? i % 97 : i) * 1_000_003L;
      expectedSum = expectedSum.add(BigInteger.valueOf(value));
      ndjson
          .append("{\"ts\": \"")
          .append(Instant.ofEpochSecond(value / 1_000_000, value % 1_000_000 * 1000))
          .append("\"}\n");
    }
    Path input = write(dir, "many.ndjson", ndjson.toString());
    ParquetSpec int96 =
        new ParquetSpec(Compression.SNAPPY, 128L << 20, 8L << 20, TimestampEncoding.INT96);

    DumpOutcome outcome =
        dump(pipeline(SourceFormat.JSON, null, int96, List.of()), dir.resolve("o"), input);

    assertThat(
            duck(
                "SELECT count(*) AS n, sum(epoch_us(ts)) AS total FROM read_parquet('"
                    + outcome.files().get(0).localPath()
                    + "')"))
        .containsExactly(row("n", (long) records, "total", expectedSum));
    // Both paths were taken: dictionary pages first, plain pages after the fallback.
    try (ParquetFileReader reader =
        ParquetFileReader.open(new LocalInputFile(Path.of(outcome.files().get(0).localPath())))) {
      Set<Encoding> encodings =
          reader.getFooter().getBlocks().get(0).getColumns().get(0).getEncodings();
      assertThat(encodings).contains(Encoding.PLAIN).anyMatch(Encoding::usesDictionary);
    }
  }

  @Test
  void aGivenSchemaTakesDatesAsMidnightInInt96Too() throws Exception {
    Path input =
        write(dir, "in.ndjson", "{\"day\": \"1950-06-01\"}\n{\"day\": \"2026-11-24T01:02:03Z\"}\n");
    ParquetSpec int96 =
        new ParquetSpec(Compression.SNAPPY, 1 << 20, 1 << 20, TimestampEncoding.INT96);
    List<ColumnSpec> schema = List.of(column("day", ColumnType.TIMESTAMP));

    DumpOutcome outcome =
        dump(pipeline(SourceFormat.JSON, null, int96, schema), dir.resolve("o"), input);

    assertThat(duckRows(outcome.files(), outcome.columns()))
        .extracting(r -> r.get("day"))
        .containsExactly(micros("1950-06-01T00:00:00Z"), micros("2026-11-24T01:02:03Z"));
  }
}
