package org.secondopinion.platform.web;

import jakarta.inject.Singleton;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import java.lang.annotation.ElementType;

/**
 * Bean Validation reaches every property. What the services validate are request bodies and parameters
 * (records and values), never entities with lazily loaded state; the default resolver asked Hibernate ORM
 * whether each property of each body was loaded, which cost a few per cent of a request's CPU. Hibernate
 * ORM's own validation of entities keeps its own resolver.
 */
@Singleton
public class AllPropertiesReachable implements TraversableResolver {

    @Override
    public boolean isReachable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
            Path pathToTraversableObject, ElementType elementType) {
        return true;
    }

    @Override
    public boolean isCascadable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
            Path pathToTraversableObject, ElementType elementType) {
        return true;
    }
}
