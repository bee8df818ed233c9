package io.natlab.cli;

import io.natlab.scenario.run.Progress;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Notices Ctrl-C (or SIGTERM) during a run. The labs remove themselves in their own shutdown hooks; meanwhile the
 * run's threads see containers vanish and would report those as trial errors and write a misleading report. This
 * says once that the run was interrupted, and mutes the progress and the report from then on.
 */
final class InterruptWatch implements AutoCloseable {
    private final AtomicBoolean interrupted = new AtomicBoolean();
    private final Thread hook;

    InterruptWatch(PrintWriter err) {
        hook = new Thread(() -> interrupt(err), "natlab-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** What the shutdown hook does. */
    void interrupt(PrintWriter err) {
        interrupted.set(true);
        err.println("run: interrupted; removing the labs' containers and networks");
        err.flush();
    }

    boolean interrupted() { return interrupted.get(); }

    /**
     * {@code progress} until an interrupt, silence after it. A proxy, so every {@link Progress} method is covered,
     * also ones added later (all return void).
     */
    Progress mute(Progress progress) {
        return (Progress) Proxy.newProxyInstance(Progress.class.getClassLoader(), new Class<?>[] {Progress.class},
            (proxy, method, args) -> {
                if (method.getDeclaringClass() != Object.class && interrupted()) return null;
                try {
                    return method.invoke(progress, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
    }

    /** The run ended by itself: a later exit is not an interrupt. */
    @Override public void close() {
        try { Runtime.getRuntime().removeShutdownHook(hook); } catch (IllegalStateException shuttingDown) { /* interrupted */ }
    }
}
