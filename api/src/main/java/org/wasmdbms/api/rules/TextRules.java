package org.wasmdbms.api.rules;

/**
 * The string logic behind the text sanitizers and validators, written by hand: the guest path may
 * use neither regular expressions nor {@code java.text}. Every method is pure and total: it accepts
 * any string and never throws.
 */
public final class TextRules {
  private static final int MAX_EMAIL_LENGTH = 254;
  private static final int MAX_EMAIL_LOCAL_LENGTH = 64;
  private static final int MAX_DOMAIN_LABEL_LENGTH = 63;
  private static final String EMAIL_LOCAL_SPECIALS = "!#$%&'*+/=?^_`{|}~-";

  /** Latin-1 letters with diacritics, paired index by index with their base letters. */
  private static final String ACCENTED = "àáâãäåçèéêëìíîïñòóôõöøùúûüýÿ";

  private static final String ACCENT_BASES = "aaaaaaceeeeiiiinoooooouuuuyy";

  private TextRules() {}

  /** True for the characters this project treats as white space (Unicode space separators too). */
  public static boolean isWhitespace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /** Removes leading and trailing white space, including Unicode spaces that {@code trim} keeps. */
  public static String trim(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  /** Trims, then replaces every run of inner white space with one ASCII space. */
  public static String collapseWhitespace(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean pendingSpace = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isWhitespace(c)) {
        pendingSpace = out.length() > 0;
      } else {
        if (pendingSpace) {
          out.append(' ');
          pendingSpace = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Turns text into a URL slug: lower-case ASCII letters and digits, Latin-1 accents folded to
   * their base letter, and every other run of characters replaced by one hyphen, with no hyphen at
   * either end. {@code " Crème Brûlée, 2024!"} becomes {@code "creme-brulee-2024"}.
   */
  public static String slug(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean pendingHyphen = false;
    for (int i = 0; i < text.length(); i++) {
      char c = foldAccent(Character.toLowerCase(text.charAt(i)));
      if (isAsciiLetterOrDigit(c)) {
        if (pendingHyphen) {
          out.append('-');
          pendingHyphen = false;
        }
        out.append(c);
      } else {
        pendingHyphen = out.length() > 0;
      }
    }
    return out.toString();
  }

  private static char foldAccent(char c) {
    int index = ACCENTED.indexOf(c);
    return index < 0 ? c : ACCENT_BASES.charAt(index);
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /**
   * A practical e-mail check: {@code local@domain}, the local part of RFC 5322 "dot-atom"
   * characters (no quoted strings), the domain a host name of at least two labels whose last one is
   * alphabetic, and the RFC 5321 length limits.
   */
  public static boolean isEmail(String text) {
    int at = text.lastIndexOf('@');
    if (at <= 0 || at != text.indexOf('@') || text.length() > MAX_EMAIL_LENGTH) {
      return false;
    }
    String local = text.substring(0, at);
    String domain = text.substring(at + 1);
    return isDotAtom(local) && isHostName(domain, true);
  }

  private static boolean isDotAtom(String local) {
    if (local.isEmpty() || local.length() > MAX_EMAIL_LOCAL_LENGTH) {
      return false;
    }
    char previous = '.';
    for (int i = 0; i < local.length(); i++) {
      char c = local.charAt(i);
      if (c == '.') {
        if (previous == '.') {
          return false;
        }
      } else if (!isAsciiLetterOrDigit(c) && EMAIL_LOCAL_SPECIALS.indexOf(c) < 0) {
        return false;
      }
      previous = c;
    }
    return previous != '.';
  }

  /**
   * A DNS host name: dot-separated labels of ASCII letters, digits and inner hyphens, each 1 to 63
   * characters. With {@code needsTopLevel}, at least two labels and an alphabetic last label.
   */
  static boolean isHostName(String host, boolean needsTopLevel) {
    if (host.isEmpty() || host.length() > 253) {
      return false;
    }
    int labels = 0;
    int start = 0;
    while (start <= host.length()) {
      int dot = host.indexOf('.', start);
      int end = dot < 0 ? host.length() : dot;
      if (!isLabel(host, start, end)) {
        return false;
      }
      labels++;
      if (dot < 0) {
        break;
      }
      start = dot + 1;
    }
    if (!needsTopLevel) {
      return true;
    }
    String last = host.substring(host.lastIndexOf('.') + 1);
    return labels >= 2 && last.length() >= 2 && isAlphabetic(last);
  }

  private static boolean isLabel(String host, int start, int end) {
    int length = end - start;
    if (length < 1 || length > MAX_DOMAIN_LABEL_LENGTH) {
      return false;
    }
    if (host.charAt(start) == '-' || host.charAt(end - 1) == '-') {
      return false;
    }
    for (int i = start; i < end; i++) {
      char c = host.charAt(i);
      if (!isAsciiLetterOrDigit(c) && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAlphabetic(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
        return false;
      }
    }
    return true;
  }

  /**
   * An absolute {@code http} or {@code https} URL: scheme (any case), {@code ://}, a host (a host
   * name with a top-level label, {@code localhost}, or a dotted IPv4 address), an optional port
   * from 1 to 65535, and an optional path, query and fragment without white space or control
   * characters.
   */
  public static boolean isUrl(String text) {
    int schemeEnd = text.indexOf("://");
    if (schemeEnd < 0) {
      return false;
    }
    String scheme = text.substring(0, schemeEnd).toLowerCase(java.util.Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return false;
    }
    int authorityStart = schemeEnd + 3;
    int authorityEnd = authorityStart;
    while (authorityEnd < text.length() && "/?#".indexOf(text.charAt(authorityEnd)) < 0) {
      authorityEnd++;
    }
    return isAuthority(text.substring(authorityStart, authorityEnd))
        && isUrlTail(text, authorityEnd);
  }

  private static boolean isAuthority(String authority) {
    int colon = authority.lastIndexOf(':');
    String host = colon < 0 ? authority : authority.substring(0, colon);
    if (colon >= 0 && !isPort(authority.substring(colon + 1))) {
      return false;
    }
    return host.equalsIgnoreCase("localhost") || isIpv4(host) || isHostName(host, true);
  }

  private static boolean isPort(String digits) {
    if (digits.isEmpty() || digits.length() > 5) {
      return false;
    }
    int port = 0;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      port = port * 10 + (c - '0');
    }
    return port >= 1 && port <= 65535;
  }

  private static boolean isIpv4(String host) {
    int parts = 0;
    int value = -1;
    int digits = 0;
    for (int i = 0; i <= host.length(); i++) {
      char c = i < host.length() ? host.charAt(i) : '.';
      if (c == '.') {
        if (digits == 0 || value > 255) {
          return false;
        }
        parts++;
        value = -1;
        digits = 0;
      } else if (c >= '0' && c <= '9' && digits < 3) {
        value = (value < 0 ? 0 : value * 10) + (c - '0');
        digits++;
      } else {
        return false;
      }
    }
    return parts == 4;
  }

  private static boolean isUrlTail(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= ' ' || c == 0x7f || isWhitespace(c)) {
        return false;
      }
    }
    return true;
  }

  private static final String HEX_DIGITS = "0123456789ABCDEF";
  private static final int MIN_PHONE_CHARACTERS = 7;
  private static final int MAX_PHONE_CHARACTERS = 20;

  /**
   * Percent-encodes every character but the ASCII letters and digits: each UTF-8 byte of it becomes
   * {@code %} and two upper-case hexadecimal digits.
   *
   * @throws org.wasmdbms.api.error.InvalidQueryException if {@code text} holds an unpaired
   *     surrogate (a text value never does)
   */
  public static String urlEncode(String text) {
    byte[] bytes = org.wasmdbms.api.bytes.Utf8.encode(text);
    StringBuilder out = new StringBuilder(bytes.length);
    for (byte b : bytes) {
      char c = (char) (b & 0xff);
      if (isAsciiLetterOrDigit(c)) {
        out.append(c);
      } else {
        out.append('%').append(HEX_DIGITS.charAt(c >> 4)).append(HEX_DIGITS.charAt(c & 0xf));
      }
    }
    return out.toString();
  }

  /**
   * A phone number as the reference implementation reads one, the regular expression {@code
   * ^\+?[0-9\s().-]{7,20}$}: an optional leading {@code +}, then 7 to 20 characters each of which
   * is an ASCII digit, {@code (}, {@code )}, {@code .}, {@code -} or Unicode white space. Nothing
   * checks how the digits are grouped.
   */
  public static boolean isPhoneNumber(String text) {
    int start = text.startsWith("+") ? 1 : 0;
    int count = text.length() - start;
    if (count < MIN_PHONE_CHARACTERS || count > MAX_PHONE_CHARACTERS) {
      return false;
    }
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!((c >= '0' && c <= '9') || "().-".indexOf(c) >= 0 || isUnicodeWhiteSpace(c))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The Unicode {@code White_Space} property, which the reference implementation's {@code \s}
   * means; unlike {@link Character#isWhitespace} it includes the no-break spaces and excludes the
   * information separators U+001C..U+001F.
   */
  static boolean isUnicodeWhiteSpace(char c) {
    return (c >= '\t' && c <= '\r')
        || c == ' '
        || c == '\u0085'
        || c == '\u00a0'
        || c == '\u1680'
        || (c >= '\u2000' && c <= '\u200a')
        || c == '\u2028'
        || c == '\u2029'
        || c == '\u202f'
        || c == '\u205f'
        || c == '\u3000';
  }

  /**
   * A MIME type: exactly one {@code /}, and on each side of it a non-empty run of ASCII letters,
   * digits, {@code +}, {@code .} and {@code -}. Parameters ({@code ;charset=...}) are not allowed.
   */
  public static boolean isMimeType(String text) {
    int slash = text.indexOf('/');
    return slash > 0
        && slash < text.length() - 1
        && isMimePart(text, 0, slash)
        && isMimePart(text, slash + 1, text.length());
  }

  private static boolean isMimePart(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (!isAsciiLetterOrDigit(c) && "+.-".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** An RGB colour {@code #rrggbb}: {@code #} and six hexadecimal digits of either case. */
  public static boolean isRgbColor(String text) {
    if (text.length() != 7 || text.charAt(0) != '#') {
      return false;
    }
    for (int i = 1; i < 7; i++) {
      char c = text.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        return false;
      }
    }
    return true;
  }

  /**
   * CamelCase (upper camel case) as the reference implementation reads it: not empty, the first
   * character an upper-case letter, and every character a letter or a number, in the Unicode sense
   * ({@code ÄpfelUndBirnen2} passes; {@code camelCase}, {@code Camel_Case} do not). Letters and
   * numbers are judged by their general category alone (see {@link #isUpperCaseLetter(int)}).
   */
  public static boolean isCamelCase(String text) {
    if (text.isEmpty() || !isUpperCaseLetter(text.codePointAt(0))) {
      return false;
    }
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (!isLetterOrNumber(c)) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }

  /**
   * Whether {@code c} is in general category Lu. The reference implementation (Rust's {@code
   * char::is_uppercase}) and the JVM also count the few symbols with Unicode's {@code
   * Other_Uppercase} property, such as the circled capitals; TeaVM's {@code Character} does not, so
   * this project leaves them out everywhere and the rule is the same on the JVM and in the guest.
   */
  static boolean isUpperCaseLetter(int c) {
    return Character.getType(c) == Character.UPPERCASE_LETTER;
  }

  /** Whether {@code c} is in general category Ll (so without {@code Other_Lowercase}, as above). */
  static boolean isLowerCaseLetter(int c) {
    return Character.getType(c) == Character.LOWERCASE_LETTER;
  }

  /**
   * Whether {@code c} is a letter (categories Lu, Ll, Lt, Lm, Lo) or a number (Nd, Nl, No); the
   * reference's {@code is_alphanumeric} also counts {@code Other_Alphabetic} marks.
   */
  static boolean isLetterOrNumber(int c) {
    return switch (Character.getType(c)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER ->
          true;
      default -> false;
    };
  }

  /**
   * kebab-case as the reference implementation reads it: not empty, the first character a
   * lower-case letter (Unicode category Ll), every other one a lower-case letter, an ASCII digit or
   * {@code -}. Runs of hyphens and a trailing hyphen are accepted.
   */
  public static boolean isKebabCase(String text) {
    return isLowerCaseWord(text, '-', false);
  }

  /**
   * snake_case as the reference implementation reads it: not empty, the first character a
   * lower-case letter (Unicode category Ll) or {@code _}, every other one a lower-case letter, an
   * ASCII digit or {@code _}.
   */
  public static boolean isSnakeCase(String text) {
    return isLowerCaseWord(text, '_', true);
  }

  private static boolean isLowerCaseWord(String text, char separator, boolean mayStartWithIt) {
    if (text.isEmpty()) {
      return false;
    }
    int first = text.codePointAt(0);
    if (!isLowerCaseLetter(first) && !(mayStartWithIt && first == separator)) {
      return false;
    }
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (!isLowerCaseLetter(c) && !(c >= '0' && c <= '9') && c != separator) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }
}
