/*
 * natlab-delay: holds every packet of one NFQUEUE queue for a fixed delay plus jitter, then accepts it.
 *
 * The lab's userspace stand-in for netem on kernels without sch_netem. One process per queue (= per direction).
 * Delay of each packet: latency + U(-jitter, +jitter), uniform, drawn per packet (netem's default distribution);
 * jitter must not exceed latency. With jitter 0 packets leave in arrival order (a FIFO, verdicts batched); with
 * jitter they may overtake each other, as with netem. Nothing is dropped here: the kernel queue is made large and
 * a socket overrun (ENOBUFS: the kernel dropped packets because we were too slow) is counted, logged and makes
 * the process exit non-zero, so a lab never runs silently without its delay.
 *
 * Single thread: poll() on the netlink socket with a timeout equal to the time until the next release.
 *
 * usage: natlab-delay --queue N --delay-us D [--jitter-us J] [--seed S] [--max-queue N] [--stats-file F]
 * Prints "ready queue=N delay_us=D jitter_us=J" to stdout once the queue is bound.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <linux/netfilter.h>
#include <libnetfilter_queue/libnetfilter_queue.h>

struct held { uint64_t due_ns; uint64_t seq; uint32_t id; };

static struct held *heap;          /* min-heap by (due, seq) when jitter > 0; ring buffer when jitter == 0 */
static size_t cap, count, head;    /* head: ring start (FIFO mode) */
static uint64_t seq_no;
static uint64_t delay_ns, jitter_ns;
static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;
static uint64_t received, released, overruns, peak;
static volatile sig_atomic_t stop;
static struct nfq_q_handle *qh;

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

static uint64_t next_random(void) { /* xorshift64* */
    rng_state ^= rng_state >> 12; rng_state ^= rng_state << 25; rng_state ^= rng_state >> 27;
    return rng_state * 2685821657736338717ULL;
}

static uint64_t packet_delay(void) {
    if (jitter_ns == 0) return delay_ns;
    /* uniform in [delay - jitter, delay + jitter] */
    uint64_t span = 2 * jitter_ns + 1;
    return delay_ns - jitter_ns + next_random() % span;
}

static int before(const struct held *a, const struct held *b) {
    return a->due_ns < b->due_ns || (a->due_ns == b->due_ns && a->seq < b->seq);
}

static void grow(void) {
    size_t ncap = cap * 2;
    struct held *n = malloc(ncap * sizeof *n);
    if (!n) { perror("natlab-delay: malloc"); exit(3); }
    for (size_t i = 0; i < count; i++) n[i] = heap[jitter_ns ? i : (head + i) % cap];
    free(heap);
    heap = n; cap = ncap; head = 0;
}

static void push(struct held h) {
    if (count == cap) grow();
    if (jitter_ns == 0) {
        heap[(head + count) % cap] = h;
        count++;
    } else {
        size_t i = count++;
        heap[i] = h;
        while (i > 0) {
            size_t p = (i - 1) / 2;
            if (!before(&heap[i], &heap[p])) break;
            struct held t = heap[i]; heap[i] = heap[p]; heap[p] = t;
            i = p;
        }
    }
    if (count > peak) peak = count;
}

static const struct held *top(void) { return count ? &heap[jitter_ns ? 0 : head] : NULL; }

static void pop(void) {
    if (jitter_ns == 0) { head = (head + 1) % cap; count--; return; }
    heap[0] = heap[--count];
    size_t i = 0;
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < count && before(&heap[l], &heap[m])) m = l;
        if (r < count && before(&heap[r], &heap[m])) m = r;
        if (m == i) break;
        struct held t = heap[i]; heap[i] = heap[m]; heap[m] = t;
        i = m;
    }
}

/* Accepts every packet that is due. FIFO mode: one batch verdict covers all ids up to the last due one. */
static void release_due(uint64_t now) {
    uint32_t last = 0;
    int any = 0;
    while (count && top()->due_ns <= now) {
        if (jitter_ns == 0) { last = top()->id; any = 1; }
        else if (nfq_set_verdict(qh, top()->id, NF_ACCEPT, 0, NULL) < 0) perror("natlab-delay: verdict");
        pop();
        released++;
    }
    if (any && nfq_set_verdict_batch(qh, last, NF_ACCEPT) < 0) perror("natlab-delay: batch verdict");
}

static int on_packet(struct nfq_q_handle *q, struct nfgenmsg *msg, struct nfq_data *nfa, void *data) {
    (void)q; (void)msg; (void)data;
    struct nfqnl_msg_packet_hdr *ph = nfq_get_msg_packet_hdr(nfa);
    if (!ph) return 0;
    struct held h = { now_ns() + packet_delay(), seq_no++, ntohl(ph->packet_id) };
    received++;
    push(h);
    return 0;
}

static void on_signal(int s) { (void)s; stop = 1; }

static unsigned long long arg_num(const char *name, const char *v) {
    char *end;
    errno = 0;
    unsigned long long n = strtoull(v, &end, 10);
    if (errno || *end || !*v) { fprintf(stderr, "natlab-delay: %s: not a number: '%s'\n", name, v); exit(2); }
    return n;
}

