package io.natlab.punch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointTest {
    @Test
    void parsesAndPrintsIpv4() {
        Endpoint e = Endpoint.parse("198.18.0.3:40000");
        assertThat(e.port()).isEqualTo(40000);
        assertThat(e.toString()).isEqualTo("198.18.0.3:40000");
    }

    @Test
    void parsesAndPrintsIpv6InBrackets() {
        Endpoint e = Endpoint.parse("[::1]:7000");
        assertThat(e.port()).isEqualTo(7000);
        assertThat(e.toString()).isEqualTo("[0:0:0:0:0:0:0:1]:7000");
        assertThat(Endpoint.parse(e.toString())).isEqualTo(e);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3.4", "1.2.3.4:", ":80", "1.2.3.4:65536", "1.2.3.4:-1", "1.2.3.4:8a",
            "example.org:80", "1.2.3:80", "256.1.1.1:80", "::1:80", "[1.2.3.4]:80"})
    void rejectsBadEndpoints(String text) {
        assertThatThrownBy(() -> Endpoint.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
