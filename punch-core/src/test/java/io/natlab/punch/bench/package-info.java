/** The punch-core benchmark against a naive baseline, on loopback; test sources, so not in the shipped punch.jar. */
package io.natlab.punch.bench;
