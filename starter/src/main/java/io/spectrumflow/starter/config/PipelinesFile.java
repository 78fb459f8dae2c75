package io.spectrumflow.starter.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads the {@code pipelines:} section of a configuration file, for the command line; the
 * applications read it as part of their Dropwizard configuration. {@code ${VAR:-default}} is
 * substituted from the environment as in Dropwizard.
 */
public final class PipelinesFile {

  private PipelinesFile() {}

  /**
   * Reads and checks every pipeline in a YAML file; {@code redshift.region} follows the file's
   * {@code aws.region}.
   */
  public static Pipelines load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(file + ": no such configuration file");
    }
    ObjectMapper yaml =
        new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    Sections sections;
    try {
      String text = new EnvironmentVariableSubstitutor(false).replace(Files.readString(file));
      sections = yaml.readValue(text, Sections.class);
    } catch (UnrecognizedPropertyException e) {
      throw new ConfigException(
          file + ": unknown setting '" + e.getPropertyName() + "' at " + e.getPathReference(), e);
    } catch (JsonProcessingException e) {
      throw new ConfigException(file + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot be read: " + e.getMessage(), e);
    }
    try {
      String awsRegion = sections.aws() == null ? null : sections.aws().region();
      return Pipelines.of(sections.pipelines(), awsRegion);
    } catch (ConfigException e) {
      throw new ConfigException(file + ": " + e.getMessage(), e);
    }
  }

  /** The top level of the file; other sections belong to the worker and starter applications. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  private record Sections(Map<String, PipelineConfig> pipelines, Aws aws) {}

  /** {@code aws:}: only the region, which each pipeline's {@code redshift.region} follows. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  private record Aws(String region) {}
}
