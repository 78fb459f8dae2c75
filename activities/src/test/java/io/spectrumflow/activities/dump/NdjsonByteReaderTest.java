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
 * The byte reader gives the records Jackson's reader gives: names, tokens, texts, numbers, lines
 * and record numbers, on generated input full of edge cases, with buffers small enough that their
 * ends fall inside every kind of token; and on input it hands over to Jackson, the same records and
 * the same errors.
 */
class NdjsonByteReaderTest {

  private static final String[] NAMES = {
    "id", "event_time", "Event Type", "é", "東京", "", "a b", "x".repeat(70), "n", "amount"
  };
  private static final String[] STRINGS = {
    "",
    "plain",
    "line\nbreak",
    "crlf\r\nbreak",
    "tab\tand \"quotes\" and \\ backslash / slash",
    "Größe: XL; Farbe: grün",
    "東京 store pickup",
    "emoji 😀 and 𝄞",
    "nul \u0000 inside",
    "control \b \f \u001f",
    "2026-11-24T10:15:30.123456Z",
    "2026-11-24",
    "x".repeat(300)
  };
  private static final String[] NUMBERS = {
    "0",
    "-0",
    "7",
    "-42",
    "123456789012345678",
    "9223372036854775807",
    "-9223372036854775808",
    "9223372036854775808",
    "-9223372036854775809",
    "123456789012345678901234567890",
    "1.5",
    "-0.0",
    "0.1",
    "138.24",
    "1e5",
    "1E-7",
    "-123.456e+2",
    "0.000001234",
    "3.141592653589793238462643383279",
    "1e400",
    "-1e400",
    "4.9e-324",
    "2.2250738585072014E-308",
    "123456789012345.6",
    "9007199254740993.0",
    "1.7976931348623157e308",
    "100e-2",
    "1" + "0".repeat(400) + ".5",
    "18446744073709551616.25"
  };
  private static final String[] NESTED = {
    "{}",
    "[]",
    "{\"a\": [1, 2.50, {\"b\": null}], \"c\": \"d\\\"e\"}",
    "[\n  1,\r\n  \"two\",\r  true\n]",
    "{\"deep\": [[[[{\"x\": 1e400}]]]]}"
  };
  private static final String[] SPACES = {"", " ", "  ", "\t", "\n", "\r\n", "\r", " \n "};

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(ints = {7, 16, 64, 1000, 1 << 20})
  void readsGeneratedInputAsJacksonDoes(int bufferBytes) throws Exception {
    for (int seed = 1; seed <= 6; seed++) {
      Path file = write("gen-" + seed + ".ndjson", generate(new Random(seed), 400, seed % 2 == 0));
      NdjsonByteReader reader = new NdjsonByteReader(file, bufferBytes);
      assertThat(records(reader))
          .as("seed %d", seed)
          .hasSize(400)
          .containsExactlyElementsOf(records(new JsonRecordReader(file)));
      assertThat(reader.handedOver()).isFalse();
    }
  }

  @Test
  void handsUnusualInputToJacksonAndCarriesOnWhereItWas() throws Exception {
    StringBuilder ndjson = new StringBuilder(generate(new Random(42), 120, false));
    ndjson.append("{\"esc\\u0061ped name\": 1, \"lone\": \"\\ud800\"}\n");
    ndjson.append(generate(new Random(43), 50, false));
    Path file = write("unusual.ndjson", ndjson.toString());

    NdjsonByteReader reader = new NdjsonByteReader(file, 64);
    assertThat(records(reader))
        .containsExactlyElementsOf(records(new JsonRecordReader(file)))
        .hasSize(171);
    assertThat(reader.handedOver()).isTrue();
  }

  @Test
  void aJsonArrayIsReadByJackson() throws Exception {
    Path file = write("array.json", "[\n{\"a\": 1},\n{\"a\": \"two\"}\n]\n");

    assertThat(records(new NdjsonByteReader(file, 8)))
        .containsExactlyElementsOf(records(new JsonRecordReader(file)))
        .hasSize(2);
  }

