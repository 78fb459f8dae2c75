package io.spectrumflow.local.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Times cases in rounds: one untimed warm-up run of every case (class loading, JIT), then {@code
 * runs} rounds in which every case runs once, in the same order. Interleaving rather than running
 * each case's repetitions back to back spreads the load other processes put on a shared machine
 * over all cases alike, which keeps the ratios between them meaningful.
 */
final class RoundRobinRuns {

  /**
   * @param timing each run's time and peak heap
   * @param last what the last run produced
   */
  record Result(Timing timing, RunResult last) {}

  private final Path outputRoot;
  private final Consumer<String> progress;

  RoundRobinRuns(Path outputRoot, Consumer<String> progress) {
    this.outputRoot = outputRoot;
    this.progress = progress;
  }

  Map<BenchCase, Result> run(List<BenchCase> cases, int runs) throws IOException {
    for (BenchCase benchCase : cases) {
      progress.accept("warm-up: " + label(benchCase));
      benchCase.runner().run(Directories.emptied(dirOf(benchCase)));
    }
    Map<BenchCase, Timing> timings = new LinkedHashMap<>();
    Map<BenchCase, RunResult> last = new LinkedHashMap<>();
    cases.forEach(c -> timings.put(c, Timing.empty()));
    for (int round = 1; round <= runs; round++) {
      for (BenchCase benchCase : cases) {
        Path dir = Directories.emptied(dirOf(benchCase));
        RunResult result;
        long started;
        long elapsed;
        long peak;
        long peakAfterGc;
        try (HeapWatch heap = HeapWatch.start()) {
          started = System.nanoTime();
          result = benchCase.runner().run(dir);
          elapsed = System.nanoTime() - started;
          peak = heap.peak();
          peakAfterGc = heap.peakAfterGc();
        }
        timings
            .get(benchCase)
            .add(
                elapsed / 1e9, benchCase.onHeap() ? peak : 0, benchCase.onHeap() ? peakAfterGc : 0);
        last.put(benchCase, result);
        progress.accept(
            String.format(
                "run %d/%d: %-40s %7.3f s", round, runs, label(benchCase), elapsed / 1e9));
      }
    }
    Map<BenchCase, Result> results = new LinkedHashMap<>();
    cases.forEach(c -> results.put(c, new Result(timings.get(c), last.get(c))));
    return results;
  }

  private Path dirOf(BenchCase benchCase) {
    return outputRoot.resolve(label(benchCase).replaceAll("[^A-Za-z0-9]+", "-"));
  }

  private static String label(BenchCase benchCase) {
    return benchCase.name()
        + ", "
        + benchCase.threads()
        + (benchCase.threads() == 1 ? " thread" : " threads");
  }
}
