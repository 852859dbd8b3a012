package org.wasmdbms.example.v2;

import org.wasmdbms.api.annotation.Email;
import org.wasmdbms.api.annotation.MaxLength;
import org.wasmdbms.api.annotation.Nullable;
import org.wasmdbms.api.annotation.PrimaryKey;
import org.wasmdbms.api.annotation.Table;
import org.wasmdbms.api.annotation.Transform;
import org.wasmdbms.api.annotation.Trim;
import org.wasmdbms.api.annotation.Unique;
import org.wasmdbms.api.value.Uint32Value;

/**
 * A row of table {@code users}, next version: {@code name} is unique, {@code email} lowercased
 * once, and {@code bio} is new.
 *
 * @param id the primary key
 * @param name the display name, trimmed, at most 20 characters, unique
 * @param email an e-mail address
 * @param bio a short text about the user, if any
 */
@Table("users")
public record User(
    @PrimaryKey Uint32Value id,
    @Trim @MaxLength(20) @Unique String name,
    @Email @Transform(id = "lowercase-emails", with = LowercaseEmails.class) String email,
    @Nullable String bio) {}
