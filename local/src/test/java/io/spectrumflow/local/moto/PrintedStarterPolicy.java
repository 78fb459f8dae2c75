package io.spectrumflow.local.moto;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import java.util.Collection;
import java.util.Optional;

/**
 * The starter's policy as {@code iam-policy --for starter} prints it, from {@code
 * io.spectrumflow.starter.iam.StarterPolicy} when the tree has it (it comes with the starter
 * policy's own change): looked up by name so that the suite compiles without it, and runs the
 * starter's part as soon as it is there.
 */
final class PrintedStarterPolicy {

  static final String CLASS = "io.spectrumflow.starter.iam.StarterPolicy";

  private PrintedStarterPolicy() {}

  /**
   * @param stagingRoot {@code bucket/prefix/} of {@code starter.staging}
   */
  static Optional<ObjectNode> of(String stagingRoot, Collection<PipelineSpec> pipelines)
      throws ReflectiveOperationException {
    Class<?> type;
    try {
      type = Class.forName(CLASS);
    } catch (ClassNotFoundException absent) {
      return Optional.empty();
    }
    Object policy =
        type.getConstructor(String.class, Collection.class).newInstance(stagingRoot, pipelines);
    return Optional.of((ObjectNode) type.getMethod("document").invoke(policy));
  }
}
