package io.spectrumflow.activities.dump;

import static io.spectrumflow.activities.dump.DumpTestSupport.BATCH;
import static io.spectrumflow.activities.dump.DumpTestSupport.BATCH_TIME;
import static io.spectrumflow.activities.dump.DumpTestSupport.column;
import static io.spectrumflow.activities.dump.DumpTestSupport.duckRows;
import static io.spectrumflow.activities.dump.DumpTestSupport.duckTypes;
import static io.spectrumflow.activities.dump.DumpTestSupport.dump;
import static io.spectrumflow.activities.dump.DumpTestSupport.micros;
import static io.spectrumflow.activities.dump.DumpTestSupport.pipeline;
import static io.spectrumflow.activities.dump.DumpTestSupport.row;
import static io.spectrumflow.activities.dump.DumpTestSupport.table;
import static io.spectrumflow.activities.dump.DumpTestSupport.write;
import static io.spectrumflow.workflows.pipeline.ColumnType.BIGINT;
import static io.spectrumflow.workflows.pipeline.ColumnType.BOOLEAN;
import static io.spectrumflow.workflows.pipeline.ColumnType.DOUBLE;
import static io.spectrumflow.workflows.pipeline.ColumnType.STRING;
import static io.spectrumflow.workflows.pipeline.ColumnType.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.spectrumflow.workflows.export.PartFile;
import io.spectrumflow.workflows.pipeline.ColumnSpec;
import io.spectrumflow.workflows.pipeline.Compression;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.spectrumflow.workflows.pipeline.SourceFormat;
import io.spectrumflow.workflows.pipeline.TimestampEncoding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Batch columns are written in types the existing table takes, or the dump fails before writing.
 */
class ParquetDumperTableTypingTest {

  @TempDir Path dir;

  private DumpOutcome dumpJson(List<TableColumn> table, String ndjson) throws Exception {
    return dump(
        pipeline(SourceFormat.JSON, null),
        dir.resolve("o"),
        table,
        write(dir, "in.ndjson", ndjson));
  }

  @Test
  void sameTypesAreWrittenUnchanged() throws Exception {
    DumpOutcome outcome =
        dumpJson(
            List.of(
                table("id", "bigint"),
                table("price", "double"),
                table("name", "string"),
                table("ok", "boolean"),
                table("ts", "timestamp")),
            "{\"id\": 1, \"price\": 1.5, \"name\": \"x\", \"ok\": true, \"ts\": \"2026-11-24T10:00:00Z\"}\n");

    assertThat(outcome.columns())
        .containsExactly(
            column("id", BIGINT),
            column("price", DOUBLE),
            column("name", STRING),
            column("ok", BOOLEAN),
            column("ts", TIMESTAMP));
    assertThat(duckTypes(outcome.files().get(0)))
        .containsExactly(
            Map.entry("id", "BIGINT"),
            Map.entry("price", "DOUBLE"),
            Map.entry("name", "VARCHAR"),
            Map.entry("ok", "BOOLEAN"),
            Map.entry("ts", "TIMESTAMP WITH TIME ZONE"));
  }

  @Test
  void anAllNullColumnTakesTheTablesTypeOrIsLeftOutWhenThatTypeIsNotWritten() throws Exception {
    DumpOutcome outcome =
        dumpJson(
            List.of(
                table("n", "bigint"),
                table("t", "timestamp"),
                table("s", "varchar(10)"),
                table("b", "boolean"),
                table("d", "double"),
                table("i", "int"),
                table("f", "float"),
                table("dec", "decimal(10,2)"),
                table("day", "date"),
                table("tags", "array<string>")),
            """
            {"id": 1, "n": null, "t": null, "s": null, "b": null, "d": null, "i": null, \
            "f": null, "dec": null, "day": null, "tags": null, "extra": null}
            {"id": 2}
            """);

    // Without a table, every one of them would be STRING.
    List<ColumnSpec> expected =
        List.of(
            column("id", BIGINT),
            column("n", BIGINT),
            column("t", TIMESTAMP),
            column("s", STRING),
            column("b", BOOLEAN),
            column("d", DOUBLE),
            column("extra", STRING));
    assertThat(outcome.columns()).isEqualTo(expected);
    assertThat(duckTypes(outcome.files().get(0)))
        .containsExactly(
            Map.entry("id", "BIGINT"),
            Map.entry("n", "BIGINT"),
            Map.entry("t", "TIMESTAMP WITH TIME ZONE"),
            Map.entry("s", "VARCHAR"),
            Map.entry("b", "BOOLEAN"),
            Map.entry("d", "DOUBLE"),
            Map.entry("extra", "VARCHAR"));
    assertThat(duckRows(outcome.files(), expected))
        .containsExactly(
            row("id", 1L, "n", null, "t", null, "s", null, "b", null, "d", null, "extra", null),
            row("id", 2L, "n", null, "t", null, "s", null, "b", null, "d", null, "extra", null));
  }

