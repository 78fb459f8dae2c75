package io.spectrumflow.workflows.pipeline;

/**
 * The format of a batch's input. {@code JSON} accepts both NDJSON (one object per line) and a JSON
 * array of objects, told apart by the first non-blank character; {@code NDJSON} is its alias.
 */
public enum SourceFormat {
  JSON,
  NDJSON,
  CSV
}
