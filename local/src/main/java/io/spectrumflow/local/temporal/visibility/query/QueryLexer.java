package io.spectrumflow.local.temporal.visibility.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a visibility query into tokens: names (back-quoted names may hold any character), string
 * literals in single or double quotes (a backslash or a doubled quote escapes), numbers, comparison
 * operators, parentheses and commas.
 */
final class QueryLexer {

  private final String text;
  private int at;

  private QueryLexer(String text) {
    this.text = text;
  }

  static List<Token> tokens(String text) {
    return new QueryLexer(text).all();
  }

  private List<Token> all() {
    List<Token> out = new ArrayList<>();
    while (true) {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
      if (at >= text.length()) {
        out.add(new Token(TokenType.END, "", at + 1));
        return out;
      }
      out.add(next());
    }
  }

  private Token next() {
    int start = at;
    char c = text.charAt(at);
    if (c == '\'' || c == '"') {
      return new Token(TokenType.STRING, quoted(c), start + 1);
    }
    if (c == '`') {
      return new Token(TokenType.QUOTED_WORD, quoted('`'), start + 1);
    }
    if (Character.isLetter(c) || c == '_') {
      while (at < text.length()
          && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
        at++;
      }
      return new Token(TokenType.WORD, text.substring(start, at), start + 1);
    }
    if (Character.isDigit(c)
        || (c == '-' && isDigitAt(at + 1))
        || (c == '.' && isDigitAt(at + 1))) {
      at++;
      while (at < text.length() && isNumberPart(text.charAt(at))) {
        at++;
      }
      return new Token(TokenType.NUMBER, text.substring(start, at), start + 1);
    }
    at++;
    switch (c) {
      case '(':
        return new Token(TokenType.OPEN, "(", start + 1);
      case ')':
        return new Token(TokenType.CLOSE, ")", start + 1);
      case ',':
        return new Token(TokenType.COMMA, ",", start + 1);
      case '=':
        return new Token(TokenType.OPERATOR, "=", start + 1);
      case '!':
        if (at < text.length() && text.charAt(at) == '=') {
          at++;
          return new Token(TokenType.OPERATOR, "!=", start + 1);
        }
        break;
      case '<', '>':
        if (at < text.length()
            && (text.charAt(at) == '=' || (c == '<' && text.charAt(at) == '>'))) {
          at++;
        }
        return new Token(TokenType.OPERATOR, text.substring(start, at), start + 1);
      default:
        break;
    }
    throw InvalidQueryException.malformed(
        "syntax error at position " + (start + 1) + " near '" + c + "'");
  }

  private boolean isDigitAt(int index) {
    return index < text.length() && Character.isDigit(text.charAt(index));
  }

  private boolean isNumberPart(char c) {
    if (Character.isDigit(c) || c == '.' || c == 'e' || c == 'E') {
      return true;
    }
    char previous = text.charAt(at - 1);
    return (c == '-' || c == '+') && (previous == 'e' || previous == 'E');
  }

  private String quoted(char quote) {
    int start = at;
    at++;
    StringBuilder value = new StringBuilder();
    while (at < text.length()) {
      char c = text.charAt(at++);
      if (c == '\\' && quote != '`' && at < text.length()) {
        char escaped = text.charAt(at++);
        value.append(
            switch (escaped) {
              case 'n' -> '\n';
              case 't' -> '\t';
              case 'r' -> '\r';
              default -> escaped;
            });
      } else if (c == quote) {
        if (at < text.length() && text.charAt(at) == quote) {
          value.append(quote);
          at++;
        } else {
          return value.toString();
        }
      } else {
        value.append(c);
      }
    }
    throw InvalidQueryException.malformed(
        "syntax error at position " + (start + 1) + ": unterminated quoted text");
  }
}
