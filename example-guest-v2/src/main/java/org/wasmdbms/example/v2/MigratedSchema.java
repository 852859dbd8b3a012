package org.wasmdbms.example.v2;

import org.wasmdbms.api.annotation.DatabaseSchema;

/** The example database, next version; the processor generates {@link MigratedSchemaDispatcher}. */
@DatabaseSchema({Comment.class, Post.class, User.class})
public interface MigratedSchema {}
