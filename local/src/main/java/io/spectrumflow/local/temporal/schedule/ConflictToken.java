package io.spectrumflow.local.temporal.schedule;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import java.nio.ByteBuffer;
import java.util.function.Supplier;

/** A schedule's conflict token: a counter of its changes, 8 bytes big-endian, as the server's. */
final class ConflictToken {

  static final ByteString FIRST = of(1);

  private ConflictToken() {}

  static ByteString of(long sequence) {
    return ByteString.copyFrom(ByteBuffer.allocate(Long.BYTES).putLong(sequence).array());
  }

  /**
   * Refuses an update made against another version of the schedule, as the server does with {@code
   * FAILED_PRECONDITION}; an empty token means "whatever the version".
   */
  static void check(ByteString given, Supplier<ByteString> current) {
    if (!given.isEmpty() && !given.equals(current.get())) {
      throw Status.FAILED_PRECONDITION
          .withDescription("mismatched conflict token")
          .asRuntimeException();
    }
  }

  static ByteString next(ByteString token) {
    return of(token.size() == Long.BYTES ? token.asReadOnlyByteBuffer().getLong() + 1 : 1);
  }
}
