package org.wasmdbms.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.dylibso.chicory.wasm.WasmModule;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmdbms.build.TeaVmWasiCompiler;

/**
 * The TeaVM guard: the guest-path modules must compile with TeaVM 0.13.1 to a WASI module that
 * imports nothing but WASI, and the smoke program must print exactly what it prints on the JVM.
 */
class TeaVmGuardTest {
  private static final int GUEST_HEAP_MIB = 256;

  @Test
  void guestOutputMatchesJvmOutput() throws Exception {
    String expected = runOnJvm();
    assertTrue(expected.endsWith("== end\n"), "the JVM run did not finish:\n" + expected);

    Path wasm =
        new TeaVmWasiCompiler(GUEST_HEAP_MIB)
            .compile(GuardMain.class.getName(), Path.of("target", "guard", "guard.wasm"));
    System.out.println("guard module: " + wasm + " (" + Files.size(wasm) + " bytes)");

    WasmModule module = WasiProgramRunner.parse(wasm);
    assertEquals(List.of(), WasiProgramRunner.nonWasiImports(module), "non-WASI imports");

    WasiProgramRunner.Result result = WasiProgramRunner.run(module);
    assertEquals(0, result.exitCode(), "guest exit code; stderr:\n" + result.stderr());
    assertSameLines(expected, result.stdout());
  }

  private static String runOnJvm() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    GuardProgram.run(out);
    out.flush();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /**
   * Returns the first line where {@code guest} differs from {@code jvm}, naming the scenario it
   * belongs to, or null when both are the same.
   */
  static String firstDifference(String jvm, String guest) {
    String[] expected = jvm.split("\n", -1);
    String[] actual = guest.split("\n", -1);
    String scenario = "(before any scenario)";
    int common = Math.min(expected.length, actual.length);
    for (int i = 0; i < common; i++) {
      if (expected[i].startsWith("== ")) {
        scenario = expected[i];
      }
      if (!expected[i].equals(actual[i])) {
        return "scenario "
            + scenario
            + ", line "
            + (i + 1)
            + ":\n  jvm:   "
            + expected[i]
            + "\n  guest: "
            + actual[i];
      }
    }
    if (expected.length != actual.length) {
      return "the jvm printed " + expected.length + " lines, the guest " + actual.length;
    }
    return null;
  }

  private static void assertSameLines(String jvm, String guest) {
    String difference = firstDifference(jvm, guest);
    if (difference != null) {
      fail("guest output differs in " + difference);
    }
  }
}
