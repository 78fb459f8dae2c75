package io.spectrumflow.local.temporal.schedule;

import io.temporal.api.enums.v1.ScheduleOverlapPolicy;

/**
 * An action waiting to be started.
 *
 * @param nominalMillis the time the spec (or a trigger or backfill) gave it, epoch millis
 * @param actualMillis when it became due
 * @param overlap its overlap policy; unspecified means the schedule's
 * @param manual whether it was triggered or backfilled (then pause and action limits do not apply)
 */
public record BufferedStart(
    long nominalMillis, long actualMillis, ScheduleOverlapPolicy overlap, boolean manual) {}
