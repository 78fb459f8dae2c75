package io.spectrumflow.starter.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reads single settings with defaults, failing with the key's full path. */
final class ConfigValues {

  private ConfigValues() {}

  static String required(String key, String value) {
    if (value == null || value.isBlank()) {
      throw new ConfigException(key + ": is required");
    }
    return value;
  }

  static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  /** An enum written in config style: {@code int64-micros} for {@code INT64_MICROS}. */
  static <E extends Enum<E>> E enumValue(String key, String value, E fallback, Class<E> type) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    String constant = value.trim().replace('-', '_').toUpperCase(Locale.ROOT);
    for (E candidate : type.getEnumConstants()) {
      if (candidate.name().equals(constant)) {
        return candidate;
      }
    }
    throw new ConfigException(
        key
            + ": '"
            + value
            + "' is not one of "
            + Arrays.stream(type.getEnumConstants())
                .map(ConfigValues::configName)
                .collect(Collectors.joining(", ")));
  }

  static String configName(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static long positiveMegabytes(String key, Integer value, int fallback) {
    int megabytes = value == null ? fallback : value;
    if (megabytes <= 0) {
      throw new ConfigException(key + ": must be a positive number of megabytes, not " + megabytes);
    }
    return (long) megabytes << 20;
  }
}
