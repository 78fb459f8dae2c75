package io.spectrumflow.activities.dump;

import static io.spectrumflow.activities.dump.DumpTestSupport.BATCH;
import static io.spectrumflow.activities.dump.DumpTestSupport.avroRows;
import static io.spectrumflow.activities.dump.DumpTestSupport.column;
import static io.spectrumflow.activities.dump.DumpTestSupport.duckRows;
import static io.spectrumflow.activities.dump.DumpTestSupport.duckTypes;
import static io.spectrumflow.activities.dump.DumpTestSupport.dump;
import static io.spectrumflow.activities.dump.DumpTestSupport.micros;
import static io.spectrumflow.activities.dump.DumpTestSupport.pipeline;
import static io.spectrumflow.activities.dump.DumpTestSupport.row;
import static io.spectrumflow.activities.dump.DumpTestSupport.write;
import static io.spectrumflow.workflows.pipeline.ColumnType.BIGINT;
import static io.spectrumflow.workflows.pipeline.ColumnType.BOOLEAN;
import static io.spectrumflow.workflows.pipeline.ColumnType.DOUBLE;
import static io.spectrumflow.workflows.pipeline.ColumnType.STRING;
import static io.spectrumflow.workflows.pipeline.ColumnType.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.spectrumflow.workflows.export.PartFile;
import io.spectrumflow.workflows.pipeline.ColumnSpec;
import io.spectrumflow.workflows.pipeline.Compression;
import io.spectrumflow.workflows.pipeline.SourceFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input in, Parquet out, read back with parquet-avro and with DuckDB: the same rows and types. */
class ParquetDumperRoundTripTest {

  static final String TRICKY = "Zoë, \"quoted\"\nsecond line ✓";

  @TempDir Path dir;

  @Test
  void ndjsonRoundTripsWithInferredTypesAndPartitionsByField() throws Exception {
    Path input =
        write(
            dir,
            "events.ndjson",
            """
            {"id": 1, "Name": "Zo\\u00eb, \\"quoted\\"\\nsecond line ✓", "price": 1.5, "ok": true, \
            "ts": "2026-11-24T10:15:30Z", "tags": ["a", {"b": 1}], "note": null}

            {"id": 2, "Name": "plain", "price": 2, "ok": false, "ts": "2026-11-24 12:00:00.123456", \
            "tags": {"x": "y"}, "note": null}
            {"id": -3, "Name": "", "price": -3.25e2, "ok": null, "ts": "2026-11-25T01:30:00+02:00"}
            {"id": 4, "price": 0, "ts": "2026-11-25T00:00:00.000000001Z"}
            """);

    DumpOutcome outcome = dump(pipeline(SourceFormat.NDJSON, "ts"), dir.resolve("out"), input);

    List<ColumnSpec> expectedColumns =
        List.of(
            column("id", BIGINT),
            column("name", STRING),
            column("price", DOUBLE),
            column("ok", BOOLEAN),
            column("ts", TIMESTAMP),
            column("tags", STRING),
            column("note", STRING));
    assertThat(outcome.columns()).isEqualTo(expectedColumns);
    assertThat(outcome.rows()).isEqualTo(4);
    assertThat(outcome.files())
        .extracting(PartFile::partitionValue, PartFile::sequence, PartFile::rows)
        .containsExactly(tuple("2026-11-24", 0, 3L), tuple("2026-11-25", 0, 1L));
    assertThat(outcome.files().get(0).localPath())
        .isEqualTo(dir.resolve("out/2026-11-24/" + BATCH + "-00000.parquet").toString());
    assertThat(outcome.bytes())
        .isEqualTo(outcome.files().stream().mapToLong(PartFile::bytes).sum())
        .isPositive();

    List<Map<String, Object>> expected =
        List.of(
            row(
                "id",
                1L,
                "name",
                TRICKY,
                "price",
                1.5,
                "ok",
                true,
                "ts",
                micros("2026-11-24T10:15:30Z"),
                "tags",
                "[\"a\",{\"b\":1}]",
                "note",
                null),
            row(
                "id",
                2L,
                "name",
                "plain",
                "price",
                2.0,
                "ok",
                false,
                "ts",
                micros("2026-11-24T12:00:00.123456Z"),
                "tags",
                "{\"x\":\"y\"}",
                "note",
                null),
            row(
                "id",
                -3L,
                "name",
                "",
                "price",
                -325.0,
                "ok",
                null,
                "ts",
                micros("2026-11-24T23:30:00Z"),
                "tags",
                null,
                "note",
                null),
            row(
                "id",
                4L,
                "name",
                null,
                "price",
                0.0,
                "ok",
                null,
                "ts",
                micros("2026-11-25T00:00:00Z"),
                "tags",
                null,
                "note",
                null));
    assertThat(avroRows(outcome.files())).isEqualTo(expected);
    assertThat(duckRows(outcome.files(), outcome.columns())).isEqualTo(expected);
    assertThat(duckTypes(outcome.files().get(0)))
        .containsExactly(
            Map.entry("id", "BIGINT"),
            Map.entry("name", "VARCHAR"),
            Map.entry("price", "DOUBLE"),
            Map.entry("ok", "BOOLEAN"),
            Map.entry("ts", "TIMESTAMP WITH TIME ZONE"),
            Map.entry("tags", "VARCHAR"),
            Map.entry("note", "VARCHAR"));
  }

