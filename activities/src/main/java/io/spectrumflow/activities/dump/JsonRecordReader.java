package io.spectrumflow.activities.dump;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads NDJSON (one object per line, blank lines allowed) or one JSON array of objects, told apart
 * by the first token. Uses Jackson's streaming parser: no tree per record. Jackson skips a UTF-8
 * BOM; the file is read through {@link Utf8CheckingStream}, so that invalid UTF-8 of any kind is
 * refused with its record and line (Jackson alone takes overlong forms and encoded surrogates).
 */
final class JsonRecordReader implements RecordReader {

  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

  private final Utf8CheckingStream input;
  private final JsonParser parser;
  private final String fileName;
  private final NestedJsonText nested;
  private boolean started;
  private boolean inArray;

  JsonRecordReader(Path file) throws IOException {
    this.fileName = String.valueOf(file.getFileName());
    this.input = new Utf8CheckingStream(Files.newInputStream(file));
    this.parser = FACTORY.createParser(input);
    this.nested = new NestedJsonText(FACTORY);
  }

  @Override
  public boolean next(SourceRecord record) throws IOException {
    long current = record.number() + 1;
    try {
      return read(record, current);
    } catch (JsonProcessingException e) {
      throw malformed(e, current);
    }
  }

  private boolean read(SourceRecord record, long current) throws IOException {
    JsonToken token = parser.nextToken();
    if (!started) {
      started = true;
      if (token == JsonToken.START_ARRAY) {
        inArray = true;
        token = parser.nextToken();
      }
    }
    if (token == null) {
      return false; // an unclosed array fails inside nextToken, as truncated input
    }
    if (inArray && token == JsonToken.END_ARRAY) {
      expectEndAfterArray(current);
      return false;
    }
    long line = parser.currentTokenLocation().getLineNr();
    if (token != JsonToken.START_OBJECT) {
      throw BadInput.at(fileName, current, line)
          .problem(
              "found " + tokenDescription(token) + " where a JSON object was expected",
              "Every record must be a JSON object such as {\"id\": 1}: either one object per line"
                  + " (NDJSON) or all objects inside one JSON array.");
    }
    record.start(fileName, line);
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      switch (parser.nextToken()) {
        case VALUE_STRING -> record.add(name, RawToken.STRING, parser.getText());
        case VALUE_NUMBER_INT -> {
          if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            record.add(name, RawToken.BIG_INTEGER, parser.getText());
          } else {
            record.addInteger(name, parser.getLongValue());
          }
        }
        case VALUE_NUMBER_FLOAT -> record.addFloat(name, parser.getDoubleValue(), parser.getText());
        case VALUE_TRUE -> record.add(name, RawToken.TRUE, null);
        case VALUE_FALSE -> record.add(name, RawToken.FALSE, null);
        case VALUE_NULL -> record.add(name, RawToken.NULL, null);
        case START_OBJECT, START_ARRAY -> record.add(name, RawToken.NESTED, nested.copy(parser));
        default ->
            throw new IllegalStateException("Unexpected JSON token " + parser.currentToken());
      }
    }
    return true;
  }

  private void expectEndAfterArray(long current) throws IOException {
    JsonToken after = parser.nextToken();
    if (after != null) {
      throw BadInput.at(fileName, current, parser.currentTokenLocation().getLineNr())
          .problem(
              "found " + tokenDescription(after) + " after the JSON array's closing ']'",
              "An input holds either one JSON array of records or one record per line, not both.");
    }
  }

  private String tokenDescription(JsonToken token) throws IOException {
    return switch (token) {
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "the string " + BadInput.quote(parser.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + parser.getText();
      case VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> parser.getText();
      default -> "'" + parser.getText() + "'";
    };
  }

  private BadInputException malformed(JsonProcessingException e, long current) {
    JsonLocation location = e.getLocation();
    long line = location == null ? 0 : Math.max(location.getLineNr(), 0);
    String detail = BadInput.parserDetail(e.getOriginalMessage());
    BadInput where = BadInput.at(fileName, current, line);
    if (input.problem() != null && stoppedAtProblem(e, detail)) {
      return where.problem(
          "the text is not valid UTF-8 (" + input.problem() + ")",
          "Save or export the file as UTF-8.");
    }
    if (e instanceof JsonEOFException) {
      return where.problem(
          "the input ends in the middle of a record (" + detail + ")",
          "The file looks truncated: stage the complete file again.");
    }
    if (detail.contains("Invalid UTF-8")) {
      return where.problem(
          "the text is not valid UTF-8 (" + detail + ")", "Save or export the file as UTF-8.");
    }
    if (e instanceof StreamConstraintsException) {
      return where.problem(
          "a value is larger than the parser allows (" + detail + ")",
          "Split or shorten the value.");
    }
    return where.problem(
        "malformed JSON (" + detail + ")",
        "Fix the JSON: each record must be a well-formed JSON object, one per line (NDJSON) or all"
            + " inside one JSON array.");
  }

  /**
   * Whether Jackson stopped at the 0xFF the stream gave for invalid UTF-8: all bytes before it are
   * valid UTF-8, so an error at or after it, or one that names the byte, is about it.
   */
  private boolean stoppedAtProblem(JsonProcessingException e, String detail) {
    JsonLocation location = e.getLocation();
    long offset = location == null ? -1 : location.getByteOffset();
    return offset < 0
        || offset >= input.problemOffset()
        || detail.contains("Invalid UTF-8")
        || detail.contains("code 255")
        || detail.contains("\u00ff");
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
