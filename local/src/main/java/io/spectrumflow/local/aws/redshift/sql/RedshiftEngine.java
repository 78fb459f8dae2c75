package io.spectrumflow.local.aws.redshift.sql;

import io.spectrumflow.local.aws.s3.S3ObjectCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The SQL side of the stand-in: Redshift databases as DuckDB files under {@code
 * dir/databases/<name>/}, created on first use, whose external schemas read S3 through the object
 * cache.
 */
public final class RedshiftEngine implements AutoCloseable {

  /** The database every Redshift cluster has. */
  public static final String DEFAULT_DATABASE = "dev";

  private final Path databasesDir;
  private final SpectrumCatalog catalog;
  private final ExternalSchemaCommands commands;
  private final SpectrumViews views;
  private final ExternalCatalogViews catalogViews;
  private final Map<String, RedshiftDatabase> open = new HashMap<>();

  public RedshiftEngine(
      Path dir, SpectrumCatalog catalog, S3ObjectCache cache, RoleAssociation roles) {
    this.databasesDir = dir.resolve("databases");
    this.catalog = catalog;
    this.commands = new ExternalSchemaCommands(catalog, roles);
    this.views = new SpectrumViews(catalog, cache);
    this.catalogViews = new ExternalCatalogViews(catalog);
  }

  /**
   * A session on a database, or FAILED as Redshift answers for a name it cannot have.
   *
   * @param user who runs it, on which cluster or workgroup; all share the same databases here
   */
  public SqlSession session(SessionUser user, String databaseName) throws RedshiftSqlException {
    RedshiftDatabase database = database(databaseName);
    try {
      return new SqlSession(user, database, database.connect(), commands, views, catalogViews);
    } catch (SQLException e) {
      throw new RedshiftSqlException(RedshiftErrors.message(e, ""), e);
    }
  }

  /** Catalog queries on the database, for the Data API's List and Describe operations. */
  public RedshiftMetadata metadata(String databaseName) throws RedshiftSqlException {
    return new RedshiftMetadata(database(databaseName), catalog);
  }

  /** The databases there are: {@code dev} and every one used so far. */
  public List<String> databases() {
    TreeSet<String> names = new TreeSet<>(List.of(DEFAULT_DATABASE));
    if (Files.isDirectory(databasesDir)) {
      try (Stream<Path> dirs = Files.list(databasesDir)) {
        dirs.map(p -> p.getFileName().toString())
            .filter(RedshiftEngine::validName)
            .forEach(names::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new ArrayList<>(names);
  }

  private synchronized RedshiftDatabase database(String databaseName) throws RedshiftSqlException {
    String name = databaseName.toLowerCase(Locale.ROOT);
    if (!validName(name)) {
      throw new RedshiftSqlException("FATAL: database \"" + databaseName + "\" does not exist");
    }
    RedshiftDatabase database = open.get(name);
    if (database == null) {
      try {
        database = RedshiftDatabase.open(databasesDir.resolve(name), name);
      } catch (SQLException e) {
        throw new RedshiftSqlException(
            "FATAL: cannot open database \"" + name + "\": " + e.getMessage(), e);
      }
      open.put(name, database);
    }
    return database;
  }

  private static boolean validName(String name) {
    return name.matches("[a-z_][a-z0-9_$]{0,126}");
  }

  @Override
  public synchronized void close() {
    for (RedshiftDatabase database : open.values()) {
      try {
        database.close();
      } catch (SQLException e) {
        // closing on shutdown: the files are consistent after every commit
      }
    }
    open.clear();
  }
}
