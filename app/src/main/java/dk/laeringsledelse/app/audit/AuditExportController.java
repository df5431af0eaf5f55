package dk.laeringsledelse.app.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
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
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /audit/events.jsonl?municipalityId=…&from=…&to=…}: a municipality's whole event history as JSON Lines,
 * one event per line with the fields of GraphQL's {@code HistoryEvent} (payload as a JSON value, position as a
 * number), in the same order. For the municipality's auditors only. Streamed page by page from the audit history,
 * so memory stays flat whatever the size of the history.
 */
@RestController
public class AuditExportController {

    static final MediaType JSON_LINES = MediaType.parseMediaType("application/jsonl");

    private final AuditHistoryReader reader;
    private final Callers callers;
    private final JsonFactory json = new JsonFactory();

    public AuditExportController(AuditHistoryReader reader, Callers callers) {
        this.reader = reader;
        this.callers = callers;
    }

    @GetMapping("/audit/events.jsonl")
    public ResponseEntity<StreamingResponseBody> export(
            @AuthenticationPrincipal Jwt token,
            @RequestParam String municipalityId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        if (!callers.of(token.getSubject()).isAuditorOf(municipalityId)) {
            // the same answer whether or not the municipality exists
            return ResponseEntity.status(403).contentType(MediaType.APPLICATION_JSON)
                    .body(out -> out.write(("{\"errors\":[{\"message\":\"only the municipality's auditors may export "
                            + "its history\",\"extensions\":{\"code\":\"FORBIDDEN\"}}]}").getBytes()));
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
