package io.spectrumflow.local.corpus;

import java.util.List;

/**
 * One case of the bad-input corpus ({@code bad-input/cases.yml}).
 *
 * @param file the input under {@code bad-input/}, or {@code generated:<name>} for one the test
 *     makes
 * @param schema a given schema as {@code name TYPE}, or null to infer
 * @param outcome {@code rejected} or {@code accepted}
 * @param record for rejections, the record named
 * @param line for rejections, the line named
 * @param column for rejections, the field named
 * @param says for rejections, what the message must say
 * @param behaviour for accepted cases, the documented lenient behaviour
 * @param rows for accepted cases, the rows written
 * @param columns for accepted cases, the columns written as {@code name TYPE}
 * @param partitions for accepted cases, the partitions written, if checked
 */
record CorpusCase(
    String file,
    List<String> schema,
    String outcome,
    Long record,
    Long line,
    String column,
    List<String> says,
    String behaviour,
    Long rows,
    List<String> columns,
    List<String> partitions) {

  @Override
  public String toString() {
    return file;
  }
}
