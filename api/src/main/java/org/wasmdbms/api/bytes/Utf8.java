package org.wasmdbms.api.bytes;

import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.error.MemoryException;

/**
 * Strict UTF-8 helpers. The JDK silently replaces malformed input with U+FFFD in both directions; a
 * database must not, so strings with unpaired surrogates and byte sequences that are not
 * well-formed UTF-8 are rejected here.
 *
 * <p>The conversions are written out by hand, validating and converting in one pass, rather than
 * checked here and then handed to {@code String.getBytes} and {@code new String(byte[], Charset)},
 * which in the TeaVM guest run through its NIO buffer classes. Code on the guest path converts text
 * only through this class.
 */
public final class Utf8 {
  private Utf8() {}

  /**
   * The number of bytes {@code s} takes in UTF-8.
   *
   * @throws InvalidQueryException if {@code s} holds an unpaired surrogate
   */
  public static long encodedLength(String s) {
    long n = 0;
    int length = s.length();
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        if (i + 1 >= length || !Character.isLowSurrogate(s.charAt(i + 1))) {
          throw new InvalidQueryException("text holds an unpaired surrogate at index " + i);
        }
        n += 4;
        i++;
      } else if (Character.isLowSurrogate(c)) {
        throw new InvalidQueryException("text holds an unpaired surrogate at index " + i);
      } else {
        n += 3;
      }
    }
    return n;
  }

  /**
   * Encodes {@code s} as UTF-8.
   *
   * @throws InvalidQueryException if {@code s} holds an unpaired surrogate
   */
  public static byte[] encode(String s) {
    long size = encodedLength(s);
    if (size > Integer.MAX_VALUE - 8) {
      throw new MemoryException("text of " + size + " UTF-8 bytes is too large to encode");
    }
    byte[] out = new byte[(int) size];
    encodeInto(s, out, 0);
    return out;
  }

  /**
   * Writes {@code s} as UTF-8 into {@code out} from {@code offset}, which must have room for its
   * {@link #encodedLength}: so a caller that knows the length writes text without an intermediate
   * array.
   *
   * @return the offset just past the last byte written
   * @throws InvalidQueryException if {@code s} holds an unpaired surrogate (checked by {@link
   *     #encodedLength}, which callers run first)
   */
  public static int encodeInto(String s, byte[] out, int offset) {
    int n = offset;
    int length = s.length();
    for (int i = 0; i < length; i++) {
      int c = s.charAt(i);
      if (c < 0x80) {
        out[n++] = (byte) c;
      } else if (c < 0x800) {
        out[n++] = (byte) (0xC0 | (c >> 6));
        out[n++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate((char) c)) {
        if (i + 1 >= length || !Character.isLowSurrogate(s.charAt(i + 1))) {
          throw new InvalidQueryException("text holds an unpaired surrogate at index " + i);
        }
        int cp = Character.toCodePoint((char) c, s.charAt(++i));
        out[n++] = (byte) (0xF0 | (cp >> 18));
        out[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        out[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        out[n++] = (byte) (0x80 | (cp & 0x3F));
      } else {
        out[n++] = (byte) (0xE0 | (c >> 12));
        out[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        out[n++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    return n;
  }

  /**
   * Decodes {@code length} bytes at {@code offset} as strict UTF-8 (no overlong forms, no surrogate
   * code points, nothing above U+10FFFF).
   *
   * @throws MemoryException if the range lies outside {@code data} or the bytes are malformed
   */
  public static String decode(byte[] data, int offset, int length) {
    if (offset < 0 || length < 0 || offset > data.length - length) {
      throw new MemoryException("UTF-8 range outside its buffer");
    }
    // Never more UTF-16 units than UTF-8 bytes.
    char[] chars = new char[length];
    int n = 0;
    int i = offset;
    int end = offset + length;
    while (i < end) {
      int b = data[i] & 0xFF;
      int extra;
      int min;
      if (b < 0x80) {
        chars[n++] = (char) b;
        i++;
        continue;
      } else if (b >= 0xC2 && b <= 0xDF) {
        extra = 1;
        min = 0x80;
      } else if (b >= 0xE0 && b <= 0xEF) {
        extra = 2;
        min = 0x800;
      } else if (b >= 0xF0 && b <= 0xF4) {
        extra = 3;
        min = 0x10000;
      } else {
        throw new MemoryException("malformed UTF-8: bad lead byte at " + (i - offset));
      }
      if (extra > end - i - 1) {
        throw new MemoryException("malformed UTF-8: truncated sequence at " + (i - offset));
      }
      int cp = b & (0x3F >> extra);
      for (int k = 1; k <= extra; k++) {
        int c = data[i + k] & 0xFF;
        if ((c & 0xC0) != 0x80) {
          throw new MemoryException("malformed UTF-8: bad continuation at " + (i - offset + k));
        }
        cp = (cp << 6) | (c & 0x3F);
      }
      if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        throw new MemoryException("malformed UTF-8: invalid code point at " + (i - offset));
      }
      if (cp >= 0x10000) {
        chars[n++] = Character.highSurrogate(cp);
        chars[n++] = Character.lowSurrogate(cp);
      } else {
        chars[n++] = (char) cp;
      }
      i += extra + 1;
    }
    return new String(chars, 0, n);
  }

  /**
   * Compares two strings by Unicode code point, which is the order of their UTF-8 bytes (unlike
   * {@link String#compareTo}, which orders supplementary characters below U+E000..U+FFFF).
   *
   * @return negative, zero or positive as {@code a} sorts before, with or after {@code b}
   */
  public static int compareCodePoints(String a, String b) {
    int n = a.length() < b.length() ? a.length() : b.length();
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        return codePointRank(x) - codePointRank(y);
      }
    }
    return a.length() - b.length();
  }

  // Lifts surrogates above U+E000..U+FFFF so UTF-16 units order like the code points they encode.
  private static int codePointRank(char c) {
    if (c >= 0xD800) {
      return c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }
    return c;
  }
}
