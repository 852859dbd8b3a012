// Inserts, selects (filters, ordering, limit, offset), updates and deletes through jco's bindings.
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import {
  assertDbmsError,
  columns,
  comment,
  idIs,
  openDatabase,
  post,
  query,
  row,
  temporaryDirectory,
  text,
  u32,
  u64,
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
  assert.equal(db.select("posts", query(), undefined).length, 0);
});

function seedUsers() {
  const names = ["Dave", "alice", "Carol", "Bob", "Eve"];
  names.forEach((name, i) => db.insert("users", user(i + 1, name, `${name}@example.com`), undefined));
}

const ids = (rows) => valuesOf(rows, "id");

describe("insert", () => {
  test("returns the stored row: sanitized, every column, in table order", () => {
    const stored = db.insert(
      "users",
      row({ email: text("al@example.com"), name: text("   Al  "), id: u32(7) }),
      undefined,
    );
    assert.deepEqual(stored, user(7, "Al", "al@example.com"));
    assert.deepEqual(db.select("users", query(), undefined), [stored]);
  });

  test("accepts integer values of another width for a u32 column and stores them as u32", () => {
    const stored = db.insert(
      "users",
      row({ id: u64(9), name: text("Wide"), email: text("w@example.com") }),
      undefined,
    );
    assert.deepEqual(columns(stored).id, u32(9));
  });

  test("stores text beyond ASCII unchanged", () => {
    const name = "Zo\u00eb \u65e5\u672c \ud83d\ude00";
    const stored = db.insert("users", user(1, name, "z@example.com"), undefined);
    assert.equal(columns(stored).name.val, name);
    assert.equal(columns(db.select("users", query(), undefined)[0]).name.val, name);
  });
});

describe("select", () => {
  test("without order returns rows in primary-key order", () => {
    seedUsers();
    assert.deepEqual(ids(db.select("users", query(), undefined)), [1, 2, 3, 4, 5]);
  });

  test("filters with every comparison, IN, LIKE, AND, OR and NOT", () => {
    seedUsers();
    const select = (filter) => ids(db.select("users", query({ filter: JSON.stringify(filter) }), undefined));
    assert.deepEqual(select({ Eq: ["id", { Uint32: 3 }] }), [3]);
    assert.deepEqual(select({ Eq: ["id", { Uint64: 3 }] }), [3], "integers compare by value");
    assert.deepEqual(select({ Ne: ["id", { Uint32: 3 }] }), [1, 2, 4, 5]);
    assert.deepEqual(select({ Gt: ["id", { Uint32: 3 }] }), [4, 5]);
    assert.deepEqual(select({ Ge: ["id", { Uint32: 3 }] }), [3, 4, 5]);
    assert.deepEqual(select({ Lt: ["id", { Int8: 3 }] }), [1, 2]);
    assert.deepEqual(select({ Le: ["id", { Uint32: 3 }] }), [1, 2, 3]);
    assert.deepEqual(select({ In: ["id", [{ Uint32: 5 }, { Uint32: 1 }, { Uint32: 42 }]] }), [1, 5]);
    assert.deepEqual(select({ Like: ["name", "%a%"] }), [1, 2, 3], "LIKE is case-sensitive");
    assert.deepEqual(select({ Eq: ["name", { Text: "Bob" }] }), [4]);
    assert.deepEqual(
      select({ And: [{ Gt: ["id", { Uint32: 1 }] }, { Lt: ["id", { Uint32: 5 }] }, { Like: ["email", "%o%@%"] }] }),
      [3, 4],
    );
    assert.deepEqual(
      select({ Or: [{ Eq: ["id", { Uint32: 1 }] }, { Eq: ["name", { Text: "Eve" }] }, { Eq: ["id", { Uint32: 9 }] }] }),
      [1, 5],
    );
    assert.deepEqual(select({ Not: { In: ["id", [{ Uint32: 2 }, { Uint32: 4 }]] } }), [1, 3, 5]);
    assert.deepEqual(select({ NotNull: "name" }), [1, 2, 3, 4, 5]);
    assert.deepEqual(select({ IsNull: "name" }), []);
  });

  test("orders by one or several keys, ascending or descending, by code point", () => {
    seedUsers();
    const byName = (direction) =>
      valuesOf(db.select("users", query({ orderBy: [{ column: "name", direction }] }), undefined), "name");
    assert.deepEqual(byName("asc"), ["Bob", "Carol", "Dave", "Eve", "alice"]);
    assert.deepEqual(byName("desc"), ["alice", "Eve", "Dave", "Carol", "Bob"]);

    db.insert("posts", post(10, "b", 2), undefined);
    db.insert("posts", post(11, "a", 1), undefined);
    db.insert("posts", post(12, "c", 2), undefined);
    db.insert("posts", post(13, "a", 2), undefined);
    const orderBy = [
      { column: "user", direction: "desc" },
      { column: "title", direction: "asc" },
    ];
    assert.deepEqual(ids(db.select("posts", query({ orderBy }), undefined)), [13, 10, 12, 11]);
  });

  test("applies limit and offset after filtering and ordering", () => {
    seedUsers();
    const page = (limit, offset) =>
      ids(
        db.select(
          "users",
          query({
            filter: JSON.stringify({ Ne: ["id", { Uint32: 3 }] }),
            orderBy: [{ column: "id", direction: "desc" }],
            limit: limit === undefined ? undefined : BigInt(limit),
            offset: offset === undefined ? undefined : BigInt(offset),
          }),
          undefined,
        ),
      );
    assert.deepEqual(page(2, undefined), [5, 4]);
    assert.deepEqual(page(2, 1), [4, 2]);
    assert.deepEqual(page(undefined, 2), [2, 1]);
    assert.deepEqual(page(10, 3), [1]);
    assert.deepEqual(page(2, 4), []);
    assert.deepEqual(page(0, 0), []);
  });
});

