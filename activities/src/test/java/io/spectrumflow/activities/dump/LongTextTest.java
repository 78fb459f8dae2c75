package io.spectrumflow.activities.dump;

import static io.spectrumflow.activities.dump.DumpTestSupport.avroRows;
import static io.spectrumflow.activities.dump.DumpTestSupport.dump;
import static io.spectrumflow.activities.dump.DumpTestSupport.pipeline;
import static io.spectrumflow.activities.dump.DumpTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.spectrumflow.workflows.pipeline.SourceFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A text value over 65,535 bytes of UTF-8 (Redshift's longest VARCHAR, which Spectrum reads as NULL
 * by default) is refused naming its record, line and field; one of exactly 65,535 bytes is written
 * whole. Bytes count, not characters.
 */
class LongTextTest {

  private static final String LIMIT = "é".repeat(32_767) + "x"; // 65,535 bytes, 32,768 characters
  private static final String OVER = "é".repeat(32_768); // 65,536 bytes, fewer characters

  @TempDir Path dir;

  @Test
  void aValueOfExactly65535BytesIsWrittenWhole() throws Exception {
    assertThat(LIMIT.getBytes(StandardCharsets.UTF_8)).hasSize(65_535);
    Path input =
        write(
            dir,
            "in.ndjson",
            "{\"id\": 1, \"note\": \"" + LIMIT + "\"}\n{\"id\": 2, \"note\": \"x\"}\n");

    DumpOutcome outcome = dump(pipeline(SourceFormat.NDJSON, null), dir.resolve("out"), input);

    assertThat(avroRows(outcome.files()).get(0).get("note")).isEqualTo(LIMIT);
  }

  @Test
  void aLongerValueIsRefusedInEveryFormatAndOnEveryPath() throws Exception {
    String first = "{\"id\": 1, \"note\": \"short\"}";
    String second = "{\"id\": 2, \"note\": \"" + OVER + "\"}";
    String nested = "{\"id\": 2, \"note\": {\"text\": \"" + "x".repeat(70_000) + "\"}}";
    List<Input> inputs =
        List.of(
            new Input(SourceFormat.NDJSON, "fast.ndjson", first + "\n" + second + "\n", 2),
            new Input(SourceFormat.NDJSON, "nested.ndjson", first + "\n" + nested + "\n", 2),
            new Input(SourceFormat.JSON, "array.json", "[\n" + first + ",\n" + second + "\n]\n", 3),
            new Input(SourceFormat.CSV, "in.csv", "id,note\n1,short\n2,\"" + OVER + "\"\n", 3),
            new Input(
                SourceFormat.CSV,
                "bom.csv",
                "\uFEFFid,note\n1,short\n2," + "x".repeat(70_000) + "\n",
                3));
    for (Input in : inputs) {
      Path out = Files.createTempDirectory(dir, "out");
      BadInputException e =
          catchThrowableOfType(
              BadInputException.class,
              () -> dump(pipeline(in.format(), null), out, write(dir, in.name(), in.content())));

      assertThat(e).as(in.name()).isNotNull();
      assertThat(e.record()).as(in.name()).isEqualTo(2);
      assertThat(e.line()).as(in.name()).isEqualTo(in.line());
      assertThat(e.column()).as(in.name()).isEqualTo("note");
      assertThat(e.getMessage())
          .as(in.name())
          .contains("more than the 65,535 bytes of Redshift's longest VARCHAR")
          .contains("would read it as NULL")
          .contains("Shorten the value or split it");
      try (var left = Files.walk(out)) {
        assertThat(left.filter(Files::isRegularFile)).as("files left").isEmpty();
      }
    }
  }

  private record Input(SourceFormat format, String name, String content, long line) {}
}
