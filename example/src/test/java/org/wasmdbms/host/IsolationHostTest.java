package org.wasmdbms.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.api.error.ErrorKind;
import org.wasmdbms.api.error.SerializationConflictException;
import org.wasmdbms.api.error.TransactionNotFoundException;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.transaction.Isolation;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.demo.ExampleGuest;
import org.wasmdbms.wit.WitQuery;

/**
 * Isolation levels through the typed client and the example guest: under {@link Isolation#SNAPSHOT}
 * a non-repeatable read and a lost update are prevented (the second committer gets {@link
 * SerializationConflictException}, rebuilt from the guest's {@code serialization-conflict}), write
 * skew is allowed. The read-committed tests run the same steps without a snapshot.
 */
class IsolationHostTest {
  @TempDir Path directory;
  private DbmsHost host;
  private DatabaseClient db;

  @BeforeEach
  void start() {
    host = DbmsHost.start(ExampleGuest.module(), HostOptions.withDirectory(directory));
    db = host.client();
    db.insert("users", DatabaseClientTest.user(1, "Alice", "alice@example.com"));
    db.insert("users", DatabaseClientTest.user(2, "Bob", "bob@example.com"));
  }

  @AfterEach
  void stop() {
    host.close();
  }

  private static List<String> names(DatabaseOperations reader) {
    return reader.selectAll("users").stream()
        .map(r -> ((TextValue) r.get("name")).value())
        .toList();
  }

  private static long rename(DatabaseOperations writer, long id, String name) {
    Row values = Row.builder().set("name", new TextValue(name)).build();
    return writer.update("users", values, new Filter.Eq("id", new Uint32Value(id)));
  }

  @Test
  void aReadCommittedTransactionSeesACommitMadeAfterItBegan() {
    try (Transaction tx = db.begin(Isolation.READ_COMMITTED)) {
      assertEquals(Isolation.READ_COMMITTED, tx.isolation());
      assertEquals(List.of("Alice", "Bob"), names(tx));
      assertEquals(1, rename(db, 1, "Alicia"));
      assertEquals(List.of("Alicia", "Bob"), names(tx));
      tx.commit();
    }
    assertEquals(Isolation.READ_COMMITTED, db.begin().isolation());
    assertThrows(NullPointerException.class, () -> db.begin(null));
  }

  @Test
  void snapshotPreventsANonRepeatableRead() {
    try (Transaction tx = db.begin(Isolation.SNAPSHOT)) {
      assertEquals(Isolation.SNAPSHOT, tx.isolation());
      assertEquals(List.of("Alice", "Bob"), names(tx));
      assertEquals(1, rename(db, 1, "Alicia"));
      assertEquals(List.of("Alicia", "Bob"), names(db));
      assertEquals(List.of("Alice", "Bob"), names(tx), "the snapshot reads the old value again");
      tx.commit();
    }
    assertEquals(List.of("Alicia", "Bob"), names(db));
  }

  /** Two transactions of {@code isolation}, each having read both users. */
  private Transaction[] twoThatReadBothUsers(Isolation isolation) {
    Transaction[] both = {db.begin(isolation), db.begin(isolation)};
    for (Transaction tx : both) {
      assertEquals(List.of("Alice", "Bob"), names(tx));
    }
    return both;
  }

  /**
   * Two transactions of {@code isolation} rename user 1, to "First" and "Second"; the first
   * commits. Returns the second, not yet committed.
   */
  private Transaction secondOfTwoRenamingUserOne(Isolation isolation) {
    Transaction[] both = twoThatReadBothUsers(isolation);
    assertEquals(1, rename(both[0], 1, "First"));
    assertEquals(1, rename(both[1], 1, "Second"));
    both[0].commit();
    return both[1];
  }

  @Test
  void readCommittedAllowsALostUpdate() {
    secondOfTwoRenamingUserOne(Isolation.READ_COMMITTED).commit();
    assertEquals(List.of("Second", "Bob"), names(db));
  }

  @Test
  void snapshotPreventsALostUpdateWithASerializationConflict() {
    Transaction second = secondOfTwoRenamingUserOne(Isolation.SNAPSHOT);
    SerializationConflictException conflict =
        assertThrows(SerializationConflictException.class, second::commit);
    assertEquals(ErrorKind.SERIALIZATION_CONFLICT, conflict.kind());
    assertEquals(List.of("First", "Bob"), names(db), "nothing of the loser is applied");
    assertThrows(TransactionNotFoundException.class, second::commit);
    // The guest ended it too: the id is unknown there, not just refused by the client.
    assertThrows(
        TransactionNotFoundException.class,
        () -> host.call((abi, generation) -> abi.select("users", WitQuery.ALL, second.id())));
  }

  @Test
  void snapshotAllowsWriteSkew() {
    Transaction[] both = twoThatReadBothUsers(Isolation.SNAPSHOT);
    assertEquals(1, rename(both[0], 1, "Alice off"));
    assertEquals(1, rename(both[1], 2, "Bob off"));
    both[0].commit();
    assertEquals(List.of("Alice", "Bob off"), names(both[1]), "the second reads its snapshot");
    both[1].commit();
    assertEquals(List.of("Alice off", "Bob off"), names(db));
  }
}
