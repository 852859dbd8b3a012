// Joins, aggregates and JSON filters through the Component, as a JS caller writes them: joins and
// filters are wire-format JSON text, aggregate functions and results jco's `{ tag, val }` variants.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  columns,
  openDatabase,
  post,
  query,
  row,
  temporaryDirectory,
  user,
} from "../test-support/dbms.mjs";

const storage = temporaryDirectory();
let db;

before(async () => {
  db = await openDatabase(storage.directory);
  db.insert("users", user(1, "Alice", "alice@example.com"), undefined);
  db.insert("users", user(2, "Bob", "bob@example.com"), undefined);
  db.insert("users", user(3, "Carol", "carol@example.com"), undefined);
  db.insert("posts", post(10, "first", 1), undefined);
  db.insert("posts", post(11, "second", 1), undefined);
  db.insert("posts", post(12, "third", 2), undefined);
  const metadata = (json) => row({ metadata: { tag: "json-val", val: json } });
  db.update("posts", metadata('{"tags":["wasm"],"views":42}'), JSON.stringify({ Eq: ["id", { Uint32: 10 }] }), undefined);
  db.update("posts", metadata('{"tags":["java"],"views":7}'), JSON.stringify({ Eq: ["id", { Uint32: 11 }] }), undefined);
});
after(() => storage.remove());

test("a left join names columns table.column and pads a user without posts with nulls", () => {
  const join = JSON.stringify({ join_type: "Left", table: "posts", left_column: "users.id", right_column: "user" });
  const rows = db.select("users", query({ joins: [join] }), undefined).map(columns);
  assert.deepEqual(
    rows.map((r) => [r["users.name"].val, r["posts.title"].tag === "null-val" ? null : r["posts.title"].val]),
    [
      ["Alice", "first"],
      ["Alice", "second"],
      ["Bob", "third"],
      ["Carol", null],
    ],
  );
});

test("aggregate counts, sums and averages per group, with having", () => {
  const groups = db.aggregate(
    "posts",
    query({ groupBy: ["user"], having: JSON.stringify({ Gt: ["agg0", { Uint64: 0 }] }) }),
    [
      { tag: "count", val: undefined },
      { tag: "sum", val: "id" },
      { tag: "avg", val: "id" },
    ],
    undefined,
  );
  assert.deepEqual(groups, [
    {
      groupKeys: [{ tag: "u32-val", val: 1 }],
      values: [
        { tag: "count", val: 2n },
        { tag: "sum", val: { tag: "decimal-val", val: "21" } },
        { tag: "avg", val: { tag: "decimal-val", val: "10.5" } },
      ],
    },
    {
      groupKeys: [{ tag: "u32-val", val: 2 }],
      values: [
        { tag: "count", val: 1n },
        { tag: "sum", val: { tag: "decimal-val", val: "12" } },
        { tag: "avg", val: { tag: "decimal-val", val: "12" } },
      ],
    },
  ]);
});

test("a JSON filter reads a value inside the metadata document", () => {
  const filter = JSON.stringify({ Json: ["metadata", { Extract: ["views", { Gt: { Int64: 10 } }] }] });
  const rows = db.select("posts", query({ filter }), undefined).map(columns);
  assert.deepEqual(
    rows.map((r) => r.id.val),
    [10],
  );
});
