package org.wasmdbms.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ApiSmokeTest {
  private static String runSmoke() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ApiSmoke.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void runsDeterministicallyWithAsciiOutputAndNoFailures() {
    String first = runSmoke();
    assertFalse(first.isEmpty());
    assertTrue(first.startsWith("api-smoke seed="), first);
    assertTrue(first.strip().endsWith("api-smoke done"), first);
    assertEquals(first, runSmoke(), "smoke output must be deterministic");
    for (char c : first.toCharArray()) {
      assertTrue(c == '\n' || (c >= 0x20 && c < 0x7F), "non-ASCII output: " + (int) c);
    }
    assertFalse(first.contains("WRONG"), first);
    assertFalse(first.contains("MISMATCH"), first);
    assertTrue(first.contains("order agree=300 disagree=0"), first);
    assertTrue(first.contains("values batch 6 ok=50"), first);
    assertTrue(first.contains("filters batch 6 ok=50"), first);
  }
}