  @Test
  void jsonArrayAndNdjsonGiveTheSameTable() throws Exception {
    String[] records = {"{\"a\": 1, \"b\": \"x\"}", "{\"a\": 2.5}", "{\"b\": \"y\", \"c\": true}"};
    Path ndjson = write(dir, "in.ndjson", String.join("\n", records) + "\n");
    Path array = write(dir, "in.json", "\uFEFF [\n  " + String.join(",\n  ", records) + "\n]\n");

    DumpOutcome fromLines = dump(pipeline(SourceFormat.JSON, null), dir.resolve("a"), ndjson);
    DumpOutcome fromArray = dump(pipeline(SourceFormat.JSON, null), dir.resolve("b"), array);

    List<Map<String, Object>> expected =
        List.of(
            row("a", 1.0, "b", "x", "c", null),
            row("a", 2.5, "b", null, "c", null),
            row("a", null, "b", "y", "c", true));
    assertThat(fromArray.columns())
        .isEqualTo(fromLines.columns())
        .containsExactly(column("a", DOUBLE), column("b", STRING), column("c", BOOLEAN));
    assertThat(avroRows(fromLines.files())).isEqualTo(expected);
    assertThat(avroRows(fromArray.files())).isEqualTo(expected);
    assertThat(duckRows(fromArray.files(), fromArray.columns())).isEqualTo(expected);
  }

  @Test
  void csvWithMultiLineQuotedFieldsAndTypedText() throws Exception {
    Path input =
        write(
            dir,
            "in.csv",
            "\uFEFFid,Event Time,Amount,Comment,Flag,code,day\r\n"
                + "1,2026-11-24T10:15:30Z,12,\"Zoë, \"\"quoted\"\"\nsecond line ✓\",TRUE,007,"
                + "2026-11-24\r\n"
                + "\r\n"
                + "2,2026-11-24 11:00:00,1.5,plain,false,42,2026-11-25\r\n"
                + "3,2026-11-24T12:00:00.5+01:00,1e3,,true,,\r\n");

    DumpOutcome outcome = dump(pipeline(SourceFormat.CSV, "Event Time"), dir.resolve("o"), input);

    assertThat(outcome.columns())
        .containsExactly(
            column("id", BIGINT),
            column("event_time", TIMESTAMP),
            column("amount", DOUBLE),
            column("comment", STRING),
            column("flag", BOOLEAN),
            column("code", STRING),
            column("day", STRING));
    List<Map<String, Object>> expected =
        List.of(
            row(
                "id",
                1L,
                "event_time",
                micros("2026-11-24T10:15:30Z"),
                "amount",
                12.0,
                "comment",
                TRICKY,
                "flag",
                true,
                "code",
                "007",
                "day",
                "2026-11-24"),
            row(
                "id",
                2L,
                "event_time",
                micros("2026-11-24T11:00:00Z"),
                "amount",
                1.5,
                "comment",
                "plain",
                "flag",
                false,
                "code",
                "42",
                "day",
                "2026-11-25"),
            row(
                "id",
                3L,
                "event_time",
                micros("2026-11-24T11:00:00.5Z"),
                "amount",
                1000.0,
                "comment",
                null,
                "flag",
                true,
                "code",
                null,
                "day",
                null));
    assertThat(avroRows(outcome.files())).isEqualTo(expected);
    assertThat(duckRows(outcome.files(), outcome.columns())).isEqualTo(expected);
  }

