package io.spectrumflow.starter.cli;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.spectrumflow.starter.app.StarterConfiguration;
import io.spectrumflow.starter.config.ConfigException;
import java.nio.file.Path;

/**
 * The starter's configuration file, read for the command line exactly as the application reads it.
 */
final class CliConfig {

  private CliConfig() {}

  static StarterConfiguration load(Path file) {
    try {
      return new YamlConfigurationFactory<>(
              StarterConfiguration.class,
              Validators.newValidator(),
              Jackson.newObjectMapper(),
              "dw")
          .build(
              new SubstitutingSourceProvider(
                  new FileConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)),
              file.toString());
    } catch (Exception e) {
      throw new ConfigException(file + ": " + e.getMessage(), e);
    }
  }
}
