package io.spectrumflow.activities.dump;

import io.spectrumflow.workflows.pipeline.SourceFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** One pass over a batch's inputs, in order, through one reused {@link SourceRecord}. */
final class RecordScan {

  /** Receives each record of a pass; the record is refilled after the call. */
  interface RecordSink {
    void accept(SourceRecord record) throws IOException;
  }

  private final SourceFormat format;
  private final List<Path> inputs;

  RecordScan(SourceFormat format, List<Path> inputs) {
    this.format = format;
    this.inputs = List.copyOf(inputs);
  }

  /**
   * Reads every record into {@code sink}.
   *
   * @return the number of records, at least 1
   * @throws BadInputException when the inputs hold no record at all
   */
  long forEach(RecordSink sink) throws IOException {
    return forEach(sink, Long.MAX_VALUE);
  }

  /**
   * Reads records into {@code sink}, stopping after {@code limit} of them.
   *
   * @return the number of records read, at least 1
   * @throws BadInputException when the inputs hold no record at all
   */
  long forEach(RecordSink sink, long limit) throws IOException {
    SourceRecord record = new SourceRecord();
    for (Path input : inputs) {
      try (RecordReader reader = RecordReader.open(format, input)) {
        while (record.number() < limit && reader.next(record)) {
          sink.accept(record);
        }
      }
      if (record.number() >= limit) {
        break;
      }
    }
    if (record.number() == 0) {
      throw BadInput.inBatch()
          .problem(
              "the batch has no records ("
                  + (inputs.size() == 1 ? "its input is" : "its " + inputs.size() + " inputs are")
                  + " empty, or only a CSV header)",
              "Check that the right files were staged; an empty batch has nothing to export.");
    }
    return record.number();
  }
}
