package io.basalt.txn.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SsiReadMarkersTest {

    private static byte[] k(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writerLearnsEveryOtherReaderOfItsKeyAndOfRangesAroundIt() {
        SsiReadMarkers markers = new SsiReadMarkers();
        markers.markKey(k("a"), 1);
        markers.markKey(k("a"), 2);
        markers.markRange(k("a"), k("c"), 3);
        assertThat(markers.readersOf(k("a"), 2)).containsExactlyInAnyOrder(1L, 3L);
        assertThat(markers.readersOf(k("b"), 9)).containsExactly(3L);
        assertThat(markers.readersOf(k("c"), 9)).isEmpty();
    }

    @Test
    void forgottenTransactionsLeaveNoMarkers() {
        SsiReadMarkers markers = new SsiReadMarkers();
        markers.markKey(k("a"), 1);
        markers.markRange(k("a"), null, 1);
        markers.forget(List.of(1L));
        assertThat(markers.readersOf(k("a"), 9)).isEmpty();
        assertThat(markers.keyMarkerCount()).isZero();
    }

    @Test
    void overCapacityTheBiggestReaderIsCoarsenedNeverDropped() {
        SsiReadMarkers markers = new SsiReadMarkers(10, 1);
        for (int i = 0; i < 10; i++) {
            markers.markKey(k("k" + i), 1);
        }
        markers.markKey(k("x"), 2);
        assertThat(markers.keyMarkerCount()).isEqualTo(1);
        assertThat(markers.rangeMarkerCount()).isEqualTo(1);
        for (int i = 0; i < 10; i++) {
            assertThat(markers.readersOf(k("k" + i), 9)).as("every key it read still names it").contains(1L);
        }
        assertThat(markers.readersOf(k("k5x"), 9)).as("coarse: keys in between conflict too").contains(1L);
        assertThat(markers.readersOf(k("x"), 9)).containsExactly(2L);
    }

    @Test
    void shortReadersOverCapacityStayKeyMarkers() {
        SsiReadMarkers markers = new SsiReadMarkers(10, 4);
        for (int i = 0; i < 30; i++) {
            markers.markKey(k("k" + i), 100 + i);
        }
        assertThat(markers.rangeMarkerCount()).as("one key per reader: nothing worth coarsening").isZero();
        assertThat(markers.keyMarkerCount()).isEqualTo(30);
        assertThat(markers.readersOf(k("k7"), 9)).containsExactly(107L);
        markers.forget(List.of(107L));
        assertThat(markers.readersOf(k("k7"), 9)).isEmpty();
        assertThat(markers.keyMarkerCount()).isEqualTo(29);
    }

    @Test
    void aMarkedKeyDoesNotShareTheCallersArray() {
        SsiReadMarkers markers = new SsiReadMarkers();
        byte[] key = k("abc");
        markers.markKey(key, 1);
        markers.markKey(key, 2);
        key[0] = 'z';
        assertThat(markers.readersOf(k("abc"), 9)).containsExactlyInAnyOrder(1L, 2L);
        markers.forget(List.of(1L, 2L));
        assertThat(markers.keyMarkerCount()).isZero();
        assertThat(markers.readersOf(k("abc"), 9)).isEmpty();
    }

    @Test
    void aNarrowedRangeKeepsWhatWasReadAndFreesTheRest() {
        SsiReadMarkers markers = new SsiReadMarkers();
        markers.markRange(k("a"), k("z"), 1);
        markers.narrowRange(k("a"), k("z"), k("m"), 1);
        assertThat(markers.readersOf(k("c"), 9)).containsExactly(1L);
        assertThat(markers.readersOf(k("m"), 9)).isEmpty();
        assertThat(markers.readersOf(k("q"), 9)).isEmpty();
        markers.narrowRange(k("a"), k("z"), k("c"), 2); // another transaction's: nothing to narrow
        assertThat(markers.readersOf(k("d"), 9)).containsExactly(1L);
    }
}
