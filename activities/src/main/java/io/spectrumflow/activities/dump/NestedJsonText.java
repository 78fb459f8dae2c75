package io.spectrumflow.activities.dump;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.StringWriter;

/**
 * Copies the object or array at a parser's position to compact JSON text, streaming (no tree), with
 * one generator reused for all values.
 */
final class NestedJsonText {

  private final StringWriter out = new StringWriter(256);
  private final JsonGenerator generator;

  NestedJsonText(JsonFactory factory) throws IOException {
    generator = factory.createGenerator(out);
    // Each copy is a root-level value: without this the generator would put a space between them.
    generator.setRootValueSeparator(null);
  }

  /** The current value's JSON text; leaves the parser on the value's last token. */
  String copy(JsonParser parser) throws IOException {
    generator.copyCurrentStructure(parser);
    generator.flush();
    String text = out.toString();
    out.getBuffer().setLength(0);
    return text;
  }
}
