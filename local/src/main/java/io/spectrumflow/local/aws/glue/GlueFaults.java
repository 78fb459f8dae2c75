package io.spectrumflow.local.aws.glue;

import io.spectrumflow.local.aws.http.AwsException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The awkward answers real Glue gives now and then, which tests turn on for the next calls of an
 * operation: BatchGetPartition leaving keys in {@code UnprocessedKeys}, the batch partition writes
 * reporting per-entry {@code Errors}, and throttling. A test-only switch of the in-process stand-in
 * ({@code AwsStandIn.glueFaults()}); nothing turns it on otherwise.
 *
 * <p>A fault hits the second half of a call's entries (at least one, the last), so a call always
 * has some entries that worked and some that did not.
 */
public final class GlueFaults {

  /** Per-entry errors for an operation's next calls. */
  private record EntryErrors(String errorCode, boolean acted, AtomicInteger calls) {}

  private final Map<String, AtomicInteger> unprocessed = new ConcurrentHashMap<>();
  private final Map<String, EntryErrors> entryErrors = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> throttled = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> applied = new ConcurrentHashMap<>();

  /** The next {@code calls} BatchGetPartition calls leave their second half of keys unprocessed. */
  public GlueFaults leaveKeysUnprocessed(int calls) {
    unprocessed.put("BatchGetPartition", new AtomicInteger(calls));
    return this;
  }

  /**
   * The next {@code calls} calls of {@code operation} (BatchCreatePartition, BatchUpdatePartition
   * or BatchDeletePartition) report {@code errorCode} for the second half of their entries.
   *
   * @param acted whether those entries were written all the same (as when Glue timed out after
   *     writing), or left as they were
   */
  public GlueFaults failEntries(String operation, String errorCode, boolean acted, int calls) {
    entryErrors.put(operation, new EntryErrors(errorCode, acted, new AtomicInteger(calls)));
    return this;
  }

  /**
   * The next {@code calls} calls of {@code operation} (any Glue operation) answer
   * ThrottlingException.
   */
  public GlueFaults throttle(String operation, int calls) {
    throttled.put(operation, new AtomicInteger(calls));
    return this;
  }

  /** How many calls of {@code operation} a fault changed so far. */
  public int applied(String operation) {
    AtomicInteger count = applied.get(operation);
    return count == null ? 0 : count.get();
  }

  /** Turns every fault off and forgets the counts. */
  public void clear() {
    unprocessed.clear();
    entryErrors.clear();
    throttled.clear();
    applied.clear();
  }

  /** Index of the first entry a fault hits in a call of {@code size} entries. */
  static int firstHit(int size) {
    return size / 2;
  }

  void throttleIfTurnedOn(String operation) {
    if (take(throttled.get(operation), operation)) {
      throw new AwsException("ThrottlingException", "Rate exceeded");
    }
  }

  /** Whether this BatchGetPartition call leaves keys unprocessed. */
  boolean leavesUnprocessed(String operation, int keys) {
    return keys > 0 && take(unprocessed.get(operation), operation);
  }

  /**
   * The per-entry error of this call of {@code operation}, or null when it has none.
   *
   * @param entries the call's number of entries; a call without entries uses up no fault
   */
  EntryFault entryFault(String operation, int entries) {
    EntryErrors errors = entryErrors.get(operation);
    if (entries == 0 || errors == null || !take(errors.calls(), operation)) {
      return null;
    }
    return new EntryFault(errors.errorCode(), errors.acted(), firstHit(entries));
  }

  /** A fault of one call: entries from {@code from} on answer {@code errorCode}. */
  record EntryFault(String errorCode, boolean acted, int from) {
    boolean hits(int index) {
      return index >= from;
    }

    String message() {
      return "Injected by the stand-in's fault plan ("
          + (acted ? "the partition was written" : "the partition was left as it was")
          + ")";
    }
  }

  private boolean take(AtomicInteger left, String operation) {
    if (left == null || left.getAndUpdate(n -> Math.max(0, n - 1)) <= 0) {
      return false;
    }
    applied.computeIfAbsent(operation, o -> new AtomicInteger()).incrementAndGet();
    return true;
  }
}
