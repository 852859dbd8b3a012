// A separate Node process with its own instance of the Component on a directory.
//
// Usage: node database-process.mjs <directory> <action>
//   dump       prints every table as JSON: rows as objects of column to value, texts longer
//              than 64 characters as {"length", "sha256"} so multi-MiB values stay small
//   add-user   inserts user 6 and deletes user 2 (restrict), then prints "done"
// A dbms-error is printed as {"error": <payload>} and exits with status 0, so the test sees it.
import { columns, digest, openDatabase, query, user } from "./dbms.mjs";

const [directory, action] = process.argv.slice(2);
const db = await openDatabase(directory);

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
