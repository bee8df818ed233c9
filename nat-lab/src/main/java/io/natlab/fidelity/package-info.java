/** Measures what a NAT path really does with plain-tool probes and classifies it in RFC 4787/5382 terms. */
package io.natlab.fidelity;
