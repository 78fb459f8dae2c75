package io.spectrumflow.starter.staging;

import io.spectrumflow.activities.s3.ObjectDeletions;
import io.spectrumflow.activities.s3.S3Location;
import io.spectrumflow.activities.s3.S3Transfers;
import io.spectrumflow.workflows.export.ExportWorkflowIds;
import io.spectrumflow.workflows.schedule.StagedBatch;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A pipeline's staging area in S3, under {@code <staging>/<pipeline>/}:
 *
 * <ul>
 *   <li>{@code api/<yyyy-MM-dd>/<batch-id>/<digest>/} batches posted to the HTTP API or staged by
 *       the command line, one folder for each body: a body staged under a key of its own ({@link
 *       BodyDigest}) is never overwritten by another request of the same batch, so the object a run
 *       reads is the one its request staged. (Before, {@code api/<yyyy-MM-dd>/<batch-id>/} held the
 *       body directly; such folders are still read.)
 *   <li>{@code incoming/} files producers drop for the pipeline's schedule to pick up;
 *   <li>{@code kept/<yyyy-MM-dd>/<batch-id>/} what scheduled runs exported, moved out of incoming.
 * </ul>
 *
 * Batches are kept for the retention period, so that a backfill can export them again.
 */
public final class StagingArea {

  private static final String API = "api/";
  private static final String KEPT = "kept/";

  private static final Logger log = LoggerFactory.getLogger(StagingArea.class);

  private final S3Client s3;
  private final S3Transfers transfers;
  private final ObjectDeletions deletions;
  private final S3Location root;

  /**
   * @param transfers writes the bodies (multipart above its threshold: a body may pass 5 GB)
   * @param staging {@code s3://bucket/prefix/}
   */
  public StagingArea(S3Client s3, S3Transfers transfers, String staging) {
    this.s3 = s3;
    this.transfers = transfers;
    this.deletions = new ObjectDeletions(s3);
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
      String pipeline, LocalDate date, String batchId, BodyIntake.Body body, String extension) {
    return stage(pipeline, date, batchId, List.of(body.file()), body.digest(), extension);
  }

