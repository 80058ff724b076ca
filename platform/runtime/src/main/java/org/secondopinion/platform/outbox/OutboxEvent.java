package org.secondopinion.platform.outbox;

import java.util.UUID;

/**
 * An event waiting in the outbox, as the relay reads it.
 *
 * @param position commit order within the service; the relay sends in this order
 * @param payload the whole CloudEvents envelope as JSON, exactly as it will be sent
 * @param attempts failed sends so far
 */
record OutboxEvent(long position, UUID eventId, String topic, String messageKey, String eventType, String payload,
        int attempts) {
}
