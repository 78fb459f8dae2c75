package io.spectrumflow.local.aws.redshift;

import io.spectrumflow.local.aws.http.JsonRequest;
import java.nio.charset.StandardCharsets;

/**
 * The Data API's limit on one statement's size: 100 KB (AWS docs). Read the stricter way, as
 * 100,000 bytes of UTF-8, so that what passes here passes on AWS.
 */
final class StatementSize {

  static final int MAX_BYTES = 100_000;

  private StatementSize() {}

  /** Refuses a statement above the limit with the Data API's ValidationException. */
  static void check(JsonRequest request, String sql) {
    if (sql.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw request.invalid("Cannot process query string larger than 100kB");
    }
  }
}