  @Test
  void bigintIsWrittenAsDoubleForADoubleOrFloatTableColumn() throws Exception {
    List<TableColumn> table = List.of(table("a", "double"), table("b", "float"));
    DumpOutcome fromJson = dumpJson(table, "{\"a\": 1, \"b\": -2}\n{\"a\": 3, \"b\": null}\n");
    DumpOutcome fromCsv =
        dump(
            pipeline(SourceFormat.CSV, null),
            dir.resolve("c"),
            table,
            write(dir, "in.csv", "a,b\n1,-2\n3,\n"));

    for (DumpOutcome outcome : List.of(fromJson, fromCsv)) {
      assertThat(outcome.columns()).containsExactly(column("a", DOUBLE), column("b", DOUBLE));
      assertThat(duckTypes(outcome.files().get(0)))
          .containsExactly(Map.entry("a", "DOUBLE"), Map.entry("b", "DOUBLE"));
      assertThat(duckRows(outcome.files(), outcome.columns()))
          .containsExactly(row("a", 1.0, "b", -2.0), row("a", 3.0, "b", null));
    }
  }

  @Test
  void integerTableColumnsAreWidenedToBigintOrDouble() throws Exception {
    DumpOutcome outcome =
        dumpJson(
            List.of(
                table("i", "int"),
                table("s", "smallint"),
                table("t", "TINYINT"),
                table("w", "integer"),
                table("x", "bigint")),
            """
            {"i": 1, "s": 5000000000, "t": -1, "w": 1.5, "x": 2}
            {"i": 2, "s": 1, "t": 0, "w": 2, "x": 2.5}
            """);

    assertThat(outcome.columns())
        .containsExactly(
            column("i", BIGINT),
            column("s", BIGINT),
            column("t", BIGINT),
            column("w", DOUBLE),
            column("x", DOUBLE));
    assertThat(duckTypes(outcome.files().get(0)))
        .containsExactly(
            Map.entry("i", "BIGINT"),
            Map.entry("s", "BIGINT"),
            Map.entry("t", "BIGINT"),
            Map.entry("w", "DOUBLE"),
            Map.entry("x", "DOUBLE"));
    assertThat(duckRows(outcome.files(), outcome.columns()))
        .containsExactly(
            row("i", 1L, "s", 5_000_000_000L, "t", -1L, "w", 1.5, "x", 2.0),
            row("i", 2L, "s", 1L, "t", 0L, "w", 2.0, "x", 2.5));
  }

  @Test
  void aStringTableColumnTakesAnyValueAsItsText() throws Exception {
    DumpOutcome outcome =
        dumpJson(
            List.of(
                table("a", "string"),
                table("b", "VARCHAR(20)"),
                table("c", "char(5)"),
                table("d", "string"),
                table("e", "string"),
                table("f", "string")),
            """
            {"a": 1, "b": 1.50, "c": true, "d": "2026-11-24T10:00:00Z", "e": {"k": [1]}, "f": "x"}
            {"a": 2, "b": -3, "c": false, "d": "2026-11-24 11:00", "e": null, "f": null}
            """);

    assertThat(outcome.columns()).extracting(ColumnSpec::type).containsOnly(STRING).hasSize(6);
    assertThat(duckRows(outcome.files(), outcome.columns()))
        .containsExactly(
            row(
                "a",
                "1",
                "b",
                "1.50",
                "c",
                "true",
                "d",
                "2026-11-24T10:00:00Z",
                "e",
                "{\"k\":[1]}",
                "f",
                "x"),
            row("a", "2", "b", "-3", "c", "false", "d", "2026-11-24 11:00", "e", null, "f", null));
  }

