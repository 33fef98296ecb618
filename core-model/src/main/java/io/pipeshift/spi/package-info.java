/** The service interfaces spokes implement so the CLI can find them without naming them. */
package io.pipeshift.spi;
