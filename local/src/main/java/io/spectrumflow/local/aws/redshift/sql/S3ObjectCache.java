package io.spectrumflow.local.aws.redshift.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Reads S3 as Spectrum does, through the S3 API at query time, and keeps local copies for DuckDB:
 * {@code dir/<bucket>/<sha-256 of key>/<etag>}. A copy is fetched again only when the object's ETag
 * changes; the copy of the previous ETag is then removed.
 */
final class S3ObjectCache {

  private final S3Client s3;
  private final Path dir;

  S3ObjectCache(S3Client s3, Path dir) {
    this.s3 = s3;
    this.dir = dir;
  }

  /**
   * The objects under a folder location such as {@code s3://bucket/prefix/}, subfolders included,
   * without the ones Spectrum skips: folder markers, empty objects, and names (of the file or a
   * folder below the location) starting with '.', '_' or '#' or ending with '~'.
   */
  List<S3File> list(String location) throws RedshiftSqlException {
    URI uri = URI.create(location);
    if (uri.getScheme() == null || !uri.getScheme().matches("s3[an]?") || uri.getHost() == null) {
      throw new RedshiftSqlException("ERROR: Spectrum cannot read location '" + location + "'");
    }
    String bucket = uri.getHost();
    String prefix = uri.getPath().replaceFirst("^/", "");
    if (!prefix.isEmpty() && !prefix.endsWith("/")) {
      prefix += "/";
    }
    String listed = prefix;
    List<S3File> files = new ArrayList<>();
    try {
      for (S3Object object :
          s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(listed)).contents()) {
        String relative = object.key().substring(listed.length());
        if (object.size() > 0 && !relative.endsWith("/") && !hidden(relative)) {
          files.add(new S3File(bucket, object.key(), object.eTag(), object.size()));
        }
      }
    } catch (SdkException e) {
      throw new RedshiftSqlException(
          "ERROR: Spectrum Scan Error: cannot list " + location + ": " + e.getMessage(), e);
    }
    return files;
  }

  private static boolean hidden(String relativeKey) {
    for (String name : relativeKey.split("/")) {
      if (name.startsWith(".")
          || name.startsWith("_")
          || name.startsWith("#")
          || name.endsWith("~")) {
        return true;
      }
    }
    return false;
  }

  /** A local copy of the object as listed, fetched unless the cache has its ETag. */
  Path fetch(S3File file) throws RedshiftSqlException {
    Path keyDir = dir.resolve(file.bucket()).resolve(sha256(file.key()));
    Path cached = keyDir.resolve(fileName(file.etag()));
    if (Files.isRegularFile(cached)) {
      return cached;
    }
    try {
      Files.createDirectories(keyDir);
      Path temp = Files.createTempFile(keyDir, ".download-", ".tmp");
      try (ResponseInputStream<GetObjectResponse> in =
          s3.getObject(b -> b.bucket(file.bucket()).key(file.key()))) {
        Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
        // the object may have changed since it was listed: file it under what was read
        Path target = keyDir.resolve(fileName(in.response().eTag()));
        move(temp, target);
        removeOtherVersions(keyDir, target);
        return target;
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (SdkException e) {
      throw new RedshiftSqlException(
          "ERROR: Spectrum Scan Error: cannot read " + file.uri() + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot cache " + file.uri(), e);
    }
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void removeOtherVersions(Path keyDir, Path current) throws IOException {
    try (Stream<Path> files = Files.list(keyDir)) {
      for (Path file : files.toList()) {
        if (!file.equals(current) && !file.getFileName().toString().startsWith(".")) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  private static String fileName(String etag) {
    String clean = etag == null ? "no-etag" : etag.replaceAll("[^A-Za-z0-9-]", "");
    return (clean.isEmpty() ? "no-etag" : clean) + ".parquet";
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
