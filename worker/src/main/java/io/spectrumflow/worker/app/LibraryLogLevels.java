package io.spectrumflow.worker.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * Keeps chatty libraries quiet whatever the root level: a logger the configuration does not name
 * gets a quiet default, and parquet is never finer than INFO, because parquet-mr formats a DEBUG
 * message for every value it writes and at DEBUG the dump runs about fifteen times slower.
 */
final class LibraryLogLevels {

  private static final org.slf4j.Logger log = LoggerFactory.getLogger(LibraryLogLevels.class);

  private LibraryLogLevels() {}

  static void apply() {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return; // not logback: its configuration is its own
    }
    quietByDefault(context.getLogger("software.amazon.awssdk"), Level.WARN);
    quietByDefault(context.getLogger("org.apache.hadoop"), Level.WARN);
    quietByDefault(context.getLogger("org.apache.parquet"), Level.WARN);
    Logger parquet = context.getLogger("org.apache.parquet");
    if (!parquet.getLevel().isGreaterOrEqual(Level.INFO)) {
      log.warn(
          "org.apache.parquet configured at {}: raised to INFO, DEBUG logging makes Parquet"
              + " writing many times slower",
          parquet.getLevel());
      parquet.setLevel(Level.INFO);
    }
  }

  private static void quietByDefault(Logger logger, Level level) {
    if (logger.getLevel() == null) {
      logger.setLevel(level);
    }
  }
}
