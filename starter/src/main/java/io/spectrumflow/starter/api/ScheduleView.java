package io.spectrumflow.starter.api;

import java.util.List;

/**
 * A pipeline's schedule as the API shows it.
 *
 * @param pipeline the pipeline
 * @param scheduleId the Temporal schedule id
 * @param cron its cron expressions
 * @param paused whether it is paused
 * @param note the note of the last pause or unpause
 * @param actions how many runs it started
 * @param skipped how many it skipped because the previous one was still going
 * @param nextRuns the next fire times
 * @param recentRuns the workflow ids of its recent runs
 */
public record ScheduleView(
    String pipeline,
    String scheduleId,
    List<String> cron,
    boolean paused,
    String note,
    long actions,
    long skipped,
    List<String> nextRuns,
    List<String> recentRuns) {}
