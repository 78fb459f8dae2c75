package io.spectrumflow.activities.s3;

import io.spectrumflow.workflows.export.PartFile;
import io.spectrumflow.workflows.export.UploadRequest;
import io.spectrumflow.workflows.export.UploadResult;
import io.spectrumflow.workflows.export.UploadedObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Puts a batch's Parquet files under their deterministic keys, each naming the run that wrote it
 * ({@link ObjectOwner}). A retry overwrites the same keys; objects of this batch that the current
 * attempt no longer writes are removed, so a partition never holds the batch's rows twice, but only
 * those a run of this pipeline's batch wrote: anything else under the keys is left and logged.
 */
public final class PartUploader {

  private static final Logger log = LoggerFactory.getLogger(PartUploader.class);

  private final S3Client s3;
  private final S3Transfers transfers;

  public PartUploader(S3Client s3, S3Transfers transfers) {
    this.s3 = s3;
    this.transfers = transfers;
  }

  /**
   * Uploads the files.
   *
   * @param owner the run writing them
   * @param uploaded called with the number of files uploaded so far, after each one, and while a
   *     large one is going up
   */
  public UploadResult upload(UploadRequest request, ObjectOwner owner, IntConsumer uploaded) {
    ObjectKeys keys = new ObjectKeys(request.pipeline(), request.batchId(), request.batchTime());
    String bucket = request.pipeline().storage().bucket();
    List<UploadedObject> objects = new ArrayList<>();
    for (PartFile file : request.files()) {
      String key = keys.key(file.partitionValue(), file.sequence());
      int done = objects.size();
      put(bucket, key, Path.of(file.localPath()), owner, () -> uploaded.accept(done));
      objects.add(
          new UploadedObject(bucket, key, file.partitionValue(), file.rows(), file.bytes()));
      uploaded.accept(objects.size());
    }
    List<String> stale = removeStale(bucket, keys, objects, request.chunk(), owner);
    log.info(
        "uploaded {} objects of batch {} to s3://{}/{}{}",
        objects.size(),
        request.batchId(),
        bucket,
        request.pipeline().tablePrefix(),
        stale.isEmpty() ? "" : "; removed " + stale.size() + " left by an earlier attempt");
    return new UploadResult(objects, stale);
  }

  private void put(String bucket, String key, Path file, ObjectOwner owner, Runnable stillGoing) {
    // Content-MD5 makes S3 refuse an upload that arrived damaged instead of storing it; a part
    // above the multipart threshold goes in parts, which the SDK sends without it
    PutObjectRequest.Builder request =
        PutObjectRequest.builder()
            .bucket(bucket)
            .key(key)
            .contentType("application/vnd.apache.parquet")
            .metadata(owner.metadata());
    if (!transfers.isMultipart(size(file))) {
      request.contentMD5(md5Base64(file));
    }
    transfers.upload(request.build(), file, stillGoing);
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " to upload it", e);
    }
  }

  private List<String> removeStale(
      String bucket, ObjectKeys keys, List<UploadedObject> written, int chunk, ObjectOwner owner) {
    Set<String> current = new HashSet<>();
    Set<String> partitions = new LinkedHashSet<>();
    for (UploadedObject object : written) {
      current.add(object.key());
      partitions.add(object.partitionValue());
    }
    List<String> stale = new ArrayList<>();
    for (String partition : partitions) {
      String prefix = keys.partitionPrefix(partition);
      for (S3Object object :
          s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
        if (current.contains(object.key()) || !keys.isChunkKey(partition, object.key(), chunk)) {
          continue;
        }
        Map<String, String> writer = ObjectOwner.recordedOn(s3, bucket, object.key());
        if (writer != null && owner.sameBatch(writer)) {
          stale.add(object.key());
        } else if (writer != null) {
          log.warn(
              "batch {}: left {} under its keys, {}",
              keys.batchId(),
              object.key(),
              ObjectOwner.describe(writer));
        }
      }
    }
    for (String key : stale) {
      s3.deleteObject(b -> b.bucket(bucket).key(key));
    }
    return stale;
  }

  private static String md5Base64(Path file) {
    try (DigestInputStream in =
        new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("MD5"))) {
      in.transferTo(OutputStream.nullOutputStream());
      return Base64.getEncoder().encodeToString(in.getMessageDigest().digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " to upload it", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is required of every Java runtime", e);
    }
  }
}
