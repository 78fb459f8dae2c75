package io.spectrumflow.local.temporal.visibility.query;

/** What a piece of query text is. */
enum TokenType {
  /** A name or keyword; a back-quoted name is never a keyword. */
  WORD,
  QUOTED_WORD,
  STRING,
  NUMBER,
  OPERATOR,
  OPEN,
  CLOSE,
  COMMA,
  END
}
