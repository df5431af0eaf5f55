package dk.laeringsledelse.app.axon;

import java.util.concurrent.ThreadPoolExecutor;
import org.axonframework.messaging.timeout.AxonTaskJanitor;

/**
 * Axon's handler timeouts are watched by one JVM-wide thread, {@code axon-janitor-0}, which Axon never stops, and
 * which is a daemon only if the thread that first needs it is one (a new thread inherits that from its creator).
 * Made by a command handled on the main thread, it would keep a JVM alive after the application has closed, as after
 * a failed start. It only watches work in progress, so it must never do that: this starts it from a daemon thread.
 */
public final class DaemonJanitor {

    private DaemonJanitor() {
    }

    /** Before Axon handles anything; does nothing if the janitor thread is already running. */
    public static void start() {
        if (!(AxonTaskJanitor.INSTANCE instanceof ThreadPoolExecutor janitor)) {
            return;
        }
        Thread starter = new Thread(janitor::prestartCoreThread, "axon-janitor-starter");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
