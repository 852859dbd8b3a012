// Isolation levels through jco's bindings: `begin-transaction-isolated` takes the WIT enum
// `isolation` as a string. The classic anomalies under `snapshot`: a non-repeatable read and a
// lost update are prevented (the second committer gets `serialization-conflict`), write skew is
// allowed. The read-committed tests beside them show the same steps without a snapshot.
import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import {
  assertDbmsError,
  idIs,
  openDatabase,
  query,
  row,
  temporaryDirectory,
  text,
  user,
  valuesOf,
} from "../test-support/dbms.mjs";

const storage = temporaryDirectory();
let db;

before(async () => {
  db = await openDatabase(storage.directory);
});
after(() => storage.remove());
beforeEach(() => {
  db.delete("users", "cascade", undefined, undefined);
  db.insert("users", user(1, "Alice", "alice@example.com"), undefined);
  db.insert("users", user(2, "Bob", "bob@example.com"), undefined);
});

const names = (tx) => valuesOf(db.select("users", query(), tx), "name");
const rename = (id, name, tx) => db.update("users", row({ name: text(name) }), idIs(id), tx);

test("read-committed from begin-transaction-isolated sees a commit made after it began", () => {
  const tx = db.beginTransactionIsolated("read-committed");
  assert.equal(typeof tx, "bigint");
  assert.deepEqual(names(tx), ["Alice", "Bob"]);
  assert.equal(rename(1, "Alicia", undefined), 1n);
  assert.deepEqual(names(tx), ["Alicia", "Bob"]);
  db.commit(tx);
  assertDbmsError(() => db.commit(tx), "transaction-not-found");
});

test("the bindings refuse an isolation the enum does not have with a TypeError", () => {
  assert.throws(() => db.beginTransactionIsolated("serializable"), TypeError);
  assert.deepEqual(names(undefined), ["Alice", "Bob"], "the guest still answers");
});

test("snapshot prevents a non-repeatable read: a row read again keeps its first value", () => {
  const tx = db.beginTransactionIsolated("snapshot");
  assert.deepEqual(names(tx), ["Alice", "Bob"]);
  assert.equal(rename(1, "Alicia", undefined), 1n);
  assert.deepEqual(names(undefined), ["Alicia", "Bob"], "the change is committed");
  assert.deepEqual(names(tx), ["Alice", "Bob"], "the snapshot reads the old value again");
  db.commit(tx); // it wrote nothing, so nothing conflicts
  assert.deepEqual(names(undefined), ["Alicia", "Bob"]);
});

/** Two transactions of `isolation`, each having read both users. */
function twoThatReadBothUsers(isolation) {
  const both = [db.beginTransactionIsolated(isolation), db.beginTransactionIsolated(isolation)];
  for (const tx of both) {
    assert.deepEqual(names(tx), ["Alice", "Bob"]);
  }
  return both;
}

/** Two transactions of `isolation` rename user 1, to "First" and "Second"; the first commits. */
function secondOfTwoRenamingUserOne(isolation) {
  const [first, second] = twoThatReadBothUsers(isolation);
  assert.equal(rename(1, "First", first), 1n);
  assert.equal(rename(1, "Second", second), 1n);
  db.commit(first);
  return second;
}

test("read-committed allows a lost update: both commits succeed and the last one wins", () => {
  db.commit(secondOfTwoRenamingUserOne("read-committed"));
  assert.deepEqual(names(undefined), ["Second", "Bob"]);
});

test("snapshot prevents a lost update: the second commit to the same row is a serialization-conflict", () => {
  const second = secondOfTwoRenamingUserOne("snapshot");
  const detail = assertDbmsError(() => db.commit(second), "serialization-conflict");
  assert.equal(typeof detail, "string");
  assert.deepEqual(names(undefined), ["First", "Bob"], "nothing of the loser is applied");
  assertDbmsError(() => db.commit(second), "transaction-not-found");
  assertDbmsError(() => db.rollback(second), "transaction-not-found");
});

test("snapshot allows write skew: two transactions read both rows, update different ones, and both commit", () => {
  const [first, second] = twoThatReadBothUsers("snapshot");
  assert.equal(rename(1, "Alice off", first), 1n);
  assert.equal(rename(2, "Bob off", second), 1n);
  db.commit(first);
  assert.deepEqual(names(second), ["Alice", "Bob off"], "the second still reads its snapshot");
  db.commit(second);
  assert.deepEqual(names(undefined), ["Alice off", "Bob off"]);
});
