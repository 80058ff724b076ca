package org.secondopinion.platform.probe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.secondopinion.platform.inbox.EventInbox;

/** Applies events the way a service's consumer does: idempotently, in one transaction with the effect. */
@ApplicationScoped
public class ProbeConsumer {

    @Inject
    EventInbox inbox;

    @Inject
    EntityManager entityManager;

    @Incoming("probe")
    @Transactional
    public void apply(String record) {
        inbox.firstDelivery("probe", record).ifPresent(event -> entityManager.createNativeQuery("""
                insert into probe_applied (subject, applied_count) values (?1, 1)
                on conflict (subject) do update set applied_count = probe_applied.applied_count + 1""")
                .setParameter(1, event.subject())
                .executeUpdate());
    }
}
