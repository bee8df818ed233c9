package io.natlab.punch.bench;

import io.natlab.punch.Endpoint;
import io.natlab.punch.PunchResult;
import io.natlab.punch.Strategy;
import io.natlab.punch.client.PunchClient;
import io.natlab.punch.client.PunchConfig;
import io.natlab.punch.protocol.FrameReader;
import io.natlab.punch.protocol.Message;
import io.natlab.punch.protocol.MessageCodec;
import io.natlab.punch.server.RendezvousServer;
import io.natlab.punch.server.ServerConfig;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Prints loopback figures: time-to-punch p50/p99 against a naive 1 s retry loop measured in the same run,
 * pairings per second with N concurrent pairs, and server heap per registered client (measured in a child
 * JVM running the real server, so client-side objects do not count). Not a test: numbers depend on the host.
 *
 * <pre>java -cp punch-core/target/punch.jar:punch-core/target/test-classes io.natlab.punch.bench.PunchBenchmark [--sequential 200] ...</pre>
 */
@Command(name = "punch-benchmark", mixinStandardHelpOptions = true)
public final class PunchBenchmark implements Callable<Integer> {
    @Option(names = "--sequential", defaultValue = "200", description = "Pairs punched one after another.")
    int sequential;

    @Option(names = "--baseline", defaultValue = "50", description = "Pairs for the naive baseline (slow).")
    int baseline;

    @Option(names = "--concurrent", defaultValue = "200", description = "Pairs started at once.")
    int concurrent;

    @Option(names = "--rendezvous-pairs", defaultValue = "2000", description = "Pairs for the server-only rate.")
    int rendezvousPairs;

