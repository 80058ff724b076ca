package org.secondopinion.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidsTest {

    @Test
    void anIdIsAVersion7UuidThatCarriesTheTimeItWasMade() {
        long before = System.currentTimeMillis();
        UUID id = Uuids.timeOrdered();
        long after = System.currentTimeMillis();
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        long millis = id.getMostSignificantBits() >>> 16;
        assertTrue(millis >= before && millis <= after, "the first 48 bits are the Unix time in milliseconds");
    }

    /** PostgreSQL orders uuids byte by byte, as their text sorts: ids made in a later millisecond sort after earlier ones. */
    @Test
    void idsMadeLaterSortLaterAndNoneRepeats() throws InterruptedException {
        List<UUID> ids = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 1000; i++) {
                ids.add(Uuids.timeOrdered());
            }
            Thread.sleep(2);
        }
        for (int i = 1; i < ids.size(); i++) {
            UUID earlier = ids.get(i - 1);
            UUID later = ids.get(i);
            if ((earlier.getMostSignificantBits() >>> 16) < (later.getMostSignificantBits() >>> 16)) {
                assertTrue(earlier.toString().compareTo(later.toString()) < 0, earlier + " sorts after " + later);
            }
        }
        assertTrue(ids.get(0).toString().compareTo(ids.getLast().toString()) < 0);
        assertEquals(ids.size(), new HashSet<>(ids).size());
    }
}
