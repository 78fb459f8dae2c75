package io.spectrumflow.local.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The comparisons the issue asks for, between lines of the same run: rows per second from the
 * median runs, and from the best runs (on a machine shared with other work, the best run is the one
 * least disturbed by it).
 */
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
      String each = t == 1 ? "1 thread each" : t + " threads each";
      compare(lines, OURS_NDJSON, DUCK_NDJSON, t, t, Measurement::medianSeconds)
          .ifPresent(v -> ratios.add(new Ratio("ours/DuckDB rows/s, NDJSON, " + each, v, 1.0)));
      compare(lines, OURS_NDJSON, DUCK_NDJSON, t, t, Measurement::minSeconds)
          .ifPresent(
              v ->
                  ratios.add(
                      new Ratio("ours/DuckDB rows/s, NDJSON, " + each + ", best runs", v, 1.0)));
      compare(lines, OURS_CSV, DUCK_CSV, t, t, Measurement::medianSeconds)
          .ifPresent(v -> ratios.add(new Ratio("ours/DuckDB rows/s, CSV, " + each, v, Double.NaN)));
    }
    for (int t : threads) {
      compare(lines, OURS_NDJSON, FLOOR, t, 1, Measurement::medianSeconds)
          .ifPresent(
              v ->
                  ratios.add(
                      new Ratio(
                          "ours NDJSON ("
                              + t
                              + (t == 1 ? " thread" : " threads")
                              + ") / parquet-avro floor, rows/s",
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

  /** Rows per second of {@code a} over those of {@code b}: b's time over a's. */
  private static Optional<Double> compare(
      List<Measurement> lines,
      String a,
      String b,
      int threadsA,
      int threadsB,
      ToDoubleFunction<Measurement> seconds) {
    Optional<Measurement> first = line(lines, a, threadsA);
    Optional<Measurement> second = line(lines, b, threadsB);
    if (first.isEmpty() || second.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(seconds.applyAsDouble(second.get()) / seconds.applyAsDouble(first.get()));
  }

  private static Optional<Measurement> line(List<Measurement> lines, String name, int threads) {
    return lines.stream().filter(m -> m.name().equals(name) && m.threads() == threads).findFirst();
  }
}
