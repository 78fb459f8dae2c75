package io.spectrumflow.local.moto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * One line per mode of the moto suite, printed and appended to {@code target/moto-summary.txt}:
 * requests sent, model violations, AccessDenied, rows expected vs counted.
 */
final class MotoSummary {

  /** The model-violations column where botocore's models are absent and nothing was checked. */
  static final String MODELS_OFF = "off";

  private static final Path FILE = Path.of("target", "moto-summary.txt");

  private final List<String> lines = new ArrayList<>();

  void add(
      String mode,
      AwsCallCounter.Counts worker,
      AwsCallCounter.Counts spectrum,
      int outsideConditions,
      String modelViolations,
      long expected,
      Long counted) {
    add(
        ("moto %-10s requests sent %4d (worker %d, stand-in reading moto %d), model violations %s,"
                + " AccessDenied %d, denied by the checks moto skips %d, rows expected %d, counted %s")
            .formatted(
                mode,
                worker.requests() + spectrum.requests(),
                worker.requests(),
                spectrum.requests(),
                modelViolations,
                worker.accessDenied().size() + spectrum.accessDenied().size(),
                outsideConditions,
                expected,
                counted == null ? "none (the run failed)" : counted));
  }

  synchronized void add(String line) {
    lines.add(line);
    System.out.println(line);
  }

  synchronized void write() {
    try {
      Files.createDirectories(FILE.getParent());
      Files.write(FILE, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
