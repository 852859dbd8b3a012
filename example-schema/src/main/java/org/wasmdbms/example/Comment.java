package org.wasmdbms.example;

import org.wasmdbms.api.annotation.Column;
import org.wasmdbms.api.annotation.ForeignKey;
import org.wasmdbms.api.annotation.PrimaryKey;
import org.wasmdbms.api.annotation.Table;
import org.wasmdbms.api.value.Uint32Value;

/**
 * A row of table {@code comments}.
 *
 * @param id the primary key
 * @param body the comment text
 * @param postId the post commented on, a {@code posts.id} (column {@code post_id})
 */
@Table("comments")
public record Comment(
    @PrimaryKey Uint32Value id,
    String body,
    @Column("post_id") @ForeignKey(table = "posts", column = "id") Uint32Value postId) {}
