/**
 * A small, fast Parquet writer for flat tables of optional primitive columns: the dump's output.
 *
 * <p>parquet-mr's own column writers cost more than parsing the input does (a {@code Binary} object
 * and a hash lookup per string, statistics updated through virtual calls per value, a record
 * consumer walking the schema per row). Here each column buffers one page of plain values in
 * primitive arrays, and the encoding work happens once per page: dictionary ids in one loop, the
 * RLE/bit-packed hybrid for definition levels and ids, min and max by a direct comparison, then one
 * compression call. The file layout, page headers, footer, column and offset indexes and page
 * checksums are parquet-mr's {@link org.apache.parquet.hadoop.ParquetFileWriter}, so the files are
 * what parquet-mr itself writes: V1 data pages, PLAIN or PLAIN_DICTIONARY values, RLE definition
 * levels, a dictionary per column chunk that falls back to plain pages once it outgrows 1 MB or
 * does not pay off on the first page.
 */
package io.spectrumflow.activities.dump.parquet;
