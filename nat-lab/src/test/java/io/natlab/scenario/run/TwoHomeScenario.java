package io.natlab.scenario.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the small scenario the runner tests use: alice behind a port-restricted cone, bob behind {@code natB}. */
final class TwoHomeScenario {
    private TwoHomeScenario() {}

    static Path write(Path dir, String name, String natB, String expect, int trials) throws IOException {
        Path f = dir.resolve(name + ".yaml");
        Files.writeString(f, """
            description: test scenario
            topology:
              sites:
                - name: home-a
                  nat: port-restricted-cone
                  peers: [alice]
                - name: home-b
                  nat: %s
                  peers: [bob]
            punches:
              - peers: [alice, bob]
                expect: %s
            trials: %d
            echo-bytes: 1024
            """.formatted(natB, expect, trials));
        return f;
    }
}
