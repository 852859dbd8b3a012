package org.wasmdbms.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonFilterSmokeTest {
  private static String output() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    JsonFilterSmoke.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void scenarioIsDeterministicAsciiAndShowsEveryOutcome() {
    String text = output();
    assertEquals(text, output());
    for (int i = 0; i < text.length(); i++) {
      assertTrue(text.charAt(i) < 0x80, "non-ASCII at " + i);
    }
    for (String line :
        new String[] {
          "111111 {\"Extract\":[\"user.nick\",\"IsNull\"]}",
          "001010 {\"Contains\":\"wasm\"}",
          "64-step path -> true",
          "65-step path -> invalid-query: malformed JSON path",
          "pattern 29 deep -> true",
          "pattern 30 deep -> invalid-query: a Contains pattern nests deeper than 29 levels",
          "500-deep Json operand -> true",
          "5000-digit number -> true",
          "31 filter levels -> invalid-query: Not nests filters deeper than 30 levels",
          "-> invalid-query: JSON filters need a Json column; title is Text",
          "{\"Not\":{\"Json\":[\"meta\",{\"HasKey\":\"user\"}]}} -> ids 2 3 4 5",
        }) {
      assertTrue(text.contains(line), line + " missing from:\n" + text);
    }
  }
}
