package io.spectrumflow.activities.dump;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a reader gives, as text to compare a byte reader with Jackson's: each record's number, line,
 * and every field's name, token and value, or the error it stopped at. A value given as a slice
 * must hold exactly its text's UTF-8 bytes.
 */
final class RecordTranscripts {

  private RecordTranscripts() {}

  static List<String> records(RecordReader reader) throws IOException {
    List<String> records = new ArrayList<>();
    SourceRecord record = new SourceRecord();
    try (reader) {
      while (reader.next(record)) {
        StringBuilder shown = new StringBuilder();
        shown.append(record.number()).append('@').append(record.line());
        for (int i = 0; i < record.size(); i++) {
          shown.append(" [").append(record.name(i)).append("]:").append(record.token(i));
          switch (record.token(i)) {
            case INTEGER -> shown.append('=').append(record.longValue(i));
            case FLOAT ->
                shown
                    .append('=')
                    .append(Double.doubleToRawLongBits(record.doubleValue(i)))
                    .append('/')
                    .append(record.rawText(i));
            case STRING, TEXT, BIG_INTEGER, NESTED -> shown.append('=').append(record.rawText(i));
            default -> {}
          }
          if (record.hasSlice(i)) {
            byte[] slice =
                Arrays.copyOfRange(
                    record.sliceBytes(i),
                    record.sliceOffset(i),
                    record.sliceOffset(i) + record.sliceLength(i));
            assertThat(slice).isEqualTo(record.rawText(i).getBytes(StandardCharsets.UTF_8));
          }
        }
        records.add(shown.toString());
      }
    } catch (BadInputException e) {
      records.add("error " + e.record() + "/" + e.line() + ": " + e.getMessage());
    }
    return records;
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
