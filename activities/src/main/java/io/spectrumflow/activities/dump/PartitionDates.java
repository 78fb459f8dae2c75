package io.spectrumflow.activities.dump;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Chooses each record's partition: the UTC date ({@code yyyy-MM-dd}) of the partition field's
 * ISO-8601 date-time or date, or of the batch time when the pipeline names no field.
 */
final class PartitionDates {

  private static final String ACCEPTED =
      "an ISO-8601 date-time such as 2026-11-24T10:15:30Z or a date such as 2026-11-24";

  private final String field;
  private final String batchDate;
  private final Map<Long, String> datesByEpochDay = new HashMap<>();
  private static final int RECENT = 64;
  private final long[] recentDays = new long[RECENT];
  private final String[] recentDates = new String[RECENT];

  /**
   * @param field the partition field, or null to put every record in the batch time's date
   */
  PartitionDates(String field, Instant batchTime) {
    this.field = field;
    this.batchDate = LocalDate.ofInstant(batchTime, ZoneOffset.UTC).toString();
  }

  /** The partition of a record resolved into {@code columns}. */
  String of(SourceRecord record, RecordColumns columns) {
    if (field == null) {
      return batchDate;
    }
    int i = columns.partitionField();
    if (i < 0) {
      throw problem(record, "the partition field is missing; it must hold " + ACCEPTED);
    }
    RawToken token = record.token(i);
    if (token == RawToken.NULL) {
      throw problem(record, "the partition field is null; it must hold " + ACCEPTED);
    }
    long micros = record.dateTimeOrDateMicros(i);
    if (micros == IsoTimestamps.INVALID) {
      throw problem(
          record, "found " + record.describe(i) + " where the partition field needs " + ACCEPTED);
    }
    long epochDay = Math.floorDiv(micros, IsoTimestamps.MICROS_PER_DAY);
    // A batch's records usually span a few days, in any order: a small table by day answers
    // nearly every call without boxing the day for the map.
    int slot = (int) (epochDay & (RECENT - 1));
    if (recentDays[slot] != epochDay || recentDates[slot] == null) {
      recentDays[slot] = epochDay;
      recentDates[slot] =
          datesByEpochDay.computeIfAbsent(epochDay, d -> LocalDate.ofEpochDay(d).toString());
    }
    return recentDates[slot];
  }

  private BadInputException problem(SourceRecord record, String problem) {
    return BadInput.inRecord(record)
        .field(field, null)
        .problem(
            problem,
            "Every record needs the partition field to choose its date partition: fix the record,"
                + " or change the pipeline's partition field (leave it unset to partition by"
                + " batch time).");
  }
}
