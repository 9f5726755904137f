package io.basalt.server.net;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one connection's tasks one at a time, in submission order, on a shared pool, so that engine
 * calls never run on a Netty event loop and never run concurrently for one session.
 *
 * <p>Invariants: (1) at most one task of this executor runs at any moment; (2) tasks run in the order
 * {@link #execute} was called; (3) a task that throws does not stop later ones (it is logged, since
 * tasks are expected to turn their own failures into answers).
 *
 * <p>Threading: {@link #execute} from any thread (event loops, scheduled tasks). The queue and
 * {@code scheduled} are guarded by {@code this}. A drain runs on a pool thread and takes tasks until
 * the queue is empty, then clears {@code scheduled} under the lock, so a task added concurrently
 * either is seen by the running drain or schedules a new one: never both, never neither.
 *
 * <p>Alternative considered: one thread per connection (simple, but 200 idle connections would hold
 * 200 threads); Netty's {@code EventExecutorGroup} for handlers (pins a connection to one of N threads,
 * so one slow statement delays unrelated connections on the same thread).
 */
final class SerialExecutor implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor pool;
    // Guarded by this.
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean scheduled;

    SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            tasks.add(task);
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        try {
            pool.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // The server is shutting down and its pool is closed: run the remaining tasks (closing
            // sessions) here rather than lose them; only shutdown gets here.
            drain();
        }
    }

    private void drain() {
        while (true) {
            Runnable task;
            synchronized (this) {
                task = tasks.poll();
                if (task == null) {
                    scheduled = false;
                    return;
                }
            }
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.error("Connection task failed", e);
            }
        }
    }
}
