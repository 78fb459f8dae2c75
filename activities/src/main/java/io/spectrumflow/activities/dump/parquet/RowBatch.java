package io.spectrumflow.activities.dump.parquet;

/**
 * Rows on their way to the files, column by column, each tagged with where it goes (the dump's
 * partition). Batches are filled by one thread and written by another, then reused: a few of them
 * are all the memory rows in flight take.
 */
public final class RowBatch {

  private final ColumnVector[] vectors;
  private final int[] tags;
  private int rows;

  public RowBatch(FlatSchema schema, int capacity) {
    vectors = new ColumnVector[schema.size()];
    for (int c = 0; c < vectors.length; c++) {
      vectors[c] = ColumnVector.of(schema.kind(c), capacity);
    }
    tags = new int[capacity];
  }

  /** Starts the next row; its columns must all be set. */
  public int addRow(int tag) {
    tags[rows] = tag;
    return rows++;
  }

  /** Forgets the last row added, whose values could not all be set. */
  public void dropLastRow() {
    rows--;
  }

  public int rows() {
    return rows;
  }

  public boolean isFull() {
    return rows == tags.length;
  }

  public int tag(int row) {
    return tags[row];
  }

  public ColumnVector vector(int column) {
    return vectors[column];
  }

  public ColumnVector.Longs longs(int column) {
    return (ColumnVector.Longs) vectors[column];
  }

  public ColumnVector.Doubles doubles(int column) {
    return (ColumnVector.Doubles) vectors[column];
  }

  public ColumnVector.Booleans booleans(int column) {
    return (ColumnVector.Booleans) vectors[column];
  }

  public ColumnVector.Bytes bytes(int column) {
    return (ColumnVector.Bytes) vectors[column];
  }

  public void clear() {
    rows = 0;
    for (ColumnVector vector : vectors) {
      vector.clear();
    }
  }
}
