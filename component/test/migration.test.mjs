// The Component of the example guest writes a database; the Component built from the guest of the
// example schema's next version (module example-guest-v2), in a new Node process on the same
// directory, reports the drift and the exact pending steps, refuses reads and a migration the
// policy does not allow, then migrates and serves every row in the new shape.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import {
  comment,
  inNewProcess,
  openDatabase,
  post,
  temporaryDirectory,
  user,
} from "../test-support/dbms.mjs";

const storage = temporaryDirectory();
after(() => storage.remove());

test("a guest of the changed schema migrates the old guest's file and serves it", async () => {
  const db = await openDatabase(storage.directory);
  db.insert("users", user(1, "Alice", "Alice@Example.COM"), undefined);
  db.insert("users", user(2, "Bob", "bob@example.com"), undefined);
  db.insert("posts", post(10, "Hello", 1, "first"), undefined);
  db.insert("comments", comment(100, "nice", 10), undefined);
  assert.equal(db.hasDrift(), false);
  assert.deepEqual(db.pendingMigrations(), []);

  const report = inNewProcess(storage.directory, "v2-migrate");
  assert.equal(report.driftBefore, true);
  assert.deepEqual(report.steps, [
    { tag: "rename-column", val: { table: "comments", old: "body", new: "text" } },
    {
      tag: "add-column",
      val: {
        table: "users",
        column: {
          name: "bio",
          dataType: { tag: "text" },
          nullable: true,
          autoIncrement: false,
          unique: false,
          primaryKey: false,
        },
      },
    },
    { tag: "transform-column", val: { table: "users", column: "email", id: "lowercase-emails" } },
    { tag: "alter-column", val: { table: "users", column: "name", changes: { unique: true } } },
    { tag: "add-index", val: { table: "posts", index: { columns: ["title"], unique: false } } },
    { tag: "drop-column", val: { table: "posts", column: "content" } },
  ]);
  assert.equal(report.selectError.tag, "migration-error");
  assert.match(report.refused.val, /drop-column posts\.content/);
  assert.equal(report.refused.tag, "migration-error");
  assert.equal(report.driftAfterRefusal, true);
  assert.equal(report.migrated, "done");
  assert.equal(report.driftAfter, false);
  assert.deepEqual(report.stepsAfter, []);
  assert.deepEqual(report.tables, {
    users: {
      columns: ["id", "name", "email", "bio"],
      rows: [
        { id: 1, name: "Alice", email: "alice@example.com" },
        { id: 2, name: "Bob", email: "bob@example.com" },
      ],
    },
    posts: { columns: ["id", "title", "user", "metadata"], rows: [{ id: 10, title: "Hello", user: 1 }] },
    comments: { columns: ["id", "text", "post_id"], rows: [{ id: 100, text: "nice", post_id: 10 }] },
  });
});
