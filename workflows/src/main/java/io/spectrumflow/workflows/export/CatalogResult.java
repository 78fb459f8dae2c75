package io.spectrumflow.workflows.export;

import java.util.List;
import java.util.Map;

/**
 * The catalog after registration.
 *
 * @param database the Glue database
 * @param table the Glue table
 * @param location the table's S3 location
 * @param partitionsCreated partitions this call registered
 * @param partitionsExisting partitions that were registered already
 * @param columnsAdded changes this batch made to an existing table's columns (added, widened)
 * @param replaced in replace mode, each switched partition's value and the S3 location it pointed
 *     at before; those objects are removed after the grace period. Never null.
 */
public record CatalogResult(
    String database,
    String table,
    String location,
    int partitionsCreated,
    int partitionsExisting,
    List<String> columnsAdded,
    Map<String, String> replaced) {

  public CatalogResult {
    // histories recorded before replace mode existed carry no such field
    replaced = replaced == null ? Map.of() : replaced;
  }

  /** A result that replaced nothing. */
  public CatalogResult(
      String database,
      String table,
      String location,
      int partitionsCreated,
      int partitionsExisting,
      List<String> columnsAdded) {
    this(database, table, location, partitionsCreated, partitionsExisting, columnsAdded, Map.of());
  }

  /** The locations the switched partitions pointed at before. */
  public List<String> replacedLocations() {
    return List.copyOf(replaced.values());
  }
}
