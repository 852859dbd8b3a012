package org.wasmdbms.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.demo.ExampleGuest;

/** What a host commits is there for the next host on the same directory, in every mode. */
class PersistenceTest {
  @TempDir Path directory;

  @Test
  void committedRowsSurviveTheHost() {
    Row ada = DatabaseClientTest.user(1, "Ada", "ada@example.com");
    try (DbmsHost host =
        DbmsHost.start(ExampleGuest.module(), HostOptions.withDirectory(directory))) {
      host.client().insert("users", ada);
      Transaction open = host.client().begin();
      open.insert("users", DatabaseClientTest.user(2, "Bob", "bob@example.com"));
    }
    GuestModule interpreted =
        GuestModule.fromPath(
            Path.of(System.getProperty("guest.wasm")), GuestModule.Execution.INTERPRETER);
    try (DbmsHost host = DbmsHost.start(interpreted, HostOptions.withDirectory(directory))) {
      assertEquals(List.of(ada), host.client().selectAll("users"));
    }
  }
}
