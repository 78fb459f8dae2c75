package io.spectrumflow.starter.config;

import io.spectrumflow.workflows.pipeline.PipelineSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The configured pipelines, every setting checked. */
public final class Pipelines {

  private final Map<String, PipelineSpec> specs;
  private final Map<String, PipelineConfig.Schedule> schedules;
  private final Map<String, Integer> concurrency;

  private Pipelines(
      Map<String, PipelineSpec> specs,
      Map<String, PipelineConfig.Schedule> schedules,
      Map<String, Integer> concurrency) {
    this.specs = specs;
    this.schedules = schedules;
    this.concurrency = concurrency;
  }

  /**
   * Checks the {@code pipelines:} section.
   *
   * @param awsRegion the workers' {@code aws.region} from the same file: each pipeline's {@code
   *     redshift.region} defaults to it and must equal it; null when the file sets none
   * @throws ConfigException naming the key of the first bad setting, or both pipelines of two that
   *     share a table
   */
  public static Pipelines of(Map<String, PipelineConfig> configs, String awsRegion) {
    if (configs == null || configs.isEmpty()) {
      throw new ConfigException("pipelines: define at least one pipeline");
    }
    Map<String, PipelineSpec> specs = new LinkedHashMap<>();
    Map<String, PipelineConfig.Schedule> schedules = new LinkedHashMap<>();
    Map<String, Integer> concurrency = new LinkedHashMap<>();
    configs.forEach(
        (name, config) -> {
          if (config == null) {
            throw new ConfigException("pipelines." + name + ": is empty");
          }
          specs.put(name, config.toSpec(name, awsRegion));
          PipelineConfig.Schedule schedule = config.checkedSchedule(name);
          if (schedule != null) {
            schedules.put(name, schedule);
          }
          concurrency.put(name, config.checkedMaxConcurrentRuns(name));
        });
    TableOwnership.requireOneOwnerPerTable(specs);
    return new Pipelines(specs, schedules, concurrency);
  }

  /**
   * The named pipeline.
   *
   * @throws ConfigException naming the configured ones when there is none by that name
   */
  public PipelineSpec pipeline(String name) {
    PipelineSpec spec = specs.get(name);
    if (spec == null) {
      throw new ConfigException(
          "no pipeline named '"
              + name
              + "'; configured: "
              + specs.keySet().stream().collect(Collectors.joining(", ")));
    }
    return spec;
  }

  public boolean has(String name) {
    return specs.containsKey(name);
  }

  public Set<String> names() {
    return specs.keySet();
  }

  public Map<String, PipelineSpec> all() {
    return Map.copyOf(specs);
  }

  /** The configured schedules by pipeline. */
  public Map<String, PipelineConfig.Schedule> schedules() {
    return Map.copyOf(schedules);
  }

  /** The most runs of a pipeline at once, 0 for no limit. */
  public int maxConcurrentRuns(String name) {
    return concurrency.getOrDefault(name, 0);
  }
}
