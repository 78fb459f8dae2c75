package io.spectrumflow.workflows.pipeline;

import java.util.List;

/**
 * Everything a run needs to know about its pipeline. It travels inside the workflow's request, so a
 * run's history shows exactly what it was asked to do.
 *
 * @param name the pipeline's name
 * @param format the input format
 * @param storage where Parquet objects go
 * @param partition how records map to date partitions
 * @param parquet how Parquet files are written
 * @param catalog the Glue side
 * @param redshift the Redshift side
 * @param schema the columns, when given; empty to infer them from the records
 * @param failureWebhook a URL that gets a JSON POST (Slack-compatible) when a run fails; or null
 * @param maxConcurrentRuns the most runs of the pipeline in their steps at once (others wait their
 *     turn); 0 for no limit, as in requests recorded before the limit existed
 */
public record PipelineSpec(
    String name,
    SourceFormat format,
    StorageSpec storage,
    PartitionSpec partition,
    ParquetSpec parquet,
    CatalogSpec catalog,
    RedshiftSpec redshift,
    List<ColumnSpec> schema,
    String failureWebhook,
    int maxConcurrentRuns) {

  /** A pipeline without a concurrency limit. */
  public PipelineSpec(
      String name,
      SourceFormat format,
      StorageSpec storage,
      PartitionSpec partition,
      ParquetSpec parquet,
      CatalogSpec catalog,
      RedshiftSpec redshift,
      List<ColumnSpec> schema,
      String failureWebhook) {
    this(name, format, storage, partition, parquet, catalog, redshift, schema, failureWebhook, 0);
  }

  /** A pipeline without failure alerts. */
  public PipelineSpec(
      String name,
      SourceFormat format,
      StorageSpec storage,
      PartitionSpec partition,
      ParquetSpec parquet,
      CatalogSpec catalog,
      RedshiftSpec redshift,
      List<ColumnSpec> schema) {
    this(name, format, storage, partition, parquet, catalog, redshift, schema, null);
  }

  /** The same pipeline with these columns as its schema. */
  public PipelineSpec withSchema(List<ColumnSpec> columns) {
    return new PipelineSpec(
        name,
        format,
        storage,
        partition,
        parquet,
        catalog,
        redshift,
        columns,
        failureWebhook,
        maxConcurrentRuns);
  }

  /** The same pipeline with at most this many runs at once (0: no limit). */
  public PipelineSpec withMaxConcurrentRuns(int runs) {
    return new PipelineSpec(
        name, format, storage, partition, parquet, catalog, redshift, schema, failureWebhook, runs);
  }

  /** The table's S3 location, {@code s3://bucket/prefix/table/}. */
  public String tableLocation() {
    return "s3://" + storage.bucket() + "/" + tablePrefix();
  }

  /** The key prefix of the table's objects, ending in a slash. */
  public String tablePrefix() {
    String prefix = storage.prefix() == null ? "" : storage.prefix();
    return (prefix.isEmpty() ? "" : prefix + "/") + catalog.table() + "/";
  }
}
