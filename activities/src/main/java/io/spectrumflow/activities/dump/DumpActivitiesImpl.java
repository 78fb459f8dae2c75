package io.spectrumflow.activities.dump;

import io.spectrumflow.activities.aws.AwsFailures;
import io.spectrumflow.activities.glue.ColumnFields;
import io.spectrumflow.activities.heartbeat.Heartbeats;
import io.spectrumflow.activities.s3.S3Location;
import io.spectrumflow.workflows.export.DumpActivities;
import io.spectrumflow.workflows.export.DumpRequest;
import io.spectrumflow.workflows.export.DumpResult;
import io.spectrumflow.workflows.export.ExportFailures;
import io.spectrumflow.workflows.export.ExportWorkflowIds;
import io.spectrumflow.workflows.export.InferredColumn;
import io.spectrumflow.workflows.export.PartFile;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The dump step: fetches the staged inputs to this worker's disk and streams them into Parquet
 * files there. The result names this worker's host queue, where the upload must run.
 */
public final class DumpActivitiesImpl implements DumpActivities {

  private static final Logger log = LoggerFactory.getLogger(DumpActivitiesImpl.class);

  private final S3Client s3;
  private final GlueClient glue;
  private final Path workDir;
  private final String hostQueue;

  /**
   * @param s3 reads the staged inputs
   * @param glue reads the existing table, whose column types the batch must fit
   * @param workDir where inputs and Parquet files are kept until the upload
   * @param hostQueue this worker's own task queue
   */
  public DumpActivitiesImpl(S3Client s3, GlueClient glue, Path workDir, String hostQueue) {
    this.s3 = s3;
    this.glue = glue;
    this.workDir = workDir;
    this.hostQueue = hostQueue;
  }

  @Override
  public DumpResult dumpParquet(DumpRequest request) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    Path batchDir = batchDir(request);
    List<TableColumn> table = tableColumns(request.pipeline());
    List<Path> inputs = Heartbeats.during(() -> fetch(request.inputs(), batchDir.resolve("input")));
    try {
      DumpOutcome outcome =
          new ParquetDumper(request.pipeline())
              .dump(
                  inputs,
                  batchDir.resolve("parquet"),
                  request.batchId(),
                  Instant.parse(request.batchTime()),
                  table,
                  context::heartbeat);
      log.info(
          "dumped batch {} of pipeline {}: {} rows into {} files ({} bytes)",
          request.batchId(),
          request.pipeline().name(),
          outcome.rows(),
          outcome.files().size(),
          outcome.bytes());
      return new DumpResult(
          hostQueue,
          outcome.columnsWithFields(),
          numbered(outcome.files(), request.chunk()),
          outcome.rows(),
          outcome.bytes());
    } catch (BadInputException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), ExportFailures.BAD_INPUT);
    } catch (IOException e) {
      throw new UncheckedIOException("dump of batch " + request.batchId() + " failed", e);
    } finally {
      inputs.forEach(DumpActivitiesImpl::deleteQuietly);
    }
  }

  @Override
  public List<InferredColumn> inferColumns(DumpRequest request) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    List<TableColumn> table = tableColumns(request.pipeline());
    List<Path> inputs =
        Heartbeats.during(() -> fetch(request.inputs(), batchDir(request).resolve("infer")));
    try {
      return new ParquetDumper(request.pipeline())
          .infer(inputs, Instant.parse(request.batchTime()), table, context::heartbeat);
    } catch (BadInputException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), ExportFailures.BAD_INPUT);
    } catch (IOException e) {
      throw new UncheckedIOException("reading batch " + request.batchId() + " failed", e);
    } finally {
      inputs.forEach(DumpActivitiesImpl::deleteQuietly);
    }
  }

  /** Where a batch (or one chunk of it) is worked on; chunks on one host keep apart. */
  private Path batchDir(DumpRequest request) {
    return workDir.resolve(
        ExportWorkflowIds.requireValidPipelineName(request.pipeline().name())
            + "-"
            + ExportWorkflowIds.requireValidBatchId(request.batchId())
            + (request.chunk() == 0 ? "" : "-chunk-" + request.chunk()));
  }

  /** A chunk's files are numbered in its own range, so no two chunks name the same object. */
  private static List<PartFile> numbered(List<PartFile> files, int chunk) {
    if (chunk == 0) {
      return files;
    }
    int base = chunk * DumpRequest.FILES_PER_CHUNK;
    return files.stream()
        .map(
            f ->
                new PartFile(
                    f.partitionValue(), base + f.sequence(), f.localPath(), f.rows(), f.bytes()))
        .toList();
  }

  /**
   * The existing table's data columns, with the field each records, so that every field lands in
   * the column that holds it and a batch that conflicts with them fails here, before anything is
   * uploaded; empty when there is no table yet.
   */
  private List<TableColumn> tableColumns(PipelineSpec pipeline) {
    try {
      return glue
          .getTable(
              b -> b.databaseName(pipeline.catalog().database()).name(pipeline.catalog().table()))
          .table()
          .storageDescriptor()
          .columns()
          .stream()
          .map(c -> new TableColumn(c.name(), c.type(), ColumnFields.recorded(c)))
          .toList();
    } catch (EntityNotFoundException noTableYet) {
      return List.of();
    } catch (SdkException e) {
      throw AwsFailures.translate("Glue", "GetTable", e);
    }
  }

  private List<Path> fetch(List<String> uris, Path dir) {
    List<Path> files = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      for (String uri : uris) {
        S3Location location = S3Location.parse(uri);
        // Named after the object, so that bad-input messages point at a file the user knows.
        Path file =
            Files.createDirectories(dir.resolve(String.format("%04d", files.size())))
                .resolve(localName(location.key()));
        Files.deleteIfExists(file);
        s3.getObject(
            b -> b.bucket(location.bucket()).key(location.key()), ResponseTransformer.toFile(file));
        files.add(file);
      }
      return files;
    } catch (NoSuchKeyException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "staged input "
              + uris.get(files.size())
              + " does not exist: stage the batch's input in S3 before starting the run",
          ExportFailures.NOT_FOUND);
    } catch (SdkException e) {
      throw AwsFailures.translate("S3", "GetObject " + uris.get(files.size()), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store inputs under " + dir, e);
    }
  }

  private static String localName(String key) {
    String name = key.substring(key.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
    return name.isEmpty() || name.equals(".") || name.equals("..") ? "input" : name;
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("could not remove input copy {}: {}", file, e.toString());
    }
  }
}
