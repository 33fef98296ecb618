package io.pipeshift.yaml;

import io.pipeshift.ir.Pipeline;

/** A pipeline and where each of its parts was written. */
public record LoadedPipeline(Pipeline pipeline, SourceMap sourceMap) {}
