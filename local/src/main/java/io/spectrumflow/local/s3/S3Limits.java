package io.spectrumflow.local.s3;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The S3 limits the embedded S3 enforces, as AWS documents them, and a fault mode for tests. Tests
 * may lower the single-request object size to a few MB, so that a test can prove large objects go
 * multipart without writing gigabytes.
 */
public final class S3Limits {

  /** The largest object one PutObject or CopyObject may write (AWS docs: 5 GB). */
  public static final long SINGLE_REQUEST_MAX_BYTES = 5L * 1024 * 1024 * 1024;

  /** The most keys one DeleteObjects may name (AWS docs: 1000). */
  public static final int DELETE_MAX_KEYS = 1000;

  private volatile long singleRequestMaxBytes = SINGLE_REQUEST_MAX_BYTES;
  private final List<DeleteFault> deleteFaults = new CopyOnWriteArrayList<>();

  /** A per-key error DeleteObjects answers, the first {@code times} times each key is named. */
  private record DeleteFault(
      Predicate<String> keys, String code, int times, Map<String, AtomicInteger> seen) {}

  public long singleRequestMaxBytes() {
    return singleRequestMaxBytes;
  }

  /** Lowers (or restores) the largest object one PutObject or CopyObject may write. */
  public S3Limits singleRequestMaxBytes(long bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("the single-request limit must be positive: " + bytes);
    }
    this.singleRequestMaxBytes = bytes;
    return this;
  }

  /**
   * Fault mode: DeleteObjects answers HTTP 200 with an {@code Errors} entry of {@code code} (e.g.
   * {@code InternalError}, {@code SlowDown}, {@code AccessDenied}) for each matching key, the first
   * {@code times} times the key is named, and leaves the object in place; the other keys are
   * deleted. Faults add up; the first one that matches a key answers for it.
   */
  public S3Limits failDeletes(Predicate<String> keys, String code, int times) {
    deleteFaults.add(new DeleteFault(keys, code, times, new ConcurrentHashMap<>()));
    return this;
  }

  /** Ends the fault mode. */
  public S3Limits clearFaults() {
    deleteFaults.clear();
    return this;
  }

  boolean deleteFaultOn() {
    return !deleteFaults.isEmpty();
  }

  /** The error code to answer for deleting {@code key} now, or null to delete it. */
  String deleteError(String key) {
    for (DeleteFault fault : deleteFaults) {
      if (fault.keys().test(key)) {
        int count = fault.seen().computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        return count <= fault.times() ? fault.code() : null;
      }
    }
    return null;
  }
}
