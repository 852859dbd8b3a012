package org.wasmdbms.api.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.value.Float32Value;
import org.wasmdbms.api.value.Float64Value;
import org.wasmdbms.api.value.Int32Value;

class QueryModelTest {
  private static boolean like(String pattern, String text) {
    return LikePattern.compile(pattern).matches(text);
  }

  @Test
  void likeWildcardsAndEscapes() {
    assertTrue(like("", ""));
    assertFalse(like("", "a"));
    assertTrue(like("%", ""));
    assertTrue(like("a%", "abc"));
    assertFalse(like("a%", "cab"));
    assertTrue(like("%b%", "abc"));
    assertTrue(like("_b_", "abc"));
    assertFalse(like("_b_", "abcd"));
    assertTrue(like("a\\%", "a%"));
    assertFalse(like("a\\%", "ab"));
    assertTrue(like("a\\_c", "a_c"));
    assertFalse(like("a\\_c", "abc"));
    assertTrue(like("a\\\\", "a\\"));
    assertFalse(like("A%", "abc"));
    assertTrue(like("_", "\ud83d\ude00"));
    assertTrue(like("%a%b%c%", "xxaxxbxxcxx"));
    assertFalse(like("%a%b%c%", "xxcxxbxxaxx"));
    assertThrows(InvalidQueryException.class, () -> LikePattern.compile("abc\\"));
  }

  @Test
  void likeIsFastOnPathologicalPatterns() {
    String text = "a".repeat(20_000);
    assertFalse(like("%a%a%a%a%a%a%a%a%b", text));
    assertTrue(like("%%%%%%a", text));
  }

  @Test
  void filtersRejectNanFewOperandsAndDeepNesting() {
    assertThrows(
        InvalidQueryException.class, () -> new Filter.Eq("x", new Float64Value(Double.NaN)));
    assertThrows(
        InvalidQueryException.class,
        () -> new Filter.In("x", List.of(new Int32Value(1), new Float32Value(Float.NaN))));
    assertThrows(InvalidQueryException.class, () -> new Filter.Or(List.of(new Filter.IsNull("a"))));
    Filter f = new Filter.IsNull("a");
    for (int depth = 2; depth <= Filter.MAX_DEPTH; depth++) {
      f = new Filter.Not(f);
      assertEquals(depth, f.depth());
    }
    Filter deepest = f;
    assertThrows(InvalidQueryException.class, () -> new Filter.Not(deepest));
    assertThrows(
        InvalidQueryException.class,
        () -> new Filter.And(List.of(deepest, new Filter.IsNull("b"))));
  }
}
