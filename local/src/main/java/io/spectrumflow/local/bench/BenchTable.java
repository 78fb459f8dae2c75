package io.spectrumflow.local.bench;

import java.util.Locale;

/** The report as the text table the command prints (and the README shows). */
final class BenchTable {

  private BenchTable() {}

  static String render(BenchReport report) {
    StringBuilder out = new StringBuilder();
    MachineInfo m = report.machine();
    out.append(
        String.format(
            Locale.ROOT,
            "%,d rows (NDJSON %.1f MB, CSV %.1f MB), seed %d, %d timed runs each after a warm-up;"
                + " %d cores, heap max %d MB, %s; load average %.2f at start, %.2f at end%n%n",
            report.rows(),
            report.ndjsonBytes() / 1e6,
            report.csvBytes() / 1e6,
            report.seed(),
            report.runs(),
            m.cores(),
            m.maxHeapMb(),
            m.java(),
            m.loadAverageAtStart(),
            m.loadAverageAtEnd()));
    out.append(
        String.format(
            Locale.ROOT,
            "| %-42s | %7s | %7s | %8s | %11s | %7s | %9s | %9s | %8s |%n",
            "measurement",
            "threads",
            "min s",
            "median s",
            "rows/s",
            "MB/s",
            "peak heap",
            "after GC",
            "out MB"));
    out.append("|")
        .append("-".repeat(44))
        .append("|---------|---------|----------|")
        .append("-------------|---------|-----------|-----------|----------|\n");
    for (Measurement line : report.measurements()) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %-42s | %7d | %7.3f | %8.3f | %,11.0f | %7s | %9s | %9s | %8.1f |%n",
              line.name(),
              line.threads(),
              line.minSeconds(),
              line.medianSeconds(),
              line.rowsPerSecond(),
              line.inputMbPerSecond() == 0
                  ? "-"
                  : String.format(Locale.ROOT, "%.1f", line.inputMbPerSecond()),
              megabytes(line.peakHeapMb()),
              megabytes(line.peakHeapAfterGcMb()),
              line.outputBytes() / 1e6));
    }
    out.append('\n');
    for (Ratio ratio : report.ratios()) {
      out.append(
          String.format(
              Locale.ROOT,
              "%-58s %6.2f%s%n",
              ratio.name(),
              ratio.value(),
              Double.isNaN(ratio.target())
                  ? ""
                  : String.format(Locale.ROOT, "   (target %.2f)", ratio.target())));
    }
    if (report.endToEnd() != null) {
      BenchReport.EndToEnd e2e = report.endToEnd();
      out.append(
          String.format(
              Locale.ROOT,
              "%nEnd to end on the embedded stack (direct mode), one batch of %,d rows:"
                  + " min %.2f s, median %.2f s; the median run's steps:%n",
              e2e.rows(),
              e2e.minSeconds(),
              e2e.medianSeconds()));
      for (BenchReport.StepShare step : e2e.steps()) {
        out.append(
            String.format(
                Locale.ROOT,
                "  %-10s %7.2f s  %5.1f %%%n",
                step.step(),
                step.seconds(),
                step.share() * 100));
      }
    }
    if (report.workflowOverhead() != null) {
      BenchReport.WorkflowOverhead o = report.workflowOverhead();
      out.append(
          String.format(
              Locale.ROOT,
              "%nWorkflow overhead: %d batches of %d rows, median %.3f s per run (min %.3f s)%n",
              o.batches(),
              o.rowsPerBatch(),
              o.medianSeconds(),
              o.minSeconds()));
    }
    if (report.workers() != null) {
      BenchReport.WorkerScaling w = report.workers();
      out.append(String.format(Locale.ROOT, "%nWorkers: %s%n", w.note()));
    }
    return out.toString();
  }

  private static String megabytes(double mb) {
    return mb == 0 ? "-" : String.format(Locale.ROOT, "%.0f MB", mb);
  }
}
