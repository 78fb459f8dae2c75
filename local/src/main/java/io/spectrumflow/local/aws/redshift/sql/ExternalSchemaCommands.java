package io.spectrumflow.local.aws.redshift.sql;

import io.spectrumflow.local.aws.http.AwsException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Runs CREATE EXTERNAL SCHEMA and DROP SCHEMA of external schemas against the Glue catalog. */
final class ExternalSchemaCommands {

  private static final Pattern ROLE_ARN =
      Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+");

  private final SpectrumCatalog catalog;
  private final RoleAssociation roles;

  ExternalSchemaCommands(SpectrumCatalog catalog, RoleAssociation roles) {
    this.catalog = catalog;
    this.roles = roles;
  }

  void create(
      SessionUser user,
      RedshiftDatabase database,
      Connection connection,
      CreateExternalSchema command)
      throws RedshiftSqlException, SQLException {
    checkRoles(user, command.iamRole(), "IAM_ROLE");
    if (command.catalogRole() != null) {
      checkRoles(user, command.catalogRole(), "CATALOG_ROLE");
    }
    if (database.externalSchemas.get(command.schema()).isPresent()
        || localSchemaExists(connection, database, command.schema())) {
      alreadyExists(command);
      return;
    }
    if (!catalog.hasDatabase(command.glueDatabase())) {
      if (!command.createDatabase()) {
        throw new RedshiftSqlException(
            "ERROR: External database \""
                + command.glueDatabase()
                + "\" does not exist in the data catalog;"
                + " create it or add CREATE EXTERNAL DATABASE IF NOT EXISTS");
      }
      createGlueDatabase(command.glueDatabase());
    }
    ExternalSchema schema =
        new ExternalSchema(
            command.schema(),
            command.glueDatabase(),
            command.region(),
            command.iamRole(),
            command.catalogRole());
    if (!database.externalSchemas.add(schema)) {
      alreadyExists(command); // created meanwhile by a concurrent statement
    }
  }

  private static void alreadyExists(CreateExternalSchema command) throws RedshiftSqlException {
    if (!command.ifNotExists()) {
      throw new RedshiftSqlException("ERROR: Schema \"" + command.schema() + "\" already exists");
    }
    // with IF NOT EXISTS Redshift only answers INFO: Schema "x" already exists
  }

  void drop(RedshiftDatabase database, Connection connection, DropSchema command)
      throws RedshiftSqlException, SQLException {
    for (String name : command.schemas()) {
      var schema = database.externalSchemas.get(name);
      if (schema.isEmpty()) {
        if (command.ifExists()) {
          continue;
        }
        throw new RedshiftSqlException("ERROR: schema \"" + name + "\" does not exist");
      }
      database.externalSchemas.remove(name);
      SpectrumViews.drop(connection, name);
      if (command.dropExternalDatabase() && catalog.hasDatabase(schema.get().glueDatabase())) {
        catalog.deleteDatabase(schema.get().glueDatabase());
      }
    }
  }

  /**
   * Checks the roles of an external schema a query reads: Spectrum assumes them on every query, so
   * a role removed from the cluster since CREATE EXTERNAL SCHEMA fails the query.
   */
  void checkUse(SessionUser user, ExternalSchema schema) throws RedshiftSqlException {
    checkRoles(user, schema.iamRole(), "IAM_ROLE");
    if (schema.catalogRole() != null) {
      checkRoles(user, schema.catalogRole(), "CATALOG_ROLE");
    }
  }

  private void checkRoles(SessionUser user, String value, String clause)
      throws RedshiftSqlException {
    if (value.equalsIgnoreCase("default") || value.equalsIgnoreCase("SESSION")) {
      roles.check(user, value.toLowerCase(Locale.ROOT));
      return;
    }
    // a chain of roles is one comma-separated string; the cluster assumes only the first
    String[] chain = value.split(",");
    for (String arn : chain) {
      if (!ROLE_ARN.matcher(arn.trim()).matches()) {
        throw new RedshiftSqlException(
            "ERROR: Invalid "
                + clause
                + " '"
                + arn.trim()
                + "': expected default or arn:aws:iam::<account-id>:role/<role-name>");
      }
    }
    roles.check(user, chain[0].trim());
  }

  private void createGlueDatabase(String name) {
    try {
      catalog.createDatabase(name, "Created by CREATE EXTERNAL SCHEMA in Redshift");
    } catch (AwsException e) {
      if (!"AlreadyExistsException".equals(e.type())) {
        throw e;
      }
    }
  }

  private static boolean localSchemaExists(
      Connection connection, RedshiftDatabase database, String schema) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT 1 FROM information_schema.schemata WHERE catalog_name = ? AND schema_name = ?")) {
      statement.setString(1, database.duckDbCatalog());
      statement.setString(2, schema);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next();
      }
    }
  }
}
