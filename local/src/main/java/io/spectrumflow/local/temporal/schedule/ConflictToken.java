package io.spectrumflow.local.temporal.schedule;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;

/** A schedule's conflict token: a counter of its changes, 8 bytes big-endian, as the server's. */
final class ConflictToken {

  static final ByteString FIRST = of(1);

  private ConflictToken() {}

  static ByteString of(long sequence) {
    return ByteString.copyFrom(ByteBuffer.allocate(Long.BYTES).putLong(sequence).array());
  }

  static ByteString next(ByteString token) {
    return of(token.size() == Long.BYTES ? token.asReadOnlyByteBuffer().getLong() + 1 : 1);
  }
}
