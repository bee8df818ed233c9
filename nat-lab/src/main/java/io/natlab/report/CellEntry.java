package io.natlab.report;

import io.natlab.result.PairResult;

/** One pair result placed in a matrix cell, with the scenario it came from. */
public record CellEntry(String scenario, PairResult pair) {}
