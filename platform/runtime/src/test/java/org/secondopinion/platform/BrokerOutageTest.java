package org.secondopinion.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.secondopinion.platform.WiringTestSupport.count;
import static org.secondopinion.platform.WiringTestSupport.createNote;
import static org.secondopinion.platform.WiringTestSupport.createdId;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.secondopinion.events.Topics;
import org.secondopinion.platform.testing.PlatformTestResources;
import org.secondopinion.platform.testing.TestKafka;
import org.secondopinion.platform.testing.TestTopics;

@QuarkusTest
@WithTestResource(value = PlatformTestResources.class, scope = TestResourceScope.GLOBAL)
class BrokerOutageTest {

    @Test
    void requestsSucceedWhileTheBrokerIsDownAndEveryEventArrivesOnceAfterItReturns() throws Exception {
        List<UUID> created = new ArrayList<>();
        TestKafka.stopBroker();
        try {
            for (int i = 0; i < 5; i++) {
                created.add(createdId(createNote("pat-outage", "written during the outage " + i)));
            }
            // The relay keeps trying and failing: the events wait, unsent.
            Thread.sleep(1_500);
            assertEquals(5, count("select count(*) from outbox_event where sent_at is null and payload like '%pat-outage%'"));
        } finally {
            TestKafka.startBroker();
        }

        Set<String> keys = created.stream().map(UUID::toString).collect(Collectors.toSet());
        List<ConsumerRecord<String, String>> arrived = TestTopics.await(Topics.CASES, record -> keys.contains(record.key()),
                keys.size(), Duration.ofSeconds(60));
        Map<String, Long> perKey = arrived.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        assertEquals(keys, perKey.keySet(), "every event arrived");
        assertEquals(Set.of(1L), Set.copyOf(perKey.values()), "each exactly once");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                count("select count(*) from outbox_event where sent_at is null and payload like '%pat-outage%'") == 0);
    }
}
