package dk.laeringsledelse.app.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.laeringsledelse.kernel.RuleViolation;
import dk.laeringsledelse.query.audit.AuditEvent;
import dk.laeringsledelse.query.audit.AuditHistoryReader;
import dk.laeringsledelse.query.audit.AuditScope;
import dk.laeringsledelse.query.audit.EventHistoryFilter;
import dk.laeringsledelse.graphql.access.Callers;
import dk.laeringsledelse.query.support.Connection;
import dk.laeringsledelse.query.support.Cursors;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /audit/events.jsonl?municipalityId=…&from=…&to=…}: a municipality's whole event history as JSON Lines,
 * one event per line with the fields of GraphQL's {@code HistoryEvent} (payload as a JSON value, position as a
 * number), in the same order. For the municipality's auditors only. Streamed page by page from the audit history,
 * so memory stays flat whatever the size of the history. Every bad parameter (unknown, repeated, missing, not an
 * instant, {@code from} after {@code to}) is a 400 naming it in {@code extensions.field}, checked before anything is
 * read or streamed.
 */
@RestController
public class AuditExportController {

    static final MediaType JSON_LINES = MediaType.parseMediaType("application/jsonl");
    private static final Set<String> PARAMETERS = Set.of("municipalityId", "from", "to");

    private final AuditHistoryReader reader;
    private final Callers callers;
    private final JsonFactory json = new JsonFactory();
    private final ObjectMapper objectMapper = new ObjectMapper();

    public AuditExportController(AuditHistoryReader reader, Callers callers) {
        this.reader = reader;
        this.callers = callers;
    }

    @GetMapping("/audit/events.jsonl")
    public ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal Jwt token,
                                                        @RequestParam MultiValueMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (!PARAMETERS.contains(parameter.getKey())) {
                return badRequest(parameter.getKey(), "unknown parameter " + parameter.getKey()
                        + "; the export takes municipalityId, from and to");
            }
            if (parameter.getValue().size() > 1) {
                return badRequest(parameter.getKey(), parameter.getKey() + " must be given once");
            }
        }
        String municipalityId = parameters.getFirst("municipalityId");
        if (municipalityId == null || municipalityId.isBlank()) {
            return badRequest("municipalityId", "municipalityId is required");
        }
        Instant from;
        Instant to;
        try {
            from = instant(parameters, "from");
            to = instant(parameters, "to");
        } catch (RuleViolation invalid) {
            return badRequest(invalid.field(), invalid.getMessage());
        }
        if (from != null && to != null && from.isAfter(to)) {
            return badRequest("from", "from must not be after to");
        }
        if (!callers.of(token.getSubject()).isAuditorOf(municipalityId)) {
            // the same answer whether or not the municipality exists
            return error(HttpStatus.FORBIDDEN, "FORBIDDEN", "only the municipality's auditors may export its history",
                    null);
        }
        EventHistoryFilter filter = new EventHistoryFilter(null, null, null, municipalityId, null, null, from, to);
        AuditScope scope = AuditScope.auditorOf(municipalityId);
        return ResponseEntity.ok().contentType(JSON_LINES).body(out -> {
            String after = null;
            Connection<AuditEvent> page;
            do {
                page = reader.read(filter, scope, Cursors.MAX_PAGE, after);
                for (AuditEvent event : page.nodes()) {
                    writeLine(out, event);
                }
                out.flush();
                after = page.pageInfo().endCursor();
            } while (page.pageInfo().hasNextPage());
        });
    }

    /** An ISO-8601 instant with its offset, as GraphQL's DateTime: 2026-01-01T00:00:00Z, 2026-01-01T01:00:00+01:00. */
    private static Instant instant(MultiValueMap<String, String> parameters, String name) {
        String value = parameters.getFirst(name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw RuleViolation.badRequest(name, name + " must be an instant with offset, e.g. 2026-01-01T00:00:00Z");
        }
    }

    private ResponseEntity<StreamingResponseBody> badRequest(String parameter, String message) {
        return error(HttpStatus.BAD_REQUEST, "BAD_REQUEST", message, parameter);
    }

    /** A GraphQL-shaped error, as the API's: {@code {"errors":[{"message":…,"extensions":{"code":…}}]}}. */
    private ResponseEntity<StreamingResponseBody> error(HttpStatus status, String code, String message, String field) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        if (field != null) {
            extensions.put("field", field);
        }
        byte[] body;
        try {
            body = objectMapper.writeValueAsBytes(Map.of("errors", List.of(Map.of(
                    "message", message, "extensions", extensions))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(out -> out.write(body));
    }

    private void writeLine(OutputStream out, AuditEvent e) throws IOException {
        JsonGenerator line = json.createGenerator(out);
        line.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        line.writeStartObject();
        line.writeNumberField("position", e.position());
        line.writeStringField("eventId", e.eventId());
        line.writeStringField("at", e.at().toString());
        line.writeStringField("aggregateType", e.aggregateType());
        line.writeStringField("aggregateId", e.aggregateId());
        if (e.sequenceNumber() == null) {
            line.writeNullField("sequenceNumber");
        } else {
            line.writeNumberField("sequenceNumber", e.sequenceNumber());
        }
        line.writeStringField("eventType", e.eventType());
        line.writeStringField("revision", e.revision());
        line.writeFieldName("payload");
        line.writeRawValue(e.payload());
        line.writeStringField("actor", e.actor());
        line.writeStringField("actorRole", e.actorRole());
        line.writeStringField("correlationId", e.correlationId());
        line.writeStringField("teamId", e.teamId());
        line.writeStringField("institutionId", e.institutionId());
        line.writeStringField("municipalityId", e.municipalityId());
        line.writeEndObject();
        line.writeRaw('\n');
        line.close();
    }
}
