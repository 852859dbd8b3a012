package org.wasmdbms.api.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyEncodingTest {
  private static long seed() {
    long seed = Long.getLong("seed", System.nanoTime());
    System.out.println("seed=" + seed);
    return seed;
  }

  private static void assertSameOrder(Value a, Value b) {
    int byValue = Integer.signum(Values.compare(a, b));
    int byKey =
        Integer.signum(KeyEncoding.compareUnsigned(KeyEncoding.encode(a), KeyEncoding.encode(b)));
    assertEquals(byValue, byKey, a + " vs " + b);
  }

  /** Values of one comparable family in ascending order, with edge cases. */
  private static final List<List<Value>> ASCENDING =
      List.of(
          List.of(
              NullValue.INSTANCE,
              new Int64Value(Long.MIN_VALUE),
              new Int8Value((byte) -1),
              new Uint8Value(0),
              new Int16Value((short) 1),
              new Int64Value(Long.MAX_VALUE),
              new Uint64Value(Long.MIN_VALUE),
              new Uint64Value(-1L)),
          List.of(
              new Float64Value(Double.NEGATIVE_INFINITY),
              new Float32Value(-1.5f),
              new Float64Value(-Double.MIN_VALUE),
              new Float64Value(-0.0),
              new Float32Value(0.0f),
              new Float64Value(Double.MIN_VALUE),
              new Float64Value(1),
              new Float64Value(Double.POSITIVE_INFINITY),
              new Float64Value(Double.NaN)),
          List.of(
              DecimalValue.parse("-100"),
              DecimalValue.parse("-10.5"),
              DecimalValue.parse("-10.49"),
              DecimalValue.parse("-0.001"),
              DecimalValue.parse("0"),
              DecimalValue.parse("0.001"),
              DecimalValue.parse("0.0011"),
              DecimalValue.parse("9.99"),
              DecimalValue.parse("10"),
              DecimalValue.parse("10.01")),
          List.of(
              new TextValue(""),
              new TextValue("\u0000"),
              new TextValue("\u0000\u0000"),
              new TextValue("\u0001"),
              new TextValue("a"),
              new TextValue("a\u0000"),
              new TextValue("ab"),
              new TextValue("\ufffd"),
              new TextValue("\ud83d\ude00")),
          List.of(
              new DateTimeValue(2024, 1, 1, 8, 0, 0, 0, 0),
              new DateTimeValue(2024, 1, 1, 9, 0, 0, 0, 60),
              new DateTimeValue(2024, 1, 1, 10, 0, 0, 0, 120),
              new DateTimeValue(2024, 1, 1, 8, 0, 0, 1, 0)));

  @Test
  void ascendingListsEncodeAscending() {
    for (List<Value> family : ASCENDING) {
      for (int i = 0; i < family.size(); i++) {
        for (int j = 0; j < family.size(); j++) {
          assertEquals(
              Integer.signum(Integer.compare(i, j)),
              Integer.signum(Values.compare(family.get(i), family.get(j))),
              family.get(i) + " vs " + family.get(j));
          assertSameOrder(family.get(i), family.get(j));
        }
      }
    }
  }

  @Test
  void randomCompositeKeysOrderLikeTuples() {
    long seed = seed();
    Random r = new Random(seed);
    for (int i = 0; i < 20_000; i++) {
      List<Value> a = new ArrayList<>();
      List<Value> b = new ArrayList<>();
      int width = 1 + r.nextInt(3);
      for (int c = 0; c < width; c++) {
        int kind = r.nextInt(5);
        a.add(random(r, kind));
        b.add(r.nextInt(3) == 0 ? a.get(c) : random(r, kind));
      }
      int byValue = Integer.signum(Values.compareTuples(a, b));
      int byKey =
          Integer.signum(KeyEncoding.compareUnsigned(KeyEncoding.encode(a), KeyEncoding.encode(b)));
      assertEquals(byValue, byKey, "seed=" + seed + " " + a + " vs " + b);
    }
  }

  private static Value random(Random r, int kind) {
    if (r.nextInt(8) == 0) {
      return NullValue.INSTANCE;
    }
    return switch (kind) {
      case 0 -> r.nextBoolean() ? new Int64Value(r.nextInt(5) - 2) : new Uint64Value(r.nextLong());
      case 1 ->
          new Float64Value(
              r.nextBoolean() ? r.nextInt(5) - 2 : Double.longBitsToDouble(r.nextLong()));
      case 2 ->
          new DecimalValue(
              new BigDecimal(BigInteger.valueOf(r.nextInt(2001) - 1000), r.nextInt(4)));
      case 3 ->
          new TextValue(
              new String(
                  new char[] {(char) r.nextInt(3), (char) ('a' + r.nextInt(2))}, 0, r.nextInt(3)));
      default -> new BlobValue(new byte[] {(byte) r.nextInt(3), (byte) (r.nextInt(3) - 1)});
    };
  }

  @Test
  void compareUnsignedTreatsBytesAsUnsignedAndPrefixesFirst() {
    assertTrue(KeyEncoding.compareUnsigned(new byte[] {1}, new byte[] {(byte) 0x80}) < 0);
    assertTrue(KeyEncoding.compareUnsigned(new byte[] {1}, new byte[] {1, 0}) < 0);
    assertEquals(
        0, KeyEncoding.compareUnsigned(new byte[] {9, 1, 2}, 1, 2, new byte[] {1, 2}, 0, 2));
  }
}
