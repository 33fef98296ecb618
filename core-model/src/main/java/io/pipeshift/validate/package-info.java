/** Semantic checks of a pipeline beyond its YAML shape, each reported as a located diagnostic. */
package io.pipeshift.validate;
