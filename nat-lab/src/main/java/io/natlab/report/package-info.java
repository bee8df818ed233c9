/** Renders a run's results: console progress and summary, report.md, report.html, results.json. */
package io.natlab.report;
