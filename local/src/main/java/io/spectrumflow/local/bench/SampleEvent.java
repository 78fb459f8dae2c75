package io.spectrumflow.local.bench;

/**
 * One generated event.
 *
 * @param eventMicros the event time in epoch microseconds
 * @param amountCents the amount in cents, or null
 */
record SampleEvent(
    long eventId,
    long eventMicros,
    String userId,
    String eventType,
    Long amountCents,
    boolean mobile,
    long durationMs,
    String message) {}
