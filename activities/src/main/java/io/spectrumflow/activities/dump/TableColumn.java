package io.spectrumflow.activities.dump;

import java.util.Objects;

/**
 * One data column of the existing Glue table (not a partition key), as the catalog holds it.
 *
 * @param name the column's name
 * @param glueType the column's Glue type string, e.g. {@code bigint}, {@code int}, {@code double},
 *     {@code string}, {@code varchar(20)}, {@code timestamp}, {@code boolean}, {@code
 *     decimal(10,2)}, {@code date}
 * @param field the record field the table records for the column; null when it records none (a
 *     table from before fields were recorded, or made by a crawler)
 */
public record TableColumn(String name, String glueType, String field) {

  public TableColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(glueType, "glueType");
  }

  /** A column that records no field. */
  public TableColumn(String name, String glueType) {
    this(name, glueType, null);
  }
}
