package io.basalt.jdbc.internal;

/** The versions the driver reports; kept by hand in step with the Maven version until a release process writes them. */
public final class DriverVersion {
    public static final String DRIVER_NAME = "Basalt JDBC driver";
    public static final String PRODUCT_NAME = "Basalt";
    public static final String VERSION = "0.1.0";
    public static final int MAJOR = 0;
    public static final int MINOR = 1;

    private DriverVersion() {
    }
}
