package io.spectrumflow.activities.glue;

import io.spectrumflow.workflows.pipeline.ColumnType;

/** The Glue (Hive) type names of our column types, as Redshift Spectrum reads them. */
public final class GlueTypes {

  private GlueTypes() {}

  public static String of(ColumnType type) {
    return switch (type) {
      case BIGINT -> "bigint";
      case DOUBLE -> "double";
      case BOOLEAN -> "boolean";
      case STRING -> "string";
      case TIMESTAMP -> "timestamp";
    };
  }
}
