package org.wasmdbms.api.query;

import java.util.Arrays;
import org.wasmdbms.api.error.InvalidQueryException;

/**
 * A compiled SQL LIKE pattern: {@code %} matches any run of characters (including none), {@code _}
 * exactly one character (one Unicode code point), and a backslash makes the next character literal.
 * Matching is case-sensitive and covers the whole text. Immutable and thread-safe.
 *
 * <p>Time: the pattern is cut at its {@code %}s into pieces. The first piece must match at the
 * start of the text and the last at its end, each compared once; every piece in between is looked
 * for from where the previous one ended, and the leftmost place it fits is the right one (whatever
 * a later place could match, the {@code %}s around it can match too). A piece's leading and
 * trailing {@code _}s only shift where it may start and end; the rest of it (its core) is found
 * with Knuth-Morris-Pratt when it has no {@code _}, in time linear in the text; else, when it holds
 * no more literals than it has 64-bit words, by trying its literals at every start; else with the
 * bit-parallel Shift-And algorithm. Those two take at most the text's length times the core's
 * length divided by 64 steps (plus up to 64 per character for a literal the core holds rarely). So
 * {@code %}/{@code _} patterns whose pieces have no inner {@code _} run in linear time. No regular
 * expressions, no recursion; one array of the text's code points per match.
 */
public final class LikePattern {
  private static final int ANY_RUN = -1;
  private static final int ANY_ONE = -2;

  /** The whole pattern when it has no {@code %}, else null. */
  private final int[] exact;

  /** The piece before the first {@code %}, and after the last. */
  private final int[] head;

  private final int[] tail;

  /** The pieces between two {@code %}s, in order. */
  private final Piece[] middle;

  private LikePattern(int[] exact, int[] head, int[] tail, Piece[] middle) {
    this.exact = exact;
    this.head = head;
    this.tail = tail;
    this.middle = middle;
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
    int runs = 0;
    for (int i = 0; i < points.length; i++) {
      int c = points[i];
      if (c == '\\') {
        if (i + 1 == points.length) {
          throw new InvalidQueryException("LIKE pattern ends with a lone backslash: " + pattern);
        }
        tokens[n++] = points[++i];
      } else if (c == '%') {
        // Consecutive runs are equivalent to one.
        if (n == 0 || tokens[n - 1] != ANY_RUN) {
          tokens[n++] = ANY_RUN;
          runs++;
        }
      } else {
        tokens[n++] = c == '_' ? ANY_ONE : c;
      }
    }
    if (runs == 0) {
      return new LikePattern(slice(tokens, 0, n), null, null, null);
    }
    int firstRun = indexOf(tokens, 0, ANY_RUN);
    int lastRun = firstRun;
    Piece[] middle = new Piece[runs - 1];
    for (int k = 0; k < middle.length; k++) {
      int next = indexOf(tokens, lastRun + 1, ANY_RUN);
      middle[k] = new Piece(slice(tokens, lastRun + 1, next));
      lastRun = next;
    }
    return new LikePattern(null, slice(tokens, 0, firstRun), slice(tokens, lastRun + 1, n), middle);
  }

