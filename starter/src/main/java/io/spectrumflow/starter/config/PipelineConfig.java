package io.spectrumflow.starter.config;

import io.spectrumflow.workflows.export.ExportWorkflowIds;
import io.spectrumflow.workflows.pipeline.CatalogMode;
import io.spectrumflow.workflows.pipeline.CatalogSpec;
import io.spectrumflow.workflows.pipeline.ColumnSpec;
import io.spectrumflow.workflows.pipeline.ColumnType;
import io.spectrumflow.workflows.pipeline.Compression;
import io.spectrumflow.workflows.pipeline.KeyLayout;
import io.spectrumflow.workflows.pipeline.ParquetSpec;
import io.spectrumflow.workflows.pipeline.PartitionSpec;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.spectrumflow.workflows.pipeline.RedshiftSpec;
import io.spectrumflow.workflows.pipeline.SourceFormat;
import io.spectrumflow.workflows.pipeline.SqlNames;
import io.spectrumflow.workflows.pipeline.StorageSpec;
import io.spectrumflow.workflows.pipeline.TimestampEncoding;
import io.spectrumflow.workflows.pipeline.WriteMode;
import java.util.ArrayList;
import java.util.List;

/**
 * One pipeline as written in the YAML configuration. {@link #toSpec} applies defaults and checks
 * every setting, naming the key of the first bad one.
 */
