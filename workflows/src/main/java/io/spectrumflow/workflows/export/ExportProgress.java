package io.spectrumflow.workflows.export;

import java.util.List;

/**
 * Where a run is, as answered by the {@code progress} query.
 *
 * @param step the step running now, or {@code done} / {@code failed}
 * @param rows rows written so far
 * @param files files written so far
 * @param bytes bytes written so far
 * @param steps the steps finished so far, with their durations
 */
public record ExportProgress(
    String step, long rows, int files, long bytes, List<StepTiming> steps) {}
