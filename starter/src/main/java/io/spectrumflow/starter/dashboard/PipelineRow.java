package io.spectrumflow.starter.dashboard;

/**
 * A pipeline as the overview lists it. Nothing secret: no webhook URL, no Redshift user.
 *
 * @param name the pipeline
 * @param format its input format
 * @param table {@code database.table} in Glue, and the catalog mode
 * @param schedule its schedule's cron expressions, or null when it has none
 * @param scheduleState {@code paused}, {@code next <time>}, or why it is not known
 * @param lastRun its latest run, or null
 */
record PipelineRow(
    String name,
    String format,
    String table,
    String schedule,
    String scheduleState,
    DashboardRun lastRun) {}
