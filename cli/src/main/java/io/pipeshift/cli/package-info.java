/**
 * The {@code pipeshift} command: the only code that prints or exits. Each subcommand is a
 * {@code Callable<Integer>} in its own file; formats are found through {@code io.pipeshift.spi}.
 */
package io.pipeshift.cli;
