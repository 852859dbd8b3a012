package org.wasmdbms.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuestBindingTest {
  @TempDir Path dir;

  private List<String> namesIn(String... files) throws Exception {
    URL[] roots = new URL[files.length];
    for (int i = 0; i < files.length; i++) {
      Path services = dir.resolve("root" + i).resolve("META-INF/services");
      Files.createDirectories(services);
      Files.writeString(
          services.resolve(GuestBinding.GUEST_SCHEMA), files[i], StandardCharsets.UTF_8);
      roots[i] = dir.resolve("root" + i).toUri().toURL();
    }
    try (URLClassLoader loader = new URLClassLoader(roots, null)) {
      return GuestBinding.implementations(loader);
    }
  }

  @Test
  void readsTheNamedClassSkippingCommentsAndBlankLines() throws Exception {
    assertEquals(
        List.of("my.app.MySchema"), namesIn("# the schema\n\n  my.app.MySchema  # ours\n"));
  }

  @Test
  void collectsEveryFileOnTheClassPathOnceEach() throws Exception {
    assertEquals(List.of("a.One", "b.Two"), namesIn("a.One\n", "b.Two\na.One\n"));
  }

  @Test
  void noFileMeansNoSchema() throws Exception {
    try (URLClassLoader loader = new URLClassLoader(new URL[0], null)) {
      assertEquals(List.of(), GuestBinding.implementations(loader));
    }
  }
}
