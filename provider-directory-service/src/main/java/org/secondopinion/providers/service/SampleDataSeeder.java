package org.secondopinion.providers.service;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;
import org.secondopinion.platform.persistence.Sql;
import org.secondopinion.providers.config.DirectoryConfig;
import org.secondopinion.providers.domain.Clinic;
import org.secondopinion.providers.domain.Physician;
import org.secondopinion.providers.repository.BoardFeedRecordRepository;
import org.secondopinion.providers.repository.PhysicianRepository;
import org.secondopinion.providers.repository.SpecialtyRepository;
import org.secondopinion.providers.service.SampleDirectoryGenerator.SampleDirectory;

/**
 * Fills the directory with the synthetic sample at start when {@code smo.directory.seed.enabled} (the
 * local stack; never tests or production): thousands of generated physicians with their board feed
 * (only into an empty directory) and the two demo physicians (whenever they are missing), then
 * verifies at once whatever is due, so that a case submitted as soon as the service is ready gets
 * candidates. Idempotent: on a restart with the data present it adds nothing and changes nothing.
 * Readiness reports DOWN until it is done ({@link SampleDirectoryReadiness}).
 */
@ApplicationScoped
public class SampleDataSeeder {

    private static final Logger LOG = Logger.getLogger(SampleDataSeeder.class);
    private static final int FLUSH_EVERY = 500;
    private static final int SEED_TIMEOUT_SECONDS = 3600;

    @Inject
    DirectoryConfig config;

    @Inject
    PhysicianRepository physicians;

    @Inject
    SpecialtyRepository specialties;

    @Inject
    BoardFeedRecordRepository feedRecords;

    @Inject
    CredentialVerification verification;

    @Inject
    EntityManager entityManager;

    @Inject
    Sql sql;

    private volatile boolean done;

    void onStart(@Observes StartupEvent event) {
        if (!config.seed().enabled()) {
            done = true;
            return;
        }
        long start = System.nanoTime();
        int added = seedInOwnTransaction(config.seed().physicians());
        int verified = verification.verifyAllDue();
        analyze();
        done = true;
        LOG.infof("Sample directory ready: %d physicians added, %d certifications verified, in %d ms", added, verified,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** {@link #seed} in a transaction of its own that may take its time: thousands of physicians on a busy machine. */
    public int seedInOwnTransaction(int count) {
        return QuarkusTransaction.requiringNew().timeout(SEED_TIMEOUT_SECONDS).call(() -> seed(count));
    }

    /** Fresh planner statistics after a bulk load, so that searches use the indexes at once (autovacuum would, later). */
    public void analyze() {
        QuarkusTransaction.requiringNew().run(() -> sql
                .update("analyze physician, clinic, physician_clinic, physician_area_location, board_certification, board_feed_record"));
    }

    /** Whether seeding is finished (or was never asked for). */
    public boolean isDone() {
        return done;
    }

    /**
     * Adds {@code count} generated physicians if the directory is empty, and the demo physicians if they
     * are missing; answers how many physicians were added. Verification is left to the caller.
     */
    @Transactional
    public int seed(int count) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int added = 0;
        if (physicians.count() == 0) {
            SampleDirectory sample = SampleDirectoryGenerator.generate(count, config.seed().randomSeed(), specialties.listAll(), now);
            added += persist(sample);
            LOG.infof("Seeded the synthetic sample directory: %d physicians, %d clinics, %d board feed records",
                    sample.physicians().size(), sample.clinics().size(), sample.feed().size());
        }
        SampleDirectory demo = SampleDirectoryGenerator.demo(now);
        List<Physician> missing = demo.physicians().stream().filter(p -> physicians.findByNpi(p.npi).isEmpty()).toList();
        if (!missing.isEmpty()) {
            List<Clinic> clinics = missing.stream().flatMap(p -> p.clinics.stream()).distinct().toList();
            List<String> npis = missing.stream().map(p -> p.npi).toList();
            var feed = demo.feed().stream().filter(r -> npis.contains(r.npi))
                    .filter(r -> feedRecords.count("npi = ?1 and board = ?2 and specialtyCode = ?3 and subSpecialtyCode = ?4",
                            r.npi, r.board, r.specialtyCode, r.subSpecialtyCode) == 0)
                    .toList();
            added += persist(new SampleDirectory(clinics, missing, feed));
            LOG.infof("Seeded the demo physicians: %d", missing.size());
        }
        return added;
    }

    private int persist(SampleDirectory sample) {
        sample.clinics().forEach(entityManager::persist);
        int i = 0;
        for (Physician physician : sample.physicians()) {
            // The clinics are detached after a clear: refer to them by id.
            physician.clinics.replaceAll(c -> entityManager.getReference(Clinic.class, c.id));
            entityManager.persist(physician);
            if (++i % FLUSH_EVERY == 0) {
                entityManager.flush();
                entityManager.clear();
            }
        }
        i = 0;
        for (var record : sample.feed()) {
            entityManager.persist(record);
            if (++i % FLUSH_EVERY == 0) {
                entityManager.flush();
                entityManager.clear();
            }
        }
        entityManager.flush();
        physicians.refreshAllAreaLocations();
        // Keep the persistence context small for the next transaction's work.
        entityManager.clear();
        return sample.physicians().size();
    }
}
