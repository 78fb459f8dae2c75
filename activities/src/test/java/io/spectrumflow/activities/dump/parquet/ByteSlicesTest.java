package io.spectrumflow.activities.dump.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Our comparisons agree with the JDK's on every length and position of the first difference. */
class ByteSlicesTest {

  @Test
  void agreesWithArraysOnRandomRanges() {
    Random random = new Random(5);
    for (int round = 0; round < 20_000; round++) {
      byte[] a = new byte[40];
      byte[] b = new byte[40];
      random.nextBytes(a);
      int aFrom = random.nextInt(10);
      int bFrom = random.nextInt(10);
      int aLength = random.nextInt(25);
      int bLength = random.nextInt(25);
      // Mostly equal prefixes, differing at a random place (or not at all).
      System.arraycopy(a, aFrom, b, bFrom, Math.min(aLength, bLength));
      if (random.nextBoolean() && Math.min(aLength, bLength) > 0) {
        b[bFrom + random.nextInt(Math.min(aLength, bLength))] = (byte) random.nextInt();
      }
      int expected = Arrays.compareUnsigned(a, aFrom, aFrom + aLength, b, bFrom, bFrom + bLength);
      assertThat(Integer.signum(ByteSlices.compareUnsigned(a, aFrom, aLength, b, bFrom, bLength)))
          .isEqualTo(Integer.signum(expected));
      if (aLength == bLength) {
        assertThat(ByteSlices.equal(a, aFrom, b, bFrom, aLength)).isEqualTo(expected == 0);
      }
    }
  }
}
