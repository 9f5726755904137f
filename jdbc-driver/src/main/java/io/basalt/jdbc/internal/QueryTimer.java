package io.basalt.jdbc.internal;

import io.basalt.common.client.Session;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code Statement.setQueryTimeout}: a timer per execution that cancels the session's running
 * statement ({@link Session#cancel}, reason {@code STATEMENT_TIMEOUT}: 57014 "canceling statement
 * due to statement timeout") when it fires before the execution returns.
 *
 * <p>Invariant: once {@link Armed#disarm()} has returned, this timer sends no cancel any more. A cancel
 * that is on its way when the statement ends is waited for, so it can only reach the statement it was
 * meant for (or none), never the caller's next statement. This is the race pgjdbc guards with its
 * cancel-state machine.
 *
 * <p>Threading: one daemon thread for all connections of the JVM runs the cancels; a remote cancel
 * opens a connection, so a server that does not answer delays the other timeouts by at most its
 * connect timeout. The state of one timer is an {@link AtomicInteger}: ARMED → FIRING → DONE (the
 * timer thread) or ARMED → DISARMED (the statement's thread); whoever moves it off ARMED decides.
 *
 * <p>Alternative considered: a server-side deadline sent with every request; it would need a new
 * field in Query, Execute and both batch messages and would not cover the embedded engine, which the
 * same JDBC classes drive.
 */
final class QueryTimer {
    private static final Logger LOG = Logger.getLogger(QueryTimer.class.getName());
    private static final int ARMED = 0;
    private static final int FIRING = 1;
    private static final int DONE = 2;
    private static final int DISARMED = 3;

    private static final class Holder {
        static final ScheduledThreadPoolExecutor TIMER = timer();

        private static ScheduledThreadPoolExecutor timer() {
            ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread thread = new Thread(runnable, "basalt-jdbc-query-timeout");
                thread.setDaemon(true);
                return thread;
            });
            timer.setRemoveOnCancelPolicy(true); // a disarmed timer of a fast statement must not linger
            return timer;
        }
    }

    private QueryTimer() {
    }

    /** A running timer; {@link #disarm} it when the execution returns. */
    static final class Armed {
        private final AtomicInteger state = new AtomicInteger(ARMED);
        private volatile ScheduledFuture<?> future;

        private void fire(Session session) {
            if (!state.compareAndSet(ARMED, FIRING)) {
                return;
            }
            try {
                session.cancel(Session.CancelReason.STATEMENT_TIMEOUT);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Cancelling a timed-out statement failed", e);
            } finally {
                synchronized (this) {
                    state.set(DONE);
                    notifyAll();
                }
            }
        }

        /** Stops the timer; if its cancel is being sent right now, waits until it was. */
        void disarm() {
            if (state.compareAndSet(ARMED, DISARMED)) {
                future.cancel(false);
                return;
            }
            boolean interrupted = false;
            synchronized (this) {
                while (state.get() == FIRING) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Cancels {@code session}'s running statement in {@code seconds} unless disarmed first. */
    static Armed arm(Session session, int seconds) {
        Armed armed = new Armed();
        armed.future = Holder.TIMER.schedule(() -> armed.fire(session), seconds, TimeUnit.SECONDS);
        return armed;
    }
}
