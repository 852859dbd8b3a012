package org.wasmdbms.api.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextRulesTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"'  a b  '|'a b'", "'\u00a0x\u2003'|x", "''|''", "'   '|''", "abc|abc"})
  void trimRemovesUnicodeSpaceToo(String input, String expected) {
    assertEquals(expected, TextRules.trim(input));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"'  a \t\n b  c '|'a b c'", "'x'|x", "'  '|''", "'a\u00a0\u00a0b'|'a b'"})
  void collapseWhitespaceLeavesSingleSpaces(String input, String expected) {
    assertEquals(expected, TextRules.collapseWhitespace(input));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'  Crème Brûlée, 2024!'|creme-brulee-2024",
        "'Hello   World'|hello-world",
        "'--a--'|a",
        "'!!!'|''",
        "'Ünïcödé_Text'|unicode-text"
      })
  void slugFoldsAccentsAndHyphenatesRuns(String input, String expected) {
    assertEquals(expected, TextRules.slug(input));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "alice@example.com",
        "a.b+tag@sub.example.org",
        "x_y-z@example.co",
        "o'neil@example.ie"
      })
  void acceptsEmails(String email) {
    assertTrue(TextRules.isEmail(email), email);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "alice",
        "@example.com",
        "alice@",
        "alice@example",
        "alice@@example.com",
        "a@b@example.com",
        ".alice@example.com",
        "alice.@example.com",
        "al..ice@example.com",
        "alice@-example.com",
        "alice@example-.com",
        "alice@example.c",
        "alice@example.123",
        "ali ce@example.com",
        "alice@exa mple.com",
        "alice@example..com"
      })
  void rejectsMalformedEmails(String email) {
    assertFalse(TextRules.isEmail(email), email);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://example.com",
        "http://example.com/a/b?c=d#e",
        "HTTPS://Example.COM:8443/",
        "http://localhost:8080/x",
        "http://127.0.0.1/"
      })
  void acceptsUrls(String url) {
    assertTrue(TextRules.isUrl(url), url);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "example.com",
        "ftp://example.com",
        "http://",
        "http://exa mple.com",
        "http://example.com/a b",
        "http://example.com:0/",
        "http://example.com:70000/",
        "http://256.1.1.1/",
        "http://example/",
        "http://example.com:/"
      })
  void rejectsMalformedUrls(String url) {
    assertFalse(TextRules.isUrl(url), url);
  }
}
