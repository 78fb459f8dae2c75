package io.spectrumflow.local.temporal.schedule;

import java.util.List;

/**
 * What a scheduler run hands to the next one when it continues as new, besides the schedule itself.
 *
 * @param lastProcessedMillis the spec times up to here have been taken or skipped
 * @param buffer the actions waiting for a running workflow to end
 */
public record SchedulerProgress(long lastProcessedMillis, List<BufferedStart> buffer) {

  public static final SchedulerProgress NEW = new SchedulerProgress(0, List.of());
}
