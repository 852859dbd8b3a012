package org.wasmdbms.host;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wasmdbms.host.WasiProbe.FOLLOW;
import static org.wasmdbms.host.WasiProbe.NOTCAPABLE;
import static org.wasmdbms.host.WasiProbe.PERM;
import static org.wasmdbms.host.WasiProbe.READ;
import static org.wasmdbms.host.WasiProbe.TRUNC;
import static org.wasmdbms.host.WasiProbe.WRITE;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.demo.ExampleGuest;

/**
 * The host library's sandbox (see its {@code SandboxTest}) with a real database guest: the example
 * guest's database cannot be reached from another guest's directory, and the example guest refuses
 * a database file that is a link out of its own.
 */
class ExampleSandboxTest {
  @TempDir Path temporary;
  private Path directory;
  private Path outside;
  private WasiProbe probe;

  @BeforeEach
  void setUp() throws IOException {
    directory = Files.createDirectory(temporary.resolve("guest"));
    outside = Files.createDirectory(temporary.resolve("outside"));
    probe = new WasiProbe(directory, temporary);
  }

  @AfterEach
  void tearDown() {
    probe.close();
  }

  @Test
  void theDatabaseOfTheExampleIsUnreachableFromASiblingDirectory() throws IOException {
    Path databaseDirectory = Files.createDirectory(temporary.resolve("database"));
    try (DbmsHost host =
        DbmsHost.start(ExampleGuest.module(), HostOptions.withDirectory(databaseDirectory))) {
      host.client().insert("users", DatabaseClientTest.user(1, "Ada", "ada@example.com"));
    }
    Path database = databaseDirectory.resolve("wasm-dbms.db");
    byte[] before = Files.readAllBytes(database);
    Files.createSymbolicLink(directory.resolve("database-link"), database);
    Files.createSymbolicLink(directory.resolve("database-directory"), databaseDirectory);

    assertAll(
        () -> assertEquals(PERM, probe.open("../database/wasm-dbms.db", FOLLOW, 0, READ)),
        () -> assertEquals(PERM, probe.open("../database/wasm-dbms.db", FOLLOW, TRUNC, WRITE)),
        () -> assertEquals(PERM, probe.open(database.toString(), FOLLOW, 0, READ)),
        () -> assertEquals(NOTCAPABLE, probe.open("database-link", FOLLOW, 0, READ | WRITE)),
        () ->
            assertEquals(
                NOTCAPABLE,
                probe.open("database-directory/wasm-dbms.db", FOLLOW, TRUNC, READ | WRITE)),
        () -> assertEquals(NOTCAPABLE, probe.unlink("database-directory/wasm-dbms.db")));
    assertArrayEquals(before, Files.readAllBytes(database));
  }

  @Test
  void theExampleGuestRefusesADatabaseFileThatIsALink() throws IOException {
    Path linked = Files.createDirectory(temporary.resolve("linked"));
    Path target = outside.resolve("wasm-dbms.db");
    Files.createSymbolicLink(linked.resolve("wasm-dbms.db"), target);
    try (DbmsHost host = DbmsHost.start(ExampleGuest.module(), HostOptions.withDirectory(linked))) {
      MemoryException refused =
          assertThrows(MemoryException.class, () -> host.client().selectAll("users"));
      assertTrue(refused.getMessage().contains("errno " + NOTCAPABLE), refused.getMessage());
    }
    assertFalse(Files.exists(target, LinkOption.NOFOLLOW_LINKS));
  }
}
