package io.spectrumflow.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.jackson.Jackson;
import io.spectrumflow.activities.aws.AwsSettings;
import io.spectrumflow.local.s3.LocalAws;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The launcher's one credential decision: the embedded stack's keys are injected (as system
 * properties, first in the default chain) only when the command's configuration points every AWS
 * client at loopback endpoints, and the environment names no keys or profile of its own (e.g. for a
 * MinIO with another root user). Against real AWS the default chain is left alone.
 */
final class LocalCredentials {

  private LocalCredentials() {}

  /** Whether to inject the embedded stack's keys for these settings and this environment. */
  static boolean inject(AwsSettings aws, Map<String, String> env) {
    return EmbeddedStackEndpoints.only(aws)
        && env.get("AWS_ACCESS_KEY_ID") == null
        && env.get("AWS_PROFILE") == null;
  }

  /** Injects the keys when {@link #inject} says so for the configuration file's {@code aws:}. */
  static void injectFor(Path config, Map<String, String> env) {
    if (inject(awsSettings(config).orElse(null), env)) {
      LocalAws.useLocalCredentials();
    }
  }

  /**
   * The file's {@code aws:} section, {@code ${VAR:-default}} substituted; empty when it cannot be
   * read, and the command itself then says what is wrong with the file.
   */
  static Optional<AwsSettings> awsSettings(Path config) {
    try {
      String text = new EnvironmentVariableSubstitutor(false).replace(Files.readString(config));
      ObjectMapper yaml = Jackson.newObjectMapper(new YAMLFactory());
      JsonNode aws = yaml.readTree(text).get("aws");
      return aws == null || !aws.isObject()
          ? Optional.empty()
          : Optional.of(yaml.treeToValue(aws, AwsSettings.class));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
