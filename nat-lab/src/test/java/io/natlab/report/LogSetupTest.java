package io.natlab.report;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class LogSetupTest {
    private String saved;

    @BeforeEach void save() { saved = System.clearProperty(LogSetup.LOG_FILE); }

    @AfterEach void restore() {
        if (saved == null) System.clearProperty(LogSetup.LOG_FILE); else System.setProperty(LogSetup.LOG_FILE, saved);
    }

    @Test
    void pointsTheLogAtAFileAndCreatesItsDirectory(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("report/natlab.log");
        assertThat(LogSetup.toFile(log)).isEqualTo(log.toAbsolutePath().toString());
        assertThat(log.getParent()).isDirectory();
        assertThat(System.getProperty(LogSetup.LOG_FILE)).isEqualTo(log.toAbsolutePath().toString());
    }

    @Test
    void theUsersChoiceWins(@TempDir Path dir) throws Exception {
        System.setProperty(LogSetup.LOG_FILE, "System.err");
        assertThat(LogSetup.toFile(dir.resolve("x.log"))).isEqualTo("System.err");
        assertThat(dir.resolve("x.log")).doesNotExist();
    }

    @Test
    void classpathDefaultsKeepDockerNoiseOutOfTheConsole() throws Exception {
        Properties p = new Properties();
        try (InputStream in = LogSetupTest.class.getResourceAsStream("/simplelogger.properties")) {
            p.load(in);
        }
        assertThat(p.getProperty("org.slf4j.simpleLogger.logFile")).startsWith("target/");
        assertThat(p.getProperty("org.slf4j.simpleLogger.log.org.testcontainers")).isEqualTo("warn");
        assertThat(p.getProperty("org.slf4j.simpleLogger.log.com.github.dockerjava")).isEqualTo("warn");
    }
}