  @Test
  void aByteOrderMarkIsSkipped() throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "{\"a\": 1}\n".getBytes(StandardCharsets.UTF_8);
    Path file = Files.write(dir.resolve("bom.ndjson"), concat(bom, body));

    assertThat(records(new NdjsonByteReader(file))).containsExactly("1@1 [a]:INTEGER=1");
  }

  @Test
  void errorsAreJacksonsWithTheSameRecordAndLine() throws Exception {
    String good = generate(new Random(7), 80, false);
    List<byte[]> bad =
        List.of(
            bytes(good + "{\"a\": 1,,}\n"),
            bytes(good + "{\"a\": \"abc"),
            bytes(good + "{\"a\": 01}\n"),
            bytes(good + "{\"a\": tru}\n"),
            bytes(good + "{\"a\": 1}\u0000\n"),
            bytes(good + "{\"a\": \"x\u0000y\"}\n"),
            bytes(good + "[1, 2]\n"),
            bytes(good + "{\"a\": [1, 2}\n"),
            concat(bytes(good + "{\"a\": \"Zo"), new byte[] {(byte) 0xEB, '"', '}', '\n'}),
            concat(bytes(good + "{\"a\": \""), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}));
    for (int i = 0; i < bad.size(); i++) {
      Path file = Files.write(dir.resolve("bad-" + i + ".ndjson"), bad.get(i));
      assertThat(records(new NdjsonByteReader(file, 32)))
          .as("input %d", i)
          .containsExactlyElementsOf(records(new JsonRecordReader(file)));
    }
  }

  private static String generate(Random random, int records, boolean bom) {
    StringBuilder out = new StringBuilder(bom ? "\uFEFF" : "");
    for (int r = 0; r < records; r++) {
      out.append(pick(random, SPACES)).append('{').append(pick(random, SPACES));
      int fields = random.nextInt(7);
      for (int f = 0; f < fields; f++) {
        if (f > 0) {
          out.append(pick(random, SPACES)).append(',').append(pick(random, SPACES));
        }
        // Names without needless escapes: an escaped name is handed to Jackson (tested below).
        out.append(jsonString(pick(random, NAMES), null));
        out.append(pick(random, SPACES)).append(':').append(pick(random, SPACES));
        out.append(value(random));
      }
      out.append(pick(random, SPACES)).append('}');
      out.append(random.nextInt(5) == 0 ? pick(random, SPACES) : "\n");
    }
    return out.toString();
  }

  private static String value(Random random) {
    return switch (random.nextInt(7)) {
      case 0, 1 -> jsonString(pick(random, STRINGS), random);
      case 2, 3 -> pick(random, NUMBERS);
      case 4 -> pick(random, new String[] {"true", "false", "null"});
      case 5 -> pick(random, NESTED);
      default -> jsonString(randomText(random), random);
    };
  }

  private static String randomText(Random random) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(40);
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(10);
      text.appendCodePoint(
          kind < 6
              ? 0x20 + random.nextInt(0x5F)
              : kind < 8
                  ? 0xA0 + random.nextInt(0x700)
                  : kind < 9 ? 0x3000 + random.nextInt(0x1000) : 0x1F600 + random.nextInt(0x40));
    }
    return text.toString();
  }

  /**
   * JSON text of a string; with a random, also escapes some characters that need no escape, as
   * writers may.
   */
  private static String jsonString(String s, Random random) {
    StringBuilder out = new StringBuilder("\"");
    s.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                  if (c < 0x20 || (random != null && random.nextInt(25) == 0)) {
                    for (char unit : Character.toChars(c)) {
                      out.append(String.format("\\u%04x", (int) unit));
                    }
                  } else if (c == '/' && random != null && random.nextBoolean()) {
                    out.append("\\/");
                  } else {
                    out.appendCodePoint(c);
                  }
                }
              }
            });
    return out.append('"').toString();
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }
}
