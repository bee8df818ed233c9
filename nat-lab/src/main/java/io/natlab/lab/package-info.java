/** A running lab of Docker networks and containers built from a topology: address plan, container start, routes and guard, router setup, readiness, reset and removal. */
package io.natlab.lab;
