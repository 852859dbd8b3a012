package org.wasmdbms.engine.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.ErrorKind;
import org.wasmdbms.api.error.SerializationConflictException;
import org.wasmdbms.api.error.TransactionNotFoundException;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.transaction.Isolation;
import org.wasmdbms.engine.Database;
import org.wasmdbms.memory.MemoryProvider;

/**
 * The classic anomalies under {@link Isolation#SNAPSHOT}: non-repeatable reads and lost updates are
 * prevented (the second committer gets {@link SerializationConflictException} and applies nothing),
 * write skew is allowed; read committed stays the default.
 */
abstract class SnapshotIsolationTest {
  Database db;

  /** A fresh, empty provider. */
  abstract MemoryProvider provider();

  /** Opens the database on the provider. */
  Database open(MemoryProvider provider) {
    return Database.open(provider);
  }

  @BeforeEach
  void setUp() {
    db = Accounts.registered(open(provider()));
    db.insert(Accounts.TABLE, Accounts.row(1, 100));
    db.insert(Accounts.TABLE, Accounts.row(2, 100));
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  @Test
  void aSnapshotTransactionReadsTheSameRowsWhateverCommitsMeanwhile() {
    long tx = db.begin(Isolation.SNAPSHOT);
    assertEquals(100L, Accounts.balanceOf(db, tx, 1));
    db.update(Accounts.TABLE, Accounts.balance(7), Accounts.id(1));
    db.insert(Accounts.TABLE, Accounts.row(3, 300));
    db.delete(Accounts.TABLE, DeleteBehavior.RESTRICT, Accounts.id(2));
    long other = db.begin();
    db.update(other, Accounts.TABLE, Accounts.balance(8), Accounts.id(1));
    db.commit(other);
    assertEquals(100L, Accounts.balanceOf(db, tx, 1), "no non-repeatable read");
    assertEquals(100L, Accounts.balanceOf(db, tx, 2), "a row deleted later is still there");
    assertNull(Accounts.balanceOf(db, tx, 3), "no phantom");
    db.insert(tx, Accounts.TABLE, Accounts.row(4, 400));
    assertEquals(400L, Accounts.balanceOf(db, tx, 4), "it sees its own writes");
    db.commit(tx);
    assertEquals(8L, Accounts.balanceOf(db, 1));
    assertEquals(400L, Accounts.balanceOf(db, 4));
  }

  @Test
  void readCommittedStaysTheDefaultAndSeesEveryCommit() {
    long tx = db.begin();
    long explicit = db.begin(Isolation.READ_COMMITTED);
    assertEquals(100L, Accounts.balanceOf(db, tx, 1));
    db.update(Accounts.TABLE, Accounts.balance(7), Accounts.id(1));
    assertEquals(7L, Accounts.balanceOf(db, tx, 1));
    assertEquals(7L, Accounts.balanceOf(db, explicit, 1));
    db.update(tx, Accounts.TABLE, Accounts.balance(9), Accounts.id(1));
    db.commit(tx);
    db.rollback(explicit);
    assertEquals(9L, Accounts.balanceOf(db, 1));
  }

  @Test
  void aLostUpdateIsPreventedTheSecondCommitterFailsAndAppliesNothing() {
    long first = db.begin(Isolation.SNAPSHOT);
    long second = db.begin(Isolation.SNAPSHOT);
    long read1 = Accounts.balanceOf(db, first, 1);
    long read2 = Accounts.balanceOf(db, second, 1);
    db.update(first, Accounts.TABLE, Accounts.balance(read1 + 10), Accounts.id(1));
    db.update(second, Accounts.TABLE, Accounts.balance(read2 + 20), Accounts.id(1));
    db.insert(second, Accounts.TABLE, Accounts.row(5, 500));
    db.commit(first);
    SerializationConflictException conflict =
        assertThrows(SerializationConflictException.class, () -> db.commit(second));
    assertEquals(ErrorKind.SERIALIZATION_CONFLICT, conflict.kind());
    assertEquals(110L, Accounts.balanceOf(db, 1), "the first committer wins");
    assertNull(Accounts.balanceOf(db, 5), "nothing of the loser is applied");
    assertThrows(TransactionNotFoundException.class, () -> db.commit(second));
  }

  @Test
  void aChangeOutsideTransactionsAfterTheSnapshotAlsoConflicts() {
    long tx = db.begin(Isolation.SNAPSHOT);
    db.delete(tx, Accounts.TABLE, DeleteBehavior.RESTRICT, Accounts.id(2));
    db.update(Accounts.TABLE, Accounts.balance(1), Accounts.id(2));
    assertThrows(SerializationConflictException.class, () -> db.commit(tx));
    assertEquals(1L, Accounts.balanceOf(db, 2));
  }

  @Test
  void aKeyInsertedByACommitAfterTheSnapshotConflicts() {
    long tx = db.begin(Isolation.SNAPSHOT);
    db.insert(tx, Accounts.TABLE, Accounts.row(9, 1));
    db.insert(Accounts.TABLE, Accounts.row(9, 2));
    assertThrows(SerializationConflictException.class, () -> db.commit(tx));
    assertEquals(2L, Accounts.balanceOf(db, 9));
  }

  @Test
  void aCommitBeforeTheSnapshotDoesNotConflict() {
    long before = db.begin(Isolation.SNAPSHOT);
    db.update(before, Accounts.TABLE, Accounts.balance(50), Accounts.id(1));
    db.commit(before);
    long tx = db.begin(Isolation.SNAPSHOT);
    assertEquals(50L, Accounts.balanceOf(db, tx, 1));
    db.update(tx, Accounts.TABLE, Accounts.balance(60), Accounts.id(1));
    db.commit(tx);
    assertEquals(60L, Accounts.balanceOf(db, 1));
  }

  @Test
  void writeSkewIsAllowed() {
    // Rule the two transactions mean to keep: the balances sum to at least 100. Each reads both
    // rows, sees 200, and takes 100 from a different row; both commit, and the sum ends at 0.
    long first = db.begin(Isolation.SNAPSHOT);
    long second = db.begin(Isolation.SNAPSHOT);
    long sum1 = Accounts.balanceOf(db, first, 1) + Accounts.balanceOf(db, first, 2);
    long sum2 = Accounts.balanceOf(db, second, 1) + Accounts.balanceOf(db, second, 2);
    assertEquals(200L, sum1);
    assertEquals(200L, sum2);
    db.update(first, Accounts.TABLE, Accounts.balance(0), Accounts.id(1));
    db.update(second, Accounts.TABLE, Accounts.balance(0), Accounts.id(2));
    db.commit(first);
    db.commit(second);
    assertEquals(0L, Accounts.balanceOf(db, 1) + Accounts.balanceOf(db, 2));
  }

  @Test
  void aRolledBackSnapshotTransactionLeavesNoTrace() {
    long tx = db.begin(Isolation.SNAPSHOT);
    db.update(tx, Accounts.TABLE, Accounts.balance(1), Accounts.id(1));
    db.rollback(tx);
    db.update(Accounts.TABLE, Accounts.balance(2), Accounts.id(1));
    assertEquals(2L, Accounts.balanceOf(db, 1));
    assertThrows(
        TransactionNotFoundException.class,
        () -> db.select(tx, Accounts.TABLE, org.wasmdbms.api.query.Query.ALL));
  }
}
