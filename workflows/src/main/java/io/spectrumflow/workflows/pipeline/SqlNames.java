package io.spectrumflow.workflows.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules for the pipeline's names that reach Glue and Redshift SQL. They are checked when the
 * configuration is loaded and again when a run starts, so that a bad name is refused before
 * anything is uploaded, not by the statement that finally uses it.
 *
 * <p>Glue lowercases names and allows at most 255 characters; a Redshift identifier is at most 127
 * bytes (ASCII here, so characters) and is case-insensitive, and a Redshift database name at most
 * 64 characters. Only lowercase letters, digits and '_' are allowed, so no name can break the SQL
 * it is put into.
 */
public final class SqlNames {

  private static final Pattern GLUE_DATABASE = Pattern.compile("[a-z0-9_]{1,255}");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,126}");
  private static final Pattern DATABASE = Pattern.compile("[a-z_][a-z0-9_]{0,63}");
  private static final String IDENTIFIER_RULE =
      "1 to 127 lowercase letters, digits and '_', starting with a letter or '_'";

  private SqlNames() {}

  /**
   * What is wrong with the pipeline's SQL-bound names, one line for each bad setting, written as
   * {@code catalog.table: '...' is not ...: use ...}; empty when all are legal.
   */
  public static List<String> problems(PipelineSpec pipeline) {
    List<String> problems = new ArrayList<>();
    if (pipeline.catalog() != null) {
      check(
          problems,
          "catalog.database",
          pipeline.catalog().database(),
          GLUE_DATABASE,
          "a Glue database name: use 1 to 255 lowercase letters, digits and '_'");
      // the table is a Glue name and, in the row count, a Redshift identifier
      check(
          problems,
          "catalog.table",
          pipeline.catalog().table(),
          IDENTIFIER,
          "a Glue table name that Redshift can query: use " + IDENTIFIER_RULE);
    }
    if (pipeline.redshift() != null) {
      check(
          problems,
          "redshift.externalSchema",
          pipeline.redshift().externalSchema(),
          IDENTIFIER,
          "a Redshift schema name: use " + IDENTIFIER_RULE);
      check(
          problems,
          "redshift.database",
          pipeline.redshift().database(),
          DATABASE,
          "a Redshift database name: use 1 to 64 lowercase letters, digits and '_', starting with"
              + " a letter or '_'");
    }
    return problems;
  }

  private static void check(
      List<String> problems, String setting, String value, Pattern rule, String expected) {
    if (value == null || !rule.matcher(value).matches()) {
      problems.add(setting + ": '" + value + "' is not " + expected);
    }
  }
}