  /** Whether the whole of {@code text} matches the pattern. */
  public boolean matches(String text) {
    int[] s = codePoints(text);
    if (exact != null) {
      return exact.length == s.length && fitsAt(exact, 0, exact.length, s, 0);
    }
    int end = s.length - tail.length;
    if (end < head.length
        || !fitsAt(head, 0, head.length, s, 0)
        || !fitsAt(tail, 0, tail.length, s, end)) {
      return false;
    }
    int from = head.length;
    for (Piece piece : middle) {
      from = piece.endOfFirstMatch(s, from, end);
      if (from < 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code tokens[start, end)} matches the text at {@code at} (which leaves room). */
  private static boolean fitsAt(int[] tokens, int start, int end, int[] s, int at) {
    for (int i = start; i < end; i++) {
      int t = tokens[i];
      if (t != ANY_ONE && t != s[at + i - start]) {
        return false;
      }
    }
    return true;
  }

  /**
   * A piece between two {@code %}s: {@code lead} {@code _}s, a core that starts and ends with a
   * literal (or is empty), then {@code trail} {@code _}s.
   */
  private static final class Piece {
    /** A literal found this often in a core gets a whole mask; rarer ones keep their positions. */
    private static final int DENSE = 64;

    private final int lead;
    private final int trail;
    private final int[] core;

    /** Knuth-Morris-Pratt failure table of a core without {@code _}, else null. */
    private final int[] failure;

    /**
     * Where a core with {@code _} holds literals, when they are no more than its Shift-And words:
     * then trying every start costs no more than Shift-And. Else null.
     */
    private final int[] literalAt;

    /** For Shift-And: the core's distinct literals, ascending. */
    private final int[] literals;

    /** Per literal, where the core holds it. */
    private final int[][] positions;

    /**
     * Per literal found at least {@link #DENSE} times, the positions of it and of every {@code _}
     * as a bit set, else null.
     */
    private final long[][] dense;

    /** The positions of the core's {@code _}s, as a bit set. */
    private final long[] wildcards;

    Piece(int[] tokens) {
      int first = 0;
      while (first < tokens.length && tokens[first] == ANY_ONE) {
        first++;
      }
      int last = tokens.length;
      while (last > first && tokens[last - 1] == ANY_ONE) {
        last--;
      }
      lead = first;
      trail = tokens.length - last;
      core = slice(tokens, first, last);
      int words = (core.length + 63) >>> 6;
      int literalCount = 0;
      for (int t : core) {
        literalCount += t == ANY_ONE ? 0 : 1;
      }
      failure = literalCount == core.length ? failureTable(core) : null;
      literalAt = failure == null && literalCount <= words ? new int[literalCount] : null;
      if (failure != null || literalAt != null) {
        for (int i = 0, n = 0; literalAt != null && i < core.length; i++) {
          if (core[i] != ANY_ONE) {
            literalAt[n++] = i;
          }
        }
        literals = null;
        positions = null;
        dense = null;
        wildcards = null;
        return;
      }
      wildcards = new long[words];
      int[] sorted = core.clone();
      Arrays.sort(sorted);
      int count = 0;
      for (int t : sorted) {
        if (t != ANY_ONE && (count == 0 || sorted[count - 1] != t)) {
          sorted[count++] = t;
        }
      }
      literals = slice(sorted, 0, count);
      int[] seen = new int[count];
      for (int t : core) {
        if (t != ANY_ONE) {
          seen[find(literals, t)]++;
        }
      }
      positions = new int[count][];
      dense = new long[count][];
      for (int k = 0; k < count; k++) {
        positions[k] = new int[seen[k]];
        dense[k] = seen[k] >= DENSE ? new long[words] : null;
        seen[k] = 0;
      }
      for (int i = 0; i < core.length; i++) {
        if (core[i] == ANY_ONE) {
          wildcards[i >>> 6] |= 1L << i;
        } else {
          int k = find(literals, core[i]);
          positions[k][seen[k]++] = i;
          if (dense[k] != null) {
            dense[k][i >>> 6] |= 1L << i;
          }
        }
      }
      for (long[] mask : dense) {
        for (int w = 0; mask != null && w < words; w++) {
          mask[w] |= wildcards[w];
        }
      }
    }

    /**
     * Finds the leftmost match in {@code s[from, end)}.
     *
     * @return the index just after it, or -1 if there is none
     */
    int endOfFirstMatch(int[] s, int from, int end) {
      int start = from + lead;
      int stop = end - trail;
      if (stop - start < core.length) {
        return -1;
      }
      int coreEnd;
      if (failure != null) {
        coreEnd = knuthMorrisPratt(s, start, stop);
      } else if (literalAt != null) {
        coreEnd = everyStart(s, start, stop);
      } else {
        coreEnd = shiftAnd(s, start, stop);
      }
      return coreEnd < 0 ? -1 : coreEnd + trail;
    }

    /** The end of the first occurrence of the literal core in {@code s[start, stop)}, or -1. */
    private int knuthMorrisPratt(int[] s, int start, int stop) {
      if (core.length == 0) {
        return start;
      }
      int matched = 0;
      for (int t = start; t < stop; t++) {
        while (matched > 0 && core[matched] != s[t]) {
          matched = failure[matched - 1];
        }
        if (core[matched] == s[t]) {
          matched++;
          if (matched == core.length) {
            return t + 1;
          }
        }
      }
      return -1;
    }

    /** Like {@link #knuthMorrisPratt}, trying the core's few literals at every start. */
    private int everyStart(int[] s, int start, int stop) {
      for (int at = start; at + core.length <= stop; at++) {
        int k = 0;
        while (k < literalAt.length && core[literalAt[k]] == s[at + literalAt[k]]) {
          k++;
        }
        if (k == literalAt.length) {
          return at + core.length;
        }
      }
      return -1;
    }

    /**
     * Like {@link #knuthMorrisPratt}, with the bit-parallel Shift-And algorithm. Bit {@code i} of
     * the state is set when the text read so far ends with the core's first {@code i + 1} tokens:
     * each character shifts the state by one and keeps the bits whose token it matches. Words above
     * the highest set bit stay zero and are skipped.
     */
    private int shiftAnd(int[] s, int start, int stop) {
      int words = wildcards.length;
      long[] state = new long[words];
      long[] next = new long[words];
      int top = 0; // every word of state above it is zero
      int stale = 0; // likewise for next, which holds an older state
      int lastWord = words - 1;
      long lastBit = 1L << (core.length - 1);
      for (int t = start; t < stop; t++) {
        int k = find(literals, s[t]);
        long[] mask = k < 0 || dense[k] == null ? wildcards : dense[k];
        int highest = top < lastWord ? top + 1 : lastWord;
        stale = stale > highest ? stale : highest;
        long carry = 1L;
        for (int w = 0; w <= stale; w++) {
          long word = state[w];
          next[w] = ((word << 1) | carry) & mask[w];
          carry = word >>> 63;
        }
        if (k >= 0 && mask == wildcards) {
          for (int i : positions[k]) {
            long before = i == 0 ? 1L : state[(i - 1) >>> 6] >>> (i - 1);
            next[i >>> 6] |= (before & 1L) << i;
          }
        }
        long[] swap = state;
        state = next;
        next = swap;
        stale = top;
        top = highest;
        while (top > 0 && state[top] == 0) {
          top--;
        }
        if ((state[lastWord] & lastBit) != 0) {
          return t + 1;
        }
      }
      return -1;
    }
  }

  /** For each prefix of {@code word}, the length of its longest proper border. */
  private static int[] failureTable(int[] word) {
    int[] table = new int[word.length];
    int border = 0;
    for (int i = 1; i < word.length; i++) {
      while (border > 0 && word[i] != word[border]) {
        border = table[border - 1];
      }
      if (word[i] == word[border]) {
        border++;
      }
      table[i] = border;
    }
    return table;
  }

  /** The index of {@code value} in the ascending {@code sorted}, or -1. */
  private static int find(int[] sorted, int value) {
    int low = 0;
    int high = sorted.length - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (sorted[mid] < value) {
        low = mid + 1;
      } else if (sorted[mid] > value) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /** The first index at or after {@code from} holding {@code value}, or {@code tokens.length}. */
  private static int indexOf(int[] tokens, int from, int value) {
    int i = from;
    while (i < tokens.length && tokens[i] != value) {
      i++;
    }
    return i;
  }

  private static int[] slice(int[] values, int from, int to) {
    int[] out = new int[to - from];
    System.arraycopy(values, from, out, 0, to - from);
    return out;
  }

  private static int[] codePoints(String s) {
    int[] out = new int[s.length()];
    int n = 0;
    for (int i = 0; i < s.length(); i += Character.charCount(out[n++])) {
      out[n] = Character.codePointAt(s, i);
    }
    return n == out.length ? out : slice(out, 0, n);
  }
}