describe("update", () => {
  test("changes the matching rows and returns how many", () => {
    seedUsers();
    const renamed = row({ email: text("same@example.com") });
    assert.equal(db.update("users", renamed, JSON.stringify({ Gt: ["id", { Uint32: 3 }] }), undefined), 2n);
    assert.deepEqual(
      valuesOf(db.select("users", query(), undefined), "email"),
      ["Dave@example.com", "alice@example.com", "Carol@example.com", "same@example.com", "same@example.com"],
    );
    assert.equal(db.update("users", row({ name: text("  Zed ") }), idIs(42), undefined), 0n);
    assert.equal(db.update("users", row({ name: text("  Zed ") }), idIs(1), undefined), 1n);
    assert.deepEqual(db.select("users", query({ filter: idIs(1) }), undefined), [
      user(1, "Zed", "Dave@example.com"),
    ]);
  });

  test("without a filter changes every row", () => {
    seedUsers();
    assert.equal(db.update("users", row({ name: text("All") }), undefined, undefined), 5n);
    assert.deepEqual(new Set(valuesOf(db.select("users", query(), undefined), "name")), new Set(["All"]));
  });

  test("can move a post to another existing user, not to a missing one", () => {
    seedUsers();
    db.insert("posts", post(10, "t", 1), undefined);
    assert.equal(db.update("posts", row({ user: u32(2) }), idIs(10), undefined), 1n);
    assertDbmsError(
      () => db.update("posts", row({ user: u32(99) }), idIs(10), undefined),
      "broken-foreign-key-reference",
    );
    assert.deepEqual(columns(db.select("posts", query(), undefined)[0]).user, u32(2));
  });
});

describe("delete", () => {
  function seedThread() {
    seedUsers();
    db.insert("posts", post(10, "first", 1), undefined);
    db.insert("posts", post(11, "second", 1), undefined);
    db.insert("posts", post(12, "other", 2), undefined);
    db.insert("comments", comment(100, "nice", 10), undefined);
    db.insert("comments", comment(101, "agreed", 10), undefined);
    db.insert("comments", comment(102, "elsewhere", 12), undefined);
  }

  test("restrict refuses to delete a referenced row and changes nothing", () => {
    seedThread();
    const detail = assertDbmsError(
      () => db.delete("users", "restrict", idIs(1), undefined),
      "foreign-key-constraint-violation",
    );
    assert.match(detail, /posts/);
    assert.equal(db.select("users", query(), undefined).length, 5);
    assert.equal(db.select("posts", query(), undefined).length, 3);
  });

  test("restrict deletes rows nothing references", () => {
    seedThread();
    assert.equal(db.delete("comments", "restrict", idIs(100), undefined), 1n);
    assert.equal(db.delete("users", "restrict", idIs(5), undefined), 1n);
    assert.equal(db.delete("users", "restrict", idIs(42), undefined), 0n);
    assert.deepEqual(ids(db.select("users", query(), undefined)), [1, 2, 3, 4]);
    assert.deepEqual(ids(db.select("comments", query(), undefined)), [101, 102]);
  });

  test("cascade deletes the referencing rows too and counts them", () => {
    seedThread();
    assert.equal(db.delete("users", "cascade", idIs(1), undefined), 5n, "1 user, 2 posts, 2 comments");
    assert.deepEqual(ids(db.select("users", query(), undefined)), [2, 3, 4, 5]);
    assert.deepEqual(ids(db.select("posts", query(), undefined)), [12]);
    assert.deepEqual(ids(db.select("comments", query(), undefined)), [102]);
  });

  test("cascade without a filter empties the tables it reaches", () => {
    seedThread();
    assert.equal(db.delete("posts", "cascade", undefined, undefined), 6n);
    assert.equal(db.select("comments", query(), undefined).length, 0);
    assert.equal(db.select("users", query(), undefined).length, 5);
  });
});
