package org.wasmdbms.example.v2;

import org.wasmdbms.api.annotation.Column;
import org.wasmdbms.api.annotation.ForeignKey;
import org.wasmdbms.api.annotation.PrimaryKey;
import org.wasmdbms.api.annotation.RenamedFrom;
import org.wasmdbms.api.annotation.Table;
import org.wasmdbms.api.value.Uint32Value;

/**
 * A row of table {@code comments}, next version: column {@code body} is now {@code text}.
 *
 * @param id the primary key
 * @param text the comment text, stored before as {@code body}
 * @param postId the post commented on, a {@code posts.id} (column {@code post_id})
 */
@Table("comments")
public record Comment(
    @PrimaryKey Uint32Value id,
    @RenamedFrom("body") String text,
    @Column("post_id") @ForeignKey(table = "posts", column = "id") Uint32Value postId) {}
