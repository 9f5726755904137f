package io.basalt.bench.tpcc;

import java.util.Random;

/**
 * Which transaction a terminal runs next: the deck of clause 5.2.4.2. A deck of 100 cards holds
 * each type as often as its percentage ({@link TxnType#percent}); a terminal deals the deck in a
 * shuffled order and reshuffles when it is empty. Unlike drawing with weights, every 100
 * transactions of a terminal hold exactly the standard mix, so even a short run has the right
 * proportions, and the order is still random.
 *
 * <p>One per terminal, not thread-safe; deterministic for a given {@link Random}.
 */
final class TpccMix {
    static final int DECK_SIZE = 100;

    private final TxnType[] deck = new TxnType[DECK_SIZE];
    private final Random random;
    private int dealt = DECK_SIZE;

    TpccMix(Random random) {
        this.random = random;
        int card = 0;
        for (TxnType type : TxnType.values()) {
            for (int i = 0; i < type.percent(); i++) {
                deck[card++] = type;
            }
        }
        if (card != DECK_SIZE) {
            throw new IllegalStateException("the mix's percentages add up to " + card + ", not 100");
        }
    }

    TxnType next() {
        if (dealt == DECK_SIZE) {
            shuffle();
            dealt = 0;
        }
        return deck[dealt++];
    }

    /** Fisher-Yates, on the terminal's own random numbers (Collections.shuffle would need a List). */
    private void shuffle() {
        for (int i = DECK_SIZE - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            TxnType swap = deck[i];
            deck[i] = deck[j];
            deck[j] = swap;
        }
    }
}
