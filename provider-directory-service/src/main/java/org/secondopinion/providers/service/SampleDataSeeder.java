package org.secondopinion.providers.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jboss.logging.Logger;
import org.secondopinion.providers.config.DirectoryConfig;
import org.secondopinion.providers.repository.PhysicianRepository;
import org.secondopinion.providers.repository.SpecialtyRepository;

/**
 * Fills an empty directory with the synthetic sample at start when {@code smo.directory.seed.enabled}
 * (the local stack; never tests or production). The scheduled re-verification then verifies the
 * sample's certifications against the sample's board feed.
 */
@ApplicationScoped
public class SampleDataSeeder {

    private static final Logger LOG = Logger.getLogger(SampleDataSeeder.class);

    @Inject
    DirectoryConfig config;

    @Inject
    PhysicianRepository physicians;

    @Inject
    SpecialtyRepository specialties;

    @Inject
    EntityManager entityManager;

    void onStart(@Observes StartupEvent event) {
        if (config.seed().enabled()) {
            seed(config.seed().physicians());
        }
    }

    /** Generates {@code count} physicians unless the directory already has some; answers how many were added. */
    @Transactional
    public int seed(int count) {
        if (physicians.count() > 0) {
            return 0;
        }
        var sample = SampleDirectoryGenerator.generate(count, config.seed().randomSeed(), specialties.listAll(),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        int i = 0;
        for (var clinic : sample.clinics()) {
            entityManager.persist(clinic);
        }
        for (var physician : sample.physicians()) {
            entityManager.persist(physician);
            if (++i % 500 == 0) {
                entityManager.flush();
                entityManager.clear();
            }
        }
        for (var record : sample.feed()) {
            entityManager.persist(record);
        }
        LOG.infof("Seeded the synthetic sample directory: %d physicians, %d clinics, %d board feed records",
                sample.physicians().size(), sample.clinics().size(), sample.feed().size());
        return sample.physicians().size();
    }
}
