package io.spectrumflow.activities.dump.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.junit.jupiter.api.Test;

/** Our encoder writes the bytes parquet-mr's writes, for runs, mixes and every bit width. */
class RleBitPackedEncoderTest {

  @Test
  void writesWhatParquetMrWrites() throws Exception {
    Random random = new Random(11);
    for (int bitWidth = 0; bitWidth <= 32; bitWidth++) {
      for (int round = 0; round < 20; round++) {
        int count = random.nextInt(2000);
        int[] values = new int[count];
        long max = bitWidth == 32 ? 0xFFFF_FFFFL : (1L << bitWidth) - 1;
        for (int i = 0; i < count; i++) {
          // Runs of repeats between random values, as levels and dictionary ids come.
          values[i] =
              i > 0 && random.nextInt(3) > 0
                  ? values[i - 1]
                  : (int) (max == 0 ? 0 : Math.floorMod(random.nextLong(), max + 1));
        }
        assertThat(ours(bitWidth, values))
            .as("width %d", bitWidth)
            .isEqualTo(theirs(bitWidth, values));
      }
    }
  }

  @Test
  void aRunWrittenAtOnceEqualsTheSameValuesWrittenOneByOne() {
    for (int count = 0; count < 40; count++) {
      ByteSink run = new ByteSink(16);
      RleBitPackedEncoder.writeRun(run, count, 1, 1);
      int[] ones = new int[count];
      java.util.Arrays.fill(ones, 1);
      assertThat(run.toByteArray()).as("%d ones", count).isEqualTo(ours(1, ones));
    }
  }

  private static byte[] ours(int bitWidth, int[] values) {
    ByteSink out = new ByteSink(16);
    RleBitPackedEncoder encoder = new RleBitPackedEncoder(bitWidth, out);
    for (int value : values) {
      encoder.write(value);
    }
    encoder.finish();
    return out.toByteArray();
  }

  private static byte[] theirs(int bitWidth, int[] values) throws Exception {
    RunLengthBitPackingHybridEncoder encoder =
        new RunLengthBitPackingHybridEncoder(bitWidth, 64, 1 << 20, new HeapByteBufferAllocator());
    for (int value : values) {
      encoder.writeInt(value);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    encoder.toBytes().writeAllTo(bytes);
    return bytes.toByteArray();
  }
}