    @Option(names = "--heap-clients", defaultValue = "2000", description = "Clients registered for the heap figure.")
    int heapClients;

    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "bench");
        t.setDaemon(true);
        return t;
    });

    public static void main(String[] args) {
        System.exit(new CommandLine(new PunchBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        System.out.printf(Locale.ROOT, "punch-core benchmark on loopback, %d CPUs, Java %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        try (RendezvousServer server = new RendezvousServer(
                ServerConfig.defaults(new InetSocketAddress("127.0.0.1", 0)), null).start()) {
            InetSocketAddress address = server.localAddress();
            punchSequential(address, 20, Strategy.LISTEN_CONNECT, "warm-up");
            double[] lc = punchSequential(address, sequential, Strategy.LISTEN_CONNECT, "p0");
            double[] co = punchSequential(address, Math.max(1, sequential / 4), Strategy.CONNECT_ONLY, "p1");
            double[] naive = naiveSequential(address, baseline);
            System.out.println();
            System.out.println("time to punch (start instruction -> stream), ms, both sides of every pair:");
            row("punch-core listen-connect", lc);
            row("punch-core connect-only", co);
            row("naive 1 s retry baseline", naive);

            System.out.println();
            double pairsPerSecond = concurrentPairs(address, concurrent);
            System.out.printf(Locale.ROOT, "%d concurrent pairs (full punch + 1 KiB echo each way): %.1f pairings/s%n",
                    concurrent, pairsPerSecond);
            double serverRate = rendezvousOnly(address, rendezvousPairs);
            System.out.printf(Locale.ROOT, "%d pairs through the server only (REGISTER, CONNECT, START): %.0f pairings/s%n",
                    rendezvousPairs, serverRate);
        }
        System.out.println();
        heapPerClient(heapClients);
        return 0;
    }

    private double[] punchSequential(InetSocketAddress server, int pairs, Strategy strategy, String prefix)
            throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            PunchResult[] r = pair(server, prefix + "-" + i, strategy);
            for (PunchResult x : r) {
                if (!x.isDirect()) {
                    throw new IllegalStateException("punch failed: " + x.error());
                }
                times.add(x.elapsedMs());
            }
        }
        return times.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private PunchResult[] pair(InetSocketAddress server, String name, Strategy strategy) throws Exception {
        PunchConfig a = PunchConfig.of(server, name + "a", name + "b").withStrategy(strategy)
                .withTimeout(Duration.ofSeconds(30));
        PunchConfig b = PunchConfig.of(server, name + "b", name + "a").withStrategy(strategy)
                .withTimeout(Duration.ofSeconds(30));
        CompletableFuture<PunchResult> fa = CompletableFuture.supplyAsync(() -> new PunchClient(a, null).punch(), pool);
        PunchResult rb = new PunchClient(b, null).punch();
        return new PunchResult[] {fa.get(60, TimeUnit.SECONDS), rb};
    }

    private double[] naiveSequential(InetSocketAddress server, int pairs) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            String a = "n" + i + "a";
            String b = "n" + i + "b";
            CompletableFuture<Double> fa = CompletableFuture.supplyAsync(() -> {
                try {
                    return NaiveClient.punch(server, a, b, 30_000);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, pool);
            times.add(NaiveClient.punch(server, b, a, 30_000));
            times.add(fa.get(60, TimeUnit.SECONDS));
        }
        return times.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private double concurrentPairs(InetSocketAddress server, int pairs) throws Exception {
        ExecutorService many = Executors.newFixedThreadPool(2 * pairs);
        try {
            List<CompletableFuture<PunchResult>> all = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < pairs; i++) {
                for (String[] ids : new String[][] {{"c" + i + "a", "c" + i + "b"}, {"c" + i + "b", "c" + i + "a"}}) {
                    PunchConfig c = PunchConfig.of(server, ids[0], ids[1]).withTimeout(Duration.ofSeconds(60))
                            .withEchoBytes(1024);
                    all.add(CompletableFuture.supplyAsync(() -> new PunchClient(c, null).punch(), many));
                }
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long failed = all.stream().map(CompletableFuture::join).filter(r -> !r.isDirect()).count();
            if (failed > 0) {
                System.out.println("  (" + failed + " clients failed)");
            }
            return pairs / seconds;
        } finally {
            many.shutdownNow();
        }
    }

    /** Server throughput alone: all clients registered first, then every pair asks at once. */
    private static double rendezvousOnly(InetSocketAddress server, int pairs) throws Exception {
        List<Socket> sockets = new ArrayList<>();
        List<FrameReader> readers = new ArrayList<>();
        try {
            for (int i = 0; i < 2 * pairs; i++) {
                Socket s = new Socket();
                s.setSoLinger(true, 0);
                s.connect(server);
                sockets.add(s);
                readers.add(new FrameReader(new BufferedInputStream(s.getInputStream())));
                s.getOutputStream().write(MessageCodec.encode(new Message.Register("r" + i, null,
                        new Endpoint(s.getLocalAddress(), s.getLocalPort()))));
            }
            for (FrameReader r : readers) {
                r.read();
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < 2 * pairs; i++) {
                int peer = i % 2 == 0 ? i + 1 : i - 1;
                sockets.get(i).getOutputStream().write(MessageCodec.encode(new Message.Connect("r" + peer)));
            }
            for (FrameReader r : readers) {
                if (!(r.read() instanceof Message.Start)) {
                    throw new IllegalStateException("expected START");
                }
            }
            return pairs / ((System.nanoTime() - t0) / 1e9);
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    /** Runs the real server CLI in a child JVM and measures its live heap with jcmd before and after. */
    private static void heapPerClient(int clients) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            System.out.println("server heap per registered client: n/a (jcmd not found; needs a JDK)");
            return;
        }
        Process child = new ProcessBuilder(java.toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "io.natlab.punch.cli.PunchCli", "server", "--bind", "127.0.0.1", "--port", "0").start();
        List<Socket> sockets = new ArrayList<>();
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8));
            Matcher m = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)").matcher(err.readLine());
            if (!m.find()) {
                throw new IllegalStateException("server did not start");
            }
            InetSocketAddress server = new InetSocketAddress("127.0.0.1", Integer.parseInt(m.group(1)));
            Thread drain = new Thread(() -> {
                try {
                    while (err.readLine() != null) {
                        // the server logs a line per event; we only need it not to block
                    }
                } catch (IOException ignored) {
                    // child ended
                }
            });
            drain.setDaemon(true);
            drain.start();
            // Warm the server's code paths so class loading is not counted as per-client memory.
            registerClients(server, 50, "warm", new ArrayList<>());
            long before = liveHeap(jcmd, child.pid());
            registerClients(server, clients, "h", sockets);
            long after = liveHeap(jcmd, child.pid());
            System.out.printf(Locale.ROOT, "server heap per registered client: %.0f bytes (%d clients, live heap %.1f MiB -> %.1f MiB)%n",
                    (after - before) / (double) clients, clients, before / 1048576.0, after / 1048576.0);
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
            child.destroy();
            child.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static void registerClients(InetSocketAddress server, int n, String prefix, List<Socket> keep)
            throws Exception {
        List<Socket> opened = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Socket s = new Socket();
            s.setSoLinger(true, 0);
            s.connect(server);
            s.getOutputStream().write(MessageCodec.encode(new Message.Register(prefix + i, null,
                    new Endpoint(s.getLocalAddress(), s.getLocalPort()))));
            opened.add(s);
        }
        for (Socket s : opened) {
            new FrameReader(new BufferedInputStream(s.getInputStream())).read();
        }
        if (keep != null && !prefix.equals("warm")) {
            keep.addAll(opened);
        } else {
            for (Socket s : opened) {
                s.close();
            }
        }
    }

    /** Bytes of live objects: jcmd's class histogram runs a full GC first. */
    private static long liveHeap(Path jcmd, long pid) throws Exception {
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram").start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        Matcher m = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("unexpected jcmd output: " + out.lines().findFirst().orElse(""));
        }
        return Long.parseLong(m.group(1));
    }

    private static void row(String name, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "  %-28s n=%-4d p50=%8.2f  p99=%8.2f  max=%8.2f%n", name, s.length,
                percentile(s, 50), percentile(s, 99), s[s.length - 1]);
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
