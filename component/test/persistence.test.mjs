// What one instance of the Component writes to its preopened directory, a second instance in a
// new Node process reads; what it did not commit leaves no trace. A file that is not a database
// is refused with memory-error and left untouched.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import {
  comment,
  digest,
  inNewProcess,
  openDatabase,
  post,
  temporaryDirectory,
  user,
} from "../test-support/dbms.mjs";

const DATABASE_FILE = "wasm-dbms.db";
const directories = [];
after(() => directories.forEach((storage) => storage.remove()));

function newDirectory() {
  const storage = temporaryDirectory();
  directories.push(storage);
  return storage.directory;
}

test("a new process reads committed writes, not rolled-back or unfinished ones", async () => {
  const directory = newDirectory();
  const db = await openDatabase(directory);
  const content = "\u00e9t\u00e9 ".repeat(300_000);
  db.insert("users", user(1, "Alice", "alice@example.com"), undefined);
  db.insert("users", user(2, "Bob", "bob@example.com"), undefined);
  db.insert("posts", post(10, "long", 1, content), undefined);
  db.insert("comments", comment(100, "nice", 10), undefined);

  const committed = db.beginTransaction();
  db.insert("users", user(3, "Carol", "carol@example.com"), committed);
  db.commit(committed);
  const rolledBack = db.beginTransaction();
  db.insert("users", user(4, "Dan", "dan@example.com"), rolledBack);
  db.delete("users", "cascade", undefined, rolledBack);
  db.rollback(rolledBack);
  const unfinished = db.beginTransaction();
  db.insert("users", user(5, "Eve", "eve@example.com"), unfinished);

  assert.deepEqual(inNewProcess(directory, "dump"), {
    users: [
      { id: 1, name: "Alice", email: "alice@example.com" },
      { id: 2, name: "Bob", email: "bob@example.com" },
      { id: 3, name: "Carol", email: "carol@example.com" },
    ],
    posts: [{ id: 10, title: "long", content: digest(content), user: 1 }],
    comments: [{ id: 100, body: "nice", post_id: 10 }],
  });

  // A second new process writes; a third reads that too.
  assert.equal(inNewProcess(directory, "add-user"), "done");
  assert.deepEqual(
    inNewProcess(directory, "dump").users.map((u) => u.id),
    [1, 3, 6],
  );
});

test("a file that is not a database is a memory-error and stays as it was", () => {
  const directory = newDirectory();
  const foreign = Buffer.from("this is not a wasm-dbms database file\n".repeat(4000));
  writeFileSync(join(directory, DATABASE_FILE), foreign);
  const { error } = inNewProcess(directory, "dump");
  assert.equal(error.tag, "memory-error", JSON.stringify(error));
  assert.deepEqual(readFileSync(join(directory, DATABASE_FILE)), foreign);
});
