package org.wasmdbms.host;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wasmdbms.host.WasiProbe.ACCES;
import static org.wasmdbms.host.WasiProbe.CREAT;
import static org.wasmdbms.host.WasiProbe.DIRECTORY;
import static org.wasmdbms.host.WasiProbe.FOLLOW;
import static org.wasmdbms.host.WasiProbe.LOOP;
import static org.wasmdbms.host.WasiProbe.NOTCAPABLE;
import static org.wasmdbms.host.WasiProbe.PERM;
import static org.wasmdbms.host.WasiProbe.READ;
import static org.wasmdbms.host.WasiProbe.REGULAR_FILE;
import static org.wasmdbms.host.WasiProbe.SUCCESS;
import static org.wasmdbms.host.WasiProbe.SYMBOLIC_LINK;
import static org.wasmdbms.host.WasiProbe.TRUNC;
import static org.wasmdbms.host.WasiProbe.WRITE;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.api.error.MemoryException;

/**
 * The guest cannot reach outside its preopened directory: a test-only module ({@link WasiProbe})
 * makes the WASI path calls a hostile guest could make, through the host's own WASI setup, and
 * every attempt to leave the directory fails with the errno checked here by value, while the file
 * outside is neither read, created nor modified. Control cases show that ordinary files and
 * subdirectories inside work, so the errors come from the sandbox and not from a broken setup.
 */
class SandboxTest {
  private static final String SECRET = "outside: never for the guest";
  private static final String INSIDE = "inside: the guest's own";

  @TempDir Path temporary;
  private Path directory;
  private Path outside;
  private Path secret;
  private FileTime secretModified;
  private WasiProbe probe;

  @BeforeEach
  void setUp() throws IOException {
    directory = Files.createDirectory(temporary.resolve("guest"));
    outside = Files.createDirectory(temporary.resolve("outside"));
    secret = Files.writeString(outside.resolve("secret.txt"), SECRET);
    secretModified = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(secret, secretModified);
    Files.writeString(directory.resolve("inside.txt"), INSIDE);
    Files.createSymbolicLink(directory.resolve("link"), secret);
    Files.createSymbolicLink(directory.resolve("relative-link"), Path.of("../outside/secret.txt"));
    Files.createSymbolicLink(directory.resolve("dangling"), outside.resolve("created.txt"));
    Files.createSymbolicLink(directory.resolve("dir-link"), outside);
    Files.createSymbolicLink(directory.resolve("alias"), Path.of("inside.txt"));
    probe = new WasiProbe(directory, temporary);
  }

  @AfterEach
  void tearDown() throws IOException {
    probe.close();
    assertEquals(SECRET, Files.readString(secret), "the outside file is unchanged");
    assertEquals(secretModified, Files.getLastModifiedTime(secret), "and so are its times");
    try (var entries = Files.list(outside)) {
      assertEquals(List.of(secret), entries.toList(), "nothing was created outside");
    }
  }

  @Test
  void filesAndDirectoriesInsideWork() {
    assertEquals(SUCCESS, probe.open("inside.txt", FOLLOW, 0, READ));
    int fd = probe.openedFd();
    assertEquals(INSIDE, probe.read(fd));
    probe.close(fd);

    assertEquals(SUCCESS, probe.createDirectory("sub"));
    assertEquals(SUCCESS, probe.open("sub/new.txt", FOLLOW, CREAT, READ | WRITE));
    fd = probe.openedFd();
    probe.write(fd, "written by the guest");
    probe.close(fd);
    assertEquals(SUCCESS, probe.open("sub/../sub/./new.txt", 0, 0, READ));
    fd = probe.openedFd();
    assertEquals("written by the guest", probe.read(fd));
    probe.close(fd);

    assertEquals(SUCCESS, probe.stat("inside.txt", FOLLOW));
    assertEquals(REGULAR_FILE, probe.statType());
    assertEquals(SUCCESS, probe.link("sub/new.txt", 0, "hard-linked.txt"));
    assertEquals(SUCCESS, probe.unlink("sub/new.txt"));
    assertEquals(SUCCESS, probe.touch("hard-linked.txt", 0));
    assertTrue(Files.isRegularFile(directory.resolve("hard-linked.txt")));
  }

  @Test
  void dotDotIsRefused() {
    assertAll(
        () -> assertEquals(PERM, probe.open("../outside/secret.txt", FOLLOW, 0, READ)),
        () -> assertEquals(PERM, probe.open("..", FOLLOW, DIRECTORY, READ)),
        () -> assertEquals(PERM, probe.open("inside.txt/../../outside/secret.txt", 0, 0, READ)),
        () -> assertEquals(PERM, probe.open("../outside/created.txt", 0, CREAT, WRITE)),
        () -> assertEquals(PERM, probe.open("../outside/secret.txt", 0, TRUNC, WRITE)),
        () -> assertEquals(ACCES, probe.stat("../outside/secret.txt", 0)),
        () -> assertEquals(ACCES, probe.touch("../outside/secret.txt", 0)),
        () -> assertEquals(ACCES, probe.unlink("../outside/secret.txt")),
        () -> assertEquals(ACCES, probe.rename("../outside/secret.txt", "stolen.txt")),
        () -> assertEquals(ACCES, probe.rename("inside.txt", "../outside/moved.txt")),
        () -> assertEquals(ACCES, probe.link("../outside/secret.txt", 0, "hard.txt")),
        () -> assertEquals(ACCES, probe.createDirectory("../outside/made")));
    assertTrue(Files.exists(directory.resolve("inside.txt")));
  }

