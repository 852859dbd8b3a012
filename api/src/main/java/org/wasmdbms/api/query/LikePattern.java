package org.wasmdbms.api.query;

import org.wasmdbms.api.error.InvalidQueryException;

/**
 * A compiled SQL LIKE pattern: {@code %} matches any run of characters (including none), {@code _}
 * exactly one character (one Unicode code point), and a backslash makes the next character literal.
 * Matching is case-sensitive and covers the whole text.
 *
 * <p>No regular expressions are involved and matching is iterative: it remembers only the last
 * {@code %} to retry from, so its time is at most proportional to text length times pattern length
 * and its stack use is constant.
 */
public final class LikePattern {
  private static final int ANY_RUN = -1;
  private static final int ANY_ONE = -2;

  /** Code points to match literally, or {@link #ANY_RUN} / {@link #ANY_ONE}. */
  private final int[] tokens;

  private LikePattern(int[] tokens) {
    this.tokens = tokens;
  }

  /**
   * Compiles a pattern.
   *
   * @throws InvalidQueryException if the pattern ends with a lone backslash
   */
  public static LikePattern compile(String pattern) {
    int[] points = codePoints(pattern);
    int[] tokens = new int[points.length];
    int n = 0;
    for (int i = 0; i < points.length; i++) {
      int c = points[i];
      if (c == '\\') {
        if (i + 1 == points.length) {
          throw new InvalidQueryException("LIKE pattern ends with a lone backslash: " + pattern);
        }
        tokens[n++] = points[++i];
      } else if (c == '%') {
        // Consecutive runs are equivalent to one; collapsing them keeps matching fast.
        if (n == 0 || tokens[n - 1] != ANY_RUN) {
          tokens[n++] = ANY_RUN;
        }
      } else {
        tokens[n++] = c == '_' ? ANY_ONE : c;
      }
    }
    int[] exact = new int[n];
    System.arraycopy(tokens, 0, exact, 0, n);
    return new LikePattern(exact);
  }

  /** Whether the whole of {@code text} matches the pattern. */
  public boolean matches(String text) {
    int[] s = codePoints(text);
    int p = 0;
    int t = 0;
    int retryPattern = -1;
    int retryText = 0;
    while (t < s.length) {
      if (p < tokens.length && (tokens[p] == ANY_ONE || tokens[p] == s[t])) {
        p++;
        t++;
      } else if (p < tokens.length && tokens[p] == ANY_RUN) {
        retryPattern = p++;
        retryText = t;
      } else if (retryPattern >= 0) {
        // Let the last % swallow one more character and try again from there.
        p = retryPattern + 1;
        t = ++retryText;
      } else {
        return false;
      }
    }
    while (p < tokens.length && tokens[p] == ANY_RUN) {
      p++;
    }
    return p == tokens.length;
  }

  private static int[] codePoints(String s) {
    int[] out = new int[s.length()];
    int n = 0;
    for (int i = 0; i < s.length(); i += Character.charCount(out[n++])) {
      out[n] = Character.codePointAt(s, i);
    }
    if (n == out.length) {
      return out;
    }
    int[] exact = new int[n];
    System.arraycopy(out, 0, exact, 0, n);
    return exact;
  }
}
