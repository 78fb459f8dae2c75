package io.spectrumflow.local.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The timed runs of one measurement.
 *
 * @param seconds each run's wall time
 * @param peakHeapBytes each run's peak heap in use, sampled
 * @param peakAfterGcBytes each run's peak heap in use right after a collection
 */
record Timing(List<Double> seconds, List<Long> peakHeapBytes, List<Long> peakAfterGcBytes) {

  static Timing empty() {
    return new Timing(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
  }

  void add(double runSeconds, long peakHeap, long peakAfterGc) {
    seconds.add(runSeconds);
    peakHeapBytes.add(peakHeap);
    peakAfterGcBytes.add(peakAfterGc);
  }

  double min() {
    return seconds.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  double median() {
    List<Double> sorted = seconds.stream().sorted().toList();
    int n = sorted.size();
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  long maxPeakHeap() {
    return peakHeapBytes.stream().mapToLong(Long::longValue).max().orElse(0);
  }

  long maxPeakAfterGc() {
    return peakAfterGcBytes.stream().mapToLong(Long::longValue).max().orElse(0);
  }
}
