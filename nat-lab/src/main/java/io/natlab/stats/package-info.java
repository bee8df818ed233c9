/** The statistics every verdict and report uses: nearest-rank percentiles and the Wilson score interval. */
package io.natlab.stats;
