package io.spectrumflow.local.s3;

import java.lang.reflect.Field;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.shaded.org.eclipse.jetty.server.Server;

/**
 * Puts a handler in front of S3Proxy's own. S3Proxy offers no hook for it, so its Jetty server is
 * reached through its private field; a later S3Proxy that renames it fails here, at start.
 */
final class S3LimitsFront {

  private S3LimitsFront() {}

  static void install(S3Proxy proxy, S3LimitsHandler front) {
    try {
      Field field = S3Proxy.class.getDeclaredField("server");
      field.setAccessible(true);
      Server server = (Server) field.get(proxy);
      front.setHandler(server.getHandler());
      server.setHandler(front);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException(
          "cannot put the S3 limits in front of this S3Proxy version's handler", e);
    }
  }
}
