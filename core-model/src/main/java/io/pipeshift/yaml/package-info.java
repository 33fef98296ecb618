/**
 * IR YAML: the safe reader (SnakeYAML node trees with hard limits, located diagnostics) and the canonical
 * writer. The only package that touches SnakeYAML.
 */
package io.pipeshift.yaml;
