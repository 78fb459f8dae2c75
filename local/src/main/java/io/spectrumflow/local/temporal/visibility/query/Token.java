package io.spectrumflow.local.temporal.visibility.query;

import java.util.Locale;

/**
 * A piece of query text.
 *
 * @param position where it starts, 1-based, for error messages
 */
record Token(TokenType type, String text, int position) {

  /** Whether this is the (unquoted, case-insensitive) keyword given. */
  boolean isKeyword(String keyword) {
    return type == TokenType.WORD && text.toUpperCase(Locale.ROOT).equals(keyword);
  }

  String describe() {
    return type == TokenType.END ? "end of query" : "'" + text + "'";
  }
}
