package io.spectrumflow.local.aws.redshift.sql;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spectrumflow.local.aws.http.AwsException;
import java.util.List;

/**
 * The Glue Data Catalog as Redshift Spectrum reads it: databases, tables and partitions in Glue's
 * JSON shape. Either the stand-in's own catalog ({@link InProcessSpectrumCatalog}) or another Glue
 * reached through its API ({@link GlueApiSpectrumCatalog}), as Spectrum reads the Data Catalog of
 * its region. A missing database or table is an {@link AwsException} of type {@code
 * EntityNotFoundException}.
 */
public interface SpectrumCatalog {

  boolean hasDatabase(String database);

  /** CREATE EXTERNAL DATABASE IF NOT EXISTS; an {@code AlreadyExistsException} if it exists. */
  void createDatabase(String database, String description);

  /** DROP SCHEMA ... DROP EXTERNAL DATABASE. */
  void deleteDatabase(String database);

  List<ObjectNode> tables(String database);

  ObjectNode table(String database, String table);

  List<ObjectNode> partitions(String database, String table);
}
