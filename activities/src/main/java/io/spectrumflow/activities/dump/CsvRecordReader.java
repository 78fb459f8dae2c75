package io.spectrumflow.activities.dump;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads CSV with a header row, RFC 4180 quoting (quoted fields may hold commas, line breaks and
 * doubled quotes), through jackson-dataformat-csv. The schema-less parser hands out each row as an
 * array, so that row lengths are checked here against the header, with both counts in the message.
 * Blank lines are skipped; an empty field is null. The file is read through {@link
 * Utf8CheckingStream}, so that invalid UTF-8 of any kind is refused (Jackson's decoder alone takes
 * overlong forms and encoded surrogates).
 */
final class CsvRecordReader implements RecordReader {

  private static final CsvFactory FACTORY =
      CsvFactory.builder().enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

  private final Utf8CheckingStream input;
  private final CsvParser parser;
  private final String fileName;
  private String[] header;

  CsvRecordReader(Path file) throws IOException {
    this.fileName = String.valueOf(file.getFileName());
    this.input = new Utf8CheckingStream(Files.newInputStream(file));
    this.parser = FACTORY.createParser(input);
    parser.setSchema(CsvSchema.emptySchema());
  }

  @Override
  public boolean next(SourceRecord record) throws IOException {
    long current = record.number() + 1;
    try {
      if (header == null) {
        header = readHeader();
        if (header == null) {
          return false;
        }
      }
      return readRow(record);
    } catch (JsonProcessingException e) {
      throw malformed(e, current);
    } catch (CharConversionException e) {
      throw BadInput.at(fileName, current, line(parser.currentLocation()))
          .problem(
              "the text is not valid UTF-8 ("
                  + (input.problem() != null ? input.problem() : e.getMessage())
                  + ")",
              "Save or export the file as UTF-8.");
    }
  }

  private String[] readHeader() throws IOException {
    if (parser.nextToken() != JsonToken.START_ARRAY) {
      return null; // an empty file
    }
    List<String> names = new ArrayList<>();
    Map<String, Integer> positions = new HashMap<>();
    long line = 0;
    while (parser.nextToken() == JsonToken.VALUE_STRING) {
      if (names.isEmpty()) {
        line = line(parser.currentTokenLocation());
      }
      String name = parser.getText();
      Integer earlier = positions.putIfAbsent(name, names.size() + 1);
      if (earlier != null) {
        throw BadInput.at(fileName, 0, line)
            .field(name, null)
            .problem(
                "the header names this field twice (fields "
                    + earlier
                    + " and "
                    + (names.size() + 1)
                    + ")",
                "Give every column of the header a distinct name.");
      }
      names.add(name);
    }
    return names.toArray(new String[0]);
  }

  private boolean readRow(SourceRecord record) throws IOException {
    if (parser.nextToken() != JsonToken.START_ARRAY) {
      return false;
    }
    record.start(fileName, 0);
    int count = 0;
    while (parser.nextToken() == JsonToken.VALUE_STRING) {
      if (count == 0) {
        record.line(line(parser.currentTokenLocation()));
      }
      if (count < header.length) {
        String text = parser.getText();
        if (text.isEmpty()) {
          record.add(header[count], RawToken.NULL, null);
        } else {
          record.add(header[count], RawToken.TEXT, text);
        }
      }
      count++;
    }
    if (count != header.length) {
      throw BadInput.inRecord(record)
          .problem(
              "the row has "
                  + count
                  + (count == 1 ? " field" : " fields")
                  + " but the header has "
                  + header.length,
              "Quote values that contain commas (\"a, b\") and give every row as many fields as"
                  + " the header.");
    }
    return true;
  }

  private BadInputException malformed(JsonProcessingException e, long current) {
    String detail = BadInput.parserDetail(e.getOriginalMessage());
    if (detail.startsWith("Missing closing quote")) {
      // The token location is where the unterminated value, and so its opening quote, starts.
      return BadInput.at(fileName, current, line(parser.currentTokenLocation()))
          .problem(
              "a quoted value opened on this line is never closed: the input ends inside it",
              "Close the quote, and double any quote inside a quoted value (\"\").");
    }
    if (e instanceof StreamConstraintsException) {
      // Almost always a quote that is never closed: the rest of the file reads as one value.
      return BadInput.at(fileName, current, line(parser.currentTokenLocation()))
          .problem(
              "a value starting on this line is too long (" + detail + ")",
              "Check for a quote opened on this line and never closed; double any quote inside a"
                  + " quoted value (\"\").");
    }
    return BadInput.at(fileName, current, line(e.getLocation()))
        .problem(
            "malformed CSV (" + detail + ")",
            "Quote values that contain commas, quotes or line breaks, and double the quotes inside"
                + " them (\"say \"\"hi\"\"\"), as RFC 4180 describes.");
  }

  private static long line(JsonLocation location) {
    return location == null ? 0 : Math.max(location.getLineNr(), 0);
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