  @Test
  void timestampsWithAndWithoutZoneAreTheSameInstants() throws Exception {
    Path input =
        write(
            dir,
            "in.ndjson",
            """
            {"ts": "2026-11-24T10:15:30Z"}
            {"ts": "2026-11-24T10:15:30"}
            {"ts": "2026-11-24 10:15:30.000"}
            {"ts": "2026-11-24t11:15:30+01:00"}
            {"ts": "2026-11-24T05:15:30-0500"}
            {"ts": "2026-11-24T10:15:30.123456789Z"}
            {"ts": "1969-12-31T23:59:59.9999995Z"}
            {"ts": "2026-11-24T10:15Z"}
            """);

    DumpOutcome outcome = dump(pipeline(SourceFormat.JSON, null), dir.resolve("o"), input);

    long instant = micros("2026-11-24T10:15:30Z");
    List<Object> expected =
        List.of(
            instant,
            instant,
            instant,
            instant,
            instant,
            instant + 123_456,
            -1L,
            micros("2026-11-24T10:15:00Z"));
    assertThat(avroRows(outcome.files())).extracting(r -> r.get("ts")).isEqualTo(expected);
    assertThat(duckRows(outcome.files(), outcome.columns()))
        .extracting(r -> r.get("ts"))
        .isEqualTo(expected);
    // DuckDB's own timestamp comparison agrees: five spellings of one instant.
    assertThat(
            DumpTestSupport.duck(
                "SELECT count(*) AS same FROM read_parquet('"
                    + outcome.files().get(0).localPath()
                    + "') WHERE ts = TIMESTAMPTZ '2026-11-24 10:15:30+00'"))
        .containsExactly(row("same", 5L));
  }

  @Test
  void timestampsAreInt64MicrosAdjustedToUtcInTheFooter() throws Exception {
    Path input = write(dir, "in.ndjson", "{\"ts\": \"2026-11-24T10:15:30Z\", \"n\": 1}\n");

    DumpOutcome outcome = dump(pipeline(SourceFormat.JSON, "ts"), dir.resolve("o"), input);

    try (ParquetFileReader reader =
        ParquetFileReader.open(new LocalInputFile(Path.of(outcome.files().get(0).localPath())))) {
      PrimitiveType ts =
          reader.getFooter().getFileMetaData().getSchema().getType("ts").asPrimitiveType();
      assertThat(ts.getPrimitiveTypeName()).isEqualTo(PrimitiveType.PrimitiveTypeName.INT64);
      assertThat(ts.getLogicalTypeAnnotation())
          .isInstanceOfSatisfying(
              TimestampLogicalTypeAnnotation.class,
              t -> {
                assertThat(t.isAdjustedToUTC()).isTrue();
                assertThat(t.getUnit()).isEqualTo(LogicalTypeAnnotation.TimeUnit.MICROS);
              });
      assertThat(ts.isRepetition(Type.Repetition.OPTIONAL)).isTrue();
    }
  }

