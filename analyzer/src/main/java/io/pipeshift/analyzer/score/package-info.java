/** The decision matrix: scores 0-100 per orchestrator with the reasons that moved them, limits and the recommendation. */
package io.pipeshift.analyzer.score;
