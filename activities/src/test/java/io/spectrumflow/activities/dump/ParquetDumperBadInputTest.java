package io.spectrumflow.activities.dump;

import static io.spectrumflow.activities.dump.DumpTestSupport.column;
import static io.spectrumflow.activities.dump.DumpTestSupport.dump;
import static io.spectrumflow.activities.dump.DumpTestSupport.pipeline;
import static io.spectrumflow.activities.dump.DumpTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.spectrumflow.workflows.pipeline.ColumnSpec;
import io.spectrumflow.workflows.pipeline.ColumnType;
import io.spectrumflow.workflows.pipeline.Compression;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.spectrumflow.workflows.pipeline.SourceFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of bad input fails with a message that says where, what and what to do. */
class ParquetDumperBadInputTest {

  @TempDir Path dir;

  private BadInputException failure(PipelineSpec pipeline, String name, byte[] content) {
    return catchThrowableOfType(
        BadInputException.class,
        () -> dump(pipeline, dir.resolve("out"), Files.write(dir.resolve(name), content)));
  }

  private BadInputException failure(SourceFormat format, String name, String content) {
    return failure(pipeline(format, null), name, content.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void malformedJsonNamesTheRecordAndLine() {
    BadInputException e =
        failure(SourceFormat.NDJSON, "in.ndjson", "{\"a\": 1}\n\n{\"a\": 2,,}\n{\"a\": 3}\n");

    assertThat(e.record()).isEqualTo(2);
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isNull();
    assertThat(e.getMessage())
        .startsWith("Record 2 (line 3 of in.ndjson): malformed JSON (")
        .contains("Fix the JSON")
        .doesNotContain("REDACTED");
  }

  @Test
  void aValueThatIsNotAnObject() {
    BadInputException inLines = failure(SourceFormat.JSON, "in.ndjson", "{\"a\": 1}\n[1, 2]\n");
    BadInputException inArray =
        failure(SourceFormat.JSON, "in.json", "[\n{\"a\": 1},\n\"text\"\n]");

    assertThat(inLines.record()).isEqualTo(2);
    assertThat(inLines.line()).isEqualTo(2);
    assertThat(inLines.getMessage())
        .contains("found an array where a JSON object was expected")
        .contains("Every record must be a JSON object");
    assertThat(inArray.record()).isEqualTo(2);
    assertThat(inArray.line()).isEqualTo(3);
    assertThat(inArray.getMessage()).contains("found the string \"text\" where a JSON object");
  }

  @Test
  void duplicateFieldNames() {
    BadInputException e =
        failure(SourceFormat.JSON, "in.ndjson", "{\"a\": 1}\n{\"a\": 1, \"b\": 2, \"a\": 3}\n");

    assertThat(e.record()).isEqualTo(2);
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo("a");
    assertThat(e.getMessage())
        .isEqualTo(
            "Record 2 (line 2 of in.ndjson), field \"a\": the field appears more than once in the"
                + " record. Give each field once per record.");
  }

  @Test
  void truncatedJson() {
    BadInputException array = failure(SourceFormat.JSON, "a.json", "[{\"a\": 1},\n {\"a\": 2}");
    BadInputException string = failure(SourceFormat.JSON, "s.ndjson", "{\"a\": 1}\n{\"a\": \"abc");
    BadInputException object = failure(SourceFormat.JSON, "o.ndjson", "{\"a\": 1, \"b\"");

    assertThat(array.record()).isEqualTo(3);
    assertThat(array.line()).isEqualTo(2);
    assertThat(array.getMessage())
        .contains("the input ends in the middle of a record", "truncated");
    assertThat(string.record()).isEqualTo(2);
    assertThat(string.line()).isEqualTo(2);
    assertThat(string.getMessage()).contains("truncated");
    assertThat(object.record()).isEqualTo(1);
    assertThat(object.getMessage()).contains("truncated");
  }

  @Test
  void contentAfterTheJsonArray() {
    BadInputException e = failure(SourceFormat.JSON, "in.json", "[{\"a\": 1}]\n{\"a\": 2}\n");

    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage()).contains("after the JSON array's closing ']'");
  }

  @Test
  void csvRowsWithTooFewOrTooManyFields() {
    BadInputException few = failure(SourceFormat.CSV, "in.csv", "a,b,c\n1,2,3\n4,5\n");
    BadInputException many = failure(SourceFormat.CSV, "in.csv", "a,b,c\n1,\"x\ny\",3\n6,7,8,9\n");

    assertThat(few.record()).isEqualTo(2);
    assertThat(few.line()).isEqualTo(3);
    assertThat(few.getMessage())
        .startsWith("Record 2 (line 3 of in.csv): the row has 2 fields but the header has 3.")
        .contains("Quote values that contain commas");
    assertThat(many.record()).isEqualTo(2);
    assertThat(many.line()).isEqualTo(4);
    assertThat(many.getMessage()).contains("the row has 4 fields but the header has 3");
  }

  @Test
  void unterminatedCsvQuoteNamesTheLineWhereItOpened() {
    BadInputException e = failure(SourceFormat.CSV, "in.csv", "a,b\n1,2\n3,\"abc\n4,5\n6,7\n");

    assertThat(e.record()).isEqualTo(2);
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.getMessage())
        .startsWith("Record 2 (line 3 of in.csv): a quoted value opened on this line is never")
        .contains("Close the quote");
  }

