package io.natlab.lab;

/** A lab could not be started (or was stopped by a failed check). The message is meant for the user as is. */
public class LabStartException extends RuntimeException {
    public LabStartException(String message) { super(message); }
    public LabStartException(String message, Throwable cause) { super(message, cause); }
}
