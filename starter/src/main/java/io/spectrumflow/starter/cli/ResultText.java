package io.spectrumflow.starter.cli;

import io.spectrumflow.workflows.export.ExportResult;
import io.spectrumflow.workflows.export.StepTiming;

/** A finished run's result, as the CLI prints it. */
public final class ResultText {

  private ResultText() {}

  public static String of(ExportResult result) {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            "batch %s of pipeline %s: %d rows written, %d verified through Redshift%n",
            result.batchId(), result.pipeline(), result.rowsWritten(), result.rowsVerified()));
    text.append(
        String.format(
            "%d objects, %d bytes, partitions %s, Glue table %s.%s%n",
            result.files(),
            result.bytes(),
            result.partitions(),
            result.glueDatabase(),
            result.glueTable()));
    for (StepTiming step : result.steps()) {
      text.append(String.format("  %-8s %6d ms%n", step.step(), step.millis()));
    }
    return text.toString();
  }
}
