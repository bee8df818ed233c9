package io.natlab.scenario.theory;

import io.natlab.scenario.Expectation;

import java.util.function.Predicate;

/**
 * One row of the theory table.
 *
 * @param id       stable id, shown in results and the README
 * @param when     the condition, in words (Markdown)
 * @param outcome  DIRECT or FAILED
 * @param why      the mechanism, in words
 * @param evidence what the lab showed when this row was added or refined ("" when it is plain theory)
 * @param matches  the condition, as code
 */
public record TheoryRule(String id, String when, Expectation outcome, String why, String evidence,
                         Predicate<PunchCase> matches) {}
