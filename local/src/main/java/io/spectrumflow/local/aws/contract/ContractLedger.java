package io.spectrumflow.local.aws.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests checked against the service models and the violations found, per operation. Each server
 * keeps its own, and every one also adds to the {@link #global()} ledger of the JVM, which a test
 * run prints at its end.
 */
public final class ContractLedger {

  private static final ContractLedger GLOBAL = new ContractLedger(null);

  private final ContractLedger parent;
  private final ConcurrentMap<String, LongAdder> checked = new ConcurrentHashMap<>();
  private final List<ContractViolation> violations = new CopyOnWriteArrayList<>();

  private ContractLedger(ContractLedger parent) {
    this.parent = parent;
  }

  /** A ledger of one server, adding to the global one. */
  public static ContractLedger forServer() {
    return new ContractLedger(GLOBAL);
  }

  /** Everything checked in this JVM. */
  public static ContractLedger global() {
    return GLOBAL;
  }

  /** Records one checked request of {@code operation} and what was wrong with it. */
  public void record(String operation, List<ContractViolation> found) {
    checked.computeIfAbsent(operation, o -> new LongAdder()).increment();
    violations.addAll(found);
    if (parent != null) {
      parent.record(operation, found);
    }
  }

  /** Requests checked per operation, sorted by operation. */
  public Map<String, Long> checked() {
    Map<String, Long> counts = new TreeMap<>();
    checked.forEach((operation, count) -> counts.put(operation, count.sum()));
    return counts;
  }

  public long checkedTotal() {
    return checked.values().stream().mapToLong(LongAdder::sum).sum();
  }

  public List<ContractViolation> violations() {
    return new ArrayList<>(violations);
  }

  /** A table of operations, requests checked and violations, then each violation. */
  public String summary() {
    StringBuilder out = new StringBuilder();
    Map<String, Long> counts = checked();
    List<ContractViolation> all = violations();
    counts.forEach(
        (operation, count) -> {
          long bad = all.stream().filter(v -> v.operation().equals(operation)).count();
          out.append(String.format("  %-44s %6d checked %4d violations%n", operation, count, bad));
        });
    out.append(
        String.format(
            "  %d requests checked in %d operations, %d violations%n",
            checkedTotal(), counts.size(), all.size()));
    all.forEach(v -> out.append("  VIOLATION ").append(v).append('\n'));
    return out.toString();
  }
}
