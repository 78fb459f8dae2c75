package io.spectrumflow.local.corpus;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Corpus cases made here: every kind of invalid UTF-8 (overlong 2-, 3- and 4-byte forms, encoded
 * surrogates, code points above U+10FFFF, lead bytes F5 to FF, stray continuation bytes, sequences
 * cut off inside a value and by the end of the input) in NDJSON read from bytes, NDJSON and CSV
 * that the byte readers hand to Jackson from the start, a JSON array and CSV; each refused naming
 * its record and line, like the byte 0xFF.
 */
final class InvalidUtf8Cases {

  static final String PREFIX = "generated:utf8-";

  private static final Map<String, String> KINDS = new LinkedHashMap<>();

  static {
    KINDS.put("overlong-2-byte", "C0 AF");
    KINDS.put("overlong-3-byte", "E0 80 AF");
    KINDS.put("overlong-4-byte", "F0 80 80 AF");
    KINDS.put("surrogate-d800", "ED A0 80");
    KINDS.put("surrogate-dfff", "ED BF BF");
    KINDS.put("above-10ffff", "F4 90 80 80");
    KINDS.put("lead-f5", "F5 80 80 80");
    KINDS.put("lead-ff", "FF");
    KINDS.put("stray-continuation", "80");
    KINDS.put("truncated-in-value", "E2 82");
    KINDS.put("truncated-at-end", "F0 9F 98");
  }

  /** Input shapes: file suffix, the records before the bad one, and the bad record's line. */
  private record Shape(String suffix, String before, long line) {}

  private static final List<Shape> SHAPES =
      List.of(
          new Shape(
              ".ndjson",
              "{\"id\": 1, \"event_time\": \"2026-11-24T10:00:00Z\"}\n"
                  + "{\"id\": 2, \"event_time\": \"2026-11-24T11:00:00Z\"}\n",
              3),
          new Shape(
              ".handed-over.ndjson",
              "{\"i\\u0064\": 1, \"event_time\": \"2026-11-24T10:00:00Z\"}\n"
                  + "{\"id\": 2, \"event_time\": \"2026-11-24T11:00:00Z\"}\n",
              3),
          new Shape(
              ".json",
              "[\n{\"id\": 1, \"event_time\": \"2026-11-24T10:00:00Z\"},\n"
                  + "{\"id\": 2, \"event_time\": \"2026-11-24T11:00:00Z\"},\n",
              4),
          new Shape(
              ".csv",
              "id,event_time,note\n1,2026-11-24T10:00:00Z,a\n2,2026-11-24T11:00:00Z,b\n",
              4),
          new Shape(
              ".bom.csv",
              "\uFEFFid,event_time,note\n1,2026-11-24T10:00:00Z,a\n" + "2,2026-11-24T11:00:00Z,b\n",
              4));

  private InvalidUtf8Cases() {}

  static List<CorpusCase> cases() {
    List<CorpusCase> cases = new ArrayList<>();
    for (String kind : KINDS.keySet()) {
      for (Shape shape : SHAPES) {
        cases.add(
            new CorpusCase(
                PREFIX + kind + shape.suffix(),
                null,
                "rejected",
                3L,
                shape.line(),
                null,
                List.of("not valid UTF-8", "Save or export the file as UTF-8"),
                null,
                null,
                null,
                null));
      }
    }
    return cases;
  }

  /** The bytes of a case's input, named as in {@link #cases}. */
  static byte[] input(String file) {
    String name = file.substring(PREFIX.length());
    String kind = name.substring(0, name.indexOf('.'));
    Shape shape =
        SHAPES.stream().filter(s -> name.equals(kind + s.suffix())).findFirst().orElseThrow();
    byte[] bad = hex(KINDS.get(kind));
    boolean csv = shape.suffix().endsWith(".csv");
    boolean atEnd = kind.equals("truncated-at-end");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(shape.before().getBytes(StandardCharsets.UTF_8));
    out.writeBytes(
        ascii(
            csv
                ? "3,2026-11-24T12:00:00Z,x"
                : "{\"id\": 3, \"event_time\": \"2026-11-24T12:00:00Z\", \"note\": \"x"));
    out.writeBytes(bad);
    if (!atEnd) {
      out.writeBytes(ascii(csv ? "y\n" : shape.suffix().equals(".json") ? "y\"}\n]\n" : "y\"}\n"));
    }
    return out.toByteArray();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] hex(String bytes) {
    String[] parts = bytes.split(" ");
    byte[] out = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = (byte) Integer.parseInt(parts[i], 16);
    }
    return out;
  }
}
