package io.spectrumflow.local.aws.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * Reads S3 as Spectrum and Glue crawlers do, through the S3 API, and keeps local copies for DuckDB:
 * {@code dir/<bucket>/<sha-256 of key>/<etag>}. A copy is fetched again only when the object's ETag
 * changes; the copy of the previous ETag is then removed.
 */
public final class S3ObjectCache {

  private final S3Client s3;
  private final Path dir;

  public S3ObjectCache(S3Client s3, Path dir) {
    this.s3 = s3;
    this.dir = dir;
  }

  /**
   * The objects under a folder location such as {@code s3://bucket/prefix/}, subfolders included,
   * without the ones Spectrum skips: folder markers, empty objects, and names (of the file or a
   * folder below the location) starting with '.', '_' or '#' or ending with '~'.
   */
  public List<S3File> list(String location) throws S3ReadException {
    S3Location folder = S3Location.parse(location);
    List<S3File> files = new ArrayList<>();
    try {
      for (S3Object object :
          s3.listObjectsV2Paginator(b -> b.bucket(folder.bucket()).prefix(folder.prefix()))
              .contents()) {
        String relative = folder.relative(object.key());
        // S3-compatible servers may list a folder marker without a size
        long size = object.size() == null ? 0 : object.size();
        if (size > 0 && !relative.endsWith("/") && !hidden(relative)) {
          files.add(new S3File(folder.bucket(), object.key(), object.eTag(), size));
        }
      }
    } catch (SdkException e) {
      throw new S3ReadException("cannot list " + location + ": " + e.getMessage(), e);
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
  public Path fetch(S3File file) throws S3ReadException {
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
      throw new S3ReadException("cannot read " + file.uri() + ": " + e.getMessage(), e);
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
