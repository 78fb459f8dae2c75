package io.spectrumflow.workflows.slots;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/** What the run slots need of the Temporal service itself. */
@ActivityInterface
public interface RunSlotsActivities {

  /** Asks the pipeline's slots for one, starting them if they are not running. */
  @ActivityMethod(name = "RequestRunSlot")
  void requestSlot(SlotRequest request);

  /** Those of the holders whose runs are no longer running. */
  @ActivityMethod(name = "ClosedSlotHolders")
  List<SlotHolder> closedHolders(List<SlotHolder> holders);
}
