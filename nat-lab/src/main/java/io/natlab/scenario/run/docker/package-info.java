/** The runner's Docker side: starting real labs for it. */
package io.natlab.scenario.run.docker;
