package io.natlab.punch.client;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Names connect outcomes ({@code refused}, {@code busy}, ...) and counts them for the failure message. */
final class AttemptResults {
    private final Map<String, AtomicInteger> results = new ConcurrentHashMap<>();

    /** Maps connect errors to short result names; ICMP port unreachable also reads "Connection refused". */
    static String classify(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof ConnectException && message.contains("refused")) {
            return "refused";
        }
        if (e instanceof NoRouteToHostException || message.contains("unreachable")) {
            return "unreachable";
        }
        if (e instanceof BindException || message.contains("Cannot assign requested address")
                || message.contains("Address already in use")) {
            return "busy"; // the 4-tuple is taken, usually by a stream our listener already accepted
        }
        return "error: " + describe(e);
    }

    static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    void count(String result) {
        String key = result.startsWith("error") ? "error" : result;
        results.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    String summary() {
        Map<String, Integer> copy = new LinkedHashMap<>();
        results.forEach((k, v) -> copy.put(k, v.get()));
        return copy.isEmpty() ? "none completed" : copy.toString().replaceAll("[{}]", "");
    }

}
