/** The scenario runner: queues scenarios, runs each pair's trials on a lab and reports progress to its listener. */
package io.natlab.scenario.run;