static void write_stats(const char *file) {
    if (!file) return;
    FILE *f = fopen(file, "w");
    if (!f) return;
    fprintf(f, "received=%llu released=%llu held=%zu peak=%llu overruns=%llu\n", (unsigned long long)received,
            (unsigned long long)released, count, (unsigned long long)peak, (unsigned long long)overruns);
    fclose(f);
}

int main(int argc, char **argv) {
    long queue = -1;
    unsigned long long delay_us = 0, jitter_us = 0, max_queue = 65536;
    const char *stats = NULL;
    int seeded = 0;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--queue")) queue = (long)arg_num(argv[i], argv[i + 1]);
        else if (!strcmp(argv[i], "--delay-us")) delay_us = arg_num(argv[i], argv[i + 1]);
        else if (!strcmp(argv[i], "--jitter-us")) jitter_us = arg_num(argv[i], argv[i + 1]);
        else if (!strcmp(argv[i], "--seed")) { rng_state = arg_num(argv[i], argv[i + 1]) | 1; seeded = 1; }
        else if (!strcmp(argv[i], "--max-queue")) max_queue = arg_num(argv[i], argv[i + 1]);
        else if (!strcmp(argv[i], "--stats-file")) stats = argv[i + 1];
        else { fprintf(stderr, "natlab-delay: unknown option %s\n", argv[i]); return 2; }
    }
    if (argc % 2 == 0) { fprintf(stderr, "natlab-delay: every option takes a value\n"); return 2; }
    if (queue < 0 || queue > 65535) { fprintf(stderr, "natlab-delay: --queue 0..65535 is required\n"); return 2; }
    if (jitter_us > delay_us) { fprintf(stderr, "natlab-delay: --jitter-us must not exceed --delay-us\n"); return 2; }
    if (delay_us > 60000000ULL) { fprintf(stderr, "natlab-delay: --delay-us at most 60 s\n"); return 2; }
    delay_ns = delay_us * 1000ULL;
    /* each queue (direction) draws its own jitter: with one seed both directions would add the same delays */
    if (!seeded) rng_state = (now_ns() ^ ((uint64_t)queue << 48) ^ ((uint64_t)getpid() << 20)) | 1;
    jitter_ns = jitter_us * 1000ULL;

    cap = 4096;
    heap = malloc(cap * sizeof *heap);
    struct nfq_handle *h = nfq_open();
    if (!h) { perror("natlab-delay: nfq_open"); return 1; }
    if (nfq_bind_pf(h, AF_INET) < 0) { perror("natlab-delay: nfq_bind_pf"); return 1; }
    qh = nfq_create_queue(h, (uint16_t)queue, &on_packet, NULL);
    if (!qh) { perror("natlab-delay: nfq_create_queue (is another process bound to this queue?)"); return 1; }
    if (nfq_set_mode(qh, NFQNL_COPY_META, 0) < 0) { perror("natlab-delay: nfq_set_mode"); return 1; }
    if (nfq_set_queue_maxlen(qh, (uint32_t)max_queue) < 0) perror("natlab-delay: nfq_set_queue_maxlen");
    int fd = nfq_fd(h);
    /* room for a burst of queued-packet messages: metadata only, a few hundred bytes each */
    nfnl_rcvbufsiz(nfq_nfnlh(h), 64u << 20);

    signal(SIGTERM, on_signal);
    signal(SIGINT, on_signal);
    printf("ready queue=%ld delay_us=%llu jitter_us=%llu\n", queue, delay_us, jitter_us);
    fflush(stdout);

    char buf[65536] __attribute__((aligned));
    uint64_t last_stats = 0;
    while (!stop) {
        uint64_t now = now_ns();
        release_due(now);
        /* sleep until the next release (nanosecond timeout: poll()'s milliseconds would add up to 1 ms) */
        uint64_t wait = 1000000000ULL;
        if (count) { uint64_t due = top()->due_ns; wait = due > now ? due - now : 0; if (wait > 1000000000ULL) wait = 1000000000ULL; }
        if (stats && now - last_stats > 1000000000ULL) { write_stats(stats); last_stats = now; }
        struct timespec ts = { (time_t)(wait / 1000000000ULL), (long)(wait % 1000000000ULL) };
        struct pollfd p = { fd, POLLIN, 0 };
        int n = ppoll(&p, 1, &ts, NULL);
        if (n < 0) { if (errno == EINTR) continue; perror("natlab-delay: poll"); break; }
        if (n == 0) continue;
        for (;;) {
            ssize_t r = recv(fd, buf, sizeof buf, MSG_DONTWAIT);
            if (r < 0) {
                if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) break;
                if (errno == ENOBUFS) {
                    overruns++;
                    fprintf(stderr, "natlab-delay: queue %ld: socket overrun (packets lost), %llu so far\n",
                            queue, (unsigned long long)overruns);
                    continue;
                }
                perror("natlab-delay: recv");
                stop = 1;
                break;
            }
            nfq_handle_packet(h, buf, (int)r);
            release_due(now_ns());
        }
    }
    /* on exit, let everything held go now rather than dropping it */
    release_due(UINT64_MAX);
    write_stats(stats);
    nfq_destroy_queue(qh);
    nfq_close(h);
    return overruns ? 4 : 0;
}
