package io.spectrumflow.activities.dump;

import io.spectrumflow.workflows.pipeline.SourceFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads an input the way the dump will, without writing anything: a starter refuses malformed
 * bodies at once, with the same rules and messages as the dump, instead of starting a run that can
 * only fail.
 */
public final class InputCheck {

  private InputCheck() {}

  /**
   * Parses every record of the file.
   *
   * @return the number of records
   * @throws BadInputException naming the record and line of the first problem
   */
  public static long records(SourceFormat format, Path file) throws IOException {
    return new RecordScan(format, List.of(file)).forEach(record -> {});
  }
}
