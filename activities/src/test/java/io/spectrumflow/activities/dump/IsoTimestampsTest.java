package io.spectrumflow.activities.dump;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoTimestampsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-24T10:15:30Z",
        "2026-11-24T10:15:30",
        "2026-11-24 10:15:30",
        "2026-11-24t10:15:30z",
        "2026-11-24T10:15",
        "2026-11-24T10:15:30.1",
        "2026-11-24T10:15:30,123456789",
        "2026-11-24T10:15:30.123+05:30",
        "2026-11-24T10:15:30-0800",
        "2026-11-24T10:15:30+01",
        "2024-02-29T00:00:00Z",
        "1900-01-01T00:00:00.000001Z",
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999999-18:00"
      })
  void agreesWithJavaTime(String text) {
    assertThat(IsoTimestamps.dateTimeMicros(text)).isEqualTo(reference(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-24",
        "2026-11-24T",
        "2026-13-01T00:00",
        "2026-02-29T00:00:00Z",
        "2026-04-31T00:00:00Z",
        "2026-11-24T24:00",
        "2026-11-24T10:60",
        "2026-11-24T10:15:60",
        "2026-11-24T10:15:3",
        "2026-11-24T10:15:30.",
        "2026-11-24T10:15:30.1234567891",
        "2026-11-24T10:15.5",
        "2026-11-24T10:15:30+19:00",
        "2026-11-24T10:15:30+01:00:00",
        "2026-11-24T10:15:30Z ",
        "2026-11-24T10:15:30[Europe/Paris]",
        "2026-11-24X10:15",
        "2026-1-24T10:15:30",
        "+2026-11-24T10:15",
        "20261124T101530Z",
        "soon, but not yet",
        "1234567890123456"
      })
  void rejectsWhatIsNotAnIsoDateTime(String text) {
    assertThat(IsoTimestamps.dateTimeMicros(text)).isEqualTo(IsoTimestamps.INVALID);
  }

  @Test
  void randomInstantsRoundTripInUtcAndWithOffsets() {
    Random random = new Random(42);
    DateTimeFormatter withOffset = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx");
    for (int i = 0; i < 10_000; i++) {
      long seconds = random.nextLong(-5_000_000_000L, 10_000_000_000L);
      int micros = random.nextInt(1_000_000);
      Instant instant = Instant.ofEpochSecond(seconds, micros * 1000L);
      long expected = seconds * 1_000_000 + micros;
      ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 60, 18 * 60 + 1) * 60);

      assertThat(IsoTimestamps.dateTimeMicros(instant.toString())).isEqualTo(expected);
      String shifted = withOffset.format(instant.atOffset(offset));
      assertThat(IsoTimestamps.dateTimeMicros(shifted)).as(shifted).isEqualTo(expected);
    }
  }

  @Test
  void fractionsBeyondMicrosecondsAreFloored() {
    assertThat(IsoTimestamps.dateTimeMicros("1970-01-01T00:00:00.0000019Z")).isEqualTo(1);
    assertThat(IsoTimestamps.dateTimeMicros("1969-12-31T23:59:59.9999995Z")).isEqualTo(-1);
  }

  @Test
  void datesAreMidnightUtc() {
    assertThat(IsoTimestamps.dateMicros("2026-11-24")).isEqualTo(reference("2026-11-24T00:00:00Z"));
    assertThat(IsoTimestamps.dateMicros("2026-11-31")).isEqualTo(IsoTimestamps.INVALID);
    assertThat(IsoTimestamps.dateTimeOrDateMicros("2026-11-24T01:00:00+02:00"))
        .isEqualTo(reference("2026-11-23T23:00:00Z"));
  }

  @Test
  void epochDaysAgreeWithJavaTimeForEveryDateOfFourDigitYears() {
    for (long day = LocalDate.of(0, 1, 1).toEpochDay();
        day <= LocalDate.of(9999, 12, 31).toEpochDay();
        day++) {
      LocalDate date = LocalDate.ofEpochDay(day);
      assertThat(
              IsoTimestamps.daysFromCivil(
                  date.getYear(), date.getMonthValue(), date.getDayOfMonth()))
          .isEqualTo(day);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-24T10:15:30.123+05:30",
        "2026-11-24",
        "1969-12-31T23:59:59.999999Z",
        "2026-11-24T10:15:30Z trailing",
        "not a time",
        "2026-11-24T10:15:3"
      })
  void bytesInsideALargerArrayParseAsTheString(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    byte[] padded = new byte[utf8.length + 10];
    Arrays.fill(padded, (byte) '9');
    System.arraycopy(utf8, 0, padded, 5, utf8.length);

    assertThat(IsoTimestamps.dateTimeMicros(padded, 5, utf8.length))
        .isEqualTo(IsoTimestamps.dateTimeMicros(text));
    assertThat(IsoTimestamps.dateTimeOrDateMicros(padded, 5, utf8.length))
        .isEqualTo(IsoTimestamps.dateTimeOrDateMicros(text));
  }

  /** What java.time makes of the same text; no zone means UTC. */
  private static long reference(String text) {
    DateTimeFormatter iso =
        new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart()
            .appendOffset("+HH:MM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HHMM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH", "Z")
            .optionalEnd()
            .toFormatter();
    TemporalAccessor parsed =
        iso.parseBest(
            text.replace(' ', 'T').replace(',', '.'), OffsetDateTime::from, LocalDateTime::from);
    OffsetDateTime time =
        parsed instanceof OffsetDateTime offsetTime
            ? offsetTime
            : ((LocalDateTime) parsed).atOffset(ZoneOffset.UTC);
    // Not ChronoUnit.MICROS.between: it goes through nanoseconds, which overflow ~292 years out.
    return time.toEpochSecond() * 1_000_000 + time.getNano() / 1000;
  }
}
