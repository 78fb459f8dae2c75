package io.spectrumflow.activities.dump;

import static io.spectrumflow.activities.dump.RecordTranscripts.bytes;
import static io.spectrumflow.activities.dump.RecordTranscripts.concat;
import static io.spectrumflow.activities.dump.RecordTranscripts.records;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Invalid UTF-8 of every kind is refused, naming the record and line, by the byte readers and by
 * the Jackson readers they hand over to (Jackson's decoders alone take overlong forms, encoded
 * surrogates and code points above U+10FFFF, and the values were written as something else), in
 * string values, names, nested values and CSV fields, quoted or not; valid UTF-8 is read as before.
 */
class InvalidUtf8Test {

  /** Each kind of invalid sequence, as it appears followed by more text. */
  static final Map<String, byte[]> INVALID = new LinkedHashMap<>();

  static {
    INVALID.put("overlong 2-byte C0 AF", hex("C0 AF"));
    INVALID.put("overlong 2-byte C1 BF", hex("C1 BF"));
    INVALID.put("overlong 3-byte E0 80 AF", hex("E0 80 AF"));
    INVALID.put("overlong 3-byte E0 9F BF", hex("E0 9F BF"));
    INVALID.put("overlong 4-byte F0 80 80 AF", hex("F0 80 80 AF"));
    INVALID.put("overlong 4-byte F0 8F BF BF", hex("F0 8F BF BF"));
    INVALID.put("surrogate ED A0 80", hex("ED A0 80"));
    INVALID.put("surrogate ED BF BF", hex("ED BF BF"));
    INVALID.put("above U+10FFFF F4 90 80 80", hex("F4 90 80 80"));
    INVALID.put("lead F5", hex("F5 80 80 80"));
    INVALID.put("lead F8", hex("F8 88 80 80 80"));
    INVALID.put("lead FF", hex("FF"));
    INVALID.put("stray continuation 80", hex("80"));
    INVALID.put("stray continuation BF", hex("BF"));
    INVALID.put("truncated 2-byte C3", hex("C3"));
    INVALID.put("truncated 3-byte E2 82", hex("E2 82"));
    INVALID.put("truncated 4-byte F0 9F 98", hex("F0 9F 98"));
  }

  @TempDir Path dir;
  private int files;

  @Test
  void ndjsonOnTheFastPath() throws Exception {
    String good = "{\"id\": 1, \"s\": \"é\"}\n{\"id\": 2, \"s\": \"東京\"}\n";
    refusedEverywhere(
        "ndjson",
        good,
        3,
        3,
        bad ->
            List.of(
                concat(bytes("{\"id\": 3, \"s\": \"x"), concat(bad, bytes("y\"}\n"))),
                concat(bytes("{\"id\": 3, \"x"), concat(bad, bytes("\": 1}\n"))),
                concat(bytes("{\"id\": 3, \"n\": {\"k\": [\"x"), concat(bad, bytes("\"]}}\n"))),
                concat(bytes("{\"id\": 3, \"s\": \"x"), bad)));
  }

  @Test
  void ndjsonAfterTheByteReaderHandedOverToJackson() throws Exception {
    // an escaped field name sends the file to Jackson at the first record
    String good = "{\"esc\\u0061ped\": 1}\n{\"id\": 2}\n";
    refusedEverywhere(
        "ndjson",
        good,
        3,
        3,
        bad ->
            List.of(
                concat(bytes("{\"id\": 3, \"s\": \"x"), concat(bad, bytes("y\"}\n"))),
                concat(bytes("{\"id\": 3, \"x"), concat(bad, bytes("\": 1}\n"))),
                concat(bytes("{\"id\": 3, \"n\": {\"k\": \"x"), concat(bad, bytes("\"}}\n"))),
                concat(bytes("{\"id\": 3, \"s\": \"x"), bad)));
  }

  @Test
  void aJsonArray() throws Exception {
    String good = "[\n{\"id\": 1},\n{\"id\": 2},\n";
    refusedEverywhere(
        "json",
        good,
        3,
        4,
        bad ->
            List.of(
                concat(bytes("{\"id\": 3, \"s\": \"x"), concat(bad, bytes("y\"}\n]\n"))),
                concat(bytes("{\"id\": 3, \"x"), concat(bad, bytes("\": 1}\n]\n"))),
                concat(bytes("{\"id\": 3, \"n\": [\"x"), concat(bad, bytes("\"]}\n]\n"))),
                concat(bytes("{\"id\": 3, \"s\": \"x"), bad)));
  }

  @Test
  void csvOnTheFastPath() throws Exception {
    refusedEverywhere("csv", "id,s\n1,é\n2,\"東京\"\n", 3, 4, this::csvRows);
  }

  @Test
  void csvAfterTheByteReaderHandedOverToJackson() throws Exception {
    // a byte order mark sends the file to Jackson at its start
    refusedEverywhere("csv", "\uFEFFid,s\n1,é\n2,x\n", 3, 4, this::csvRows);
  }

  @Test
  void aCsvHeaderName() throws Exception {
    for (Map.Entry<String, byte[]> bad : INVALID.entrySet()) {
      Path file = write("csv", concat(bytes("id,x"), concat(bad.getValue(), bytes("\n1,2\n"))));
      BadInputException e = refusal(new CsvByteReader(file, 16));
      assertThat(e).as(bad.getKey()).isNotNull();
      assertThat(e.line()).as(bad.getKey()).isEqualTo(1);
      assertThat(e.getMessage()).as(bad.getKey()).contains("not valid UTF-8");
    }
  }

