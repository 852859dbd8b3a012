/**
 * The example schema's next version, served by the guest of module {@code example-guest-v2}: what a
 * guest built from a changed schema finds when it opens a file the example guest wrote. Against the
 * example schema it adds {@code users.bio}, makes {@code users.name} unique, lowercases every
 * stored e-mail once ({@link org.wasmdbms.example.v2.LowercaseEmails}), renames {@code
 * comments.body} to {@code text}, indexes {@code posts.title} and drops {@code posts.content}.
 * {@link org.wasmdbms.example.v2.MigratedGuestSchema} binds the guest to it.
 */
package org.wasmdbms.example.v2;
