package io.spectrumflow.local.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The comparisons the issue asks for, between lines of the same run. */
final class BenchRatios {

  static final String OURS_NDJSON = "ours NDJSON -> Parquet";
  static final String DUCK_NDJSON = "DuckDB read_json_auto -> Parquet";
  static final String OURS_CSV = "ours CSV -> Parquet";
  static final String DUCK_CSV = "DuckDB read_csv_auto -> Parquet";
  static final String FLOOR = "parquet-avro writer, pre-built records";

  private BenchRatios() {}

  static List<Ratio> of(List<Measurement> lines, List<Integer> threads) {
    List<Ratio> ratios = new ArrayList<>();
    for (int t : threads) {
      String suffix = t == 1 ? "1 thread each" : t + " threads each";
      compare(lines, OURS_NDJSON, DUCK_NDJSON, t, t)
          .ifPresent(v -> ratios.add(new Ratio("ours/DuckDB rows/s, NDJSON, " + suffix, v, 1.0)));
      compare(lines, OURS_CSV, DUCK_CSV, t, t)
          .ifPresent(
              v -> ratios.add(new Ratio("ours/DuckDB rows/s, CSV, " + suffix, v, Double.NaN)));
    }
    for (int t : threads) {
      compare(lines, OURS_NDJSON, FLOOR, t, 1)
          .ifPresent(
              v ->
                  ratios.add(
                      new Ratio(
                          "ours NDJSON (" + t + " thr) / parquet-avro floor rows/s",
                          v,
                          Double.NaN)));
    }
    Optional<Measurement> ours = line(lines, OURS_NDJSON, threads.get(0));
    Optional<Measurement> duck = line(lines, DUCK_NDJSON, threads.get(0));
    if (ours.isPresent() && duck.isPresent()) {
      ratios.add(
          new Ratio(
              "output size ours/DuckDB, NDJSON",
              (double) ours.get().outputBytes() / duck.get().outputBytes(),
              1.2));
    }
    return ratios;
  }

  /** Rows per second of {@code a} over those of {@code b}. */
  private static Optional<Double> compare(
      List<Measurement> lines, String a, String b, int threadsA, int threadsB) {
    Optional<Measurement> first = line(lines, a, threadsA);
    Optional<Measurement> second = line(lines, b, threadsB);
    if (first.isEmpty() || second.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(first.get().rowsPerSecond() / second.get().rowsPerSecond());
  }

  private static Optional<Measurement> line(List<Measurement> lines, String name, int threads) {
    return lines.stream().filter(m -> m.name().equals(name) && m.threads() == threads).findFirst();
  }
}
