package org.wasmdbms.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class GuestBuildOptionsTest {
  @Test
  void defaultsAreTodaysBudget() {
    GuestBuildOptions options = GuestBuildOptions.defaults();
    assertEquals("wasm-dbms.db", options.dataFile());
    assertEquals(256, options.heapMiB());
    assertEquals(16384, options.maxPages());
    assertEquals(4 << 20, options.maxValueBytes());
    assertEquals(16 << 20, options.maxResultBytes());
  }

  @Test
  void propertiesRoundTripAndUnsetMeansDefault() {
    GuestBuildOptions options = new GuestBuildOptions("books.db", 128, 8192, 1 << 20, 4 << 20);
    assertEquals(options, GuestBuildOptions.fromProperties(options.toProperties()));
    assertEquals(GuestBuildOptions.defaults(), GuestBuildOptions.fromProperties(new Properties()));
  }

  @Test
  void aDataFileMustBeAPlainName() {
    for (String bad : new String[] {"", ".", "..", "a/b", "a\\b", "x\0", "n".repeat(201)}) {
      IllegalArgumentException error =
          assertThrows(
              IllegalArgumentException.class,
              () -> new GuestBuildOptions(bad, 256, 16384, 4 << 20, 16 << 20));
      assertTrue(error.getMessage().startsWith("dataFile"), error.getMessage());
    }
  }

  @Test
  void limitsMustFitTheHeapAndTheHeapTheMemory() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new GuestBuildOptions("d", 0, 16384, 4 << 20, 16 << 20),
        "heap 0");
    IllegalArgumentException small =
        assertThrows(
            IllegalArgumentException.class,
            () -> new GuestBuildOptions("d", 64, 16384, 8 << 20, 16 << 20));
    assertTrue(small.getMessage().contains("raise heapMiB"), small.getMessage());
    IllegalArgumentException pages =
        assertThrows(
            IllegalArgumentException.class,
            () -> new GuestBuildOptions("d", 256, 4096, 4 << 20, 16 << 20));
    assertTrue(pages.getMessage().startsWith("maxPages 4096"), pages.getMessage());
    Properties text = new Properties();
    text.setProperty("wasm-dbms.guest.heapMiB", "lots");
    assertThrows(IllegalArgumentException.class, () -> GuestBuildOptions.fromProperties(text));
  }
}
