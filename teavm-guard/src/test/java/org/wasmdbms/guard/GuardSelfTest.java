package org.wasmdbms.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.wasmdbms.build.GuestCompilationException;
import org.wasmdbms.build.TeaVmWasiCompiler;
import org.wasmdbms.guard.probes.MissingApiProbe;
import org.wasmdbms.guard.probes.SeededRandomProbe;

/** Shows that each check of the guard fails when it should, so a green guard means something. */
class GuardSelfTest {
  @Test
  void compilationFailsOnAJdkMethodTeaVmLacks() {
    GuestCompilationException error =
        assertThrows(
            GuestCompilationException.class,
            () ->
                new TeaVmWasiCompiler(16)
                    .compile(
                        MissingApiProbe.class.getName(),
                        Path.of("target", "guard-probes", "missing.wasm")));
    assertTrue(error.getMessage().contains("parseUnsignedLong"), error.getMessage());
  }

  @Test
  void outputDifferenceIsDetected() throws Exception {
    Path wasm =
        new TeaVmWasiCompiler(16)
            .compile(
                SeededRandomProbe.class.getName(),
                Path.of("target", "guard-probes", "random.wasm"));
    WasiProgramRunner.Result guest = WasiProgramRunner.run(WasiProgramRunner.parse(wasm));
    assertEquals(0, guest.exitCode());
    String jvm = "== seeded random\n" + new java.util.Random(42).nextLong() + "\n";
    String difference = TeaVmGuardTest.firstDifference(jvm, guest.stdout());
    assertNotNull(difference, "TeaVM was expected to ignore the seed; guest printed " + guest);
    assertTrue(difference.contains("== seeded random"), difference);
  }

  @Test
  void firstDifferenceNamesScenarioAndLine() {
    assertNull(TeaVmGuardTest.firstDifference("== a\nx\n", "== a\nx\n"));
    String difference = TeaVmGuardTest.firstDifference("== a\nx\n== b\ny\n", "== a\nx\n== b\nz\n");
    assertTrue(difference.contains("== b") && difference.contains("line 4"), difference);
    assertTrue(TeaVmGuardTest.firstDifference("== a", "== a\nmore").contains("1 lines"));
  }
}
