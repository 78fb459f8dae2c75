package io.spectrumflow.activities.dump.parquet;

/**
 * Parquet's RLE/bit-packing hybrid encoding of small non-negative ints (definition levels,
 * dictionary ids), by the same rules as parquet-mr's encoder: a value repeated at least 8 times
 * becomes an RLE run; other values are bit-packed in groups of 8, up to 63 groups per run (the run
 * header is one byte, patched when the run ends).
 */
final class RleBitPackedEncoder {

  private static final int MAX_GROUPS_PER_RUN = 63;

  private final int bitWidth;
  private final int valueBytes;
  private final ByteSink out;
  private final int[] buffered = new int[8];
  private int numBuffered;
  private int previous;
  private int repeatCount;
  private int groupsInRun;
  private int runHeader = -1;

  /**
   * @param bitWidth bits per value, 0 to 32
   */
  RleBitPackedEncoder(int bitWidth, ByteSink out) {
    this.bitWidth = bitWidth;
    this.valueBytes = (bitWidth + 7) / 8;
    this.out = out;
  }

  /** The bits needed for values up to {@code max}. */
  static int bitWidthFor(int max) {
    return 32 - Integer.numberOfLeadingZeros(max);
  }

  /**
   * One RLE run of {@code count} copies of {@code value}, as the encoder writes a run of 8 or more
   * (for fewer, it bit-packs: use {@link #write}).
   */
  static void writeRun(ByteSink out, int count, int value, int bitWidth) {
    if (count < 8) {
      RleBitPackedEncoder encoder = new RleBitPackedEncoder(bitWidth, out);
      for (int i = 0; i < count; i++) {
        encoder.write(value);
      }
      encoder.finish();
      return;
    }
    out.writeUnsignedVarInt(count << 1);
    for (int i = 0; i < (bitWidth + 7) / 8; i++) {
      out.writeByte(value >>> (8 * i));
    }
  }

  void write(int value) {
    if (value == previous) {
      if (++repeatCount >= 8) {
        return; // extends the RLE run; buffered copies are part of it
      }
    } else {
      if (repeatCount >= 8) {
        writeRleRun();
      }
      repeatCount = 1;
      previous = value;
    }
    buffered[numBuffered++] = value;
    if (numBuffered == 8) {
      writeGroup();
    }
  }

  /** Ends the last run; the encoded bytes are then in the sink. */
  void finish() {
    if (repeatCount >= 8) {
      writeRleRun();
    } else if (numBuffered > 0) {
      for (int i = numBuffered; i < 8; i++) {
        buffered[i] = 0;
      }
      writeGroup();
      endBitPackedRun();
    } else {
      endBitPackedRun();
    }
    numBuffered = 0;
    repeatCount = 0;
    previous = 0;
  }

  private void writeGroup() {
    if (groupsInRun >= MAX_GROUPS_PER_RUN) {
      endBitPackedRun();
    }
    if (runHeader < 0) {
      runHeader = out.reserve(1);
    }
    pack();
    numBuffered = 0;
    repeatCount = 0;
    groupsInRun++;
  }

  /** 8 values, least significant bits first, {@code bitWidth} bits each. */
  private void pack() {
    int at = out.reserve(bitWidth);
    byte[] bytes = out.array();
    long bits = 0;
    int count = 0;
    long mask = bitWidth == 32 ? 0xFFFF_FFFFL : (1L << bitWidth) - 1;
    for (int i = 0; i < 8; i++) {
      bits |= (buffered[i] & mask) << count;
      count += bitWidth;
      while (count >= 8) {
        bytes[at++] = (byte) bits;
        bits >>>= 8;
        count -= 8;
      }
    }
  }

  private void endBitPackedRun() {
    if (runHeader < 0) {
      return;
    }
    out.setByte(runHeader, (groupsInRun << 1) | 1);
    runHeader = -1;
    groupsInRun = 0;
  }

  private void writeRleRun() {
    endBitPackedRun();
    out.writeUnsignedVarInt(repeatCount << 1);
    for (int i = 0; i < valueBytes; i++) {
      out.writeByte(previous >>> (8 * i));
    }
    repeatCount = 0;
    numBuffered = 0;
  }
}
