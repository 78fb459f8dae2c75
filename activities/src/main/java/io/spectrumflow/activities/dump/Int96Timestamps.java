package io.spectrumflow.activities.dump;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/**
 * Encodes one column's timestamps as Parquet INT96, the layout Impala, Hive, older Spectrum readers
 * and pyarrow's {@code use_deprecated_int96_timestamps} use: 12 bytes, the nanoseconds of the day
 * as a little-endian int64, then the Julian day number as a little-endian int32 (proleptic
 * Gregorian calendar, as for INT64 timestamps). parquet-avro writes an Avro {@code fixed(12)} as
 * INT96 when its field is listed under {@code parquet.avro.writeFixedAsInt96} (see {@link
 * AvroParquetFiles}).
 *
 * <p>One value is reused for every row: parquet-avro passes the bytes on as a reused binary, which
 * the column's dictionary and statistics copy before keeping.
 */
final class Int96Timestamps {

  static final int SIZE = 12;

  /** The Julian day number of 1970-01-01. */
  static final long EPOCH_JULIAN_DAY = 2_440_588;

  private static final long MICROS_PER_DAY = IsoTimestamps.MICROS_PER_DAY;

  private final ByteBuffer bytes;
  private final GenericData.Fixed value;

  /**
   * @param schema the column's {@code fixed(12)} schema
   */
  Int96Timestamps(Schema schema) {
    byte[] array = new byte[SIZE];
    this.bytes = ByteBuffer.wrap(array).order(ByteOrder.LITTLE_ENDIAN);
    this.value = new GenericData.Fixed(schema, array);
  }

  /** The Avro fixed schema for column {@code column}; Avro needs a distinct name per column. */
  static Schema schemaFor(String column) {
    return Schema.createFixed("int96_" + column, null, "io.spectrumflow", SIZE);
  }

  /** The INT96 value of epoch microseconds; valid until the next call. */
  GenericData.Fixed of(long epochMicros) {
    long epochDay = Math.floorDiv(epochMicros, MICROS_PER_DAY);
    long microOfDay = Math.floorMod(epochMicros, MICROS_PER_DAY);
    bytes.putLong(0, microOfDay * 1000);
    bytes.putInt(8, Math.toIntExact(epochDay + EPOCH_JULIAN_DAY));
    return value;
  }
}
