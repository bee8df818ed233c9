package io.natlab.scenario.run.verdict;

import io.natlab.result.ClientStage;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A punch client's event log (its stderr: one {@code <instant> <name> <details>} line per event), reduced to what
 * a verdict needs: when it registered, was instructed, established or failed, and how many connects it made. Lines
 * that are not events (JVM warnings) are kept in {@link #lines} but otherwise ignored. Pure.
 */
public record ClientEvents(Instant registered, Instant instructed, Instant established, Instant failed, int attempts,
                           List<String> lines) {

    public static final ClientEvents NONE = new ClientEvents(null, null, null, null, 0, List.of());

    public static ClientEvents parse(String stderr) {
        if (stderr == null || stderr.isBlank()) return NONE;
        Instant registered = null, instructed = null, established = null, failed = null;
        int attempts = 0;
        List<String> lines = new ArrayList<>();
        for (String line : stderr.strip().split("\\R")) {
            lines.add(line);
            String[] parts = line.strip().split(" ", 3);
            if (parts.length < 2) continue;
            Instant at;
            try {
                at = Instant.parse(parts[0]);
            } catch (DateTimeParseException e) {
                continue;
            }
            switch (parts[1]) {
                case "registered" -> registered = first(registered, at);
                case "instructed" -> instructed = first(instructed, at);
                case "established" -> established = first(established, at);
                case "failed" -> failed = first(failed, at);
                case "attempt" -> attempts++;
                default -> { }
            }
        }
        return new ClientEvents(registered, instructed, established, failed, attempts, List.copyOf(lines));
    }

    /** The furthest stage the log shows, for a client that was launched. */
    public ClientStage stage() {
        if (established != null) return ClientStage.ESTABLISHED;
        if (instructed != null) return ClientStage.INSTRUCTED;
        if (registered != null) return ClientStage.REGISTERED;
        return ClientStage.STARTED;
    }

    private static Instant first(Instant seen, Instant at) { return seen != null ? seen : at; }
}
