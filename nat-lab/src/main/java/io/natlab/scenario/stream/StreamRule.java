package io.natlab.scenario.stream;

import java.util.function.Predicate;

/**
 * One row of the stream oracle's table (as {@link io.natlab.scenario.theory.TheoryRule} for punches).
 *
 * @param id       stable id, shown in results and the README
 * @param when     the condition, in words
 * @param outcome  SURVIVES or BREAKS (a break becomes RECOVERS when the scenario recovers)
 * @param why      the mechanism
 * @param evidence what the lab showed ("" when it is plain theory)
 * @param matches  the condition, as code
 */
public record StreamRule(String id, String when, StreamExpectation outcome, String why, String evidence,
                         Predicate<StreamCase> matches) {}
