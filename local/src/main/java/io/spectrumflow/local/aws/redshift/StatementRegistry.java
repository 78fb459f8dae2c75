package io.spectrumflow.local.aws.redshift;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The statements of the last 24 hours, as long as the Data API keeps them, by Id and by the
 * ClientToken that created them (a retried request with the same token gets the same statement).
 * Kept in memory: a restart forgets them, as results are temporary in Redshift too.
 */
final class StatementRegistry {

  private static final Duration RETENTION = Duration.ofHours(24);

  private final Clock clock;
  private final Map<String, StatementRun> runs = new LinkedHashMap<>();
  private final Map<String, String> idsByClientToken = new HashMap<>();

  StatementRegistry(Clock clock) {
    this.clock = clock;
  }

  /** A registered statement, and whether this call created it. */
  record Registration(StatementRun run, boolean created) {}

  /** The run of {@code clientToken} if there is one, else a new one from {@code create}. */
  synchronized Registration register(String clientToken, Supplier<StatementRun> create) {
    evictExpired();
    if (clientToken != null) {
      String id = idsByClientToken.get(clientToken);
      if (id != null && runs.containsKey(id)) {
        return new Registration(runs.get(id), false);
      }
    }
    StatementRun run = create.get();
    runs.put(run.id(), run);
    if (clientToken != null) {
      idsByClientToken.put(clientToken, run.id());
    }
    return new Registration(run, true);
  }

  synchronized Optional<StatementRun> find(String id) {
    return Optional.ofNullable(runs.get(id));
  }

  /** Newest first. */
  synchronized List<StatementRun> all() {
    List<StatementRun> all = new ArrayList<>(runs.values());
    all.sort(Comparator.comparing(StatementRun::createdAt).reversed());
    return all;
  }

  /** Stops everything still running, for shutdown. */
  synchronized void cancelAll() {
    Instant now = clock.instant();
    for (StatementRun run : runs.values()) {
      run.parts().forEach(p -> p.abort(now));
      run.session().cancel();
    }
  }

  private void evictExpired() {
    Instant oldest = clock.instant().minus(RETENTION);
    runs.values().removeIf(run -> run.createdAt().isBefore(oldest));
    idsByClientToken.values().removeIf(id -> !runs.containsKey(id));
  }
}
