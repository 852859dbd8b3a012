package org.wasmdbms.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BTreeSmokeTest {
  @Test
  void runsDeterministicallyAndAgreesWithTheModel() {
    long started = System.currentTimeMillis();
    String first = output();
    long cold = System.currentTimeMillis() - started;
    assertEquals(first, output());
    long warm = System.currentTimeMillis() - started - cold;
    System.out.print(first);
    System.out.println("btree smoke took " + cold + " ms cold, " + warm + " ms warm");
    assertFalse(first.contains("MISMATCH"), first);
    assertTrue(first.startsWith("btree smoke\n") && first.endsWith("btree smoke done\n"), first);
    assertEquals(17, first.lines().count(), first);
    for (char c : first.toCharArray()) {
      assertTrue(c < 128, "non-ASCII output");
    }
  }

  private static String output() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    BTreeSmoke.run(out);
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
