package io.spectrumflow.local.bench;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One thing to time: a name for the table, the threads it may use, the bytes it reads, and the run
 * itself, which writes under a directory it is given empty.
 */
record BenchCase(String name, int threads, long inputBytes, Runner runner) {

  interface Runner {
    RunResult run(Path outputDir) throws IOException;
  }
}
