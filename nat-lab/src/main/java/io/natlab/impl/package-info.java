/**
 * Implementations under test: what an implementation declares (natlab-impl.yaml), and the peer contract the lab
 * starts it with (docs/peer-contract.md): NATLAB_* environment variables in, one JSON line out.
 */
package io.natlab.impl;
