package com.example.books;

import org.wasmdbms.api.annotation.MaxLength;
import org.wasmdbms.api.annotation.PrimaryKey;
import org.wasmdbms.api.annotation.Table;
import org.wasmdbms.api.annotation.Trim;
import org.wasmdbms.api.value.Uint32Value;

/** A row of table {@code books}. */
@Table("books")
public record Book(
    @PrimaryKey Uint32Value id, @Trim @MaxLength(100) String title, String author, int year) {}
