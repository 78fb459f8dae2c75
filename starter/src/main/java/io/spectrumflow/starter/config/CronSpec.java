package io.spectrumflow.starter.config;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import java.util.Set;

/**
 * Checks cron strings as Temporal Schedules take them: five fields (minute hour day-of-month month
 * day-of-week), or one of the {@code @hourly}-style shorthands.
 */
public final class CronSpec {

  private static final CronParser UNIX =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
  private static final Set<String> SHORTHANDS =
      Set.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");

  private CronSpec() {}

  /** Throws a {@link ConfigException} naming the key when the cron string is not valid. */
  public static void requireValid(String key, String cron) {
    String trimmed = cron.trim();
    if (SHORTHANDS.contains(trimmed) || trimmed.matches("@every \\d+[smhd]")) {
      return;
    }
    try {
      UNIX.parse(trimmed).validate();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          key
              + ": '"
              + cron
              + "' is not a cron schedule ("
              + e.getMessage()
              + "); write five fields, minute hour day-of-month month day-of-week, e.g. '0 * * * *'");
    }
  }
}
