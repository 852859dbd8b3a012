package org.wasmdbms.api.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonDecimalTest {
  private static int compare(String a, String b) {
    return JsonDecimal.of(a).compareTo(JsonDecimal.of(b));
  }

  @Test
  void equalValuesWrittenDifferently() {
    String[] ones = {"1", "1.0", "1.000", "10e-1", "0.1e1", "0.01E+2", "100e-2", "001", "1E0"};
    for (String a : ones) {
      for (String b : ones) {
        assertEquals(0, compare(a, b), a + " vs " + b);
        assertEquals(JsonDecimal.of(a), JsonDecimal.of(b));
        assertEquals(JsonDecimal.of(a).hashCode(), JsonDecimal.of(b).hashCode());
      }
    }
    assertEquals(0, compare("0", "-0"));
    assertEquals(0, compare("0.000", "0e99"));
    assertEquals(0, compare("-0.0e-5", "0"));
    assertEquals(0, JsonDecimal.of("-0").signum());
  }

  @Test
  void orderBySignExponentAndDigits() {
    String[] ascending = {
      "-1e999999999", "-12345.6", "-100", "-99.99", "-1", "-0.5", "-1e-400", "0", "1e-999999999",
      "0.001", "0.0011", "0.5", "1", "1.000000000000000000001", "9.99", "10", "12345.6", "1e400",
      "1e999999999"
    };
    for (int i = 0; i < ascending.length; i++) {
      for (int j = 0; j < ascending.length; j++) {
        assertEquals(
            Integer.compare(i, j),
            compare(ascending[i], ascending[j]),
            ascending[i] + " vs " + ascending[j]);
      }
    }
  }

  @Test
  void hugeExponentsStayCheap() {
    assertTrue(compare("1e99999999999999999999999999", "1e400") > 0);
    assertTrue(compare("-1e-99999999999999999999999999", "0") < 0);
    assertEquals(Double.POSITIVE_INFINITY, JsonDecimal.of("1e999999999999").toDouble());
    assertEquals(Double.NEGATIVE_INFINITY, JsonDecimal.of("-1e401").toDouble());
    assertEquals(0.0, JsonDecimal.of("1e-999999999999").toDouble());
    assertEquals(
        Double.doubleToRawLongBits(-0.0),
        Double.doubleToRawLongBits(JsonDecimal.of("-1e-401").toDouble()));
  }

  @Test
  void toDoubleRoundsLikeTheJdk() {
    long seed = System.nanoTime();
    System.out.println("JsonDecimalTest seed " + seed);
    Random random = new Random(seed);
    for (int i = 0; i < 5_000; i++) {
      StringBuilder sb = new StringBuilder();
      if (random.nextBoolean()) {
        sb.append('-');
      }
      int intDigits = 1 + random.nextInt(25);
      for (int d = 0; d < intDigits; d++) {
        sb.append((char) ('0' + random.nextInt(10)));
      }
      if (random.nextBoolean()) {
        sb.append('.');
        int fraction = 1 + random.nextInt(25);
        for (int d = 0; d < fraction; d++) {
          sb.append((char) ('0' + random.nextInt(10)));
        }
      }
      if (random.nextBoolean()) {
        sb.append('e').append(random.nextInt(700) - 350);
      }
      String literal = sb.toString();
      assertEquals(Double.parseDouble(literal), JsonDecimal.of(literal).toDouble(), 0.0, literal);
      BigDecimal exact = new BigDecimal(literal);
      String other = exact.add(BigDecimal.valueOf(random.nextInt(3) - 1)).toString();
      assertEquals(
          Integer.signum(exact.compareTo(new BigDecimal(other))),
          compare(literal, other),
          literal + " vs " + other);
    }
  }

  @Test
  void veryLongMantissasRoundCorrectly() {
    // Halfway between 1 and the next double, then a non-zero digit far beyond 800 digits.
    String half =
        new BigDecimal(1)
            .add(new BigDecimal(Math.ulp(1.0)).divide(BigDecimal.valueOf(2)))
            .toPlainString();
    assertEquals(1.0, JsonDecimal.of(half).toDouble());
    String above = half + "0".repeat(2000) + "1";
    assertEquals(Math.nextUp(1.0), JsonDecimal.of(above).toDouble());
  }
}
