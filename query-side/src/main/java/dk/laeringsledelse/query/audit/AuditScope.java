package dk.laeringsledelse.query.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The part of the history a caller may read: everything in the municipalities they audit, and the events of the
 * teams they may read (their own teams as educator, coordinator or resource person; every team of the institutions
 * they lead). Events of no team outside an audited municipality (organisation changes, institution-level figures)
 * are for auditors only.
 */
public record AuditScope(Set<String> municipalities, Set<String> institutions, Set<String> teams) {

    /** An auditor of one municipality, as the export serves. */
    public static AuditScope auditorOf(String municipalityId) {
        return new AuditScope(Set.of(municipalityId), Set.of(), Set.of());
    }

    boolean sees(AuditDocuments.Ref ref) {
        return municipalities.contains(ref.municipalityId())
                || (ref.teamId() != null && (teams.contains(ref.teamId()) || institutions.contains(ref.institutionId())));
    }

    /** The keys whose union holds everything visible: what an unfiltered request reads. */
    List<String> keys() {
        List<String> keys = new ArrayList<>();
        municipalities.stream().sorted().forEach(m -> keys.add(AuditDocuments.key("municipality", m)));
        institutions.stream().sorted().forEach(i -> keys.add(AuditDocuments.key("institution", i)));
        teams.stream().sorted().forEach(t -> keys.add(AuditDocuments.key("team", t)));
        return keys;
    }
}
