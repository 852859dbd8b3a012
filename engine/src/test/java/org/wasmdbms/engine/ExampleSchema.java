package org.wasmdbms.engine;

import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.rules.Sanitizers;
import org.wasmdbms.api.rules.Validators;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.Int32Value;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.api.value.Value;

/** The users / posts / comments schema the engine tests share. */
final class ExampleSchema {
  private ExampleSchema() {}

  static TableSchema users() {
    TableDef def =
        TableDef.builder("users")
            .column(ColumnDef.builder("id", DataType.UINT32).primaryKey().autoIncrement())
            .column(ColumnDef.builder("name", DataType.TEXT))
            .column(ColumnDef.builder("email", DataType.TEXT).unique())
            .column(ColumnDef.builder("age", DataType.INT32).nullable())
            .column(ColumnDef.builder("role", DataType.TEXT).defaultValue(new TextValue("member")))
            .build();
    return TableSchema.builder(def)
        .sanitize("name", Sanitizers.trim())
        .validate("name", Validators.maxLength(20))
        .sanitize("email", Sanitizers.lowerCase())
        .validate("email", Validators.email())
        .build();
  }

  static TableSchema posts() {
    return TableSchema.of(
        TableDef.builder("posts")
            .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
            .column(ColumnDef.builder("title", DataType.TEXT))
            .column(ColumnDef.builder("user", DataType.UINT32).references("users", "id"))
            .build());
  }

  static TableSchema comments() {
    return TableSchema.of(
        TableDef.builder("comments")
            .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
            .column(ColumnDef.builder("body", DataType.TEXT))
            .column(ColumnDef.builder("post_id", DataType.UINT32).references("posts", "id"))
            .build());
  }

  static void registerAll(Database db) {
    db.register(users());
    db.register(posts());
    db.register(comments());
  }

  static Row user(String name, String email, Integer age) {
    return Row.builder()
        .set("name", new TextValue(name))
        .set("email", new TextValue(email))
        .set("age", age == null ? null : new Int32Value(age))
        .build();
  }

  static Row post(long id, String title, long user) {
    return Row.builder()
        .set("id", new Uint32Value(id))
        .set("title", new TextValue(title))
        .set("user", new Uint32Value(user))
        .build();
  }

  static Row comment(long id, String body, long post) {
    return Row.builder()
        .set("id", new Uint32Value(id))
        .set("body", new TextValue(body))
        .set("post_id", new Uint32Value(post))
        .build();
  }

  static Value id(long id) {
    return new Uint32Value(id);
  }
}
