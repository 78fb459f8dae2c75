package io.spectrumflow.local.workerapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spectrumflow.local.stack.EmbeddedStack;
import io.spectrumflow.starter.runs.RunStarted;
import io.spectrumflow.workflows.export.ExportResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker stopped gracefully in the middle of a run finishes the activity it is running, and
 * another worker completes the run: the upload waiting for the stopped worker's files times out
 * after {@code worker.hostPickupTimeout}, and the dump and upload are redone on the new worker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkerHandoverTest {

  private static final int ROWS = 500;

  @TempDir static Path dir;
  private EmbeddedStack stack;
  private ExportBatches batches;

  @BeforeAll
  void start() throws Exception {
    stack = EmbeddedStack.start(dir.resolve("stack"));
    batches = new ExportBatches(stack);
  }

  @AfterAll
  void stop() throws Exception {
    batches.close();
    stack.close();
  }

  @Test
  void aWorkerStoppedMidRunFinishesItsActivityAndAnotherCompletesTheRun() throws Exception {
    HeldActivity heldDump = new HeldActivity("DumpParquet", Duration.ofSeconds(2));
    RunningWorkerApp first = RunningWorkerApp.start(config("first"), List.of(heldDump));
    RunStarted run;
    long stopMillis;
    try {
      run = batches.start("handover-1", ROWS);
      assertThat(heldDump.awaitStarted(Duration.ofSeconds(30))).isTrue();

      long stopping = System.nanoTime();
      first.stop();
      stopMillis = (System.nanoTime() - stopping) / 1_000_000;
    } finally {
      first.close();
    }
    // Stopping waited for the held dump instead of interrupting it.
    assertThat(heldDump.endedNormally()).as("dump interrupted: %s", heldDump.failure()).isTrue();
    assertThat(stopMillis).isGreaterThanOrEqualTo(1000);

    try (RunningWorkerApp second = RunningWorkerApp.start(config("second"))) {
      ExportResult result = batches.result(run, Duration.ofMinutes(1));

      assertThat(result.rowsWritten()).isEqualTo(ROWS);
      assertThat(result.rowsVerified()).isEqualTo(ROWS);
      // The second worker dumped again: the first one's files left with it.
      JsonNode timers = second.metrics().path("timers");
      assertThat(timers.path("spectrumflow.activity.DumpParquet").path("count").asLong())
          .isEqualTo(1);
      assertThat(timers.path("spectrumflow.activity.UploadPartitions").path("count").asLong())
          .isEqualTo(1);
    }
  }

  private Path config(String name) throws Exception {
    return new WorkerAppConfig(stack.temporalTarget(), stack.aws(), dir.resolve("work-" + name))
        .writeTo(dir.resolve(name + ".yml"));
  }
}
