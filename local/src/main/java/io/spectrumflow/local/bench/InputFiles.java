package io.spectrumflow.local.bench;

import java.nio.file.Path;

/** The generated inputs: the same rows as NDJSON and as CSV. */
record InputFiles(Path ndjson, Path csv) {}
