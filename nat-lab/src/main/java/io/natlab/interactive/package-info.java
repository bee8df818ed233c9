/**
 * The interactive lab: {@code nat-lab up} keeps a lab running and writes its {@link io.natlab.interactive.LabState}
 * to the {@link io.natlab.interactive.StateDir}; {@code exec}, {@code punch} and {@code down} in other shells find it
 * there. {@code punch} and {@code down} are served by the {@code up} process over a Unix socket
 * ({@link io.natlab.interactive.ControlServer}), so trials run with the live lab's own state and trial code.
 */
package io.natlab.interactive;
