package io.spectrumflow.activities.glue;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.glue.model.Column;

/**
 * The record field a Glue column holds, kept in the column's parameters as {@value #PARAMETER}, so
 * that every later batch puts that field in that column (see {@link
 * io.spectrumflow.workflows.pipeline.ColumnMap}). Parameters rather than the comment: a field name
 * may be longer than a comment's 255 characters (a parameter value takes 512,000), and the comment
 * stays the user's.
 */
public final class ColumnFields {

  /** The column parameter that names the field. */
  public static final String PARAMETER = "spectrumflow.field";

  /** Glue's limit on a parameter value; a longer field name is not recorded. */
  static final int MAX_VALUE_LENGTH = 512_000;

  private ColumnFields() {}

  /** The field the column records; null when it records none. */
  public static String recorded(Column column) {
    return column.hasParameters() ? column.parameters().get(PARAMETER) : null;
  }

  /** The column recording {@code field}, its other parameters kept; as it is for a null field. */
  static Column recording(Column column, String field) {
    if (field == null || field.length() > MAX_VALUE_LENGTH) {
      return column;
    }
    Map<String, String> parameters =
        column.hasParameters() ? new HashMap<>(column.parameters()) : new HashMap<>();
    parameters.put(PARAMETER, field);
    return column.toBuilder().parameters(parameters).build();
  }
}
