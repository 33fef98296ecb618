/**
 * Located JSON-like documents for the importers: a Jackson tree with the file line and column of every JSON
 * pointer, read under the same limits as IR YAML. Knows no workflow format.
 */
package io.pipeshift.document;
