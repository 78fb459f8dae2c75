package io.spectrumflow.activities.dump;

import io.spectrumflow.workflows.pipeline.SourceFormat;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/** Streams the records of one input file, one at a time, into a reused {@link SourceRecord}. */
interface RecordReader extends Closeable {

  /**
   * Reads the next record into {@code record}.
   *
   * @return false at the end of the input
   * @throws BadInputException when the input is not well-formed
   */
  boolean next(SourceRecord record) throws IOException;

  static RecordReader open(SourceFormat format, Path file) throws IOException {
    return switch (format) {
      case JSON, NDJSON -> new NdjsonByteReader(file);
      case CSV -> new CsvByteReader(file);
    };
  }
}
