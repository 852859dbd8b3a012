// Every dbms-error case a JS caller can provoke with the example schema comes back as jco's
// ComponentError whose payload is that case, and the failed call changes nothing.
//
// Not reachable here: `unique-constraint-violation` and `sanitization-error` (the example schema
// has no unique column and its only sanitizer, trim, accepts every text), `migration-error` (the
// interface has no migration functions and the guest's schema is fixed) and `internal-error`
// (a defect). `memory-error` is in large-values.test.mjs (oversized result) and
// persistence.test.mjs (foreign file); oversized values are in large-values.test.mjs;
// `serialization-conflict` is in isolation.test.mjs.
import assert from "node:assert/strict";
import { after, afterEach, before, beforeEach, test } from "node:test";
import {
  assertDbmsError,
  columns,
  f64,
  idIs,
  openDatabase,
  post,
  query,
  row,
  temporaryDirectory,
  text,
  u32,
  user,
} from "../test-support/dbms.mjs";

const storage = temporaryDirectory();
let db;
let snapshot;

const everything = () =>
  ["users", "posts", "comments"].map((table) => db.select(table, query(), undefined));

before(async () => {
  db = await openDatabase(storage.directory);
});
after(() => storage.remove());
beforeEach(() => {
  db.delete("users", "cascade", undefined, undefined);
  db.insert("users", user(1, "Alice", "alice@example.com"), undefined);
  db.insert("posts", post(10, "hello", 1), undefined);
  snapshot = everything();
});
afterEach(() => {
  assert.deepEqual(everything(), snapshot, "a failed call changed the database");
});

test("table-not-found names the table, in every function", () => {
  assert.equal(assertDbmsError(() => db.select("nope", query(), undefined), "table-not-found"), "nope");
  assertDbmsError(() => db.insert("nope", user(2, "B", "b@example.com"), undefined), "table-not-found");
  assertDbmsError(() => db.update("nope", row({ name: text("x") }), undefined, undefined), "table-not-found");
  assertDbmsError(() => db.delete("nope", "restrict", undefined, undefined), "table-not-found");
  assertDbmsError(() => db.aggregate("nope", query(), [{ tag: "count" }], undefined), "table-not-found");
});

test("primary-key-conflict on a taken key, by insert or by update", () => {
  assert.equal(
    assertDbmsError(() => db.insert("users", user(1, "Again", "a@example.com"), undefined), "primary-key-conflict"),
    undefined,
  );
  db.insert("users", user(2, "Bob", "bob@example.com"), undefined);
  assertDbmsError(() => db.update("users", row({ id: u32(1) }), idIs(2), undefined), "primary-key-conflict");
  db.delete("users", "restrict", idIs(2), undefined);
});

test("broken-foreign-key-reference for a post of a missing user", () => {
  const detail = assertDbmsError(
    () => db.insert("posts", post(11, "orphan", 42), undefined),
    "broken-foreign-key-reference",
  );
  assert.match(detail, /users/);
});

test("foreign-key-constraint-violation for a restrict delete or a key change of a referenced row", () => {
  assertDbmsError(() => db.delete("users", "restrict", idIs(1), undefined), "foreign-key-constraint-violation");
  assertDbmsError(
    () => db.update("users", row({ id: u32(5) }), idIs(1), undefined),
    "foreign-key-constraint-violation",
  );
});

test("unknown-column names the column in a row, a filter or an order key", () => {
  assert.equal(
    assertDbmsError(
      () => db.insert("users", row({ ...columns(user(2, "B", "b@example.com")), age: u32(3) }), undefined),
      "unknown-column",
    ),
    "age",
  );
  assertDbmsError(
    () => db.select("users", query({ filter: JSON.stringify({ Eq: ["age", { Uint32: 1 }] }) }), undefined),
    "unknown-column",
  );
  assertDbmsError(
    () => db.select("users", query({ orderBy: [{ column: "age", direction: "asc" }] }), undefined),
    "unknown-column",
  );
  assertDbmsError(() => db.update("users", row({ age: u32(1) }), undefined, undefined), "unknown-column");
});

test("missing-non-nullable-field names the missing column", () => {
  assert.equal(
    assertDbmsError(
      () => db.insert("users", row({ id: u32(2), name: text("Bob") }), undefined),
      "missing-non-nullable-field",
    ),
    "email",
  );
});

test("validation-error for a name over 20 characters or a malformed e-mail", () => {
  assertDbmsError(
    () => db.insert("users", user(2, "a name far longer than twenty", "b@example.com"), undefined),
    "validation-error",
  );
  assertDbmsError(() => db.insert("users", user(2, "Bob", "not-an-email"), undefined), "validation-error");
  assertDbmsError(
    () => db.update("users", row({ email: text("@nowhere") }), idIs(1), undefined),
    "validation-error",
  );
});

