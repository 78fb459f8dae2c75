package io.spectrumflow.starter.app;

import io.dropwizard.lifecycle.Managed;

/** Closes something when the application stops. */
final class ClosingManaged implements Managed {

  private final AutoCloseable closeable;

  ClosingManaged(AutoCloseable closeable) {
    this.closeable = closeable;
  }

  @Override
  public void stop() throws Exception {
    closeable.close();
  }
}
