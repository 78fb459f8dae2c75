package io.spectrumflow.activities.dump;

import static io.spectrumflow.activities.dump.DumpTestSupport.avroRows;
import static io.spectrumflow.activities.dump.DumpTestSupport.column;
import static io.spectrumflow.activities.dump.DumpTestSupport.dump;
import static io.spectrumflow.activities.dump.DumpTestSupport.pipeline;
import static io.spectrumflow.activities.dump.DumpTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.spectrumflow.workflows.pipeline.ColumnSpec;
import io.spectrumflow.workflows.pipeline.ColumnType;
import io.spectrumflow.workflows.pipeline.Compression;
import io.spectrumflow.workflows.pipeline.SourceFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A number beyond double's range (one that would overflow to ±Infinity, or a non-zero one that
 * would underflow to 0.0) is kept losslessly, as an integer beyond bigint's range is: its column is
 * inferred {@code string} and holds the number's text; a given DOUBLE column refuses it. Zeros, the
 * largest and the smallest doubles stay numbers.
 */
class OutOfRangeNumbersTest {

  private static final List<String> OUT_OF_RANGE =
      List.of(
          "1e400",
          "-1e400",
          "1e-400",
          "-1.5e-400",
          "1" + "0".repeat(400) + ".5",
          "0." + "0".repeat(400) + "1");
  private static final List<String> IN_RANGE =
      List.of("0e0", "0.0", "-0.0", "0e-400", "1e308", "1.7976931348623157e308", "4.9e-324", "1.5");

  @TempDir Path dir;

  static List<String> outOfRange() {
    return OUT_OF_RANGE;
  }

  @ParameterizedTest
  @MethodSource("outOfRange")
  void aJsonNumberBeyondDoublesRangeMakesItsColumnAStringOfItsText(String number) throws Exception {
    for (String shape : List.of("ndjson", "array")) {
      String records =
          "{\"id\": 1, \"x\": 1.5}\n{\"id\": 2, \"x\": " + number + "}\n{\"id\": 3, \"x\": 2}\n";
      String content =
          shape.equals("ndjson") ? records : "[" + records.trim().replace("\n", ",\n") + "]";
      Path out = Files.createTempDirectory(dir, "out");
      DumpOutcome outcome =
          dump(pipeline(SourceFormat.NDJSON, null), out, write(dir, "in-" + shape, content));

      assertThat(outcome.columns().stream().map(c -> c.name() + " " + c.type()))
          .as("%s in %s", number, shape)
          .containsExactly("id BIGINT", "x STRING");
      assertThat(avroRows(outcome.files()).stream().map(r -> r.get("x")))
          .containsExactly("1.5", number, "2");
    }
  }

  @Test
  void csvTextBeyondDoublesRangeIsTextToo() throws Exception {
    StringBuilder csv = new StringBuilder("id,x\n");
    for (int i = 0; i < OUT_OF_RANGE.size(); i++) {
      csv.append(i).append(',').append("1.5\n");
      csv.append(i).append(',').append(OUT_OF_RANGE.get(i)).append('\n');
    }
    DumpOutcome outcome =
        dump(
            pipeline(SourceFormat.CSV, null),
            dir.resolve("out"),
            write(dir, "in.csv", csv.toString()));

    assertThat(outcome.columns().stream().map(c -> c.name() + " " + c.type()))
        .containsExactly("id BIGINT", "x STRING");
    assertThat(
            avroRows(outcome.files()).stream().map(r -> r.get("x")).filter(x -> !"1.5".equals(x)))
        .containsExactlyElementsOf(OUT_OF_RANGE);
  }

  @Test
  void zerosAndTheLargestAndSmallestDoublesStayNumbers() throws Exception {
    StringBuilder json = new StringBuilder();
    StringBuilder csv = new StringBuilder("x\n");
    for (String number : IN_RANGE) {
      json.append("{\"x\": ").append(number).append("}\n");
      csv.append(number).append('\n');
    }
    DumpOutcome fromJson =
        dump(
            pipeline(SourceFormat.NDJSON, null),
            dir.resolve("j"),
            write(dir, "in.ndjson", json.toString()));
    DumpOutcome fromCsv =
        dump(
            pipeline(SourceFormat.CSV, null),
            dir.resolve("c"),
            write(dir, "in.csv", csv.toString()));

    for (DumpOutcome outcome : List.of(fromJson, fromCsv)) {
      assertThat(outcome.columns().stream().map(c -> c.name() + " " + c.type()))
          .containsExactly("x DOUBLE");
      assertThat(avroRows(outcome.files()).stream().map(r -> (Double) r.get("x")))
          .containsExactly(0.0, 0.0, -0.0, 0.0, 1e308, Double.MAX_VALUE, Double.MIN_VALUE, 1.5);
    }
  }

  @Test
  void aGivenDoubleColumnRefusesANumberBeyondItsRange() throws Exception {
    List<ColumnSpec> schema =
        List.of(column("id", ColumnType.BIGINT), column("x", ColumnType.DOUBLE));
    for (String number : List.of("1e400", "1e-400", "\"-1e400\"")) {
      Path input =
          write(
              dir, "given.ndjson", "{\"id\": 1, \"x\": 2.5}\n{\"id\": 2, \"x\": " + number + "}\n");
      BadInputException e =
          catchThrowableOfType(
              BadInputException.class,
              () ->
                  dump(
                      pipeline(SourceFormat.NDJSON, null, Compression.SNAPPY, 128L << 20, schema),
                      Files.createTempDirectory(dir, "given"),
                      input));

      assertThat(e).as(number).isNotNull();
      assertThat(e.record()).isEqualTo(2);
      assertThat(e.column()).isEqualTo("x");
      assertThat(e.getMessage())
          .contains("beyond the range of a DOUBLE column", "Declare the column STRING");
    }
  }

  @Test
  void classifiesOutOfRangeDecimalTextAsString() {
    for (String number : OUT_OF_RANGE) {
      assertThat(ValueClassifier.kindOfText(number)).as(number).isEqualTo(ValueKind.STRING);
    }
    for (String number : IN_RANGE) {
      assertThat(ValueClassifier.kindOfText(number)).as(number).isEqualTo(ValueKind.DOUBLE);
    }
  }
}
