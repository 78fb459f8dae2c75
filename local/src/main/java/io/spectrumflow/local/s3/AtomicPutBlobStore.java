package io.spectrumflow.local.s3;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Pattern;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.PageSet;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;

/**
 * Makes uploads atomic, as on S3: an object is not seen until it is complete, and an interrupted
 * upload leaves nothing behind. S3Proxy's filesystem store writes an object to {@code <key>-<uuid>}
 * before renaming it, and a listing that meets such a file (one being written, or one left by a
 * broken connection) fails. So listings wait for uploads in progress in their bucket, and an upload
 * that fails removes its file.
 */
final class AtomicPutBlobStore extends ForwardingBlobStore {

  private static final Pattern UUID_SUFFIX =
      Pattern.compile("-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final Path root;

  /** Per bucket: uploads share the lock, listings take it alone. */
  private final ConcurrentMap<String, ReadWriteLock> locks = new ConcurrentHashMap<>();

  AtomicPutBlobStore(BlobStore delegate, Path root) {
    super(delegate);
    this.root = root;
  }

  @Override
  public String putBlob(String container, Blob blob) {
    return putBlob(container, blob, PutOptions.NONE);
  }

  @Override
  public String putBlob(String container, Blob blob, PutOptions options) {
    Lock uploading = lock(container).readLock();
    uploading.lock();
    try {
      return super.putBlob(container, blob, options);
    } catch (RuntimeException aborted) {
      removeLeftovers(container, blob.getMetadata().getName());
      throw aborted;
    } finally {
      uploading.unlock();
    }
  }

  @Override
  public PageSet<? extends StorageMetadata> list(String container) {
    return list(container, ListContainerOptions.NONE);
  }

  @Override
  public PageSet<? extends StorageMetadata> list(String container, ListContainerOptions options) {
    Lock listing = lock(container).writeLock();
    listing.lock();
    try {
      return super.list(container, options);
    } finally {
      listing.unlock();
    }
  }

  private ReadWriteLock lock(String container) {
    return locks.computeIfAbsent(container, c -> new ReentrantReadWriteLock());
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
