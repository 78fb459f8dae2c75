package io.spectrumflow.local.bench;

/** What one timed run produced: rows and output bytes. */
record RunResult(long rows, long bytes) {}
