package org.wasmdbms.example;

import org.wasmdbms.api.annotation.Email;
import org.wasmdbms.api.annotation.MaxLength;
import org.wasmdbms.api.annotation.PrimaryKey;
import org.wasmdbms.api.annotation.Table;
import org.wasmdbms.api.annotation.Trim;
import org.wasmdbms.api.value.Uint32Value;

/**
 * A row of table {@code users}.
 *
 * @param id the primary key
 * @param name the display name, trimmed, at most 20 characters
 * @param email an e-mail address
 */
@Table("users")
public record User(
    @PrimaryKey Uint32Value id, @Trim @MaxLength(20) String name, @Email String email) {}
