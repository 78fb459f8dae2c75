package io.spectrumflow.workflows.export;

import java.util.regex.Pattern;

/**
 * The workflow id scheme: one id per pipeline and batch, so a batch submitted twice is one run.
 *
 * <p>The id is {@code export:<pipeline>:<batch-id>}. Neither a pipeline name nor a batch id may
 * contain ':', so two different (pipeline, batch) pairs never share an id. Runs started before this
 * scheme have the id {@code export-<pipeline>-<batch-id>} ({@link #legacyOf}), which is ambiguous
 * ({@code events}+{@code json-x} and {@code events-json}+{@code x} share it): a lookup may accept
 * such a run only when the run itself records the same pipeline and batch.
 */
public final class ExportWorkflowIds {

  private static final Pattern BATCH_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  private static final Pattern PIPELINE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  private static final String PREFIX = "export:";
  private static final String SEPARATOR = ":";
  private static final String LEGACY_PREFIX = "export-";

  private ExportWorkflowIds() {}

  /** The workflow id of a batch of a pipeline. */
  public static String of(String pipeline, String batchId) {
    return PREFIX + requireValidPipelineName(pipeline) + SEPARATOR + requireValidBatchId(batchId);
  }

  /**
   * The id the batch's run had before {@link #of}'s scheme: {@code export-<pipeline>-<batch-id>}.
   * Not injective, so only for finding runs started before the change, never for starting one.
   */
  public static String legacyOf(String pipeline, String batchId) {
    return LEGACY_PREFIX + requireValidPipelineName(pipeline) + "-" + requireValidBatchId(batchId);
  }

  /**
   * Checks a pipeline name: it names workflows and folders, so 1 to 64 lowercase letters, digits,
   * '_' and '-', starting with a letter or digit.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static String requireValidPipelineName(String name) {
    if (name == null || !PIPELINE.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "pipeline name '"
              + name
              + "' is not valid: use 1 to 64 lowercase letters, digits, '_' or '-', starting with"
              + " a letter or digit");
    }
    return name;
  }

  /**
   * Checks a batch id: it names S3 objects and a workflow, so only letters, digits, '.', '_' and
   * '-', starting with a letter or digit, at most 128 characters.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static String requireValidBatchId(String batchId) {
    if (batchId == null || !BATCH_ID.matcher(batchId).matches()) {
      throw new IllegalArgumentException(
          "batch id '"
              + batchId
              + "' is not valid: use 1 to 128 letters, digits, '.', '_' or '-', starting with a"
              + " letter or digit");
    }
    return batchId;
  }
}
