package io.spectrumflow.worker.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LibraryLogLevelsTest {

  private static final List<String> LIBRARIES =
      List.of("org.apache.parquet", "org.apache.hadoop", "software.amazon.awssdk");

  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final Map<String, Level> before = new LinkedHashMap<>();

  @BeforeEach
  void remember() {
    LIBRARIES.forEach(name -> before.put(name, context.getLogger(name).getLevel()));
  }

  @AfterEach
  void restore() {
    before.forEach((name, level) -> context.getLogger(name).setLevel(level));
  }

  @Test
  void librariesTheConfigurationDoesNotNameAreQuiet() {
    LIBRARIES.forEach(name -> context.getLogger(name).setLevel(null));

    LibraryLogLevels.apply();

    LIBRARIES.forEach(name -> assertThat(context.getLogger(name).getLevel()).isEqualTo(Level.WARN));
  }

  @Test
  void parquetIsNeverFinerThanInfo() {
    Logger parquet = context.getLogger("org.apache.parquet");
    parquet.setLevel(Level.DEBUG);
    context.getLogger("software.amazon.awssdk").setLevel(Level.DEBUG);

    LibraryLogLevels.apply();

    assertThat(parquet.getLevel()).isEqualTo(Level.INFO);
    // Other libraries keep what the configuration asks for, e.g. to debug AWS calls.
    assertThat(context.getLogger("software.amazon.awssdk").getLevel()).isEqualTo(Level.DEBUG);
  }
}