  @Test
  void anUnclosedQuoteInALargeCsvStopsAtTheValueLengthLimit() {
    StringBuilder csv = new StringBuilder("a,b\n1,2\n3,\"never closed\n");
    String filler = "4,filler line that the open quote swallows\n";
    while (csv.length() < 21_000_000) {
      csv.append(filler);
    }

    BadInputException e = failure(SourceFormat.CSV, "big.csv", csv.toString());

    assertThat(e.record()).isEqualTo(2);
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.getMessage())
        .startsWith("Record 2 (line 3 of big.csv): a value starting on this line is too long")
        .contains("Check for a quote opened on this line and never closed");
  }

  @Test
  void malformedCsvQuoting() {
    BadInputException e = failure(SourceFormat.CSV, "in.csv", "a,b\n1,\"x\"y\n");

    assertThat(e.record()).isEqualTo(1);
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage()).contains("malformed CSV", "RFC 4180");
  }

  @Test
  void duplicateCsvHeaderNames() {
    BadInputException e = failure(SourceFormat.CSV, "in.csv", "a,b,a\n1,2,3\n");

    assertThat(e.record()).isZero();
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.column()).isEqualTo("a");
    assertThat(e.getMessage())
        .startsWith(
            "Line 1 of in.csv, field \"a\": the header names this field twice (fields 1"
                + " and 3)");
  }

  @Test
  void emptyBatches() {
    for (String[] input :
        new String[][] {
          {"JSON", "e.ndjson", ""},
          {"JSON", "w.ndjson", " \n\n "},
          {"JSON", "a.json", "[ ]"},
          {"CSV", "e.csv", ""},
          {"CSV", "h.csv", "a,b\n"}
        }) {
      BadInputException e = failure(SourceFormat.valueOf(input[0]), input[1], input[2]);

      assertThat(e).as(input[1]).isNotNull();
      assertThat(e.getMessage())
          .as(input[1])
          .startsWith(
              "Bad input: the batch has no records (its input is empty, or only a CSV header).");
      assertThat(e.record()).isZero();
    }
    BadInputException schemaGiven =
        failure(
            pipeline(
                SourceFormat.CSV,
                null,
                Compression.SNAPPY,
                1 << 20,
                List.of(column("a", ColumnType.STRING))),
            "h.csv",
            "a\n".getBytes(StandardCharsets.UTF_8));
    assertThat(schemaGiven.getMessage()).contains("the batch has no records");
  }

  @Test
  void recordsWithoutFields() {
    BadInputException e = failure(SourceFormat.JSON, "in.ndjson", "{}\n{}\n");

    assertThat(e.getMessage()).contains("none of the 2 records has any field");
  }

  @Test
  void invalidUtf8() {
    byte[] latin1Json =
        "{\"a\": \"ok\"}\n{\"a\": \"Zo\u00eb\"}\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] latin1Csv = "a\nok\nZo\u00eb\n".getBytes(StandardCharsets.ISO_8859_1);

    BadInputException json = failure(pipeline(SourceFormat.JSON, null), "in.ndjson", latin1Json);
    BadInputException csv = failure(pipeline(SourceFormat.CSV, null), "in.csv", latin1Csv);

    assertThat(json.record()).isEqualTo(2);
    assertThat(json.line()).isEqualTo(2);
    assertThat(json.getMessage()).contains("not valid UTF-8", "Save or export the file as UTF-8");
    assertThat(csv.record()).isEqualTo(2);
    assertThat(csv.line()).isEqualTo(3);
    assertThat(csv.getMessage()).contains("not valid UTF-8");
  }

  @Test
  void nulBytesOutsideStringsAreMalformedJson() {
    BadInputException between = failure(SourceFormat.JSON, "in.ndjson", "{\"a\": 1}\0\n");
    BadInputException unescaped = failure(SourceFormat.JSON, "in.ndjson", "{\"a\": \"x\0y\"}\n");

    assertThat(between.getMessage()).contains("malformed JSON", "CTRL-CHAR, code 0");
    assertThat(unescaped.record()).isEqualTo(1);
    assertThat(unescaped.getMessage()).contains("malformed JSON", "escaped");
  }

  @Test
  void partitionFieldProblems() {
    PipelineSpec byTs = pipeline(SourceFormat.JSON, "ts");
    String ok = "{\"ts\": \"2026-11-24T10:00:00Z\", \"v\": 1}\n";

    BadInputException missing = failure(byTs, "m.ndjson", bytes(ok + "{\"v\": 2}\n"));
    BadInputException isNull = failure(byTs, "n.ndjson", bytes(ok + "{\"ts\": null}\n"));
    BadInputException text =
        failure(byTs, "t.ndjson", bytes(ok + ok + "{\"ts\": \"yesterday\"}\n"));
    BadInputException number = failure(byTs, "x.ndjson", bytes("{\"ts\": 1700000000}\n"));

    assertThat(missing.record()).isEqualTo(2);
    assertThat(missing.column()).isEqualTo("ts");
    assertThat(missing.getMessage())
        .startsWith(
            "Record 2 (line 2 of m.ndjson), field \"ts\": the partition field is missing; it must"
                + " hold an ISO-8601 date-time")
        .contains("Every record needs the partition field");
    assertThat(isNull.getMessage()).contains("the partition field is null");
    assertThat(text.record()).isEqualTo(3);
    assertThat(text.line()).isEqualTo(3);
    assertThat(text.getMessage())
        .contains("found the string \"yesterday\" where the partition field needs an ISO-8601");
    assertThat(number.getMessage()).contains("found the number 1700000000");
  }

  @Test
  void givenSchemaMismatchesAndValuesTooLargeForBigint() {
    List<ColumnSpec> schema =
        List.of(column("id", ColumnType.BIGINT), column("event_time", ColumnType.TIMESTAMP));
    PipelineSpec given = pipeline(SourceFormat.JSON, null, Compression.SNAPPY, 1 << 20, schema);

    BadInputException text = failure(given, "t.ndjson", bytes("{\"id\": 1}\n{\"id\": \"abc\"}\n"));
    BadInputException big = failure(given, "b.ndjson", bytes("{\"id\": 99999999999999999999}\n"));
    BadInputException bigText =
        failure(given, "c.ndjson", bytes("{\"id\": \"-9223372036854775809\"}\n"));
    BadInputException time =
        failure(given, "d.ndjson", bytes("{\"Event Time\": \"24/11/2026\"}\n"));

    assertThat(text.record()).isEqualTo(2);
    assertThat(text.line()).isEqualTo(2);
    assertThat(text.column()).isEqualTo("id");
    assertThat(text.getMessage())
        .isEqualTo(
            "Record 2 (line 2 of t.ndjson), field \"id\": found the string \"abc\" where the"
                + " BIGINT column expects an integer. Correct the value, or change the column's"
                + " type in the pipeline's schema (STRING holds anything).");
    assertThat(big.getMessage())
        .contains("found the number 99999999999999999999, too large for a BIGINT column");
    assertThat(bigText.getMessage()).contains("too large for a BIGINT column");
    assertThat(time.column()).isEqualTo("Event Time");
    assertThat(time.getMessage())
        .startsWith("Record 1 (line 1 of d.ndjson), field \"Event Time\" (column event_time):")
        .contains("where the TIMESTAMP column expects an ISO-8601 date-time");
  }

  @Test
  void twoFieldsForOneGivenColumn() {
    PipelineSpec given =
        pipeline(
            SourceFormat.JSON,
            null,
            Compression.SNAPPY,
            1 << 20,
            List.of(column("amount", ColumnType.DOUBLE)));

    BadInputException e = failure(given, "in.ndjson", bytes("{\"Amount\": 1, \"amount\": 2}\n"));

    assertThat(e.column()).isEqualTo("amount");
    assertThat(e.getMessage())
        .contains("the fields \"Amount\" and \"amount\" both map to column amount");
  }

  @Test
  void recordNumbersCountThroughAllInputs() throws Exception {
    Path first = write(dir, "1.ndjson", "{\"a\": 1}\n{\"a\": 2}\n");
    Path second = write(dir, "2.ndjson", "{\"a\": 3}\n{\"a\": 4, \"a\": 5}\n");

    BadInputException e =
        catchThrowableOfType(
            BadInputException.class,
            () -> dump(pipeline(SourceFormat.JSON, null), dir.resolve("o"), first, second));

    assertThat(e.record()).isEqualTo(4);
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage()).startsWith("Record 4 (line 2 of 2.ndjson), field \"a\"");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
