package com.example.books;

import org.wasmdbms.api.annotation.DatabaseSchema;

/** The schema: the processor generates {@code LibraryDispatcher} from it. */
@DatabaseSchema({Book.class})
public interface Library {}
