package io.spectrumflow.local.temporal.schedule.spec;

/** A schedule spec the server would refuse: its message is what the client is told. */
public final class InvalidSpecException extends RuntimeException {

  public InvalidSpecException(String message) {
    super(message);
  }
}
