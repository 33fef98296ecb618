/**
 * Located diagnostics: what went wrong in an input, where, and what was expected. Every user-facing
 * message pattern lives in {@link io.pipeshift.diag.Problem}. Nothing here prints or exits.
 */
package io.pipeshift.diag;
