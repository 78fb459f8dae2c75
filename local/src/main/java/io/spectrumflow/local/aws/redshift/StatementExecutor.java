package io.spectrumflow.local.aws.redshift;

import io.spectrumflow.local.aws.redshift.sql.RedshiftEngine;
import io.spectrumflow.local.aws.redshift.sql.RedshiftSqlException;
import io.spectrumflow.local.aws.redshift.sql.SqlSession;
import io.spectrumflow.local.aws.redshift.sql.StatementCancelledException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs submitted statements in the background, as Redshift does: SUBMITTED, then PICKED, STARTED
 * and FINISHED, FAILED or ABORTED. A batch runs in one transaction, rolled back when a statement
 * fails; the statements after a failed one are ABORTED.
 */
final class StatementExecutor implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StatementExecutor.class);

  private final RedshiftEngine engine;
  private final Clock clock;
  private final ExecutorService pool;
  private final AtomicLong queryIds = new AtomicLong(100_000);

  StatementExecutor(RedshiftEngine engine, Clock clock, int threads) {
    this.engine = engine;
    this.clock = clock;
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread thread = new Thread(r, "redshift-stand-in-statement");
              thread.setDaemon(true);
              return thread;
            });
  }

  void submit(StatementRun run) {
    pool.execute(() -> execute(run));
  }

  private void execute(StatementRun run) {
    run.parts().forEach(p -> p.picked(clock.instant()));
    try (SqlSession session = engine.session(run.target().sessionUser(), run.target().database())) {
      if (!run.session().attach(session)) {
        return; // cancelled while waiting: the statements are ABORTED already
      }
      try {
        runAll(run, session);
      } finally {
        run.session().detach();
      }
    } catch (RedshiftSqlException e) {
      failFrom(run.parts(), 0, e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("statement {} failed in the stand-in", run.id(), e);
      failFrom(run.parts(), 0, "ERROR: internal error in the local stand-in: " + e);
    }
  }

  private void runAll(StatementRun run, SqlSession session) throws RedshiftSqlException {
    List<SubStatement> parts = run.parts();
    boolean transaction = run.batch() && allTransactional(session, parts);
    if (transaction) {
      session.begin();
    }
    for (int i = 0; i < parts.size(); i++) {
      SubStatement part = parts.get(i);
      if (!part.started(clock.instant(), queryIds.incrementAndGet())) {
        continue; // aborted by a cancel
      }
      try {
        part.finished(clock.instant(), session.execute(part.sql));
      } catch (StatementCancelledException e) {
        session.rollback();
        parts.forEach(p -> p.abort(clock.instant()));
        return;
      } catch (RedshiftSqlException e) {
        session.rollback();
        failFrom(parts, i, e.getMessage());
        return;
      }
    }
    if (transaction) {
      try {
        session.commit();
      } catch (RedshiftSqlException e) {
        session.rollback();
        failFrom(parts, parts.size() - 1, e.getMessage());
      }
    }
  }

  private static boolean allTransactional(SqlSession session, List<SubStatement> parts)
      throws RedshiftSqlException {
    for (SubStatement part : parts) {
      if (!session.isTransactional(part.sql)) {
        return false;
      }
    }
    return true;
  }

  /** Fails statement {@code index} (or the first not done) and aborts those after it. */
  private void failFrom(List<SubStatement> parts, int index, String message) {
    for (int i = index; i < parts.size(); i++) {
      SubStatement part = parts.get(i);
      if (i == index || part.status() == StatementStatus.STARTED) {
        part.failed(clock.instant(), message);
      } else {
        part.abort(clock.instant());
      }
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
    try {
      pool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
