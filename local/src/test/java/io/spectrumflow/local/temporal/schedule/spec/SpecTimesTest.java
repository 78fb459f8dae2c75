package io.spectrumflow.local.temporal.schedule.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.api.schedule.v1.CalendarSpec;
import io.temporal.api.schedule.v1.IntervalSpec;
import io.temporal.api.schedule.v1.Range;
import io.temporal.api.schedule.v1.ScheduleSpec;
import io.temporal.api.schedule.v1.StructuredCalendarSpec;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecTimesTest {

  private static final long FROM = Instant.parse("2026-11-24T10:00:00Z").toEpochMilli();

  private static List<Instant> next(ScheduleSpec spec, long after, int count) {
    return SpecTimes.of(SpecCanonicalizer.canonicalize(spec)).next(after, count).stream()
        .map(Instant::ofEpochMilli)
        .toList();
  }

  private static List<Instant> cron(String cron, int count) {
    return next(ScheduleSpec.newBuilder().addCronString(cron).build(), FROM, count);
  }

  @Test
  void fiveFieldCronStartsAtSecondZero() {
    assertThat(cron("30 10 * * *", 2))
        .containsExactly(
            Instant.parse("2026-11-24T10:30:00Z"), Instant.parse("2026-11-25T10:30:00Z"));
  }

  @Test
  void sevenFieldCronHasSecondsAndYears() {
    assertThat(cron("*/20 0 10 * * * 2026", 3))
        .containsExactly(
            Instant.parse("2026-11-24T10:00:20Z"),
            Instant.parse("2026-11-24T10:00:40Z"),
            Instant.parse("2026-11-25T10:00:00Z"));
    assertThat(cron("0 0 0 1 1 * 2025", 1)).isEmpty();
  }

  @Test
  void namesRangesStepsAndShorthands() {
    // 2026-11-24 is a Tuesday.
    assertThat(cron("0 9 * * mon-wed", 3))
        .containsExactly(
            Instant.parse("2026-11-25T09:00:00Z"),
            Instant.parse("2026-11-30T09:00:00Z"),
            Instant.parse("2026-12-01T09:00:00Z"));
    assertThat(cron("0 0 1 jan,jul *", 2))
        .containsExactly(
            Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2027-07-01T00:00:00Z"));
    assertThat(cron("0 0 * * 7", 1)).containsExactly(Instant.parse("2026-11-29T00:00:00Z"));
    assertThat(cron("@daily", 1)).containsExactly(Instant.parse("2026-11-25T00:00:00Z"));
    assertThat(cron("@hourly # on the hour", 1))
        .containsExactly(Instant.parse("2026-11-24T11:00:00Z"));
    assertThat(cron("0 10/6 * * *", 3))
        .containsExactly(
            Instant.parse("2026-11-24T16:00:00Z"),
            Instant.parse("2026-11-24T22:00:00Z"),
            Instant.parse("2026-11-25T10:00:00Z"));
  }

  @Test
  void dayOfMonthAndDayOfWeekMustBothMatch() {
    // Friday the 13th.
    assertThat(cron("0 0 13 * fri", 1)).containsExactly(Instant.parse("2027-08-13T00:00:00Z"));
  }

  @Test
  void cronTimeZonesAndDaylightSaving() {
    // 09:00 in New York is 14:00 UTC in winter, 13:00 UTC in summer.
    assertThat(cron("CRON_TZ=America/New_York 0 9 * * *", 1))
        .containsExactly(Instant.parse("2026-11-24T14:00:00Z"));
    assertThat(
            next(
                ScheduleSpec.newBuilder()
                    .addCronString("0 9 1 7 *")
                    .setTimezoneName("America/New_York")
                    .build(),
                FROM,
                1))
        .containsExactly(Instant.parse("2027-07-01T13:00:00Z"));
    // 02:30 does not exist on 2027-03-14 in New York: that day fires at 03:30 local.
    assertThat(
            next(
                ScheduleSpec.newBuilder()
                    .addCronString("30 2 14 3 *")
                    .setTimezoneName("America/New_York")
                    .build(),
                FROM,
                1))
        .containsExactly(Instant.parse("2027-03-14T07:30:00Z"));
  }

  @Test
  void intervalsAreEpochAlignedWithPhase() {
    ScheduleSpec everyHourAtQuarterPast =
        ScheduleSpec.newBuilder()
            .addInterval(
                IntervalSpec.newBuilder()
                    .setInterval(ProtoDurations.ofMillis(3_600_000))
                    .setPhase(ProtoDurations.ofMillis(900_000)))
            .build();
    assertThat(next(everyHourAtQuarterPast, FROM, 2))
        .containsExactly(
            Instant.parse("2026-11-24T10:15:00Z"), Instant.parse("2026-11-24T11:15:00Z"));
    assertThat(cron("@every 90m/15m", 1)).containsExactly(Instant.parse("2026-11-24T10:45:00Z"));
  }

  @Test
  void calendarsExcludesAndBounds() {
    ScheduleSpec spec =
        ScheduleSpec.newBuilder()
            .addCalendar(CalendarSpec.newBuilder().setHour("9,17").setDayOfWeek("*"))
            .addStructuredCalendar(
                StructuredCalendarSpec.newBuilder()
                    .addHour(Range.newBuilder().setStart(12))
                    .addMinute(Range.newBuilder().setStart(30)))
            .addExcludeStructuredCalendar(
                StructuredCalendarSpec.newBuilder()
                    .addHour(Range.newBuilder().setStart(17))
                    .addDayOfMonth(Range.newBuilder().setStart(24)))
            .setEndTime(
                ProtoDurations.timestamp(Instant.parse("2026-11-25T12:00:00Z").toEpochMilli()))
            .build();
    assertThat(next(spec, FROM, 10))
        .containsExactly(
            Instant.parse("2026-11-24T12:30:00Z"), Instant.parse("2026-11-25T09:00:00Z"));

    ScheduleSpec later =
        ScheduleSpec.newBuilder()
            .addCronString("0 * * * *")
            .setStartTime(
                ProtoDurations.timestamp(Instant.parse("2027-01-01T00:00:00Z").toEpochMilli()))
            .build();
    assertThat(next(later, FROM, 1)).containsExactly(Instant.parse("2027-01-01T00:00:00Z"));
  }

  @Test
  void canonicalFormIsStructured() {
    ScheduleSpec canonical =
        SpecCanonicalizer.canonicalize(
            ScheduleSpec.newBuilder()
                .addCronString("TZ=Europe/Paris 15 8 * * 1-5")
                .addCronString("@every 10s")
                .build());

    assertThat(canonical.getCronStringList()).isEmpty();
    assertThat(canonical.getTimezoneName()).isEqualTo("Europe/Paris");
    assertThat(canonical.getIntervalList()).hasSize(1);
    StructuredCalendarSpec calendar = canonical.getStructuredCalendar(0);
    assertThat(calendar.getMinuteList()).containsExactly(range(15, 15, 1));
    assertThat(calendar.getHourList()).containsExactly(range(8, 8, 1));
    assertThat(calendar.getDayOfWeekList()).containsExactly(range(1, 5, 1));
    assertThat(calendar.getMonthList()).containsExactly(range(1, 12, 1));
    assertThat(calendar.getYearList()).isEmpty();
  }

  @Test
  void refusesBadSpecs() {
    assertThatThrownBy(() -> cron("every tuesday", 1)).isInstanceOf(InvalidSpecException.class);
    assertThatThrownBy(() -> cron("61 * * * *", 1))
        .hasMessageContaining("minute value 61 out of range");
    assertThatThrownBy(() -> cron("0 0 * foo *", 1)).hasMessageContaining("invalid month value");
    assertThatThrownBy(() -> cron("CRON_TZ=Mars/Olympus 0 0 * * *", 1))
        .hasMessageContaining("invalid time zone name");
    assertThatThrownBy(() -> cron("@every 0s", 1))
        .hasMessageContaining("interval must be at least one second");
  }

  private static Range range(int start, int end, int step) {
    return Range.newBuilder().setStart(start).setEnd(end).setStep(step).build();
  }
}
