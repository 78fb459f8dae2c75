package io.spectrumflow.local.aws.redshift.sql;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code CREATE EXTERNAL SCHEMA [IF NOT EXISTS] name FROM DATA CATALOG DATABASE 'db' [REGION 'r']
 * IAM_ROLE {default | 'arn'} [CATALOG_ROLE {default | 'arn'}] [CATALOG_ID 'id'] [CREATE EXTERNAL
 * DATABASE IF NOT EXISTS]}, clauses in any order.
 *
 * @param iamRole {@code default}, {@code SESSION} or one or more comma-separated role ARNs
 */
record CreateExternalSchema(
    String schema,
    boolean ifNotExists,
    String glueDatabase,
    String region,
    String iamRole,
    String catalogRole,
    boolean createDatabase) {

  private static final Set<String> OTHER_SOURCES =
      Set.of("HIVE", "POSTGRES", "MYSQL", "KINESIS", "MSK", "REDSHIFT", "KAFKA");

  /** The statement, or empty when {@code sql} is not CREATE EXTERNAL SCHEMA. */
  static Optional<CreateExternalSchema> parse(String sql) throws RedshiftSqlException {
    SqlWords words = new SqlWords(sql);
    if (!words.accept("CREATE", "EXTERNAL", "SCHEMA")) {
      return Optional.empty();
    }
    boolean ifNotExists = words.accept("IF", "NOT", "EXISTS");
    String schema = words.identifier();
    String database = null;
    String region = null;
    String iamRole = null;
    String catalogRole = null;
    boolean createDatabase = false;
    while (!words.atEnd()) {
      if (words.accept("FROM")) {
        if (OTHER_SOURCES.contains(words.peek().toUpperCase(Locale.ROOT))) {
          throw new RedshiftSqlException(
              "ERROR: the local stand-in supports external schemas FROM DATA CATALOG only");
        }
        if (words.accept("DATA")) {
          words.expect("CATALOG");
        }
      } else if (words.accept("DATABASE")) {
        database = words.string();
      } else if (words.accept("SCHEMA") || words.accept("CATALOG_ID")) {
        words.string(); // not needed for a Glue catalog in one account
      } else if (words.accept("REGION")) {
        region = words.string();
      } else if (words.accept("IAM_ROLE")) {
        iamRole = roleValue(words);
      } else if (words.accept("CATALOG_ROLE")) {
        catalogRole = roleValue(words);
      } else if (words.accept("CREATE", "EXTERNAL", "DATABASE", "IF", "NOT", "EXISTS")) {
        createDatabase = true;
      } else {
        throw words.syntaxError();
      }
    }
    if (database == null) {
      throw new RedshiftSqlException(
          "ERROR: DATABASE must be specified for an external schema FROM DATA CATALOG");
    }
    if (iamRole == null) {
      throw new RedshiftSqlException("ERROR: IAM_ROLE must be specified");
    }
    return Optional.of(
        new CreateExternalSchema(
            schema,
            ifNotExists,
            database.toLowerCase(Locale.ROOT),
            region,
            iamRole,
            catalogRole,
            createDatabase));
  }

  private static String roleValue(SqlWords words) throws RedshiftSqlException {
    if (words.accept("default")) {
      return "default";
    }
    return words.string();
  }
}
