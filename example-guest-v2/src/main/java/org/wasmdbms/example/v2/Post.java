package org.wasmdbms.example.v2;

import org.wasmdbms.api.annotation.ForeignKey;
import org.wasmdbms.api.annotation.Index;
import org.wasmdbms.api.annotation.Nullable;
import org.wasmdbms.api.annotation.PrimaryKey;
import org.wasmdbms.api.annotation.Table;
import org.wasmdbms.api.value.JsonValue;
import org.wasmdbms.api.value.Uint32Value;

/**
 * A row of table {@code posts}, next version: {@code title} is indexed and {@code content} is gone.
 *
 * @param id the primary key
 * @param title the title
 * @param user the author, a {@code users.id}
 * @param metadata a JSON document, if any
 */
@Table("posts")
public record Post(
    @PrimaryKey Uint32Value id,
    @Index String title,
    @ForeignKey(table = "users", column = "id") Uint32Value user,
    @Nullable JsonValue metadata) {}
