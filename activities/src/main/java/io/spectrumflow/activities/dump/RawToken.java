package io.spectrumflow.activities.dump;

/** What a reader found in a field, before any typing: JSON's token kinds, plus CSV text. */
enum RawToken {
  NULL,
  TRUE,
  FALSE,
  /** A JSON integer in long range; the value is in {@link SourceRecord#longValue}. */
  INTEGER,
  /** A JSON integer beyond long range, kept as its text. */
  BIG_INTEGER,
  /** A JSON number with a fraction or exponent; value and original text are both kept. */
  FLOAT,
  /** A JSON string. */
  STRING,
  /** A JSON object or array, kept as its compact JSON text. */
  NESTED,
  /** A non-empty CSV field: text whose type is decided by its shape. */
  TEXT
}
