package org.wasmdbms.maven;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without a usable Node, the Component build stops with a message that says so. */
class ComponentBuildTest {
  @TempDir Path dir;

  private MojoFailureException failure(String node) {
    ComponentBuild build =
        new ComponentBuild(node, "npm", dir.resolve("jco"), new SystemStreamLog());
    return assertThrows(
        MojoFailureException.class,
        () -> build.build(dir.resolve("g.wasm"), dir.resolve("c.wasm"), dir.resolve("js")));
  }

  @Test
  void aMissingNodeIsNamed() {
    String message = failure(dir.resolve("no-such-node").toString()).getMessage();
    assertTrue(message.contains("needs Node.js 20+ and npm on the PATH"), message);
    assertTrue(message.contains("no-such-node could not be run"), message);
    assertTrue(message.contains("<component>false</component>"), message);
  }

  @Test
  void aNodeOlderThan20IsRefused() throws Exception {
    Path old = dir.resolve("old-node");
    Files.writeString(old, "#!/bin/sh\necho v18.19.0\n");
    Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rwxr-xr-x"));
    String message = failure(old.toString()).getMessage();
    assertTrue(message.contains("needs Node.js 20 or newer"), message);
    assertTrue(message.contains("v18.19.0"), message);
  }
}