  @Test
  void absolutePathsAreRefused() {
    String absolute = secret.toAbsolutePath().toString();
    assertAll(
        () -> assertEquals(PERM, probe.open(absolute, FOLLOW, 0, READ)),
        () -> assertEquals(PERM, probe.open(absolute, FOLLOW, TRUNC, WRITE)),
        () -> assertEquals(PERM, probe.open(outside + "/created.txt", 0, CREAT, WRITE)),
        () -> assertEquals(PERM, probe.open("/inside.txt", FOLLOW, 0, READ)),
        () -> assertEquals(ACCES, probe.stat(absolute, FOLLOW)),
        () -> assertEquals(ACCES, probe.unlink(absolute)));
  }

  @Test
  void aLinkToAFileOutsideIsNeverFollowed() {
    for (String link : List.of("link", "relative-link")) {
      assertAll(
          link,
          () -> assertEquals(NOTCAPABLE, probe.open(link, FOLLOW, 0, READ)),
          () -> assertEquals(NOTCAPABLE, probe.open(link, FOLLOW, TRUNC, WRITE)),
          () -> assertEquals(NOTCAPABLE, probe.open(link, FOLLOW, CREAT, READ | WRITE)),
          () -> assertEquals(LOOP, probe.open(link, 0, 0, READ)),
          () -> assertEquals(NOTCAPABLE, probe.stat(link, FOLLOW)),
          () -> assertEquals(NOTCAPABLE, probe.touch(link, FOLLOW)),
          () -> assertEquals(NOTCAPABLE, probe.readlink(link)),
          () -> assertEquals(NOTCAPABLE, probe.link(link, FOLLOW, "hard.txt")));
    }
    assertFalse(Files.exists(directory.resolve("hard.txt"), LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void aDanglingLinkCannotCreateTheFileOutside() {
    assertAll(
        () -> assertEquals(NOTCAPABLE, probe.open("dangling", FOLLOW, CREAT, WRITE)),
        () -> assertEquals(LOOP, probe.open("dangling", 0, CREAT, WRITE)));
  }

  @Test
  void aLinkToADirectoryOutsideIsNeverAPathComponent() {
    for (int lookup : new int[] {0, FOLLOW}) {
      assertAll(
          "lookup flags " + lookup,
          () -> assertEquals(NOTCAPABLE, probe.open("dir-link/secret.txt", lookup, 0, READ)),
          () -> assertEquals(NOTCAPABLE, probe.open("dir-link/secret.txt", lookup, TRUNC, WRITE)),
          () -> assertEquals(NOTCAPABLE, probe.open("dir-link/created.txt", lookup, CREAT, WRITE)),
          () -> assertEquals(NOTCAPABLE, probe.open("dir-link", lookup | FOLLOW, DIRECTORY, READ)),
          () -> assertEquals(NOTCAPABLE, probe.stat("dir-link/secret.txt", lookup)),
          () -> assertEquals(NOTCAPABLE, probe.touch("dir-link/secret.txt", lookup)),
          () -> assertEquals(NOTCAPABLE, probe.link("dir-link/secret.txt", lookup, "hard.txt")));
    }
    assertAll(
        () -> assertEquals(NOTCAPABLE, probe.unlink("dir-link/secret.txt")),
        () -> assertEquals(NOTCAPABLE, probe.rename("dir-link/secret.txt", "stolen.txt")),
        () -> assertEquals(NOTCAPABLE, probe.rename("inside.txt", "dir-link/moved.txt")),
        () -> assertEquals(NOTCAPABLE, probe.createDirectory("dir-link/made")),
        () -> assertEquals(NOTCAPABLE, probe.symlink("inside.txt", "dir-link/planted")));
    assertTrue(Files.exists(directory.resolve("inside.txt")));
    assertFalse(Files.exists(directory.resolve("hard.txt"), LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void theGuestCannotCreateSymbolicLinks() {
    assertAll(
        () -> assertEquals(NOTCAPABLE, probe.symlink("inside.txt", "my-link")),
        () -> assertEquals(ACCES, probe.symlink("../outside/secret.txt", "my-escape")));
    assertFalse(Files.exists(directory.resolve("my-link"), LinkOption.NOFOLLOW_LINKS));
    assertFalse(Files.exists(directory.resolve("my-escape"), LinkOption.NOFOLLOW_LINKS));
  }

  /** Decided: links are opaque even when they point inside; they can be seen and deleted. */
  @Test
  void aLinkInsideIsSeenButNotFollowed() {
    assertEquals(NOTCAPABLE, probe.open("alias", FOLLOW, 0, READ));
    assertEquals(NOTCAPABLE, probe.readlink("alias"));
    assertEquals(SUCCESS, probe.stat("alias", 0));
    assertEquals(SYMBOLIC_LINK, probe.statType());
    assertEquals(SUCCESS, probe.unlink("alias"));
    assertFalse(Files.exists(directory.resolve("alias"), LinkOption.NOFOLLOW_LINKS));
    assertTrue(Files.exists(directory.resolve("inside.txt")));
  }

  @Test
  void aListingShowsTheDirectoryButNotItsParentNorLinks() {
    List<String> names = probe.list();
    assertTrue(names.containsAll(List.of(".", "inside.txt")), names.toString());
    assertFalse(names.contains(".."), names.toString());
    assertFalse(names.contains("link"), "a link's target is not stat-ed: " + names);
  }

  @Test
  void aMissingDirectoryIsAMemoryError() throws IOException {
    Path missing = temporary.resolve("missing");
    // An empty module: the directory is checked before anything of the module runs.
    Path wasm =
        Files.write(temporary.resolve("empty.wasm"), new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
    GuestModule module = GuestModule.fromPath(wasm, GuestModule.Execution.INTERPRETER);
    MemoryException error =
        assertThrows(
            MemoryException.class,
            () -> DbmsHost.start(module, HostOptions.withDirectory(missing)));
    assertTrue(error.getMessage().contains(missing.toString()), error.getMessage());
  }
}
