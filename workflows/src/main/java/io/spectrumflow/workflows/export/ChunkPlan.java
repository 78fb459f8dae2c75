package io.spectrumflow.workflows.export;

import java.util.ArrayList;
import java.util.List;

/** Splits a batch's inputs into chunks: one input each, or contiguous runs when there are many. */
final class ChunkPlan {

  private ChunkPlan() {}

  static List<List<String>> of(List<String> inputs, int maxChunks) {
    int chunks = Math.min(inputs.size(), maxChunks);
    List<List<String>> plan = new ArrayList<>();
    for (int chunk = 0; chunk < chunks; chunk++) {
      int from = (int) ((long) inputs.size() * chunk / chunks);
      int to = (int) ((long) inputs.size() * (chunk + 1) / chunks);
      plan.add(List.copyOf(inputs.subList(from, to)));
    }
    return plan;
  }
}
