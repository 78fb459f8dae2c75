package io.spectrumflow.starter.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The {@code pipelines:} section of a configuration file, checked as a whole when loaded. */
public final class PipelinesFile {

  private final Map<String, PipelineSpec> pipelines;

  private PipelinesFile(Map<String, PipelineSpec> pipelines) {
    this.pipelines = pipelines;
  }

  /** Reads and checks every pipeline in a YAML file. */
  public static PipelinesFile load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(file + ": no such configuration file");
    }
    ObjectMapper yaml =
        new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    Sections sections;
    try {
      sections = yaml.readValue(file.toFile(), Sections.class);
    } catch (UnrecognizedPropertyException e) {
      throw new ConfigException(
          file + ": unknown setting '" + e.getPropertyName() + "' at " + e.getPathReference(), e);
    } catch (JsonProcessingException e) {
      throw new ConfigException(file + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot be read: " + e.getMessage(), e);
    }
    if (sections.pipelines() == null || sections.pipelines().isEmpty()) {
      throw new ConfigException(file + ": pipelines: define at least one pipeline");
    }
    Map<String, PipelineSpec> specs = new LinkedHashMap<>();
    sections.pipelines().forEach((name, config) -> specs.put(name, config.toSpec(name)));
    return new PipelinesFile(specs);
  }

  /** The named pipeline. */
  public PipelineSpec pipeline(String name) {
    PipelineSpec spec = pipelines.get(name);
    if (spec == null) {
      throw new ConfigException(
          "no pipeline named '"
              + name
              + "'; configured: "
              + pipelines.keySet().stream().collect(Collectors.joining(", ")));
    }
    return spec;
  }

  public Map<String, PipelineSpec> all() {
    return Map.copyOf(pipelines);
  }

  /** The top level of the file; other sections belong to the worker and starter applications. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  private record Sections(Map<String, PipelineConfig> pipelines) {}
}
