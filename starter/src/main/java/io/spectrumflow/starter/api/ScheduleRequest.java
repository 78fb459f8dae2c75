package io.spectrumflow.starter.api;

/**
 * A pipeline's schedule as {@code PUT /pipelines/{name}/schedule} takes it.
 *
 * @param cron five-field cron, or a shorthand like {@code @hourly}
 * @param paused whether it starts paused
 * @param note why, shown in the Temporal UI
 */
public record ScheduleRequest(String cron, Boolean paused, String note) {}
