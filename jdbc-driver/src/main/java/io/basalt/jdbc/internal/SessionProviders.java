package io.basalt.jdbc.internal;

import io.basalt.common.client.SessionProvider;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the engine for a URL among the {@link SessionProvider}s registered with
 * {@link ServiceLoader}, in the thread context class loader and the driver's own.
 *
 * <p>The providers found are cached so that a connect does not scan the class path. A URL that no
 * cached provider accepts triggers one rescan, because an application server may make a provider
 * visible (through a new context class loader) after the first connect.
 */
final class SessionProviders {
    private static final Object SCAN_LOCK = new Object();
    /** Copy-on-write; replaced whole under SCAN_LOCK. At most one provider per class. */
    private static volatile List<SessionProvider> cached = List.of();

    private SessionProviders() {
    }

    static SessionProvider forUrl(String url) throws SQLException {
        SessionProvider found = accepting(cached, url);
        if (found != null) {
            return found;
        }
        Throwable broken;
        synchronized (SCAN_LOCK) {
            List<SessionProvider> providers = new ArrayList<>(cached);
            broken = scan(Thread.currentThread().getContextClassLoader(), providers);
            Throwable own = scan(SessionProviders.class.getClassLoader(), providers);
            broken = broken != null ? broken : own;
            cached = List.copyOf(providers);
        }
        found = accepting(cached, url);
        if (found == null) {
            throw JdbcErrors.noEngine(url, broken);
        }
        return found;
    }

    private static SessionProvider accepting(List<SessionProvider> providers, String url) throws SQLException {
        for (SessionProvider provider : providers) {
            if (JdbcErrors.call(() -> provider.acceptsUrl(url))) {
                return provider;
            }
        }
        return null;
    }

    /**
     * Adds the providers {@code loader} sees that are not yet in {@code providers}. A provider that
     * fails to load is skipped, so that one broken jar does not hide the others; the error is
     * returned and becomes the cause of the "no engine" error if no provider accepts the URL.
     */
    private static Throwable scan(ClassLoader loader, List<SessionProvider> providers) {
        if (loader == null) {
            return null;
        }
        Throwable broken = null;
        Iterator<SessionProvider> it = ServiceLoader.load(SessionProvider.class, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    return broken;
                }
                SessionProvider provider = it.next();
                if (providers.stream().noneMatch(p -> p.getClass() == provider.getClass())) {
                    providers.add(provider);
                }
            } catch (ServiceConfigurationError e) {
                broken = e;
            }
        }
    }
}
