package org.wasmdbms.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the example program and checks what it prints, including a second run with --keep. */
class DemoTest {
  @TempDir Path workspace;

  private static String run(Path directory, boolean keep) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Demo.run(directory, keep, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aPlainRunShowsEveryStepAndRemovesTheDatabase() {
    Path directory = workspace.resolve("data");
    String out = run(directory, false);
    assertTrue(out.contains("  { id: 1, name: \"Alice\", email: \"alice@example.com\" }"), out);
    assertTrue(out.contains("  { id: 2, name: \"Bob\", email: \"bob@example.com\" }"), out);
    assertTrue(out.contains("{ id: 1, title: \"Hello from Wasm\""), out);
    assertTrue(out.contains("  \"Hello from Wasm\" by \"Alice\""), out);
    assertTrue(out.contains("  \"Alice\": 2 posts"), out);
    assertTrue(out.contains("  \"Bob\": 0 posts"), out);
    String tagged = out.substring(out.indexOf("--- Posts tagged wasm"), out.indexOf("--- Commit"));
    assertTrue(tagged.contains("Hello from Wasm") && !tagged.contains("Second thoughts"), tagged);
    assertTrue(out.contains("inside the transaction Eve is there: 1 row"), out);
    assertTrue(out.contains("after the rollback: 0 rows for Eve"), out);
    assertTrue(out.contains("updated 1 row") && out.contains("deleted 1 row"), out);
    assertTrue(
        out.contains("BrokenForeignKeyReferenceException (broken-foreign-key-reference)"), out);
    String finalUsers = out.substring(out.indexOf("--- Final users"));
    assertTrue(finalUsers.contains("{ id: 2, name: \"Bob\", email: \"robert@example.com\" }"));
    assertTrue(finalUsers.contains("{ id: 4, name: \"Diana\""), finalUsers);
    assertFalse(finalUsers.contains("Charlie") || finalUsers.contains("Eve"), finalUsers);
    assertTrue(out.endsWith("=== Demo complete ===\n"), out);
    assertFalse(Files.exists(directory));
  }

  @Test
  void aSecondRunWithKeepShowsWhatPersistedAndUsesFreshIds() {
    Path directory = workspace.resolve("kept");
    String first = run(directory, true);
    assertFalse(first.contains("persisted"), first);
    assertTrue(Files.exists(directory.resolve("wasm-dbms.db")));
    String second = run(directory, true);
    String persisted =
        second.substring(
            second.indexOf("--- Users that persisted"), second.indexOf("--- Insert Alice"));
    assertTrue(persisted.contains("{ id: 1, name: \"Alice\""), persisted);
    assertTrue(persisted.contains("{ id: 4, name: \"Diana\""), persisted);
    assertTrue(
        second.contains("  { id: 5, name: \"Alice\", email: \"alice@example.com\" }"), second);
    assertFalse(second.contains("Exception (primary-key-conflict)"), second);
    assertEquals(2, second.split("=== Demo complete ===", -1).length);
  }
}