public record PipelineConfig(
    String format,
    Storage storage,
    Partition partition,
    Parquet parquet,
    Catalog catalog,
    Redshift redshift,
    List<Column> schema,
    Schedule schedule,
    String failureWebhook,
    Integer maxConcurrentRuns) {

  /** {@code schedule:} when to export what was staged in the pipeline's incoming folder. */
  public record Schedule(String cron, Boolean paused) {}

  /** {@code storage:} where objects go. */
  public record Storage(
      String bucket, String prefix, String layout, String mode, Integer replaceGraceSeconds) {}

  /** {@code partition:} the partition column and the record field that gives its date. */
  public record Partition(String column, String field) {}

  /** {@code parquet:} file options. */
  public record Parquet(
      String compression, Integer targetFileMb, Integer rowGroupMb, String timestampEncoding) {}

  /** {@code catalog:} Glue. */
  public record Catalog(
      String mode, String database, String table, String crawlerName, String crawlerRole) {}

  /** {@code redshift:} the Data API target. */
  public record Redshift(
      String clusterIdentifier,
      String dbUser,
      String secretArn,
      String workgroupName,
      String database,
      String externalSchema,
      String iamRole,
      String region) {}

  /**
   * {@code schema:} one given column; {@code field} names the record field it is read from when
   * that is not the column's name or the name's legal form.
   */
  public record Column(String name, String type, String field) {}

  /**
   * The pipeline as the workflow takes it.
   *
   * @param awsRegion the workers' {@code aws.region}, which {@code redshift.region} defaults to and
   *     must equal; null when the file sets none (a file of pipelines only)
   */
  public PipelineSpec toSpec(String name, String awsRegion) {
    String key = "pipelines." + name;
    try {
      ExportWorkflowIds.requireValidPipelineName(name);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key + ": " + e.getMessage());
    }
    PipelineSpec spec =
        new PipelineSpec(
            name,
            ConfigValues.enumValue(key + ".format", format, SourceFormat.JSON, SourceFormat.class),
            storage(key + ".storage"),
            partition(key + ".partition"),
            parquet(key + ".parquet"),
            catalog(key + ".catalog", name),
            redshift(key + ".redshift", awsRegion),
            schema(key + ".schema"),
            webhook(key + ".failureWebhook"),
            checkedMaxConcurrentRuns(name));
    // database, table and schema names reach Glue and Redshift SQL: checked here, not by the
    // statement at the end of a run that has already uploaded
    List<String> badNames = SqlNames.problems(spec);
    if (!badNames.isEmpty()) {
      throw new ConfigException(key + "." + badNames.get(0));
    }
    if (spec.storage().mode() == WriteMode.REPLACE_PARTITIONS
        && spec.catalog().mode() != CatalogMode.DIRECT) {
      throw new ConfigException(
          key
              + ".storage.mode: replace-partitions needs catalog.mode direct (it switches each"
              + " partition's location itself; a crawler would register every version)");
    }
    return spec;
  }

  private StorageSpec storage(String key) {
    Storage s = storage == null ? new Storage(null, null, null, null, null) : storage;
    String prefix = ConfigValues.orDefault(s.prefix(), "");
    if (prefix.startsWith("/") || prefix.endsWith("/") || prefix.contains("..")) {
      throw new ConfigException(
          key + ".prefix: '" + prefix + "' must not start or end with '/' nor contain '..'");
    }
    int grace = s.replaceGraceSeconds() == null ? 300 : s.replaceGraceSeconds();
    if (grace < 0) {
      throw new ConfigException(key + ".replaceGraceSeconds: must not be negative, not " + grace);
    }
    return new StorageSpec(
        ConfigValues.required(key + ".bucket", s.bucket()),
        prefix,
        ConfigValues.enumValue(key + ".layout", s.layout(), KeyLayout.HIVE, KeyLayout.class),
        ConfigValues.enumValue(key + ".mode", s.mode(), WriteMode.APPEND, WriteMode.class),
        grace);
  }

  private PartitionSpec partition(String key) {
    Partition p = partition == null ? new Partition(null, null) : partition;
    String column = ConfigValues.orDefault(p.column(), "date");
    if (!column.matches("[a-z_][a-z0-9_]{0,126}")) {
      throw new ConfigException(
          key + ".column: '" + column + "' must be lowercase letters, digits and '_'");
    }
    return new PartitionSpec(column, p.field() == null || p.field().isBlank() ? null : p.field());
  }

  private ParquetSpec parquet(String key) {
    Parquet p = parquet == null ? new Parquet(null, null, null, null) : parquet;
    return new ParquetSpec(
        ConfigValues.enumValue(
            key + ".compression", p.compression(), Compression.SNAPPY, Compression.class),
        ConfigValues.positiveMegabytes(key + ".targetFileMb", p.targetFileMb(), 128),
        ConfigValues.positiveMegabytes(key + ".rowGroupMb", p.rowGroupMb(), 16),
        ConfigValues.enumValue(
            key + ".timestampEncoding",
            p.timestampEncoding(),
            TimestampEncoding.INT64_MICROS,
            TimestampEncoding.class));
  }

  private CatalogSpec catalog(String key, String name) {
    Catalog c = catalog == null ? new Catalog(null, null, null, null, null) : catalog;
    String table = ConfigValues.orDefault(c.table(), name.replace('-', '_'));
    String database = ConfigValues.required(key + ".database", c.database());
    CatalogMode mode =
        ConfigValues.enumValue(key + ".mode", c.mode(), CatalogMode.DIRECT, CatalogMode.class);
    if (mode == CatalogMode.CRAWLER) {
      ConfigValues.required(key + ".crawlerRole", c.crawlerRole());
    }
    return new CatalogSpec(mode, database, table, c.crawlerName(), c.crawlerRole());
  }

  private RedshiftSpec redshift(String key, String awsRegion) {
    Redshift r =
        redshift == null ? new Redshift(null, null, null, null, null, null, null, null) : redshift;
    boolean cluster = r.clusterIdentifier() != null && !r.clusterIdentifier().isBlank();
    boolean serverless = r.workgroupName() != null && !r.workgroupName().isBlank();
    if (cluster == serverless) {
      throw new ConfigException(
          key
              + ": set exactly one of clusterIdentifier (a provisioned cluster) and workgroupName"
              + " (Redshift Serverless)");
    }
    if (cluster && r.dbUser() == null && r.secretArn() == null) {
      throw new ConfigException(
          key + ": a provisioned cluster needs dbUser (temporary credentials) or secretArn");
    }
    return new RedshiftSpec(
        r.clusterIdentifier(),
        r.dbUser(),
        r.secretArn(),
        r.workgroupName(),
        ConfigValues.orDefault(r.database(), "dev"),
        ConfigValues.orDefault(r.externalSchema(), "spectrum"),
        ConfigValues.required(key + ".iamRole", r.iamRole()),
        RedshiftRegion.effective(key + ".region", r.region(), awsRegion));
  }

  /** The checked schedule, or null when the pipeline has none. */
  public Schedule checkedSchedule(String name) {
    if (schedule == null) {
      return null;
    }
    String key = "pipelines." + name + ".schedule";
    CronSpec.requireValid(key + ".cron", ConfigValues.required(key + ".cron", schedule.cron()));
    return new Schedule(schedule.cron().trim(), Boolean.TRUE.equals(schedule.paused()));
  }

  /** The most runs of this pipeline at once, or 0 for no limit. */
  public int checkedMaxConcurrentRuns(String name) {
    if (maxConcurrentRuns == null) {
      return 0;
    }
    if (maxConcurrentRuns < 1) {
      throw new ConfigException(
          "pipelines." + name + ".maxConcurrentRuns: must be at least 1, not " + maxConcurrentRuns);
    }
    return maxConcurrentRuns;
  }

  private String webhook(String key) {
    if (failureWebhook == null || failureWebhook.isBlank()) {
      return null;
    }
    if (!failureWebhook.matches("https?://\\S+")) {
      throw new ConfigException(key + ": '" + failureWebhook + "' is not an http(s) URL");
    }
    return failureWebhook;
  }

  private List<ColumnSpec> schema(String key) {
    List<ColumnSpec> columns = new ArrayList<>();
    if (schema != null) {
      for (int i = 0; i < schema.size(); i++) {
        Column column = schema.get(i);
        String at = key + "[" + i + "]";
        columns.add(
            new ColumnSpec(
                ConfigValues.required(at + ".name", column.name()),
                ConfigValues.enumValue(at + ".type", column.type(), null, ColumnType.class),
                column.field()));
        if (columns.get(i).type() == null) {
          throw new ConfigException(at + ".type: is required");
        }
      }
    }
    return columns;
  }
}
