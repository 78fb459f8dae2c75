package io.spectrumflow.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.spectrumflow.starter.config.Pipelines;
import io.spectrumflow.starter.config.PipelinesFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * The buckets a configuration file names (its pipelines' {@code storage.bucket} and the starter's
 * {@code staging}), created on the embedded S3 so that a first {@code spectrumflow run} against
 * {@code spectrumflow local} finds them, as it would find them on AWS.
 */
final class ConfiguredBuckets {

  private ConfiguredBuckets() {}

  /** The bucket names the file's pipelines and staging use, sorted. */
  static Set<String> of(Path config) throws IOException {
    Set<String> buckets = new TreeSet<>();
    Pipelines pipelines = PipelinesFile.load(config);
    for (String name : pipelines.names()) {
      buckets.add(pipelines.pipeline(name).storage().bucket());
    }
    String text = new EnvironmentVariableSubstitutor(false).replace(Files.readString(config));
    JsonNode staging = new ObjectMapper(new YAMLFactory()).readTree(text).at("/starter/staging");
    if (staging.isTextual() && staging.asText().startsWith("s3://")) {
      String rest = staging.asText().substring("s3://".length());
      buckets.add(rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest);
    }
    return buckets;
  }

  /** Creates the buckets that are missing; returns those it created. */
  static List<String> ensure(S3Client s3, Set<String> buckets) {
    List<String> created = new ArrayList<>();
    for (String bucket : buckets) {
      try {
        s3.headBucket(b -> b.bucket(bucket));
      } catch (NoSuchBucketException missing) {
        try {
          s3.createBucket(b -> b.bucket(bucket));
          created.add(bucket);
        } catch (BucketAlreadyOwnedByYouException raced) {
          // created meanwhile: as good
        }
      }
    }
    return created;
  }
}
