package io.spectrumflow.local.bench;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One thing to time: a name for the table, the threads it may use, the bytes it reads, whether its
 * memory is on the Java heap (DuckDB's is not, so the heap says nothing about it), and the run
 * itself, which writes under a directory it is given empty.
 */
record BenchCase(String name, int threads, long inputBytes, boolean onHeap, Runner runner) {

  interface Runner {
    RunResult run(Path outputDir) throws IOException;
  }
}
