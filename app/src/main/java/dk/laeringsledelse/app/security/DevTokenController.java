package dk.laeringsledelse.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Demo mode only ({@link DevIssuer}): {@code {"personId": "..."}} → {@code {"token": "...", "expiresAt": "..."}}.
 * An optional {@code lifetimeSeconds} asks for a shorter-lived token (e.g. to see what happens when one expires).
 */
@RestController
@ConditionalOnProperty(name = "laeringsledelse.security.dev-issuer", havingValue = "true")
public class DevTokenController {

    private final JwtEncoder encoder;
    private final Clock clock;
    private final Duration lifetime;

    public DevTokenController(JwtEncoder encoder, Clock clock,
                              DevIssuerProperties properties) {
        this.encoder = encoder;
        this.clock = clock;
        this.lifetime = properties.devTokenLifetime();
    }

    @PostMapping("/dev/token")
    ResponseEntity<Map<String, Object>> token(@RequestBody(required = false) Map<String, Object> body) {
        Object personId = body == null ? null : body.get("personId");
        if (!(personId instanceof String id) || !Subjects.isUsable(id)) {
            return ResponseEntity.badRequest().body(Map.of("error",
                    "personId must be 1 to 100 letters, digits or . _ @ : + -"));
        }
        Duration lifetime = this.lifetime;
        Object seconds = body.get("lifetimeSeconds");
        if (seconds != null) {
            if (!(seconds instanceof Integer value) || value < 1 || value > this.lifetime.toSeconds()) {
                return ResponseEntity.badRequest().body(Map.of("error", "lifetimeSeconds must be a whole number "
                        + "from 1 to " + this.lifetime.toSeconds()));
            }
            lifetime = Duration.ofSeconds(value);
        }
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(DevIssuer.ISSUER)
                .subject(id)
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .id(UUID.randomUUID().toString())
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(claims)).getTokenValue();
        return ResponseEntity.ok(Map.of("token", token, "expiresAt", now.plus(lifetime).toString()));
    }
}
