package org.secondopinion.events;

import java.util.UUID;

/**
 * New identifiers, for rows and events: UUID version 7 (RFC 9562), whose first 48 bits are the Unix time in
 * milliseconds and whose other 74 bits are random. An id made later sorts later, so a new row's entries land at
 * the right-hand end of every B-tree index keyed by it (a case's id also keys its timeline and its audit records),
 * where random version 4 ids scatter them over the whole index: more pages touched per insert, and after every
 * checkpoint a full-page image in the WAL for each page first touched again. The id tells when it was made, to
 * the millisecond, and nothing else; what it identifies shows that time anyway (createdAt, an event's time).
 */
public final class Uuids {

    private Uuids() {
    }

    public static UUID timeOrdered() {
        UUID random = UUID.randomUUID();
        // Version 4's variant bits (10) are version 7's too; its 12 random bits below the version are kept.
        long high = (System.currentTimeMillis() << 16) | 0x7000L | (random.getMostSignificantBits() & 0x0FFFL);
        return new UUID(high, random.getLeastSignificantBits());
    }
}
