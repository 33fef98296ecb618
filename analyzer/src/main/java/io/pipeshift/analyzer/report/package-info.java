/**
 * Reports: text, Markdown, JSON (versioned), SARIF 2.1.0 and self-contained HTML, all rendered from the same
 * analyses and findings; and the comparison report. Renderers return strings: writing files is the CLI's job.
 */
package io.pipeshift.analyzer.report;
