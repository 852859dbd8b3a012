package org.wasmdbms.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EngineSmokeTest {
  private static String output() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    EngineSmoke.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void scenarioIsDeterministicAndShowsEveryOutcome() {
    String text = output();
    assertEquals(text, output());
    assertTrue(text.contains("restrict delete -> foreign-key-constraint-violation"), text);
    assertTrue(text.contains("failing commit -> broken-foreign-key-reference"), text);
    assertTrue(text.contains("finished id -> transaction-not-found"), text);
    assertTrue(text.contains("tx sees 40, outside sees 39"), text);
    assertTrue(text.contains("posts after rollback 51"), text);
    assertTrue(text.contains("duplicate key -> primary-key-conflict"), text);
    assertTrue(text.contains("validation -> validation-error"), text);
  }
}
