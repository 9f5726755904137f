package io.basalt.sql.plan;

/**
 * An error thrown while initialising a plan's generated class. Calcite hoists constant
 * expressions into static fields of the generated class, so {@code SELECT 1 / 0} fails while the
 * class initialises, and the JVM reports that as an {@link Error} ({@link ExceptionInInitializerError},
 * then {@link NoClassDefFoundError} on every later use). Sessions handle exceptions, not errors, so
 * the plan's entry points rethrow such an error as this exception; its cause chain still holds the
 * original failure (division by zero, a bad cast) for the session to translate into a SQLState.
 */
final class GeneratedCodeFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GeneratedCodeFailure(LinkageError error) {
        super(error.getMessage(), initialCause(error));
    }

    /** The exception that made initialisation fail (JDK 11+ chains it under NoClassDefFoundError too). */
    private static Throwable initialCause(LinkageError error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause instanceof LinkageError) {
            cause = cause.getCause();
        }
        return cause;
    }
}
