package io.natlab.punch.server;

import io.natlab.punch.protocol.Protocol;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-id delays of the START frame, read from a file the lab writes before a trial (start skew: the peer whose
 * START is delayed starts punching that much later). One {@code ID DELAY_MS} per line; blank lines and lines starting
 * with {@code #} are ignored. Ids follow the protocol's id rule; delays are whole milliseconds 0..{@link #MAX_MS}.
 * A missing file means no delays. Clients see nothing but timing: the frames are the same.
 */
public final class StartDelays {
    public static final long MAX_MS = 60_000;
    /** A lab file holds one trial's two lines; this bound keeps a wrong path from being read whole. */
    static final long MAX_FILE_BYTES = 64 * 1024;

    private final Map<String, Long> byId;

    private StartDelays(Map<String, Long> byId) {
        this.byId = Map.copyOf(byId);
    }

    public static final StartDelays NONE = new StartDelays(Map.of());

    /** The delay for {@code id} in ms, 0 when none is listed. */
    public long delayMs(String id) {
        return byId.getOrDefault(id, 0L);
    }

    /** Parses file text; throws {@link IllegalArgumentException} naming {@code source}, the line and the problem. */
    public static StartDelays parse(String text, String source) {
        Map<String, Long> out = new HashMap<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = source + ":" + (i + 1) + ": ";
            String[] words = line.split("\\s+");
            if (words.length != 2) {
                throw new IllegalArgumentException(where + "expected 'ID DELAY_MS', got " + words.length + " words");
            }
            if (!Protocol.isValidId(words[0])) {
                throw new IllegalArgumentException(where + "id must be 1-64 of A-Z a-z 0-9 . _ -");
            }
            long ms;
            try {
                ms = Long.parseLong(words[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + "delay must be whole milliseconds, got '" + words[1] + "'");
            }
            if (ms < 0 || ms > MAX_MS) {
                throw new IllegalArgumentException(where + "delay must be 0.." + MAX_MS + " ms, got " + ms);
            }
            if (out.put(words[0], ms) != null) {
                throw new IllegalArgumentException(where + "id '" + words[0] + "' is listed twice");
            }
        }
        return new StartDelays(out);
    }

    /** Reads {@code file} now (the lab rewrites it between trials); a missing file is {@link #NONE}. */
    public static StartDelays read(Path file) throws IOException {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new IllegalArgumentException(file + ": larger than " + MAX_FILE_BYTES + " bytes");
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (NoSuchFileException e) {
            return NONE;
        }
    }
}
