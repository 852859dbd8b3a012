package org.wasmdbms.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.api.error.InternalDbmsException;
import org.wasmdbms.api.error.PrimaryKeyConflictException;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.OrderDirection;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.demo.ExampleGuest;

/**
 * Guard for the JDK 17 C2 defect described in docs/host.md: after one instance has run a long,
 * varied workload (so that C2 has compiled the guest's hot code on that profile), {@value #FRESH}
 * fresh instances in the same JVM each register the schema, insert a row and read it back. Any
 * internal error fails it. On the old set-up (run-time compiled classes not rewritten, {@code
 * ByteBufferMemory}) the failure was reproduced after 100,000 calls, and only in the first one or
 * two fresh instances of a JVM; this test's workload is far shorter so that it stays under two
 * minutes, and 30,000 insert/select calls did not provoke the failure on the old set-up. So it is a
 * net for a gross return of the defect, not a measured detector of it.
 */
class FreshInstanceGuardTest {
  private static final int ROUNDS = 400;
  private static final int FRESH = 200;

  @TempDir Path directory;

  @Test
  void freshInstancesAfterALongWorkloadNeverFailInternally() throws IOException {
    GuestModule module = ExampleGuest.module();
    long start = System.nanoTime();
    int calls;
    try (DbmsHost host = DbmsHost.start(module, HostOptions.withDirectory(directory))) {
      calls = workload(host.client());
    }
    long workload = System.nanoTime();
    List<String> failures = new ArrayList<>();
    Row user = DatabaseClientTest.user(1, "Ada", "ada@example.com");
    for (int k = 0; k < FRESH; k++) {
      Path fresh = Files.createDirectory(directory.resolve("fresh-" + k));
      try (DbmsHost host = DbmsHost.start(module, HostOptions.withDirectory(fresh))) {
        DatabaseClient db = host.client();
        db.insert("users", user);
        assertEquals(List.of(user), db.selectAll("users"), "fresh instance " + k);
      } catch (InternalDbmsException e) {
        failures.add("fresh instance " + k + ": " + e.getMessage());
      }
    }
    System.out.printf(
        "FreshInstanceGuardTest: %d calls in %d ms, %d fresh instances in %d ms, %d failed%n",
        calls,
        (workload - start) / 1_000_000,
        FRESH,
        (System.nanoTime() - workload) / 1_000_000,
        failures.size());
    assertEquals(List.of(), failures);
  }

  /** Inserts, reads, updates, deletes, conflicts and transactions over the three tables. */
  private static int workload(DatabaseClient db) {
    int calls = 0;
    for (int r = 1; r <= ROUNDS; r++) {
      db.insert("users", DatabaseClientTest.user(r, "user" + r, "u" + r + "@example.com"));
      db.insert("posts", DatabaseClientTest.post(r, "title " + r, r));
      db.insert("comments", DatabaseClientTest.comment(r, r));
      db.select(
          "users", Query.builder().filter(new Filter.Eq("id", new Uint32Value(r / 2 + 1))).build());
      db.select(
          "posts",
          Query.builder()
              .filter(new Filter.Gt("id", new Uint32Value(Math.max(0, r - 5))))
              .orderBy("id", OrderDirection.DESCENDING)
              .limit(3)
              .build());
      db.select(
          "users",
          Query.builder().filter(new Filter.Like("email", "u" + (r % 10) + "%")).limit(5).build());
      db.update(
          "users",
          Row.builder().set("name", new TextValue("renamed" + r)).build(),
          new Filter.Eq("id", new Uint32Value(r)));
      try {
        db.insert("users", DatabaseClientTest.user(r, "again", "again@example.com"));
      } catch (PrimaryKeyConflictException expected) {
        // the error path is part of the profile
      }
      try (Transaction tx = db.begin()) {
        tx.insert("comments", DatabaseClientTest.comment(1_000_000 + r, r));
        tx.update(
            "posts",
            Row.builder().set("title", new TextValue("t" + r)).build(),
            new Filter.Eq("id", new Uint32Value(r)));
        if (r % 2 == 0) {
          tx.commit();
        }
      }
      db.delete("comments", DeleteBehavior.RESTRICT, new Filter.Eq("id", new Uint32Value(r)));
      calls += 13;
    }
    return calls;
  }
}
