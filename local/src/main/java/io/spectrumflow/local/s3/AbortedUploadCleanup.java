package io.spectrumflow.local.s3;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;

/**
 * Makes an interrupted upload leave nothing behind, as on S3. S3Proxy's filesystem store writes an
 * object to {@code <key>-<uuid>} before renaming it; when the client's connection breaks half-way
 * that file stays, and every later listing of its folder fails on it.
 */
final class AbortedUploadCleanup extends ForwardingBlobStore {

  private static final Pattern UUID_SUFFIX =
      Pattern.compile("-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final Path root;

  AbortedUploadCleanup(BlobStore delegate, Path root) {
    super(delegate);
    this.root = root;
  }

  @Override
  public String putBlob(String container, Blob blob) {
    return putBlob(container, blob, PutOptions.NONE);
  }

  @Override
  public String putBlob(String container, Blob blob, PutOptions options) {
    try {
      return super.putBlob(container, blob, options);
    } catch (RuntimeException aborted) {
      removeLeftovers(container, blob.getMetadata().getName());
      throw aborted;
    }
  }

  private void removeLeftovers(String container, String name) {
    Path target = root.resolve(container).resolve(name).normalize();
    Path folder = target.getParent();
    String stem = target.getFileName().toString();
    if (folder == null || !folder.startsWith(root) || !Files.isDirectory(folder)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, stem + "-*")) {
      for (Path file : files) {
        String suffix = file.getFileName().toString().substring(stem.length());
        if (UUID_SUFFIX.matcher(suffix).matches()) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException e) {
      // best effort: the upload's own failure is what the client hears about
    }
  }
}
