/**
 * Holding a punched stream and disturbing it: the scenario's {@code hold}/{@code events} ({@link
 * io.natlab.scenario.stream.StreamPlan}), the stream expectation and its prediction from the router's behaviour
 * ({@link io.natlab.scenario.stream.StreamOracle}), and judging one trial's held stream. Pure; the lab side of an
 * event is {@link io.natlab.nat.RouterEventScripts}, the timing {@code io.natlab.scenario.run.EventSchedule}.
 */
package io.natlab.scenario.stream;
