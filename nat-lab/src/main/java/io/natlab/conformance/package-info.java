/**
 * {@code nat-lab conformance}: a short battery that checks an implementation against the peer contract
 * (docs/peer-contract.md) in a small lab. {@link io.natlab.conformance.ConformanceBattery} judges (pure, against
 * the {@link io.natlab.conformance.ConformanceLab} seam); {@link io.natlab.conformance.DockerConformanceLab} is the
 * real lab, running trials with the scenario runner's trial code.
 */
package io.natlab.conformance;