  @Test
  void newColumnsKeepTheirTypeAndTableColumnsMissingFromTheBatchAreAbsent() throws Exception {
    DumpOutcome outcome =
        dumpJson(
            List.of(table("Event_Time", "double"), table("gone", "bigint")),
            "{\"Event Time\": 1, \"new\": true, \"when\": \"2026-11-24T10:00:00Z\"}\n");

    assertThat(outcome.columns())
        .containsExactly(
            column("event_time", DOUBLE), column("new", BOOLEAN), column("when", TIMESTAMP));
    assertThat(duckTypes(outcome.files().get(0)))
        .containsExactly(
            Map.entry("event_time", "DOUBLE"),
            Map.entry("new", "BOOLEAN"),
            Map.entry("when", "TIMESTAMP WITH TIME ZONE"));
    assertThat(duckRows(outcome.files(), outcome.columns()))
        .containsExactly(
            row("event_time", 1.0, "new", true, "when", micros("2026-11-24T10:00:00Z")));
  }

  static Stream<Arguments> conflicts() {
    return Stream.of(
        Arguments.of("bigint", "{\"c\": 1}\n{\"c\": \"abc\"}\n", "string", "the string \"abc\"", 2),
        Arguments.of("bigint", "{\"c\": true}\n", "boolean", "the boolean true", 1),
        Arguments.of(
            "bigint",
            "{\"c\": \"2026-11-24T10:00:00Z\"}\n",
            "timestamp",
            "the string \"2026-11-24T10:00:00Z\"",
            1),
        // a mix: the value shown is the one the table does not take, not the first one
        Arguments.of(
            "bigint",
            "{\"c\": 1}\n{\"c\": 2.5}\n{\"c\": true}\n{\"c\": 3}\n",
            "string",
            "the boolean true",
            3),
        Arguments.of(
            "timestamp",
            "{\"c\": \"2026-11-24T10:00:00Z\"}\n{\"c\": \"2026-11-24\"}\n",
            "string",
            "the string \"2026-11-24\"",
            2),
        Arguments.of("boolean", "{\"c\": 1}\n", "bigint", "the number 1", 1),
        Arguments.of("double", "{\"c\": \"1.5\"}\n", "string", "the string \"1.5\"", 1),
        Arguments.of("int", "{\"c\": false}\n", "boolean", "the boolean false", 1),
        Arguments.of(
            "decimal(10,2)", "{\"c\": null}\n{\"c\": 1.5}\n", "double", "the number 1.5", 2),
        Arguments.of("date", "{\"c\": \"2026-11-24\"}\n", "string", "the string \"2026-11-24\"", 1),
        Arguments.of(
            "array<string>", "{\"c\": [\"a\"]}\n", "string", "the array \"[\\\"a\\\"]\"", 1));
  }

