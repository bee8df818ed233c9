/**
 * Regression statistics for comparing two implementations or builds cell by cell (success counts, time to punch),
 * corrected across cells; pure functions over samples, no Docker.
 */
package io.natlab.compare;
