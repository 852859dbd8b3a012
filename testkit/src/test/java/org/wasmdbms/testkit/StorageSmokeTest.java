package org.wasmdbms.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StorageSmokeTest {
  private static String runOnce() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    StorageSmoke.run(out);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void outputIsDeterministicAsciiAndReportsNoSurprises() {
    String first = runOnce();
    System.out.print(first);
    assertEquals(first, runOnce());
    for (char c : first.toCharArray()) {
      assertTrue(c == '\n' || (c >= 0x20 && c < 0x7F), "non-ASCII output: " + (int) c);
    }
    assertTrue(first.contains(" same=true out-of-bounds=memory-error"), first);
    assertTrue(first.contains("reused=1 free=1 pages=4"), first);
    assertTrue(first.contains("deleted record: memory-error"), first);
    assertTrue(first.contains("catalog users=0 posts=1 names=posts,users"), first);
    assertTrue(first.contains("definition=id,name,email,age"), first);
    assertTrue(first.contains("scan=0 bytes=0"), first);
  }
}