  /**
   * Stages files as a batch's inputs, in order, under the folder of their digest, and returns the
   * batch. Pipeline name and batch id are checked again here, so that no key leaves the pipeline's
   * staging prefix whatever the caller checked.
   *
   * @throws IllegalArgumentException for a name, batch id or digest that is not valid
   */
  public StagedBatch stage(
      String pipeline,
      LocalDate date,
      String batchId,
      List<Path> files,
      String digest,
      String extension) {
    ExportWorkflowIds.requireValidPipelineName(pipeline);
    ExportWorkflowIds.requireValidBatchId(batchId);
    if (!BodyDigest.looksLikeOne(digest)) {
      throw new IllegalArgumentException("'" + digest + "' is not a body digest");
    }
    List<String> inputs = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      String name =
          files.size() == 1 ? "body." + extension : String.format("body-%04d.%s", i, extension);
      String key = prefix(pipeline) + API + date + "/" + batchId + "/" + digest + "/" + name;
      Path file = files.get(i);
      transfers.upload(PutObjectRequest.builder().bucket(root.bucket()).key(key).build(), file);
      inputs.add(uri(key));
    }
    return new StagedBatch(batchId, inputs);
  }

  /**
   * What a run's inputs say of the body they were staged from: its digest when they are one posted
   * body of this pipeline and batch, staged under its digest.
   */
  public Optional<String> postedDigest(String pipeline, String batchId, List<String> inputs) {
    String digest = null;
    for (String input : inputs) {
      PostedKey key = PostedKey.parse(this, pipeline, input);
      if (key == null || !key.batchId().equals(batchId) || key.digest() == null) {
        return Optional.empty();
      }
      if (digest != null && !digest.equals(key.digest())) {
        return Optional.empty();
      }
      digest = key.digest();
    }
    return Optional.ofNullable(digest);
  }

  /** Whether inputs are a body of this batch staged the way it was before digest folders. */
  public boolean isLegacyPosted(String pipeline, String batchId, List<String> inputs) {
    return !inputs.isEmpty()
        && inputs.stream()
            .map(input -> PostedKey.parse(this, pipeline, input))
            .allMatch(key -> key != null && key.batchId().equals(batchId) && key.digest() == null);
  }

  /**
   * The {@link BodyDigest} of staged objects, read back from S3: for bodies staged before their
   * digest named their folder. Empty when one of them is gone (past its retention).
   */
  public Optional<String> digestOfStaged(List<String> inputs) {
    List<String> digests = new ArrayList<>();
    for (String input : inputs) {
      S3Location location = S3Location.parse(input);
      try (InputStream in = s3.getObject(b -> b.bucket(location.bucket()).key(location.key()))) {
        digests.add(BodyDigest.of(in));
      } catch (NoSuchKeyException gone) {
        return Optional.empty();
      } catch (IOException e) {
        throw new UncheckedIOException("could not read the staged " + input, e);
      }
    }
    return Optional.of(BodyDigest.ofDigests(digests));
  }

  /** Deletes the staged objects of a request that did not become its batch's run. */
  public void unstage(String pipeline, StagedBatch batch) {
    List<String> keys = new ArrayList<>();
    for (String input : batch.inputs()) {
      if (PostedKey.parse(this, pipeline, input) != null) {
        keys.add(input.substring(uri("").length()));
      }
    }
    if (!keys.isEmpty()) {
      // best effort: what is left is deleted by a later retention sweep
      List<ObjectDeletions.NotDeleted> left = deletions.delete(root.bucket(), keys);
      if (!left.isEmpty()) {
        log.warn(
            "staging of {}: could not delete {} unrun staged objects, a later sweep tries again: {}",
            pipeline,
            left.size(),
            left);
      }
    }
  }

  /** The batches staged on a day, posted or scheduled, with their inputs in order. */
  public List<StagedBatch> batchesOn(String pipeline, LocalDate date) {
    List<StagedBatch> batches = new ArrayList<>(postedOn(pipeline, date));
    batches.addAll(keptOn(pipeline, date));
    return batches;
  }

  /** The bodies posted on a day, one batch for each body (a batch id may have several). */
  public List<StagedBatch> postedOn(String pipeline, LocalDate date) {
    return folders(prefix(pipeline) + API + date + "/", true, null, null);
  }

  /** What scheduled runs exported on a day, moved out of incoming. */
  public List<StagedBatch> keptOn(String pipeline, LocalDate date) {
    return folders(prefix(pipeline) + KEPT + date + "/", false, null, null);
  }

  /**
   * The bodies posted whose objects were last written in {@code [from, to)}, one batch for each
   * body, for finding the ones no run took.
   */
  public List<StagedBatch> postedBetween(String pipeline, Instant from, Instant to) {
    List<StagedBatch> posted = new ArrayList<>();
    for (StagedBatch day : folders(prefix(pipeline) + API, false, from, to)) {
      // grouped by date first, then by body within the day
      Map<PostedKey, List<String>> bodies = new LinkedHashMap<>();
      for (String input : day.inputs()) {
        PostedKey key = PostedKey.parse(this, pipeline, input);
        if (key != null) {
          bodies.computeIfAbsent(key, k -> new ArrayList<>()).add(input);
        }
      }
      bodies.forEach((key, uris) -> posted.add(new StagedBatch(key.batchId(), uris)));
    }
    return posted;
  }

  /**
   * The objects under a prefix grouped into batches named by the first folder under the prefix;
   * with {@code byDigest}, a digest folder inside that one is a batch of its own. Only objects last
   * written in {@code [from, to)} when given.
   */
  private List<StagedBatch> folders(String under, boolean byDigest, Instant from, Instant to) {
    Map<String, List<String>> inputs = new LinkedHashMap<>();
    Map<String, String> batchIds = new LinkedHashMap<>();
    for (S3Object object :
        s3.listObjectsV2Paginator(b -> b.bucket(root.bucket()).prefix(under)).contents()) {
      String rest = object.key().substring(under.length());
      int slash = rest.indexOf('/');
      if (slash <= 0 || object.key().endsWith("/")) {
        continue;
      }
      if (from != null && object.lastModified().isBefore(from)
          || to != null && !object.lastModified().isBefore(to)) {
        continue;
      }
      String batchId = rest.substring(0, slash);
      String folder = batchId;
      int next = rest.indexOf('/', slash + 1);
      if (byDigest && next > 0 && BodyDigest.looksLikeOne(rest.substring(slash + 1, next))) {
        folder = rest.substring(0, next);
      }
      batchIds.putIfAbsent(folder, batchId);
      inputs.computeIfAbsent(folder, f -> new ArrayList<>()).add(uri(object.key()));
    }
    List<StagedBatch> batches = new ArrayList<>();
    inputs.forEach((folder, uris) -> batches.add(new StagedBatch(batchIds.get(folder), uris)));
    return batches;
  }

  /**
   * A key of a posted body: {@code <prefix><pipeline>/api/<date>/<batch-id>/<digest>/<name>}, or
   * without the digest folder as keys were staged before.
   */
  record PostedKey(String batchId, String digest) {
    static PostedKey parse(StagingArea area, String pipeline, String input) {
      String start = area.uri(area.prefix(pipeline) + API);
      if (input == null || !input.startsWith(start)) {
        return null;
      }
      String[] parts = input.substring(start.length()).split("/", -1);
      if (parts.length == 3) {
        return new PostedKey(parts[1], null);
      }
      if (parts.length == 4 && BodyDigest.looksLikeOne(parts[2])) {
        return new PostedKey(parts[1], parts[2]);
      }
      return null;
    }
  }

  /**
   * Deletes staged batches older than the retention period.
   *
   * @return how many objects were deleted (keys S3 answered with an error are not counted)
   */
  public int deleteOlderThan(String pipeline, Instant cutoff) {
    int deleted = 0;
    for (String kind : List.of(API, KEPT)) {
      String kindPrefix = prefix(pipeline) + kind;
      List<String> old = new ArrayList<>();
      for (S3Object object :
          s3.listObjectsV2Paginator(b -> b.bucket(root.bucket()).prefix(kindPrefix)).contents()) {
        if (object.lastModified().isBefore(cutoff)) {
          old.add(object.key());
        }
      }
      // best effort: a key S3 did not delete is not counted, and the next sweep tries it again
      List<ObjectDeletions.NotDeleted> left = deletions.delete(root.bucket(), old);
      if (!left.isEmpty()) {
        log.warn(
            "staging of {}: could not delete {} objects past retention, the next sweep tries"
                + " again: {}",
            pipeline,
            left.size(),
            left);
      }
      deleted += old.size() - left.size();
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
