package io.spectrumflow.activities.dump;

import io.spectrumflow.activities.dump.parquet.FlatSchema;
import io.spectrumflow.activities.dump.parquet.RowBatch;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Moves row batches from the thread that reads and encodes records to the threads that write files,
 * and empty batches back. Each writer thread sees every batch, in order (it writes the rows of the
 * partitions it owns); a batch is refilled once all of them are done with it. A few batches are in
 * flight at most, so memory stays bounded whatever the input. With no writer threads, a batch is
 * written on the reading thread as soon as it is sent: the same code, one thread.
 *
 * <p>A writer's failure is rethrown to the reading thread at its next call; a reading failure stops
 * the writers when the hand-off is closed.
 */
final class BatchHandOff implements Closeable {

  /** Writes one batch; called on one thread per writer, for every batch in order. */
  interface BatchWriter {
    void write(RowBatch batch) throws IOException;
  }

  /** Enough to ride out a writer's bursts (a page compressed, a row group written): ~7 MB. */
  private static final int BATCHES_PER_WRITER = 48;

  private final List<BatchWriter> writers;
  private final List<Thread> threads = new ArrayList<>();
  private final List<BlockingQueue<RowBatch>> queues = new ArrayList<>();
  private final BlockingQueue<RowBatch> empty;
  private final Map<RowBatch, AtomicInteger> pending = new IdentityHashMap<>();
  private final RowBatch end;
  private volatile Throwable failure;
  private boolean stopped;

  /**
   * @param writers one per writer thread; a single writer with {@code threaded} false is called on
   *     the reading thread
   * @param threaded whether the writers get threads of their own
   */
  BatchHandOff(
      FlatSchema schema, int batchRows, List<BatchWriter> writers, boolean threaded, String name) {
    this.writers = List.copyOf(writers);
    this.end = new RowBatch(schema, 1);
    int batches = threaded ? BATCHES_PER_WRITER + writers.size() : 1;
    this.empty = new ArrayBlockingQueue<>(batches);
    for (int i = 0; i < batches; i++) {
      RowBatch batch = new RowBatch(schema, batchRows);
      pending.put(batch, new AtomicInteger());
      empty.add(batch);
    }
    if (threaded) {
      for (int w = 0; w < writers.size(); w++) {
        BlockingQueue<RowBatch> queue = new ArrayBlockingQueue<>(batches + 1);
        BatchWriter writer = writers.get(w);
        Thread thread = new Thread(() -> writeUntilEnd(writer, queue), name + "-writer-" + w);
        thread.setDaemon(true);
        queues.add(queue);
        threads.add(thread);
      }
      threads.forEach(Thread::start);
    }
  }

  /** An empty batch to fill; waits while all are in flight. */
  RowBatch next() throws IOException {
    try {
      while (true) {
        rethrowFailure();
        RowBatch batch = empty.poll(50, TimeUnit.MILLISECONDS);
        if (batch != null) {
          return batch;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the file writers");
    }
  }

  /** Hands a filled batch to the writers (or writes it, without writer threads). */
  void send(RowBatch batch) throws IOException {
    rethrowFailure();
    if (threads.isEmpty()) {
      try {
        for (BatchWriter writer : writers) {
          writer.write(batch);
        }
      } finally {
        batch.clear();
        empty.add(batch);
      }
      return;
    }
    pending.get(batch).set(queues.size());
    for (BlockingQueue<RowBatch> queue : queues) {
      queue.add(batch); // never full: a queue holds at most every batch and the end
    }
  }

  /** Waits until every batch sent is written; rethrows a writer's failure. */
  void finish() throws IOException {
    stop();
    rethrowFailure();
  }

  private void writeUntilEnd(BatchWriter writer, BlockingQueue<RowBatch> queue) {
    while (true) {
      RowBatch batch;
      try {
        batch = queue.take();
      } catch (InterruptedException e) {
        fail(new InterruptedIOException("file writer interrupted"));
        return;
      }
      if (batch == end) {
        return;
      }
      if (failure == null) {
        try {
          writer.write(batch);
        } catch (IOException | RuntimeException | Error e) {
          fail(e);
        }
      }
      if (pending.get(batch).decrementAndGet() == 0) {
        batch.clear();
        empty.add(batch);
      }
    }
  }

  private synchronized void fail(Throwable e) {
    if (failure == null) {
      failure = e;
    }
  }

  private void rethrowFailure() throws IOException {
    Throwable e = failure;
    if (e == null) {
      return;
    }
    if (e instanceof IOException io) {
      throw io;
    }
    if (e instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (e instanceof Error error) {
      throw error;
    }
    throw new UncheckedIOException(new IOException(e));
  }

  private void stop() throws InterruptedIOException {
    if (stopped) {
      return;
    }
    stopped = true;
    for (BlockingQueue<RowBatch> queue : queues) {
      queue.add(end);
    }
    try {
      for (Thread thread : threads) {
        thread.join();
      }
    } catch (InterruptedException e) {
      threads.forEach(Thread::interrupt);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the file writers");
    }
  }

  /** Stops the writers (after a failure, without waiting for more batches). */
  @Override
  public void close() throws IOException {
    fail(new IOException("the dump stopped")); // writers skip what is still queued
    stop();
  }
}
