package org.secondopinion.platform.probe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.secondopinion.platform.inbox.EventInbox;
import org.secondopinion.platform.messaging.RetryTransient;
import org.secondopinion.platform.persistence.Sql;

/** Applies events the way a service's consumer does: idempotently, in one transaction with the effect. */
@ApplicationScoped
public class ProbeConsumer {

    @Inject
    EventInbox inbox;

    @Inject
    EntityManager entityManager;

    @Inject
    Sql sql;

    /** Events whose subject starts with this lose their database connection on the first attempt. */
    public static final String LOSES_CONNECTION = "loses-connection-";
    private final Set<String> connectionsLost = ConcurrentHashMap.newKeySet();

    @Incoming("probe")
    @RetryTransient
    @Transactional
    public void apply(String record) {
        inbox.firstDelivery("probe", record).ifPresent(event -> {
            entityManager.createNativeQuery("""
                    insert into probe_applied (subject, applied_count) values (?1, 1)
                    on conflict (subject) do update set applied_count = probe_applied.applied_count + 1""")
                    .setParameter(1, event.subject())
                    .executeUpdate();
            if (event.subject().startsWith(LOSES_CONNECTION) && connectionsLost.add(event.subject())) {
                // A real passing failure, once per subject: the database ends this transaction's connection.
                sql.first("select pg_terminate_backend(pg_backend_pid())", row -> row.getBoolean(1));
            }
        });
    }
}
