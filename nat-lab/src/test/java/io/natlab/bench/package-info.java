/** Benchmarks that start labs and print figures (not tests): fresh vs warm client processes. */
package io.natlab.bench;
