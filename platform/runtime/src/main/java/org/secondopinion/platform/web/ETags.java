package org.secondopinion.platform.web;

import jakarta.ws.rs.core.EntityTag;
import org.secondopinion.platform.problem.ApiException;

/**
 * Optimistic locking over HTTP: the ETag is the entity's version, and an update must name the
 * version it was based on in {@code If-Match}.
 */
public final class ETags {

    private ETags() {
    }

    /** The strong ETag for a version, for example {@code "3"}. */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The same ETag for {@code Response.ok(...).tag(...)}. */
    public static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * Checks an {@code If-Match} header against the current version: 428 when it is missing, 412 when
     * it names another version (someone changed the resource since the client read it).
     */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(428, "If-Match required",
                    "Send the ETag you last read in If-Match, so that a concurrent change is not overwritten.");
        }
        String current = of(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(current) || tag.equals("*")) {
                return;
            }
        }
        throw new ApiException(412, "Stale version",
                "The resource was changed since you read it (now at version " + currentVersion + "). Read it again and retry.");
    }
}
