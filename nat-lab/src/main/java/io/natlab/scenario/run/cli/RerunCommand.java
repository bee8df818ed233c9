package io.natlab.scenario.run.cli;

import io.natlab.punch.Printable;
import io.natlab.nat.ShellScript;

import java.nio.file.Path;

/** The commands that rerun just one scenario file, in Maven and in jar form. */
public final class RerunCommand {
    private RerunCommand() {}

    public static String maven(Path scenarioFile) {
        return "mvn -B verify -pl nat-lab -am -Dit.test=ScenarioSuiteIT -Dnatlab.scenarios=" + quote(scenarioFile);
    }

    public static String jar(Path scenarioFile) {
        return "java -jar nat-lab/target/nat-lab.jar run " + quote(scenarioFile);
    }

    /** A shell script running from the repository root. */
    public static String script(Path scenarioFile, Path repoRoot) {
        return "#!/bin/sh\n"
            + "# Reruns just " + Printable.escape(String.valueOf(scenarioFile.getFileName()))
            + ". On hosts without a registry also export\n"
            + "# TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=localhost TESTCONTAINERS_CHECKS_DISABLE=true\n"
            + "set -e\n"
            + "cd " + quote(repoRoot) + "\n"
            + "if [ \"$1\" = jar ]; then\n"
            + "  exec " + jar(scenarioFile) + "\n"
            + "fi\n"
            + "exec " + maven(scenarioFile) + "\n";
    }

    /** Single-quoted unless plainly safe: nothing inside single quotes is special to sh, newlines included. */
    static String quote(Path p) {
        return ShellScript.quote(p.toAbsolutePath().normalize().toString());
    }
}
