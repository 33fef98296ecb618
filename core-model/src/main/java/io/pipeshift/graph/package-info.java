/**
 * Graph utilities the spokes share: dependency graphs of step lists, topological order, reachability,
 * cycles, transitive reduction. Graph passes that reshape pipelines for one kind of target live here too.
 */
package io.pipeshift.graph;
