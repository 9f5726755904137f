package io.basalt.bench.tpcc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TpccMixTest {

    @Test
    void everyHundredTransactionsHoldTheStandardMixExactly() {
        TpccMix mix = new TpccMix(new Random(1));
        for (int deck = 0; deck < 20; deck++) {
            Map<TxnType, Integer> counts = new EnumMap<>(TxnType.class);
            for (int i = 0; i < TpccMix.DECK_SIZE; i++) {
                counts.merge(mix.next(), 1, Integer::sum);
            }
            assertThat(counts).containsEntry(TxnType.NEW_ORDER, 45).containsEntry(TxnType.PAYMENT, 43)
                    .containsEntry(TxnType.ORDER_STATUS, 4).containsEntry(TxnType.DELIVERY, 4)
                    .containsEntry(TxnType.STOCK_LEVEL, 4);
        }
    }

    @Test
    void eachDeckIsShuffledAnew() {
        TpccMix mix = new TpccMix(new Random(2));
        List<TxnType> first = deal(mix);
        List<TxnType> second = deal(mix);
        assertThat(second).isNotEqualTo(first);
        // Not dealt in blocks: the first ten cards are not all of one type.
        assertThat(first.subList(0, 10).stream().distinct().count()).isGreaterThan(1);
    }

    @Test
    void theSameSeedDealsTheSameSequence() {
        assertThat(deal(new TpccMix(new Random(3)))).isEqualTo(deal(new TpccMix(new Random(3))));
        assertThat(deal(new TpccMix(new Random(3)))).isNotEqualTo(deal(new TpccMix(new Random(4))));
    }

    @Test
    void theDeckFollowsTheDeclaredPercentages() {
        assertThat(java.util.Arrays.stream(TxnType.values()).mapToInt(TxnType::percent).sum()).isEqualTo(100);
    }

    private static List<TxnType> deal(TpccMix mix) {
        List<TxnType> cards = new ArrayList<>();
        for (int i = 0; i < TpccMix.DECK_SIZE; i++) {
            cards.add(mix.next());
        }
        return cards;
    }
}
