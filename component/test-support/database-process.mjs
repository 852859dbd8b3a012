// A separate Node process with its own instance of the Component on a directory.
//
// Usage: node database-process.mjs <directory> <action>
//   dump       prints every table as JSON: rows as objects of column to value, texts longer
//              than 64 characters as {"length", "sha256"} so multi-MiB values stay small
//   add-user   inserts user 6 and deletes user 2 (restrict), then prints "done"
//   v2-migrate opens the Component of the schema's next version instead (module example-guest-v2)
//              and prints what it reports before, during and after migrating: the drift, the
//              pending steps, the errors of a read and of a migration the policy refuses, then
//              every table's rows and column names
//   v2-refuse  likewise, but only migrates (destructive steps allowed) and prints the error, the
//              drift after it, and whether the data file and the journal kept every byte
// A dbms-error is printed as {"error": <payload>} and exits with status 0, so the test sees it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { columns, digest, openDatabase, query, user, V2_BINDINGS } from "./dbms.mjs";

const [directory, action] = process.argv.slice(2);
const db = await openDatabase(directory, action.startsWith("v2-") ? V2_BINDINGS : undefined);

function summary(witRow) {
  return Object.fromEntries(
    Object.entries(columns(witRow)).map(([name, { tag, val }]) => [
      name,
      tag === "text-val" && val.length > 64 ? digest(val) : val,
    ]),
  );
}

const actions = {
  dump: () =>
    Object.fromEntries(
      ["users", "posts", "comments"].map((table) => [
        table,
        db.select(table, query(), undefined).map(summary),
      ]),
    ),
  "add-user": () => {
    db.insert("users", user(6, "Frank", "frank@example.com"), undefined);
    db.delete("users", "restrict", JSON.stringify({ Eq: ["id", { Uint32: 2 }] }), undefined);
    return "done";
  },
};

/** The `dbms-error` payload `call` throws; fails if it returns. */
function errorOf(call) {
  try {
    call();
  } catch (error) {
    if (error.payload !== undefined) {
      return error.payload;
    }
    throw error;
  }
  throw new Error("no error");
}

function tables() {
  return Object.fromEntries(
    ["users", "posts", "comments"].map((table) => {
      const rows = db.select(table, query(), undefined);
      return [table, { columns: rows[0].map(({ name }) => name), rows: rows.map(summary) }];
    }),
  );
}

actions["v2-migrate"] = () => ({
  driftBefore: db.hasDrift(),
  steps: db.pendingMigrations(),
  selectError: errorOf(() => db.select("users", query(), undefined)),
  refused: errorOf(() => db.migrate({ allowDestructive: false })),
  driftAfterRefusal: db.hasDrift(),
  migrated: db.migrate({ allowDestructive: true }) ?? "done",
  driftAfter: db.hasDrift(),
  stepsAfter: db.pendingMigrations(),
  tables: tables(),
});

/** The data file and the journal, as one string of their digests. */
function files() {
  return ["wasm-dbms.db", "wasm-dbms.db-journal"]
    .map((name) => JSON.stringify(digest(readFileSync(join(directory, name), "latin1"))))
    .join();
}

actions["v2-refuse"] = () => {
  db.hasDrift(); // opens the database, recovering what the journal holds
  const before = files();
  const refused = errorOf(() => db.migrate({ allowDestructive: true }));
  return { refused, drift: db.hasDrift(), unchanged: files() === before };
};

let output;
try {
  output = actions[action]();
} catch (error) {
  if (error.payload === undefined) {
    throw error;
  }
  output = { error: error.payload };
}
console.log(JSON.stringify(output));
