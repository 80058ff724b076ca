package org.secondopinion.coverage.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.secondopinion.platform.messaging.RetryTransient;
import org.secondopinion.coverage.config.CoverageConfig;
import org.secondopinion.events.EligibilityAnswer;
import org.secondopinion.events.EligibilityInquiry;
import org.secondopinion.events.model.Money;
import org.secondopinion.platform.inbox.EventInbox;
import org.secondopinion.platform.outbox.EventPublisher;

/**
 * A small insurer for the local stack and the tests, so that the inquiry/answer path runs without a real
 * insurer. When {@code smo.coverage.simulator.enabled} is true it answers every EligibilityInquiry addressed to
 * a payer named in its member file, from that file; inquiries to other payers it leaves alone (they time out).
 * It is its own consumer group ({@code insurer-simulator}) and publishes its answers through the outbox.
 *
 * <p>Member file (CSV, header first): {@code payer_id,member_id,last_name,date_of_birth,active,benefit_covered,
 * limit_reached,copay,coinsurance_percent,prior_authorization,networks,plan_id,plan_name}; networks are separated
 * by {@code ;}, empty cells mean "not reported".
 */
@ApplicationScoped
public class InsurerSimulator {

    static final String CHANNEL = "simulator-inquiries";
    static final String CLASSPATH_FILE = "insurer-simulator/members.csv";

    record SimulatedMember(String payerId, String memberId, String lastName, LocalDate dateOfBirth, boolean active,
            boolean benefitCovered, Boolean limitReached, BigDecimal copay, BigDecimal coinsurancePercent,
            Boolean priorAuthorization, List<String> networks, String planId, String planName) {
    }

    @Inject
    CoverageConfig config;

    @Inject
    EventInbox inbox;

    @Inject
    EventPublisher publisher;

    private volatile Map<String, SimulatedMember> members;

    @Incoming(CHANNEL)
    @RetryTransient
    @Transactional
    public void onInquiry(String record) {
        if (!config.simulator().enabled()) {
            return;
        }
        inbox.firstDelivery(CHANNEL, record).ifPresent(envelope -> {
            if (envelope.data() instanceof EligibilityInquiry inquiry) {
                answer(inquiry);
            }
        });
    }

    private void answer(EligibilityInquiry inquiry) {
        Map<String, SimulatedMember> file = members();
        boolean knownPayer = file.values().stream().anyMatch(m -> m.payerId().equals(inquiry.payerId()));
        if (!knownPayer) {
            return;
        }
        SimulatedMember m = file.get(inquiry.payerId() + "|" + inquiry.subscriber().memberId());
        boolean found = m != null && m.dateOfBirth().equals(inquiry.subscriber().dateOfBirth())
                && m.lastName().equalsIgnoreCase(inquiry.subscriber().lastName());
        EligibilityAnswer answer = found
                ? new EligibilityAnswer(inquiry.traceNumber(), inquiry.payerId(), inquiry.caseId(), true, m.active(),
                        m.benefitCovered(), m.limitReached(), m.copay() == null ? null : new Money(m.copay(), "USD"),
                        m.coinsurancePercent(), m.priorAuthorization(), m.networks(), m.planId(), m.planName(), null, Instant.now())
                : new EligibilityAnswer(inquiry.traceNumber(), inquiry.payerId(), inquiry.caseId(), false, false, false, null, null,
                        null, null, List.of(), null, null, null, Instant.now());
        publisher.publish(answer);
    }

    private Map<String, SimulatedMember> members() {
        if (members == null) {
            members = load();
        }
        return members;
    }

    private Map<String, SimulatedMember> load() {
        try (InputStream in = config.simulator().memberFile().isPresent()
                ? Files.newInputStream(Path.of(config.simulator().memberFile().get()))
                : Thread.currentThread().getContextClassLoader().getResourceAsStream(CLASSPATH_FILE)) {
            if (in == null) {
                return Map.of();
            }
            Map<String, SimulatedMember> loaded = new HashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split(",", -1);
                SimulatedMember m = new SimulatedMember(c[0].trim(), c[1].trim(), c[2].trim(), LocalDate.parse(c[3].trim()),
                        Boolean.parseBoolean(c[4].trim()), Boolean.parseBoolean(c[5].trim()), bool(c[6]), decimal(c[7]),
                        decimal(c[8]), bool(c[9]),
                        c[10].isBlank() ? List.of() : Arrays.stream(c[10].split(";")).map(String::trim).toList(),
                        blankToNull(c[11]), blankToNull(c[12]));
                loaded.put(m.payerId() + "|" + m.memberId(), m);
            }
            return loaded;
        } catch (IOException e) {
            throw new UncheckedIOException("The simulator's member file cannot be read", e);
        }
    }

    private static Boolean bool(String s) {
        return s.isBlank() ? null : Boolean.valueOf(s.trim());
    }

    private static BigDecimal decimal(String s) {
        return s.isBlank() ? null : new BigDecimal(s.trim());
    }

    private static String blankToNull(String s) {
        return s.isBlank() ? null : s.trim();
    }
}