  private List<byte[]> csvRows(byte[] bad) {
    return List.of(
        concat(bytes("3,x"), concat(bad, bytes("y\n"))),
        concat(bytes("3,\"x"), concat(bad, bytes("y\"\n"))),
        concat(bytes("3,\"x,\n"), concat(bad, bytes("\"\n"))),
        concat(bytes("3,x"), bad));
  }

  /**
   * Every invalid sequence in every place: refused by the byte reader (with small and large
   * buffers) and by the Jackson reader alike, naming the record, line and bytes.
   */
  private void refusedEverywhere(
      String extension, String good, long record, long line, Function<byte[], List<byte[]>> places)
      throws IOException {
    for (Map.Entry<String, byte[]> bad : INVALID.entrySet()) {
      List<byte[]> inputs = places.apply(bad.getValue());
      for (int place = 0; place < inputs.size(); place++) {
        Path file = write(extension, concat(bytes(good), inputs.get(place)));
        String what = bad.getKey() + ", place " + place + ", " + file.getFileName();
        // the line named is the bad bytes' own (a quoted CSV value may go on over lines)
        long badLine = line + linesBefore(inputs.get(place));
        List<RecordReader> readers = new ArrayList<>();
        if (extension.equals("csv")) {
          readers.add(new CsvByteReader(file, 16));
          readers.add(new CsvByteReader(file));
          readers.add(new CsvRecordReader(file));
        } else {
          readers.add(new NdjsonByteReader(file, 16));
          readers.add(new NdjsonByteReader(file));
          readers.add(new JsonRecordReader(file));
        }
        for (RecordReader reader : readers) {
          BadInputException e = refusal(reader);
          assertThat(e).as("%s with %s", what, reader.getClass().getSimpleName()).isNotNull();
          assertThat(e.record()).as(what).isEqualTo(record);
          assertThat(e.line()).as(what).isEqualTo(badLine);
          assertThat(e.getMessage())
              .as(what)
              .contains("not valid UTF-8", "Save or export the file as UTF-8")
              .contains(String.format("%02X", bad.getValue()[0] & 0xFF));
        }
      }
    }
  }

  @Test
  void validMultiByteTextAcrossTheStreamsBufferEndsIsReadAsItIs() throws Exception {
    // 1- to 4-byte characters at every offset around the checking stream's 64 KiB buffer ends
    StringBuilder ndjson = new StringBuilder();
    StringBuilder csv = new StringBuilder("s\n");
    String[] chars = {"a", "é", "東", "😀"};
    for (int r = 0; ndjson.length() < 300_000; r++) {
      String text = chars[r % 4].repeat(1 + r % 7) + chars[(r / 4) % 4];
      ndjson.append("{\"s\": \"").append(text).append("\"}\n");
      csv.append(text).append('\n');
    }
    Path json = write("ndjson", bytes(ndjson.toString()));
    Path csvFile = write("csv", bytes(csv.toString()));

    assertThat(records(new JsonRecordReader(json)))
        .containsExactlyElementsOf(records(new NdjsonByteReader(json)))
        .noneMatch(r -> r.startsWith("error"));
    assertThat(records(new CsvRecordReader(csvFile)))
        .containsExactlyElementsOf(records(new CsvByteReader(csvFile)))
        .noneMatch(r -> r.startsWith("error"));
  }

  @Test
  void theCheckingStreamPassesValidBytesAndEndsWithFfAtTheFirstInvalidSequence() throws Exception {
    byte[] valid = bytes("ascii é 東京 😀 ".repeat(10_000));
    assertThat(new Utf8CheckingStream(new ByteArrayInputStream(valid)).readAllBytes())
        .isEqualTo(valid);

    byte[] bad = concat(valid, concat(hex("E0 80 AF"), bytes("after")));
    Utf8CheckingStream stream = new Utf8CheckingStream(new ByteArrayInputStream(bad));
    byte[] read = stream.readAllBytes();
    assertThat(read).hasSize(valid.length + 1);
    assertThat(read[valid.length]).isEqualTo((byte) 0xFF);
    assertThat(stream.problemOffset()).isEqualTo(valid.length);
    assertThat(stream.problem())
        .isEqualTo(
            "bytes E0 80 AF, an overlong (non-shortest) encoding, at byte offset "
                + valid.length
                + " of the file");
  }

  /** Line breaks before the first non-ASCII byte. */
  private static long linesBefore(byte[] input) {
    long lines = 0;
    for (int i = 0; i < input.length && input[i] >= 0; i++) {
      lines += input[i] == '\n' ? 1 : 0;
    }
    return lines;
  }

  private static BadInputException refusal(RecordReader reader) throws IOException {
    SourceRecord record = new SourceRecord();
    try (reader) {
      return catchThrowableOfType(
          BadInputException.class,
          () -> {
            while (reader.next(record)) {
              // read on
            }
          });
    }
  }

  private Path write(String extension, byte[] content) throws IOException {
    return Files.write(dir.resolve("in-" + files++ + "." + extension), content);
  }

  static byte[] hex(String bytes) {
    String[] parts = bytes.split(" ");
    byte[] out = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = (byte) Integer.parseInt(parts[i], 16);
    }
    return out;
  }
}
