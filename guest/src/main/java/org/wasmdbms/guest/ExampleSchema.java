package org.wasmdbms.guest;

import java.util.List;
import org.wasmdbms.api.rules.Sanitizers;
import org.wasmdbms.api.rules.Validators;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.engine.TableSchema;

/**
 * The example schema the guest serves: {@code users}, {@code posts} written by users and {@code
 * comments} on posts. Every id is a {@code Uint32} primary key given by the caller.
 *
 * <ul>
 *   <li>{@code users}: {@code id}; {@code name}, trimmed, at most 20 characters; {@code email},
 *       validated as an e-mail address.
 *   <li>{@code posts}: {@code id}, {@code title}, {@code content}, and {@code user}, a foreign key
 *       to {@code users.id}.
 *   <li>{@code comments}: {@code id}, {@code body}, and {@code post_id}, a foreign key to {@code
 *       posts.id}.
 * </ul>
 */
public final class ExampleSchema {
  /** The longest user name, in characters. */
  public static final int MAX_NAME_LENGTH = 20;

  private ExampleSchema() {}

  /** The tables in registration order (every table after those it references). */
  public static List<TableSchema> tables() {
    TableDef users =
        TableDef.builder("users")
            .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
            .column(ColumnDef.builder("name", DataType.TEXT))
            .column(ColumnDef.builder("email", DataType.TEXT))
            .build();
    TableDef posts =
        TableDef.builder("posts")
            .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
            .column(ColumnDef.builder("title", DataType.TEXT))
            .column(ColumnDef.builder("content", DataType.TEXT))
            .column(ColumnDef.builder("user", DataType.UINT32).references("users", "id"))
            .build();
    TableDef comments =
        TableDef.builder("comments")
            .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
            .column(ColumnDef.builder("body", DataType.TEXT))
            .column(ColumnDef.builder("post_id", DataType.UINT32).references("posts", "id"))
            .build();
    return List.of(
        TableSchema.builder(users)
            .sanitize("name", Sanitizers.trim())
            .validate("name", Validators.maxLength(MAX_NAME_LENGTH))
            .validate("email", Validators.email())
            .build(),
        TableSchema.of(posts),
        TableSchema.of(comments));
  }
}
