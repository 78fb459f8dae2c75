package io.spectrumflow.local.aws.redshift.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code DROP SCHEMA [IF EXISTS] name [, ...] [DROP EXTERNAL DATABASE] [CASCADE | RESTRICT]}.
 *
 * @param dropExternalDatabase also delete the Glue database behind an external schema
 */
record DropSchema(List<String> schemas, boolean ifExists, boolean dropExternalDatabase) {

  /** The statement, or empty when {@code sql} is not DROP SCHEMA. */
  static Optional<DropSchema> parse(String sql) throws RedshiftSqlException {
    SqlWords words = new SqlWords(sql);
    if (!words.accept("DROP", "SCHEMA")) {
      return Optional.empty();
    }
    boolean ifExists = words.accept("IF", "EXISTS");
    List<String> schemas = new ArrayList<>(List.of(words.identifier()));
    while (words.accept(",")) {
      schemas.add(words.identifier());
    }
    boolean dropDatabase = words.accept("DROP", "EXTERNAL", "DATABASE");
    if (!words.accept("CASCADE")) {
      words.accept("RESTRICT");
    }
    if (!words.atEnd()) {
      throw words.syntaxError();
    }
    return Optional.of(new DropSchema(List.copyOf(schemas), ifExists, dropDatabase));
  }
}