  @Test
  void widensMixedColumnsToStringAsText() throws Exception {
    Path input =
        write(
            dir,
            "in.ndjson",
            """
            {"num_str": 1, "bool_num": true, "ts_str": "2026-11-24T10:15:30Z", "big": 1, "dbl": 1}
            {"num_str": "x", "bool_num": 2, "ts_str": "soon", "big": 99999999999999999999, "dbl": 2.5}
            {"num_str": 1.50, "bool_num": false, "ts_str": "2026-11-24", "big": -1, "dbl": 3}
            """);

    DumpOutcome outcome = dump(pipeline(SourceFormat.JSON, null), dir.resolve("o"), input);

    assertThat(outcome.columns())
        .containsExactly(
            column("num_str", STRING),
            column("bool_num", STRING),
            column("ts_str", STRING),
            column("big", STRING),
            column("dbl", DOUBLE));
    List<Map<String, Object>> expected =
        List.of(
            row(
                "num_str",
                "1",
                "bool_num",
                "true",
                "ts_str",
                "2026-11-24T10:15:30Z",
                "big",
                "1",
                "dbl",
                1.0),
            row(
                "num_str",
                "x",
                "bool_num",
                "2",
                "ts_str",
                "soon",
                "big",
                "99999999999999999999",
                "dbl",
                2.5),
            row(
                "num_str",
                "1.50",
                "bool_num",
                "false",
                "ts_str",
                "2026-11-24",
                "big",
                "-1",
                "dbl",
                3.0));
    assertThat(avroRows(outcome.files())).isEqualTo(expected);
    assertThat(duckRows(outcome.files(), outcome.columns())).isEqualTo(expected);
  }

  @Test
  void sanitizesNamesAndResolvesClashesWhateverTheOrderOfFields() throws Exception {
    String longName = "Long".repeat(50);
    Path input =
        write(
            dir,
            "in.ndjson",
            "{\"Event Time\": 1, \"event_time\": 2, \"1st\": 3, \"\": 4, \"date\": 5, \"Zoë\": 6, \""
                + longName
                + "\": 7}\n{\"event-time\": 8}\n");

    DumpOutcome outcome = dump(pipeline(SourceFormat.JSON, null), dir.resolve("o"), input);

    String truncated = longName.toLowerCase(Locale.ROOT).substring(0, 127);
    assertThat(outcome.columns())
        .extracting(ColumnSpec::name)
        .containsExactly(
            // "event_time" is legal and keeps its name; "Event Time" < "event-time" in string order
            "event_time_2",
            "event_time",
            "_1st",
            "col_4",
            "date_2",
            "zo_",
            truncated,
            "event_time_3");
    assertThat(duckRows(outcome.files(), outcome.columns()))
        .containsExactly(
            row(
                "event_time_2",
                1L,
                "event_time",
                2L,
                "_1st",
                3L,
                "col_4",
                4L,
                "date_2",
                5L,
                "zo_",
                6L,
                truncated,
                7L,
                "event_time_3",
                null),
            row(
                "event_time_2",
                null,
                "event_time",
                null,
                "_1st",
                null,
                "col_4",
                null,
                "date_2",
                null,
                "zo_",
                null,
                truncated,
                null,
                "event_time_3",
                8L));
  }

  @Test
  void givenSchemaTypesValuesAndIgnoresOtherFields() throws Exception {
    Path input =
        write(
            dir,
            "in.ndjson",
            """
            {"id": "5", "Event Time": "2026-11-24T10:15:30+01:00", "amount": 3, "flag": "TRUE", "x": 1}
            {"id": 6, "Event Time": "2026-11-25", "amount": "2.5", "flag": false, "y": [1]}
            """);
    List<ColumnSpec> schema =
        List.of(
            column("id", BIGINT),
            column("event_time", TIMESTAMP),
            column("amount", DOUBLE),
            column("flag", BOOLEAN),
            column("missing", STRING));

    DumpOutcome outcome =
        dump(
            pipeline(SourceFormat.JSON, "Event Time", Compression.SNAPPY, 1 << 20, schema),
            dir.resolve("o"),
            input);

    assertThat(outcome.columns()).isEqualTo(schema);
    List<Map<String, Object>> expected =
        List.of(
            row(
                "id",
                5L,
                "event_time",
                micros("2026-11-24T09:15:30Z"),
                "amount",
                3.0,
                "flag",
                true,
                "missing",
                null),
            row(
                "id",
                6L,
                "event_time",
                micros("2026-11-25T00:00:00Z"),
                "amount",
                2.5,
                "flag",
                false,
                "missing",
                null));
    assertThat(avroRows(outcome.files())).isEqualTo(expected);
    assertThat(duckRows(outcome.files(), outcome.columns())).isEqualTo(expected);
    assertThat(outcome.files())
        .extracting(PartFile::partitionValue)
        .containsExactly("2026-11-24", "2026-11-25");
  }

