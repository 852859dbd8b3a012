package org.wasmdbms.example;

import org.wasmdbms.api.annotation.ForeignKey;
import org.wasmdbms.api.annotation.Nullable;
import org.wasmdbms.api.annotation.PrimaryKey;
import org.wasmdbms.api.annotation.Table;
import org.wasmdbms.api.annotation.Validate;
import org.wasmdbms.api.value.JsonValue;
import org.wasmdbms.api.value.Uint32Value;

/**
 * A row of table {@code posts}.
 *
 * @param id the primary key
 * @param title the title, not blank (a user-defined validator, {@link NotBlank})
 * @param content the body text
 * @param user the author, a {@code users.id}
 * @param metadata free-form JSON about the post (tags, flags), or null
 */
@Table("posts")
public record Post(
    @PrimaryKey Uint32Value id,
    @Validate(NotBlank.class) String title,
    String content,
    @ForeignKey(table = "users", column = "id", entity = User.class) Uint32Value user,
    @Nullable JsonValue metadata) {}
