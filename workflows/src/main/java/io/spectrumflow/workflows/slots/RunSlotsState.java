package io.spectrumflow.workflows.slots;

import java.util.List;

/**
 * What a pipeline's run slots carry into their next run (continue-as-new), and what the {@code
 * state} query answers.
 *
 * @param limit how many runs may hold a slot at once
 * @param holding the runs holding a slot
 * @param waiting the runs waiting for one, first come first served
 * @param grantsPerRun after this many grants the slots continue as new, to bound their history
 * @param holderCheckSeconds while runs wait, this often the holders are checked for runs that
 *     closed without giving their slot back (terminated, timed out)
 */
public record RunSlotsState(
    int limit,
    List<SlotHolder> holding,
    List<SlotHolder> waiting,
    int grantsPerRun,
    int holderCheckSeconds) {

  /** Grants before continue-as-new: each grant adds a handful of events to the history. */
  public static final int DEFAULT_GRANTS_PER_RUN = 500;

  public static final int DEFAULT_HOLDER_CHECK_SECONDS = 60;

  public RunSlotsState {
    holding = holding == null ? List.of() : List.copyOf(holding);
    waiting = waiting == null ? List.of() : List.copyOf(waiting);
    grantsPerRun = grantsPerRun <= 0 ? DEFAULT_GRANTS_PER_RUN : grantsPerRun;
    holderCheckSeconds =
        holderCheckSeconds <= 0 ? DEFAULT_HOLDER_CHECK_SECONDS : holderCheckSeconds;
  }

  /** No holders yet; the first request sets the limit. */
  public static RunSlotsState empty() {
    return new RunSlotsState(
        0, List.of(), List.of(), DEFAULT_GRANTS_PER_RUN, DEFAULT_HOLDER_CHECK_SECONDS);
  }
}
