// The Component of the example guest writes two users of one name; the Component of the schema's
// next version, where users.name is unique, refuses to migrate with the offending key, and the
// data file and the journal keep every byte. (A file of its own: a Node process opens one database.)
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { inNewProcess, openDatabase, post, temporaryDirectory, user } from "../test-support/dbms.mjs";

const refusing = temporaryDirectory();
after(() => refusing.remove());

test("a unique column the old data breaks is refused with the key, and no byte changes", async () => {
  const db = await openDatabase(refusing.directory);
  db.insert("users", user(1, "Ann", "ann@example.com"), undefined);
  db.insert("users", user(2, "Ann", "ann2@example.com"), undefined);
  db.insert("posts", post(10, "Hello", 1, "first"), undefined);

  const report = inNewProcess(refusing.directory, "v2-refuse");
  assert.equal(report.refused.tag, "migration-error");
  assert.match(report.refused.val, /users\.name/);
  assert.match(report.refused.val, /key 2\b/);
  assert.equal(report.drift, true);
  assert.equal(report.unchanged, true);
});
