package dk.laeringsledelse.graphql.access;

import java.time.Instant;

/**
 * The person a GraphQL operation runs as, and until when their token lets them.
 *
 * @param expiresAt when the token stops counting: its {@code exp} plus the clock skew allowed; null for a token
 *                  without one
 */
public record Authenticated(String personId, Instant expiresAt) {

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
