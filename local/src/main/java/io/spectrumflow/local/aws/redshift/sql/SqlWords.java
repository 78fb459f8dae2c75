package io.spectrumflow.local.aws.redshift.sql;

import java.util.List;
import java.util.Locale;

/** A cursor over a DDL statement's words, for the few statements the stand-in runs itself. */
final class SqlWords {

  private final List<String> words;
  private int position;

  SqlWords(String sql) {
    this.words = SqlText.words(SqlText.trim(sql));
  }

  /** Consumes the keywords if they come next, case-insensitively. */
  boolean accept(String... keywords) {
    if (position + keywords.length > words.size()) {
      return false;
    }
    for (int i = 0; i < keywords.length; i++) {
      if (!words.get(position + i).equalsIgnoreCase(keywords[i])) {
        return false;
      }
    }
    position += keywords.length;
    return true;
  }

  void expect(String... keywords) throws RedshiftSqlException {
    if (!accept(keywords)) {
      throw syntaxError();
    }
  }

  boolean atEnd() {
    return position >= words.size();
  }

  /** An identifier, folded to lower case as Redshift does, quoted or not. */
  String identifier() throws RedshiftSqlException {
    String word = next();
    String name = word.startsWith("\"") ? word.substring(1, word.length() - 1) : word;
    if (name.isEmpty() || (!word.startsWith("\"") && !name.matches("[A-Za-z_][A-Za-z0-9_$]*"))) {
      position--;
      throw syntaxError();
    }
    return name.toLowerCase(Locale.ROOT);
  }

  /** A quoted string literal's value. */
  String string() throws RedshiftSqlException {
    String word = next();
    if (!word.startsWith("'") || word.length() < 2) {
      position--;
      throw syntaxError();
    }
    return word.substring(1, word.length() - 1).replace("''", "'");
  }

  /** The next word as it was written. */
  String next() throws RedshiftSqlException {
    if (atEnd()) {
      throw new RedshiftSqlException("ERROR: syntax error at end of input");
    }
    return words.get(position++);
  }

  String peek() {
    return atEnd() ? "" : words.get(position);
  }

  RedshiftSqlException syntaxError() {
    return atEnd()
        ? new RedshiftSqlException("ERROR: syntax error at end of input")
        : new RedshiftSqlException("ERROR: syntax error at or near \"" + peek() + "\"");
  }
}
