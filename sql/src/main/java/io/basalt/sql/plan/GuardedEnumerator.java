package io.basalt.sql.plan;

import org.apache.calcite.linq4j.Enumerator;

/** An enumerator over generated code that turns class-initialisation errors into exceptions (see {@link GeneratedCodeFailure}). */
final class GuardedEnumerator implements Enumerator<Object> {
    private final Enumerator<Object> delegate;

    GuardedEnumerator(Enumerator<Object> delegate) {
        this.delegate = delegate;
    }

    @Override
    public Object current() {
        try {
            return delegate.current();
        } catch (ExceptionInInitializerError | NoClassDefFoundError e) {
            throw new GeneratedCodeFailure(e);
        }
    }

    @Override
    public boolean moveNext() {
        try {
            return delegate.moveNext();
        } catch (ExceptionInInitializerError | NoClassDefFoundError e) {
            throw new GeneratedCodeFailure(e);
        }
    }

    @Override
    public void reset() {
        delegate.reset();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
