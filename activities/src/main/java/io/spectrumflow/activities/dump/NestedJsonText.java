package io.spectrumflow.activities.dump;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;

/**
 * Copies the object or array at a parser's position to compact JSON text, streaming (no tree), with
 * one generator reused for all values. Numbers keep their text as written: Jackson's own structure
 * copy would pass them through double ({@code 1.50} to {@code 1.5}, {@code 1e400} to Infinity).
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
    int depth = 0;
    JsonToken token = parser.currentToken();
    while (true) {
      if (token.isNumeric()) {
        generator.writeNumber(parser.getText());
      } else {
        generator.copyCurrentEvent(parser);
      }
      if (token.isStructStart()) {
        depth++;
      } else if (token.isStructEnd() && --depth == 0) {
        break;
      }
      // Input that ends inside the value fails in nextToken() as truncated, never returns null.
      token = parser.nextToken();
    }
    generator.flush();
    String text = out.toString();
    out.getBuffer().setLength(0);
    return text;
  }
}
