package io.spectrumflow.local.aws.redshift.sql;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spectrumflow.local.aws.glue.GlueCatalog;
import io.spectrumflow.local.aws.http.AwsJson;
import java.util.List;

/** The stand-in's own Glue catalog, read in process. */
public final class InProcessSpectrumCatalog implements SpectrumCatalog {

  private final GlueCatalog catalog;

  public InProcessSpectrumCatalog(GlueCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public boolean hasDatabase(String database) {
    return catalog.hasDatabase(database);
  }

  @Override
  public void createDatabase(String database, String description) {
    catalog.createDatabase(AwsJson.object().put("Name", database).put("Description", description));
  }

  @Override
  public void deleteDatabase(String database) {
    catalog.deleteDatabase(database);
  }

  @Override
  public List<ObjectNode> tables(String database) {
    return catalog.tables(database);
  }

  @Override
  public ObjectNode table(String database, String table) {
    return catalog.table(database, table);
  }

  @Override
  public List<ObjectNode> partitions(String database, String table) {
    return catalog.partitions(database, table);
  }
}
