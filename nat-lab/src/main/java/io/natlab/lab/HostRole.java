package io.natlab.lab;

/** What a lab container is for. */
public enum HostRole { ROUTER, PEER, PUBLIC_PEER, RENDEZVOUS }
