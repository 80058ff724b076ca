package org.secondopinion.providers;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.secondopinion.platform.testing.PlatformTestResources;
import org.secondopinion.platform.testing.ServiceContractTest;

@QuarkusTest
@WithTestResource(value = PlatformTestResources.class, scope = TestResourceScope.GLOBAL)
class ProviderDirectoryContractTest extends ServiceContractTest {
}
