package io.spectrumflow.activities.dump;

import static io.spectrumflow.activities.dump.RecordTranscripts.bytes;
import static io.spectrumflow.activities.dump.RecordTranscripts.concat;
import static io.spectrumflow.activities.dump.RecordTranscripts.records;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The byte reader gives the records jackson-dataformat-csv gives through {@link CsvRecordReader}:
 * names, values, nulls, lines and record numbers, on generated CSV full of quoting and line-break
 * cases, with buffers small enough that their ends fall inside every kind of token; and on input it
 * hands over, the same records and the same errors.
 */
class CsvByteReaderTest {

  private static final String[] VALUES = {
    "",
    "plain",
    "1000",
    "-42",
    "138.24",
    "1e5",
    "007",
    "true",
    "FALSE",
    "2026-11-24T10:15:30.123456Z",
    "with, comma",
    "say \"hi\"",
    "\"",
    "\"\"",
    "line\nbreak",
    "crlf\r\nbreak",
    "cr\ronly",
    "Größe: XL; Farbe: grün",
    "東京 store pickup",
    "emoji 😀",
    "tab\tinside",
    "x".repeat(200)
  };
  private static final String[] LINE_ENDS = {"\n", "\r\n", "\r"};

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(ints = {5, 16, 64, 1000, 1 << 20})
  void readsGeneratedCsvAsJacksonDoes(int bufferBytes) throws Exception {
    for (int seed = 1; seed <= 6; seed++) {
      Path file = write("gen-" + seed + ".csv", generate(new Random(seed), 300));
      CsvByteReader reader = new CsvByteReader(file, bufferBytes);
      assertThat(records(reader))
          .as("seed %d", seed)
          .hasSize(300)
          .containsExactlyElementsOf(records(new CsvRecordReader(file)));
      assertThat(reader.handedOver()).as("seed %d", seed).isFalse();
    }
  }

  @Test
  void handsUnusualInputToJacksonAndCarriesOnWhereItWas() throws Exception {
    String good = generate(new Random(3), 100);
    List<String> unusual =
        List.of(
            "a,b\n1,x\"y\n2,3\n", // a quote inside an unquoted value
            "a,b\n1,2\n   \n3,4\n", // a line of spaces
            "a\n1\n  \n2\n", // the same with one column
            "a,a\n1,2\n", // duplicate header names
            good + "1,2\n", // too few fields
            good + "1,2,3,4,5\n"); // too many fields
    for (int i = 0; i < unusual.size(); i++) {
      Path file = write("unusual-" + i + ".csv", unusual.get(i));
      assertThat(records(new CsvByteReader(file, 16)))
          .as("input %d", i)
          .containsExactlyElementsOf(records(new CsvRecordReader(file)));
    }
  }

  @Test
  void errorsAreJacksonsWithTheSameRecordAndLine() throws Exception {
    String good = generate(new Random(9), 60);
    List<byte[]> bad =
        List.of(
            bytes(good + "1,\"x\"y,3,4\n"),
            bytes(good + "1,\"never closed\n2,3,4,5\n"),
            bytes(""),
            bytes("\n\n"),
            concat(bytes(good + "1,Zo"), new byte[] {(byte) 0xEB, ',', '3', ',', '4', '\n'}),
            concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes("a,b\n1,2\n")));
    for (int i = 0; i < bad.size(); i++) {
      Path file = Files.write(dir.resolve("bad-" + i + ".csv"), bad.get(i));
      assertThat(records(new CsvByteReader(file, 8)))
          .as("input %d", i)
          .containsExactlyElementsOf(records(new CsvRecordReader(file)));
    }
  }

  /** A header of four columns and rows of values, quoted when needed or at random. */
  private static String generate(Random random, int rows) {
    String end = LINE_ENDS[random.nextInt(LINE_ENDS.length)];
    StringBuilder out = new StringBuilder("id,Event Time,\"note, free\",é").append(end);
    for (int r = 0; r < rows; r++) {
      if (random.nextInt(10) == 0) {
        out.append(LINE_ENDS[random.nextInt(LINE_ENDS.length)]); // an empty line
      }
      for (int f = 0; f < 4; f++) {
        if (f > 0) {
          out.append(',');
        }
        out.append(field(random, VALUES[random.nextInt(VALUES.length)]));
      }
      out.append(random.nextInt(4) == 0 ? LINE_ENDS[random.nextInt(LINE_ENDS.length)] : end);
    }
    return out.toString();
  }

  private static String field(Random random, String value) {
    boolean needsQuotes =
        value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
    if (needsQuotes || (!value.isEmpty() && random.nextInt(4) == 0)) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }
}
