package org.wasmdbms.example;

import org.wasmdbms.api.annotation.DatabaseSchema;

/**
 * The example database: users, their posts, and comments on posts. The processor generates {@link
 * ExampleSchemaDispatcher} from this list; adding a table means writing its record and adding it
 * here.
 */
@DatabaseSchema({Comment.class, Post.class, User.class})
public interface ExampleSchema {}
