/** The scenario runner: starts labs, runs trials between peer pairs and judges them. */
package io.natlab.scenario.run;
