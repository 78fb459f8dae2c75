package io.spectrumflow.workflows.export;

import java.util.List;

/**
 * The catalog after registration.
 *
 * @param database the Glue database
 * @param table the Glue table
 * @param location the table's S3 location
 * @param partitionsCreated partitions this call registered
 * @param partitionsExisting partitions that were registered already
 * @param columnsAdded changes this batch made to an existing table's columns (added, widened)
 * @param replacedLocations in replace mode, the S3 locations the batch's partitions pointed at
 *     before it switched them; their objects are removed after the grace period. Never null.
 */
public record CatalogResult(
    String database,
    String table,
    String location,
    int partitionsCreated,
    int partitionsExisting,
    List<String> columnsAdded,
    List<String> replacedLocations) {

  public CatalogResult {
    // histories recorded before replace mode existed carry no such field
    replacedLocations = replacedLocations == null ? List.of() : replacedLocations;
  }

  /** A result that replaced nothing. */
  public CatalogResult(
      String database,
      String table,
      String location,
      int partitionsCreated,
      int partitionsExisting,
      List<String> columnsAdded) {
    this(database, table, location, partitionsCreated, partitionsExisting, columnsAdded, List.of());
  }
}
