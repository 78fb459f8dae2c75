package io.spectrumflow.local.bench;

/**
 * A comparison between two measurements of the same run.
 *
 * @param name what is compared, e.g. {@code ours/DuckDB rows/s, NDJSON, 1 thread}
 * @param value the ratio
 * @param target the value the issue asks for, or NaN; the direction is in the name
 */
record Ratio(String name, double value, double target) {}
