package io.natlab.punch.protocol;

import io.natlab.punch.Endpoint;
import java.util.Objects;

/** A registered client as the server describes it: its id, the endpoint the server saw, the one it reported. */
public record PeerInfo(String id, Endpoint publicEndpoint, Endpoint privateEndpoint) {
    public PeerInfo {
        Protocol.requireValidId(id, "id");
        Objects.requireNonNull(publicEndpoint, "publicEndpoint");
        Objects.requireNonNull(privateEndpoint, "privateEndpoint");
    }
}
