/**
 * The example schema of the project, {@code users}, {@code posts} and {@code comments}, declared as
 * annotated records. The annotation processor generates the table classes ({@code UserTable},
 * {@code PostInsert}, {@code CommentWithRelations}, ...) and {@code ExampleSchemaDispatcher} next
 * to them; the WebAssembly guest serves this schema.
 */
package org.wasmdbms.example;
