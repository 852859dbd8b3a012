package org.wasmdbms.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class WasmMemoryPatcherTest {
  private static final byte[] HEADER = {0, 'a', 's', 'm', 1, 0, 0, 0};
  private static final byte[] CUSTOM = {0, 4, 1, 'x', 7, 8};

  private static byte[] module(byte[]... sections) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(HEADER);
    for (byte[] section : sections) {
      out.writeBytes(section);
    }
    return out.toByteArray();
  }

  @Test
  void addsAMaximumToAMemoryWithout() {
    byte[] memory = {5, 3, 1, 0, 2};
    byte[] patched = WasmMemoryPatcher.withMemoryMaximum(module(CUSTOM, memory, CUSTOM), 16384);
    // 16384 = 0x4000 is 0x80 0x80 0x01 in LEB128.
    byte[] expected =
        module(CUSTOM, new byte[] {5, 6, 1, 1, 2, (byte) 0x80, (byte) 0x80, 1}, CUSTOM);
    assertArrayEquals(expected, patched);
  }

  @Test
  void replacesAnExistingMaximum() {
    byte[] memory = {5, 5, 1, 1, (byte) 0x81, 1, 0x7F};
    byte[] patched = WasmMemoryPatcher.withMemoryMaximum(module(memory), 300);
    assertArrayEquals(module(new byte[] {5, 6, 1, 1, (byte) 0x81, 1, (byte) 0xAC, 2}), patched);
  }

  @Test
  void refusesBadInput() {
    assertThrows(
        IllegalArgumentException.class,
        () -> WasmMemoryPatcher.withMemoryMaximum(module(CUSTOM), 10),
        "no memory");
    assertThrows(
        IllegalArgumentException.class,
        () -> WasmMemoryPatcher.withMemoryMaximum(module(new byte[] {5, 3, 1, 0, 20}), 10),
        "maximum below minimum");
    assertThrows(
        IllegalArgumentException.class,
        () -> WasmMemoryPatcher.withMemoryMaximum(module(new byte[] {5, 9, 1, 0, 2}), 10),
        "section longer than the module");
    assertThrows(
        IllegalArgumentException.class,
        () -> WasmMemoryPatcher.withMemoryMaximum(new byte[] {0, 'a', 's', 'm', 2, 0, 0, 0}, 10),
        "wrong version");
    IllegalArgumentException shared =
        assertThrows(
            IllegalArgumentException.class,
            () -> WasmMemoryPatcher.withMemoryMaximum(module(new byte[] {5, 4, 1, 3, 1, 2}), 10));
    assertTrue(shared.getMessage().contains("flags"), shared.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> WasmMemoryPatcher.withMemoryMaximum(module(new byte[] {5, 3, 1, 0, 2}), 65537),
        "above 4 GiB");
  }
}