  @Test
  void aGivenColumnReadsTheFieldItNames() throws Exception {
    Path input =
        write(
            dir,
            "in.ndjson",
            """
            {"id": 1, "date": "kept", "Name": "upper", "name": "lower"}
            {"name": "lower only", "id": 2}
            """);
    List<ColumnSpec> schema =
        List.of(
            column("id", BIGINT),
            new ColumnSpec("date_2", STRING, "date"),
            new ColumnSpec("name", STRING, "Name"),
            new ColumnSpec("name_lower", STRING, "name"));

    DumpOutcome outcome =
        dump(
            pipeline(SourceFormat.NDJSON, null, Compression.SNAPPY, 1 << 20, schema),
            dir.resolve("o"),
            input);

    List<Map<String, Object>> expected =
        List.of(
            row("id", 1L, "date_2", "kept", "name", "upper", "name_lower", "lower"),
            row("id", 2L, "date_2", null, "name", null, "name_lower", "lower only"));
    assertThat(avroRows(outcome.files())).isEqualTo(expected);
    assertThat(duckRows(outcome.files(), outcome.columns())).isEqualTo(expected);
    assertThatThrownBy(
            () ->
                new ParquetDumper(
                    pipeline(
                        SourceFormat.NDJSON,
                        null,
                        Compression.SNAPPY,
                        1 << 20,
                        List.of(
                            new ColumnSpec("a", STRING, "x"), new ColumnSpec("b", STRING, "x")))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reads field \"x\" into two columns");
  }

  @Test
  void nestedValuesBecomeCompactJsonTextWithNumbersAsWritten() throws Exception {
    Path input =
        write(
            dir,
            "in.json",
            """
            [
              {"n": {"p": 1.50, "q": 1e400, "big": 123456789012345678901234567890,
                     "list": [ true, null, "Zoë ✓", {"deep": [[]]} ]}},
              {"n": []},
              {"n": {}}
            ]
            """);

    DumpOutcome outcome = dump(pipeline(SourceFormat.JSON, null), dir.resolve("o"), input);

    assertThat(outcome.columns()).containsExactly(column("n", STRING));
    assertThat(avroRows(outcome.files()))
        .extracting(r -> r.get("n"))
        .containsExactly(
            "{\"p\":1.50,\"q\":1e400,\"big\":123456789012345678901234567890,"
                + "\"list\":[true,null,\"Zoë ✓\",{\"deep\":[[]]}]}",
            "[]",
            "{}");
  }

  @Test
  void keepsNulCharactersInsideStrings() throws Exception {
    Path json = write(dir, "in.ndjson", "{\"s\": \"a\\u0000b\"}\n");
    Path csv = write(dir, "in.csv", "s\na\0b\n");

    DumpOutcome fromJson = dump(pipeline(SourceFormat.JSON, null), dir.resolve("j"), json);
    DumpOutcome fromCsv = dump(pipeline(SourceFormat.CSV, null), dir.resolve("c"), csv);

    assertThat(avroRows(fromJson.files())).containsExactly(row("s", "a\0b"));
    assertThat(avroRows(fromCsv.files())).containsExactly(row("s", "a\0b"));
    assertThat(duckRows(fromCsv.files(), fromCsv.columns())).containsExactly(row("s", "a\0b"));
  }

  @Test
  void readsSeveralInputsInOrder() throws Exception {
    Path first = write(dir, "1.ndjson", "{\"n\": 1}\n{\"n\": 2}\n");
    Path empty = write(dir, "2.ndjson", "\n");
    Path last = write(dir, "3.ndjson", "[{\"n\": 3}]");

    DumpOutcome outcome =
        dump(pipeline(SourceFormat.JSON, null), dir.resolve("o"), first, empty, last);

    assertThat(avroRows(outcome.files())).extracting(r -> r.get("n")).containsExactly(1L, 2L, 3L);
  }
}