  @ParameterizedTest
  @MethodSource("conflicts")
  void anIncompatibleColumnFailsBeforeAnyFileIsWritten(
      String tableType, String ndjson, String batchType, String example, int record)
      throws Exception {
    Path out = dir.resolve("o");
    Path stale = out.resolve("2026-11-24/" + BATCH + "-00000.parquet");
    Files.createDirectories(stale.getParent());
    Files.writeString(stale, "from an earlier attempt");
    Path input = write(dir, "in.ndjson", "{\"id\": 1}\n" + ndjson);

    BadInputException e =
        catchThrowableOfType(
            BadInputException.class,
            () ->
                dump(
                    pipeline(SourceFormat.JSON, null),
                    out,
                    List.of(table("id", "bigint"), table("c", tableType)),
                    input));

    assertThat(e).isNotNull();
    assertThat(e.record()).isEqualTo(record + 1);
    assertThat(e.line()).isEqualTo(record + 1);
    assertThat(e.column()).isEqualTo("c");
    assertThat(e.getMessage())
        .startsWith(
            "Record "
                + (record + 1)
                + " (line "
                + (record + 1)
                + " of in.ndjson), field \"c\": the existing table has column c as "
                + tableType)
        .contains(", but this batch's values make it " + batchType + ", e.g. " + example + " here.")
        .contains("the table keeps its type.");
    try (Stream<Path> files = Files.walk(out)) {
      assertThat(files.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void aConflictMessageSaysWhatToDo() throws Exception {
    BadInputException bigint =
        catchThrowableOfType(
            BadInputException.class,
            () ->
                dump(
                    pipeline(SourceFormat.CSV, null),
                    dir.resolve("o"),
                    List.of(table("amount", "bigint")),
                    write(dir, "in.csv", "Amount\n1\nabc\n")));
    BadInputException decimal =
        catchThrowableOfType(
            BadInputException.class,
            () -> dumpJson(List.of(table("price", "decimal(10,2)")), "{\"price\": 1.25}\n"));

    assertThat(bigint.getMessage())
        .isEqualTo(
            "Record 2 (line 3 of in.csv), field \"Amount\" (column amount): the existing table has"
                + " column amount as bigint, but this batch's values make it string, e.g. the"
                + " value \"abc\" here. Fix the records so that amount holds bigint values, or"
                + " declare the column as string in a new table; the table keeps its type.");
    assertThat(decimal.getMessage())
        .isEqualTo(
            "Record 1 (line 1 of in.ndjson), field \"price\": the existing table has column price"
                + " as decimal(10,2) (a type the dump cannot write), but this batch's values make"
                + " it double, e.g. the number 1.25 here. Leave the field out of the records (or"
                + " null), or declare the column in a new table; the table keeps its type.");
  }

  @Test
  void aGivenSchemaIsTypedAgainstTheTableTheSameWay() throws Exception {
    List<ColumnSpec> schema =
        List.of(
            column("id", BIGINT),
            column("amount", BIGINT),
            column("note", BIGINT),
            column("ts", TIMESTAMP));
    PipelineSpec given = pipeline(SourceFormat.JSON, null, Compression.SNAPPY, 1 << 20, schema);
    Path input =
        write(
            dir,
            "in.ndjson",
            "{\"id\": 1, \"amount\": 2, \"note\": 3, \"ts\": \"2026-11-24T10:00:00Z\"}\n");

    DumpOutcome outcome =
        dump(
            given,
            dir.resolve("o"),
            List.of(
                table("id", "int"),
                table("amount", "double"),
                table("note", "varchar(5)"),
                table("ts", "timestamp")),
            input);

    assertThat(outcome.columns())
        .containsExactly(
            column("id", BIGINT),
            column("amount", DOUBLE),
            column("note", STRING),
            column("ts", TIMESTAMP));
    assertThat(duckRows(outcome.files(), outcome.columns()))
        .containsExactly(
            row("id", 1L, "amount", 2.0, "note", "3", "ts", micros("2026-11-24T10:00:00Z")));
  }

  @Test
  void aGivenSchemaThatConflictsWithTheTableFailsBeforeReadingTheInput() throws Exception {
    PipelineSpec given =
        pipeline(
            SourceFormat.JSON,
            null,
            Compression.SNAPPY,
            1 << 20,
            List.of(column("id", TIMESTAMP), column("x", STRING)));
    Path out = dir.resolve("o");
    // Malformed: reading it would fail differently.
    Path input = write(dir, "in.ndjson", "{not json\n");

    BadInputException e =
        catchThrowableOfType(
            BadInputException.class, () -> dump(given, out, List.of(table("id", "bigint")), input));

    assertThat(e.record()).isZero();
    assertThat(e.column()).isEqualTo("id");
    assertThat(e.getMessage())
        .isEqualTo(
            "Bad input, field \"id\": the pipeline's schema declares column id as timestamp but"
                + " the existing table has it as bigint. Change the column's type in the"
                + " pipeline's schema to one the table takes, or declare the column as string in"
                + " a new table; the table keeps its type.");
    try (Stream<Path> files = Files.walk(out)) {
      assertThat(files.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void int96TimestampsAndTableTypingTogether() throws Exception {
    Path input =
        write(
            dir,
            "in.ndjson",
            """
            {"ts": "1969-07-20T20:17:40.123456Z", "n": 1, "later": null}
            {"ts": "2026-11-24T10:00:00Z", "n": 2, "later": null}
            """);

    DumpOutcome outcome =
        dump(
            pipeline(SourceFormat.JSON, null, TimestampEncoding.INT96),
            dir.resolve("o"),
            List.of(table("ts", "timestamp"), table("n", "double"), table("later", "timestamp")),
            input);

    assertThat(outcome.columns())
        .containsExactly(column("ts", TIMESTAMP), column("n", DOUBLE), column("later", TIMESTAMP));
    PartFile file = outcome.files().get(0);
    try (ParquetFileReader reader =
        ParquetFileReader.open(new LocalInputFile(Path.of(file.localPath())))) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      assertThat(schema.getType("ts").asPrimitiveType().getPrimitiveTypeName())
          .isEqualTo(PrimitiveTypeName.INT96);
      assertThat(schema.getType("later").asPrimitiveType().getPrimitiveTypeName())
          .isEqualTo(PrimitiveTypeName.INT96);
      assertThat(schema.getType("n").asPrimitiveType().getPrimitiveTypeName())
          .isEqualTo(PrimitiveTypeName.DOUBLE);
    }
    assertThat(duckTypes(file))
        .containsExactly(
            Map.entry("ts", "TIMESTAMP"),
            Map.entry("n", "DOUBLE"),
            Map.entry("later", "TIMESTAMP"));
    assertThat(duckRows(outcome.files(), outcome.columns()))
        .containsExactly(
            row("ts", micros("1969-07-20T20:17:40.123456Z"), "n", 1.0, "later", null),
            row("ts", micros("2026-11-24T10:00:00Z"), "n", 2.0, "later", null));
  }

  @Test
  void typedColumnsKeepGroupingDeterminismAndProgress() throws Exception {
    // 12 partitions (more than the 8 open files), 1000 records each, interleaved.
    StringBuilder ndjson = new StringBuilder();
    for (int n = 0; n < 1000; n++) {
      for (int day = 0; day < 12; day++) {
        ndjson
            .append("{\"ts\": \"")
            .append(LocalDate.of(2026, 1, 1).plusDays(day))
            .append("T10:00:00Z\", \"v\": ")
            .append(n)
            .append(", \"gone\": null}\n");
      }
    }
    Path input = write(dir, "in.ndjson", ndjson.toString());
    List<TableColumn> table = List.of(table("v", "double"), table("gone", "int"));
    ParquetDumper dumper = new ParquetDumper(pipeline(SourceFormat.JSON, "ts"));
    List<Long> reported = new ArrayList<>();

    DumpOutcome first =
        dumper.dump(List.of(input), dir.resolve("a"), BATCH, BATCH_TIME, table, reported::add);
    DumpOutcome second =
        dumper.dump(List.of(input), dir.resolve("b"), BATCH, BATCH_TIME, table, rows -> {});

    assertThat(first.columns()).containsExactly(column("ts", TIMESTAMP), column("v", DOUBLE));
    assertThat(first.files()).hasSize(12).allMatch(f -> f.rows() == 1000 && f.sequence() == 0);
    assertThat(reported).containsExactly(0L, 10_000L, 12_000L);
    for (int i = 0; i < first.files().size(); i++) {
      Path a = Path.of(first.files().get(i).localPath());
      Path b = Path.of(second.files().get(i).localPath());
      assertThat(Files.mismatch(a, b)).isEqualTo(-1L);
    }
    assertThat(duckTypes(first.files().get(11)))
        .containsExactly(Map.entry("ts", "TIMESTAMP WITH TIME ZONE"), Map.entry("v", "DOUBLE"));
    assertThat(duckRows(List.of(first.files().get(11)), first.columns()).get(999))
        .isEqualTo(row("ts", micros("2026-01-12T10:00:00Z"), "v", 999.0));
  }
}
