package io.spectrumflow.worker;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * Names this worker process uniquely: its host queue is where the uploads of the files it dumped
 * go. A restarted process gets a new name, so work meant for the old one times out and is redone.
 */
final class WorkerIdentity {

  private WorkerIdentity() {}

  static String create() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    return host
        + ":"
        + ProcessHandle.current().pid()
        + ":"
        + UUID.randomUUID().toString().substring(0, 8);
  }
}
