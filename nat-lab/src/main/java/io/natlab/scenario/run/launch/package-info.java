/**
 * How a trial's two punch clients are launched, watched and stopped: a fresh process per client
 * ({@link io.natlab.scenario.run.launch.FreshClient}) or a trial on a long-lived agent in the peer's container
 * ({@link io.natlab.scenario.run.launch.WarmPeer}); {@link io.natlab.scenario.run.launch.TrialClients} runs both sides
 * and ends the trial as soon as its outcome is known.
 */
package io.natlab.scenario.run.launch;
