package io.basalt.bench.tpcc;

import java.util.Random;

/** The specification's random functions (clause 2.1.6, 4.3.2): NURand, last names from syllables, strings. */
final class TpccRandom {
    private static final String[] SYLLABLES = {"BAR", "OUGHT", "ABLE", "PRI", "PRES", "ESE", "ANTI", "CALLY", "ATION", "EING"};
    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final Random random;
    private final int cLast;
    private final int cId;
    private final int olIid;

    TpccRandom(long seed) {
        this.random = new Random(seed);
        this.cLast = random.nextInt(256);
        this.cId = random.nextInt(1024);
        this.olIid = random.nextInt(8192);
    }

    int uniform(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    /** NURand(A, x, y) with this run's constant C for A. */
    int nonUniform(int a, int low, int high) {
        int c = a == 255 ? cLast : a == 1023 ? cId : olIid;
        return (((uniform(0, a) | uniform(low, high)) + c) % (high - low + 1)) + low;
    }

    int customerId(int customersPerDistrict) {
        return customersPerDistrict >= 1024 ? nonUniform(1023, 1, customersPerDistrict) : uniform(1, customersPerDistrict);
    }

    int itemId(int items) {
        return items >= 8192 ? nonUniform(8191, 1, items) : uniform(1, items);
    }

    /** A customer last name for a run: numbers spread by NURand(255), limited to those that were loaded. */
    String randomLastName(int customersPerDistrict) {
        int limit = Math.min(999, customersPerDistrict - 1);
        return lastName(limit >= 255 ? nonUniform(255, 0, limit) : uniform(0, limit));
    }

    static String lastName(int number) {
        return SYLLABLES[number / 100] + SYLLABLES[(number / 10) % 10] + SYLLABLES[number % 10];
    }

    String text(int minLength, int maxLength) {
        int length = uniform(minLength, maxLength);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return text.toString();
    }

    String digits(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('0' + random.nextInt(10)));
        }
        return text.toString();
    }

    boolean percent(int chance) {
        return random.nextInt(100) < chance;
    }
}
