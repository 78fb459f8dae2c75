package io.spectrumflow.local.bench;

import java.util.List;

/**
 * One line of the benchmark's table.
 *
 * @param name what was measured
 * @param threads threads allowed (ours: the dump's threads; DuckDB: its {@code threads} setting)
 * @param seconds each timed run's wall time, in order
 * @param minSeconds the fastest run
 * @param medianSeconds the median run
 * @param rowsPerSecond rows over the median time
 * @param inputMbPerSecond input megabytes (10^6 bytes) over the median time; 0 when no file is read
 * @param peakHeapMb the highest sampled heap use over the runs, in MiB (garbage included)
 * @param peakHeapAfterGcMb the highest heap use right after a collection over the runs, in MiB:
 *     what the run kept; 0 when no collection ran
 * @param outputBytes the bytes written by the last run
 */
record Measurement(
    String name,
    int threads,
    List<Double> seconds,
    double minSeconds,
    double medianSeconds,
    double rowsPerSecond,
    double inputMbPerSecond,
    double peakHeapMb,
    double peakHeapAfterGcMb,
    long outputBytes) {

  static Measurement of(
      String name, int threads, Timing timing, long rows, long inputBytes, long outputBytes) {
    double median = timing.median();
    return new Measurement(
        name,
        threads,
        List.copyOf(timing.seconds()),
        timing.min(),
        median,
        rows / median,
        inputBytes / 1e6 / median,
        timing.maxPeakHeap() / (1024.0 * 1024.0),
        timing.maxPeakAfterGc() / (1024.0 * 1024.0),
        outputBytes);
  }
}
