package io.basalt.jdbc.internal;

import io.basalt.common.client.Session;
import io.basalt.common.client.SessionProvider;
import io.basalt.common.error.BasaltException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The engine the driver's tests talk to, found through the same ServiceLoader seam as the real one
 * (registered in src/test/resources/META-INF/services). It accepts {@code jdbc:basalt:fake:} URLs and
 * remembers every session it opened, so a test can script and inspect the session behind its connection.
 */
public final class FakeSessionProvider implements SessionProvider {
    public static final String URL_PREFIX = "jdbc:basalt:fake:";

    private static final List<FakeSession> OPENED = new CopyOnWriteArrayList<>();
    private static volatile BasaltException nextOpenFailure;

    @Override
    public boolean acceptsUrl(String url) {
        return url.startsWith(URL_PREFIX);
    }

    @Override
    public Session open(String url, Properties properties) {
        BasaltException failure = nextOpenFailure;
        if (failure != null) {
            nextOpenFailure = null;
            throw failure;
        }
        FakeSession session = new FakeSession(url, properties);
        OPENED.add(session);
        return session;
    }

    /** The session behind the connection opened last. */
    public static FakeSession lastOpened() {
        return OPENED.get(OPENED.size() - 1);
    }

    /** Makes the next open fail with {@code failure}, as an engine refusing a connection does. */
    public static void failNextOpen(BasaltException failure) {
        nextOpenFailure = failure;
    }
}