test("validation-error from the schema's user-defined validator (NotBlank on posts.title)", () => {
  assert.equal(
    assertDbmsError(() => db.insert("posts", post(11, "   ", 1), undefined), "validation-error"),
    "column title: NotBlank: must not be blank",
  );
  assertDbmsError(
    () => db.update("posts", row({ title: text("") }), idIs(10), undefined),
    "validation-error",
  );
});

test("invalid-query for wrong value types, malformed filters and bad limits", () => {
  const select = (parts) => () => db.select("users", query(parts), undefined);
  assertDbmsError(
    () => db.insert("users", row({ id: text("one"), name: text("B"), email: text("b@example.com") }), undefined),
    "invalid-query",
  );
  assertDbmsError(
    () => db.insert("users", row({ id: u32(2), name: f64(1.5), email: text("b@example.com") }), undefined),
    "invalid-query",
  );
  assertDbmsError(select({ filter: '{"Eq":' }), "invalid-query");
  assertDbmsError(select({ filter: '{"Between":["id",{"Uint32":1}]}' }), "invalid-query");
  assertDbmsError(select({ filter: JSON.stringify({ Eq: ["name", { Uint32: 1 }] }) }), "invalid-query");
  assertDbmsError(select({ filter: JSON.stringify({ Gt: ["id", { Float64: 1.5 }] }) }), "invalid-query");
  const deep = '{"Not":'.repeat(10000) + '{"IsNull":"name"}' + "}".repeat(10000);
  assertDbmsError(select({ filter: deep }), "invalid-query");
  assertDbmsError(select({ limit: 1n << 63n }), "invalid-query");
  assertDbmsError(() => db.update("users", row({ name: text("x") }), "[", undefined), "invalid-query");
  assertDbmsError(() => db.delete("users", "cascade", "not json", undefined), "invalid-query");
});

test("invalid-query for group-by in a select, eager relations with joins, and sum over text", () => {
  const join = JSON.stringify({ join_type: "Inner", table: "users", left_column: "user", right_column: "id" });
  const grouped = assertDbmsError(() => db.select("posts", query({ groupBy: ["user"] }), undefined), "invalid-query");
  assert.match(grouped, /aggregate/);
  assertDbmsError(
    () => db.select("posts", query({ joins: [join], eagerRelations: ["user"] }), undefined),
    "invalid-query",
  );
  assertDbmsError(() => db.aggregate("posts", query(), [{ tag: "sum", val: "title" }], undefined), "invalid-query");
  const missing = JSON.stringify({ join_type: "Inner", table: "nope", left_column: "user", right_column: "id" });
  assert.equal(
    assertDbmsError(() => db.select("posts", query({ joins: [missing] }), undefined), "table-not-found"),
    "nope",
  );
});

test("constraint-violation past the limit of open transactions, which rollback frees", () => {
  const open = [];
  let detail;
  for (;;) {
    try {
      open.push(db.beginTransaction());
    } catch (error) {
      assert.equal(error.payload?.tag, "constraint-violation", String(error));
      detail = error.payload.val;
      break;
    }
    assert.ok(open.length <= 1024, "more than 1,024 open transactions");
  }
  assert.equal(open.length, 1024, detail);
  for (const tx of open) {
    db.rollback(tx);
  }
  db.rollback(db.beginTransaction());
});

test("the bindings refuse values of the wrong JS shape with a TypeError before the guest runs", () => {
  assert.throws(() => db.delete("users", "sideways", undefined, undefined), TypeError);
  assert.throws(() => db.insert("users", [{ name: "id", value: { tag: "u33-val", val: 1 } }], undefined), TypeError);
  assert.throws(() => db.insert("users", [{ name: "id", value: text(5) }], undefined), TypeError);
  assert.equal(db.select("users", query(), undefined).length, 1, "the guest still answers");
});

test("the bindings wrap out-of-range numbers modulo the WIT width; the guest still checks what arrives", () => {
  // jco lowers -1 as u32 4294967295 and -1n as u64 2^64-1: callers must pass in-range values.
  const wrapped = db.insert("users", user(-1, "Wrapped", "w@example.com"), undefined);
  assert.deepEqual(columns(wrapped).id, u32(4294967295));
  db.delete("users", "restrict", idIs(4294967295), undefined);
  assertDbmsError(() => db.select("users", query({ limit: -1n }), undefined), "invalid-query");
});
