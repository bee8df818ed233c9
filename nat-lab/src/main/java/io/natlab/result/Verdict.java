package io.natlab.result;

/** Whether observation matched expectation. ERROR: the pair could not be run at all (lab failed, tool crashed). */
public enum Verdict { PASS, UNEXPECTED_FAILURE, UNEXPECTED_SUCCESS, ERROR }
