// Transactions through jco's bindings: ids are BigInts (u64), reads inside a transaction see its
// own writes, commit applies everything, rollback nothing.
import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import {
  assertDbmsError,
  comment,
  idIs,
  openDatabase,
  post,
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
});

const names = (tx) => valuesOf(db.select("users", query(), tx), "name");

test("a committed transaction is read inside before commit and by everyone after", () => {
  const tx = db.beginTransaction();
  assert.equal(typeof tx, "bigint");
  const stored = db.insert("users", user(2, "  Bob ", "bob@example.com"), tx);
  assert.deepEqual(stored, user(2, "Bob", "bob@example.com"));
  assert.equal(db.update("users", row({ name: text("Alicia") }), idIs(1), tx), 1n);
  db.insert("posts", post(10, "in tx", 2), tx);

  assert.deepEqual(names(tx), ["Alicia", "Bob"]);
  assert.deepEqual(valuesOf(db.select("posts", query(), tx), "title"), ["in tx"]);
  assert.deepEqual(names(undefined), ["Alice"], "others read the committed state");
  assert.equal(db.select("posts", query(), undefined).length, 0);

  db.commit(tx);
  assert.deepEqual(names(undefined), ["Alicia", "Bob"]);
  assert.deepEqual(valuesOf(db.select("posts", query(), undefined), "title"), ["in tx"]);
  assertDbmsError(() => db.commit(tx), "transaction-not-found");
  assertDbmsError(() => db.select("users", query(), tx), "transaction-not-found");
});

test("a rolled-back transaction leaves nothing behind", () => {
  const tx = db.beginTransaction();
  db.insert("users", user(2, "Bob", "bob@example.com"), tx);
  db.insert("posts", post(10, "doomed", 1), tx);
  assert.equal(db.delete("users", "cascade", idIs(1), tx), 2n);
  assert.deepEqual(names(tx), ["Bob"]);
  assert.equal(db.select("posts", query(), tx).length, 0, "its own cascade is visible inside");

  db.rollback(tx);
  assert.deepEqual(names(undefined), ["Alice"]);
  assert.equal(db.select("posts", query(), undefined).length, 0);
  assertDbmsError(() => db.rollback(tx), "transaction-not-found");
  assertDbmsError(() => db.insert("users", user(3, "C", "c@example.com"), tx), "transaction-not-found");
});

test("several transactions are open at once and see only their own writes", () => {
  const first = db.beginTransaction();
  const second = db.beginTransaction();
  assert.notEqual(first, second);
  db.insert("users", user(2, "First", "f@example.com"), first);
  db.insert("users", user(3, "Second", "s@example.com"), second);
  db.insert("users", user(4, "Outside", "o@example.com"), undefined);
  assert.deepEqual(names(first), ["Alice", "First", "Outside"]);
  assert.deepEqual(names(second), ["Alice", "Second", "Outside"]);
  db.commit(second);
  assert.deepEqual(names(first), ["Alice", "First", "Second", "Outside"], "read committed");
  db.rollback(first);
  assert.deepEqual(names(undefined), ["Alice", "Second", "Outside"]);
});

test("a commit that breaks a constraint at commit time fails and applies nothing", () => {
  const tx = db.beginTransaction();
  db.insert("users", user(2, "Bob", "bob@example.com"), tx);
  db.insert("posts", post(10, "by Alice", 1), tx);
  db.insert("comments", comment(100, "first", 10), tx);
  // Meanwhile, outside the transaction, the post's author disappears.
  assert.equal(db.delete("users", "restrict", idIs(1), undefined), 1n);

  assertDbmsError(() => db.commit(tx), "broken-foreign-key-reference");
  assert.equal(db.select("users", query(), undefined).length, 0);
  assert.equal(db.select("posts", query(), undefined).length, 0);
  assert.equal(db.select("comments", query(), undefined).length, 0);
  assertDbmsError(() => db.commit(tx), "transaction-not-found");
});

test("a failed call inside a transaction changes nothing and the transaction goes on", () => {
  const tx = db.beginTransaction();
  db.insert("users", user(2, "Bob", "bob@example.com"), tx);
  assertDbmsError(() => db.insert("users", user(2, "Bob", "bob@example.com"), tx), "primary-key-conflict");
  assertDbmsError(() => db.insert("posts", post(10, "orphan", 9), tx), "broken-foreign-key-reference");
  assert.deepEqual(names(tx), ["Alice", "Bob"]);
  db.commit(tx);
  assert.deepEqual(names(undefined), ["Alice", "Bob"]);
});

test("unknown transaction ids are refused by every function", () => {
  const unknown = 987654321n;
  assertDbmsError(() => db.select("users", query(), unknown), "transaction-not-found");
  assertDbmsError(() => db.insert("users", user(5, "E", "e@example.com"), unknown), "transaction-not-found");
  assertDbmsError(() => db.update("users", row({ name: text("x") }), undefined, unknown), "transaction-not-found");
  assertDbmsError(() => db.delete("users", "cascade", undefined, unknown), "transaction-not-found");
  assertDbmsError(() => db.aggregate("users", query(), [{ tag: "count" }], unknown), "transaction-not-found");
  assertDbmsError(() => db.commit(unknown), "transaction-not-found");
  assertDbmsError(() => db.rollback(unknown), "transaction-not-found");
  assert.deepEqual(names(undefined), ["Alice"]);
});
