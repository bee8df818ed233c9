/** Reports of a run: console progress and summary, Markdown and HTML matrices, and results.json. */
package io.natlab.report;
