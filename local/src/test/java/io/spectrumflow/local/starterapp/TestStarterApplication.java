package io.spectrumflow.local.starterapp;

import io.spectrumflow.starter.app.SpectrumflowStarterApplication;

/**
 * The starter as tests run it: logging left as the test JVM has it (with {@code logging: type:
 * external} in the configuration), instead of Dropwizard's reset of the whole JVM's logging.
 */
public class TestStarterApplication extends SpectrumflowStarterApplication {

  @Override
  protected void bootstrapLogging() {
    // the test JVM's logback configuration stays in place
  }
}
