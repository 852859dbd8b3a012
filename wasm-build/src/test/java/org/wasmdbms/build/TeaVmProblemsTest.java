package org.wasmdbms.build;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A class TeaVM cannot compile fails the build with a message naming it and what to change. */
class TeaVmProblemsTest {
  @TempDir Path dir;

  @Test
  void aClassTeaVmCannotCompileIsNamedWithWhatToChange() {
    GuestCompilationException error =
        assertThrows(
            GuestCompilationException.class,
            () ->
                new TeaVmWasiCompiler(
                        GuestBuildOptions.defaults(), TeaVmProblemsTest.class.getClassLoader())
                    .compile(LockingSchemaCode.class.getName(), dir.resolve("bad.wasm")));
    String message = error.getMessage();
    System.out.println(message);
    assertTrue(message.startsWith("TeaVM 0.13.1 cannot compile the guest"), message);
    assertTrue(
        message.contains("in class " + LockingSchemaCode.class.getName() + ", method main"),
        message);
    assertTrue(message.contains("LockingSchemaCode.java:"), message);
    assertTrue(message.contains("java.util.concurrent.locks.ReentrantLock"), message);
    assertTrue(
        message.contains(
            "rewrite class " + LockingSchemaCode.class.getName() + " so that it does not use"),
        message);
    assertFalse(message.contains("\tat "), "no stack trace: " + message);
    assertFalse(message.contains("org.teavm."), "no TeaVM internals: " + message);
  }
}
