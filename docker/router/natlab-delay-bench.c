/*
 * natlab-delay-bench: UDP load and latency probe for benchmarking natlab-delay (docker/bench-delay.sh).
 *
 *   natlab-delay-bench sink PORT SECONDS            receive; print count, loss, reordering, one-way delay stats
 *   natlab-delay-bench send HOST PORT RATE SECONDS  send RATE packets/s (64-byte payload) for SECONDS
 *   natlab-delay-bench echo PORT                    reflect every datagram back to its sender
 *   natlab-delay-bench ping HOST PORT COUNT GAP_MS  COUNT round trips GAP_MS apart; print RTT stats
 *
 * Containers share the host kernel, so CLOCK_MONOTONIC stamps from the sender are comparable at the sink.
 * Lab-only tool: it sends only to the address it is given.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <math.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

struct probe { uint64_t seq, sent_ns; char pad[48]; };

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void stats(const char *what, double *v, size_t n) {
    if (!n) { printf("%s n=0\n", what); return; }
    qsort(v, n, sizeof *v, cmp_double);
    double sum = 0, sq = 0;
    for (size_t i = 0; i < n; i++) { sum += v[i]; sq += v[i] * v[i]; }
    double mean = sum / n, sd = sqrt(sq / n - mean * mean > 0 ? sq / n - mean * mean : 0);
    printf("%s n=%zu min=%.3f p50=%.3f p99=%.3f max=%.3f mean=%.3f sd=%.3f (ms)\n", what, n, v[0], v[n / 2],
           v[(size_t)(0.99 * (n - 1))], v[n - 1], mean, sd);
}

static struct sockaddr_in addr(const char *host, const char *port) {
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((uint16_t)atoi(port));
    if (host && inet_pton(AF_INET, host, &a.sin_addr) != 1) { fprintf(stderr, "bad address %s\n", host); exit(2); }
    return a;
}

static int udp(void) {
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    int big = 32 << 20;
    setsockopt(s, SOL_SOCKET, SO_RCVBUFFORCE, &big, sizeof big);
    setsockopt(s, SOL_SOCKET, SO_SNDBUFFORCE, &big, sizeof big);
    return s;
}

static int sink(const char *port, int seconds) {
    int s = udp();
    struct sockaddr_in a = addr(NULL, port);
    if (bind(s, (struct sockaddr *)&a, sizeof a) < 0) { perror("bind"); return 1; }
    struct timeval tv = { 1, 0 };
    setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    size_t cap = 1 << 20, n = 0;
    double *d = malloc(cap * sizeof *d);
    uint64_t max_seq = 0, reordered = 0, end = 0;
    int got_any = 0;
    for (;;) {
        struct probe p;
        ssize_t r = recv(s, &p, sizeof p, 0);
        uint64_t t = now_ns();
        if (end && t > end) break;
        if (r < 0) { if (got_any) break; continue; } /* 1 s silence after traffic: done */
        if (!got_any) { got_any = 1; end = t + (uint64_t)seconds * 1000000000ULL; }
        if (n == cap) { cap *= 2; d = realloc(d, cap * sizeof *d); }
        d[n++] = (t - p.sent_ns) / 1e6;
        if (p.seq < max_seq) reordered++; else max_seq = p.seq;
    }
    printf("received=%zu lost=%lld reordered=%llu\n", n, (long long)(max_seq + 1) - (long long)n, (unsigned long long)reordered);
    stats("one-way", d, n);
    return 0;
}

static int send_load(const char *host, const char *port, long rate, int seconds) {
    int s = udp();
    struct sockaddr_in a = addr(host, port);
    if (connect(s, (struct sockaddr *)&a, sizeof a) < 0) { perror("connect"); return 1; }
    uint64_t start = now_ns(), total = (uint64_t)rate * seconds, sent = 0, errors = 0;
    struct probe p;
    memset(&p, 0, sizeof p);
    while (sent < total) {
        uint64_t due = start + sent * 1000000000ULL / rate, t = now_ns();
        if (due > t) {
            struct timespec ts = { 0, (long)(due - t) };
            if (due - t > 50000) nanosleep(&ts, NULL);
            continue;
        }
        p.seq = sent;
        p.sent_ns = now_ns();
        if (send(s, &p, sizeof p, 0) < 0) errors++;
        sent++;
    }
    double took = (now_ns() - start) / 1e9;
    printf("sent=%llu errors=%llu rate=%.0f/s\n", (unsigned long long)sent, (unsigned long long)errors, sent / took);
    return 0;
}

static int echo(const char *port) {
    int s = udp();
    struct sockaddr_in a = addr(NULL, port);
    if (bind(s, (struct sockaddr *)&a, sizeof a) < 0) { perror("bind"); return 1; }
    char buf[2048];
    for (;;) {
        struct sockaddr_in from;
        socklen_t fl = sizeof from;
        ssize_t r = recvfrom(s, buf, sizeof buf, 0, (struct sockaddr *)&from, &fl);
        if (r > 0) sendto(s, buf, (size_t)r, 0, (struct sockaddr *)&from, fl);
    }
}

static int ping(const char *host, const char *port, int count, int gap_ms) {
    int s = udp();
    struct sockaddr_in a = addr(host, port);
    if (connect(s, (struct sockaddr *)&a, sizeof a) < 0) { perror("connect"); return 1; }
    struct timeval tv = { 3, 0 };
    setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    double *rtt = malloc((size_t)count * sizeof *rtt);
    int n = 0;
    for (int i = 0; i < count; i++) {
        struct probe p = { (uint64_t)i, now_ns(), {0} }, q;
        send(s, &p, sizeof p, 0);
        for (;;) {
            ssize_t r = recv(s, &q, sizeof q, 0);
            if (r < 0) break;
            if (q.seq == (uint64_t)i) { rtt[n++] = (now_ns() - q.sent_ns) / 1e6; break; }
        }
        usleep((useconds_t)gap_ms * 1000);
    }
    printf("answered=%d of %d\n", n, count);
    stats("rtt", rtt, (size_t)n);
    return 0;
}

int main(int argc, char **argv) {
    if (argc == 4 && !strcmp(argv[1], "sink")) return sink(argv[2], atoi(argv[3]));
    if (argc == 6 && !strcmp(argv[1], "send")) return send_load(argv[2], argv[3], atol(argv[4]), atoi(argv[5]));
    if (argc == 3 && !strcmp(argv[1], "echo")) return echo(argv[2]);
    if (argc == 6 && !strcmp(argv[1], "ping")) return ping(argv[2], argv[3], atoi(argv[4]), atoi(argv[5]));
    fprintf(stderr, "usage: natlab-delay-bench sink PORT SECONDS | send HOST PORT RATE SECONDS | echo PORT | ping HOST PORT COUNT GAP_MS\n");
    return 2;
}
