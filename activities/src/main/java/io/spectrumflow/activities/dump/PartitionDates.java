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
  private long lastEpochDay = Long.MIN_VALUE;
  private String lastDate;

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
    long micros =
        token == RawToken.STRING || token == RawToken.TEXT
            ? IsoTimestamps.dateTimeOrDateMicros(record.rawText(i))
            : IsoTimestamps.INVALID;
    if (micros == IsoTimestamps.INVALID) {
      throw problem(
          record, "found " + record.describe(i) + " where the partition field needs " + ACCEPTED);
    }
    long epochDay = Math.floorDiv(micros, IsoTimestamps.MICROS_PER_DAY);
    if (epochDay != lastEpochDay) {
      // Records often come in date order: the last date answers most calls without the map.
      lastDate = datesByEpochDay.computeIfAbsent(epochDay, d -> LocalDate.ofEpochDay(d).toString());
      lastEpochDay = epochDay;
    }
    return lastDate;
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
