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
 * @param columnsAdded columns added to an existing table for this batch
 */
public record CatalogResult(
    String database,
    String table,
    String location,
    int partitionsCreated,
    int partitionsExisting,
    List<String> columnsAdded) {}
