package io.spectrumflow.starter.staging;

import io.spectrumflow.activities.s3.S3Location;
import io.spectrumflow.workflows.schedule.StagedBatch;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A pipeline's staging area in S3, under {@code <staging>/<pipeline>/}:
 *
 * <ul>
 *   <li>{@code api/<yyyy-MM-dd>/<batch-id>/} batches posted to the HTTP API, one folder each;
 *   <li>{@code incoming/} files producers drop for the pipeline's schedule to pick up;
 *   <li>{@code kept/<yyyy-MM-dd>/<batch-id>/} what scheduled runs exported, moved out of incoming.
 * </ul>
 *
 * Batches are kept for the retention period, so that a backfill can export them again.
 */
public final class StagingArea {

  private static final String API = "api/";
  private static final String KEPT = "kept/";

  private final S3Client s3;
  private final S3Location root;

  /**
   * @param staging {@code s3://bucket/prefix/}
   */
  public StagingArea(S3Client s3, String staging) {
    this.s3 = s3;
    this.root = S3Location.parsePrefix(staging);
  }

  public String bucket() {
    return root.bucket();
  }

  /** {@code s3://bucket/prefix/<pipeline>/incoming/}. */
  public String incoming(String pipeline) {
    return uri(prefix(pipeline) + "incoming/");
  }

  /** {@code s3://bucket/prefix/<pipeline>/kept/}. */
  public String kept(String pipeline) {
    return uri(prefix(pipeline) + KEPT);
  }

  /** The key prefix under which a pipeline's inputs are staged, for IAM policies. */
  public String pipelinePrefix(String pipeline) {
    return root.bucket() + "/" + prefix(pipeline);
  }

  /** Stages a posted body as its batch's only input and returns the batch. */
  public StagedBatch stage(
      String pipeline, LocalDate date, String batchId, Path body, String extension) {
    return stage(pipeline, date, batchId, List.of(body), extension);
  }

  /** Stages files as a batch's inputs, in order, and returns the batch. */
  public StagedBatch stage(
      String pipeline, LocalDate date, String batchId, List<Path> files, String extension) {
    List<String> inputs = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      String name =
          files.size() == 1 ? "body." + extension : String.format("body-%04d.%s", i, extension);
      String key = prefix(pipeline) + API + date + "/" + batchId + "/" + name;
      Path file = files.get(i);
      s3.putObject(b -> b.bucket(root.bucket()).key(key), RequestBody.fromFile(file));
      inputs.add(uri(key));
    }
    return new StagedBatch(batchId, inputs);
  }

  /** The batches staged on a day, posted or scheduled, with their inputs in order. */
  public List<StagedBatch> batchesOn(String pipeline, LocalDate date) {
    List<StagedBatch> batches = new ArrayList<>();
    for (String kind : List.of(API, KEPT)) {
      String dayPrefix = prefix(pipeline) + kind + date + "/";
      Map<String, List<String>> inputs = new LinkedHashMap<>();
      for (S3Object object :
          s3.listObjectsV2Paginator(b -> b.bucket(root.bucket()).prefix(dayPrefix)).contents()) {
        String rest = object.key().substring(dayPrefix.length());
        int slash = rest.indexOf('/');
        if (slash > 0 && !object.key().endsWith("/")) {
          inputs
              .computeIfAbsent(rest.substring(0, slash), id -> new ArrayList<>())
              .add(uri(object.key()));
        }
      }
      inputs.forEach((batchId, uris) -> batches.add(new StagedBatch(batchId, uris)));
    }
    return batches;
  }

  /**
   * Deletes staged batches older than the retention period.
   *
   * @return how many objects were deleted
   */
  public int deleteOlderThan(String pipeline, Instant cutoff) {
    int deleted = 0;
    for (String kind : List.of(API, KEPT)) {
      String kindPrefix = prefix(pipeline) + kind;
      List<ObjectIdentifier> old = new ArrayList<>();
      for (S3Object object :
          s3.listObjectsV2Paginator(b -> b.bucket(root.bucket()).prefix(kindPrefix)).contents()) {
        if (object.lastModified().isBefore(cutoff)) {
          old.add(ObjectIdentifier.builder().key(object.key()).build());
        }
      }
      for (int from = 0; from < old.size(); from += 1000) {
        List<ObjectIdentifier> chunk = old.subList(from, Math.min(from + 1000, old.size()));
        s3.deleteObjects(b -> b.bucket(root.bucket()).delete(d -> d.objects(chunk).quiet(true)));
      }
      deleted += old.size();
    }
    return deleted;
  }

  private String prefix(String pipeline) {
    return root.key() + pipeline + "/";
  }

  private String uri(String key) {
    return "s3://" + root.bucket() + "/" + key;
  }
}
