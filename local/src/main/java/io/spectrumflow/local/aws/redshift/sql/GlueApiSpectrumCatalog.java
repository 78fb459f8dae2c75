package io.spectrumflow.local.aws.redshift.sql;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spectrumflow.local.aws.http.AwsException;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;

/**
 * Another Glue, read through its API with the given client (e.g. moto's, at an endpoint override):
 * what Spectrum reads of the Data Catalog, with the permissions of the client's credentials, as
 * Spectrum reads with its IAM role. Answers are turned into Glue's JSON shape.
 */
public final class GlueApiSpectrumCatalog implements SpectrumCatalog {

  private final GlueClient glue;

  /**
   * @param glue the client, owned by the caller
   */
  public GlueApiSpectrumCatalog(GlueClient glue) {
    this.glue = glue;
  }

  @Override
  public boolean hasDatabase(String database) {
    try {
      glue.getDatabase(b -> b.name(database));
      return true;
    } catch (EntityNotFoundException e) {
      return false;
    }
  }

  @Override
  public void createDatabase(String database, String description) {
    try {
      glue.createDatabase(b -> b.databaseInput(d -> d.name(database).description(description)));
    } catch (AlreadyExistsException e) {
      throw new AwsException("AlreadyExistsException", e.awsErrorDetails().errorMessage());
    }
  }

  @Override
  public void deleteDatabase(String database) {
    found(() -> glue.deleteDatabase(b -> b.name(database)));
  }

  @Override
  public List<ObjectNode> tables(String database) {
    return found(
        () ->
            glue.getTablesPaginator(b -> b.databaseName(database)).stream()
                .flatMap(page -> page.tableList().stream())
                .map(GlueJson::of)
                .toList());
  }

  @Override
  public ObjectNode table(String database, String table) {
    return found(
        () -> GlueJson.of(glue.getTable(b -> b.databaseName(database).name(table)).table()));
  }

  @Override
  public List<ObjectNode> partitions(String database, String table) {
    return found(
        () ->
            glue.getPartitionsPaginator(b -> b.databaseName(database).tableName(table)).stream()
                .flatMap(page -> page.partitions().stream())
                .map(GlueJson::of)
                .toList());
  }

  /** Glue's "not found" as the in-process catalog throws it; every other error as it is. */
  private static <T> T found(Supplier<T> call) {
    try {
      return call.get();
    } catch (EntityNotFoundException e) {
      throw new AwsException("EntityNotFoundException", e.awsErrorDetails().errorMessage());
    }
  }
}
