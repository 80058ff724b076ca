package org.secondopinion.providers.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the sample directory is being seeded and verified (local stack only), so that the
 * stack reports ready only when a submitted case can be matched. Always up when seeding is off.
 */
@Readiness
@ApplicationScoped
public class SampleDirectoryReadiness implements HealthCheck {

    @Inject
    SampleDataSeeder seeder;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("sample-directory").status(seeder.isDone()).build();
    }
}
