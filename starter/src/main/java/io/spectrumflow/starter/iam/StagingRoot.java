package io.spectrumflow.starter.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.spectrumflow.starter.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the starter stages inputs, {@code bucket/prefix/} as policies scope it: {@code
 * starter.staging} of a configuration file, or a value given on the command line.
 */
public final class StagingRoot {

  private StagingRoot() {}

  /** {@code starter.staging} of the file, {@code ${VAR:-default}} substituted; empty if unset. */
  public static Optional<String> ofFile(Path file) {
    try {
      String text = new EnvironmentVariableSubstitutor(false).replace(Files.readString(file));
      JsonNode staging = new ObjectMapper(new YAMLFactory()).readTree(text).at("/starter/staging");
      return staging.isTextual() && !staging.asText().isBlank()
          ? Optional.of(parse("starter.staging", staging.asText()))
          : Optional.empty();
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * {@code s3://bucket/prefix/} or {@code bucket/prefix/} as {@code bucket/prefix/}.
   *
   * @throws ConfigException naming the setting when it is not a bucket and a folder
   */
  public static String parse(String setting, String value) {
    String root = value.trim().startsWith("s3://") ? value.trim().substring(5) : value.trim();
    if (!root.endsWith("/")) {
      root = root + "/";
    }
    if (root.startsWith("/") || root.contains("//") || root.contains("*")) {
      throw new ConfigException(
          setting + ": '" + value + "' is not an S3 folder; write it as s3://bucket/prefix/");
    }
    return root;
  }
}
