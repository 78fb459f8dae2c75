package io.spectrumflow.starter.api;

import io.spectrumflow.workflows.export.ExportWorkflowIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Batch ids for posted batches: the one given, else one derived from the Idempotency-Key (so a
 * retried request is the same batch and the same run), else a new one.
 */
final class BatchIds {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

  private BatchIds() {}

  static String choose(String given, String idempotencyKey, String pipeline, Clock clock) {
    if (given != null && !given.isBlank()) {
      return ExportWorkflowIds.requireValidBatchId(given);
    }
    if (idempotencyKey != null && !idempotencyKey.isBlank()) {
      return "api-" + digest(pipeline + "\n" + idempotencyKey);
    }
    return "api-"
        + STAMP.format(clock.instant())
        + "-"
        + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A batch id for a list of staged objects: the same objects make the same batch. */
  static String forInputs(String pipeline, Iterable<String> inputs) {
    return "ref-" + digest(pipeline + "\n" + String.join("\n", inputs));
  }

  private static String digest(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash).substring(0, 24);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }
}
