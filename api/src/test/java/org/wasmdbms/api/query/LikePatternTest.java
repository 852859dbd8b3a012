package org.wasmdbms.api.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link LikePattern} against a plain dynamic-programming matcher, on random patterns and texts
 * over a tiny alphabet (so pieces overlap and repeat) and on the pathological shapes of a quadratic
 * matcher. Its speed is measured by {@code LikeBenchmark}, not here. Prints its seed; {@code
 * -Dseed=} replays one.
 */
class LikePatternTest {
  private static final String[] PIECES = {
    "a", "a", "b", "_", "_", "%", "%", "\\%", "\\_", "\ud83d\ude00", "aa", "ab"
  };

  @Test
  void agreesWithAReferenceMatcher() {
    long seed = Long.getLong("seed", System.nanoTime());
    System.out.println("LikePatternTest seed=" + seed);
    Random random = new Random(seed);
    for (int round = 0; round < 10_000; round++) {
      StringBuilder pattern = new StringBuilder();
      for (int k = random.nextInt(9); k > 0; k--) {
        pattern.append(PIECES[random.nextInt(PIECES.length)]);
      }
      // Long pieces with inner wildcards need more than one 64-bit word of Shift-And state.
      // Sparse literals in a long piece are tried at every start instead.
      boolean longPiece = random.nextInt(40) == 0;
      if (longPiece) {
        int wildcards = 1 + random.nextInt(random.nextBoolean() ? 4 : 100);
        for (int k = 60 + random.nextInt(400); k > 0; k--) {
          boolean literal = random.nextInt(100) >= wildcards;
          pattern.append(literal ? random.nextInt(8) == 0 ? "b" : "a" : "_");
        }
        pattern.append('%');
      }
      StringBuilder text = new StringBuilder();
      for (int k = random.nextInt(longPiece ? 800 : 14); k > 0; k--) {
        int c = random.nextInt(longPiece ? 40 : 10);
        text.append(c == 8 ? "%" : c == 9 ? "\ud83d\ude00" : c < 6 || c > 9 ? "a" : "b");
      }
      String p = pattern.toString();
      String t = text.toString();
      assertEquals(
          reference(p, t),
          LikePattern.compile(p).matches(t),
          "seed=" + seed + " pattern " + p + " text " + t);
    }
  }

  @Test
  void pathologicalShapesAnswerCorrectly() {
    String text = "a".repeat(100_000);
    assertFalse(LikePattern.compile("%" + "a".repeat(10_000) + "b").matches(text));
    assertTrue(LikePattern.compile("%" + "a".repeat(10_000)).matches(text));
    assertFalse(LikePattern.compile("%" + "a".repeat(10_000) + "b%").matches(text));
    assertTrue(LikePattern.compile("%" + "a".repeat(10_000) + "%").matches(text));
    assertFalse(LikePattern.compile("%a".repeat(5_000) + "%b").matches(text));
    assertTrue(LikePattern.compile("%a".repeat(5_000) + "%").matches(text));
    assertFalse(LikePattern.compile("%" + "_".repeat(10_000) + "b%").matches(text));
    assertFalse(LikePattern.compile("%a" + "_".repeat(10_000) + "b%").matches(text));
    assertTrue(LikePattern.compile("%a" + "_".repeat(10_000) + "a%").matches(text));
    assertFalse(LikePattern.compile("%a" + "_a".repeat(5_000) + "b%").matches(text));
    // Shift-And over several words: a long partial match that dies (its top words cleared at once)
    // must leave no bits behind in the words it skips afterwards. Found by a random search.
    LikePattern fiveWords =
        LikePattern.compile(
            runs("% a44 _ a29 _ a19 _ a _ a16 _ a8 b a9 _ a34 _ a9 _ a40 _ a16 _ a13 b %"));
    assertFalse(
        fiveWords.matches(
            runs(
                "a44 b a12 b a56 c a76 b a19 c a78 b a4 b a10 b a112 b a44 b a14 c a139 b a144 b2"
                    + " a20 b a7 c a34 c a73 b a3 c a51 b a b a30 c a17 b a19 c a8 c a7 b a23 b a c"
                    + " a23 b a11 b a29 c a5 b a9 b a25")));
    assertTrue(LikePattern.compile("_".repeat(100_000)).matches(text));
    assertFalse(LikePattern.compile("_".repeat(99_999)).matches(text));
  }

  /** Expands {@code "a3 b _2"} to {@code "aaab__"}: characters each followed by a repeat count. */
  private static String runs(String spec) {
    StringBuilder out = new StringBuilder();
    for (String run : spec.split(" ")) {
      out.append(
          run.substring(0, 1).repeat(run.length() == 1 ? 1 : Integer.parseInt(run.substring(1))));
    }
    return out.toString();
  }

  /** Whole-text LIKE by dynamic programming over code points: the obvious, slow definition. */
  private static boolean reference(String pattern, String text) {
    int[] t = text.codePoints().toArray();
    int[] raw = pattern.codePoints().toArray();
    int[] p = new int[raw.length];
    boolean[] literal = new boolean[raw.length];
    int n = 0;
    for (int i = 0; i < raw.length; i++) {
      literal[n] = raw[i] == '\\';
      p[n++] = literal[n - 1] ? raw[++i] : raw[i];
    }
    // matches[j]: the pattern's first i tokens match the text's first j code points.
    boolean[] matches = new boolean[t.length + 1];
    matches[0] = true;
    for (int i = 0; i < n; i++) {
      boolean[] next = new boolean[t.length + 1];
      boolean anyRun = !literal[i] && p[i] == '%';
      for (int j = 0; j <= t.length; j++) {
        if (anyRun) {
          next[j] = matches[j] || (j > 0 && next[j - 1]);
        } else if (j > 0) {
          next[j] = matches[j - 1] && ((!literal[i] && p[i] == '_') || p[i] == t[j - 1]);
        }
      }
      matches = next;
    }
    return matches[t.length];
  }
}
