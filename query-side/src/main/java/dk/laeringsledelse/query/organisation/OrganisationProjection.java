package dk.laeringsledelse.query.organisation;

import dk.laeringsledelse.kernel.organisation.InstitutionRegistered;
import dk.laeringsledelse.kernel.organisation.InstitutionRenamed;
import dk.laeringsledelse.kernel.organisation.InstitutionRetired;
import dk.laeringsledelse.kernel.organisation.InstitutionRoleAssigned;
import dk.laeringsledelse.kernel.organisation.InstitutionRoleUnassigned;
import dk.laeringsledelse.kernel.organisation.MunicipalRoleAssigned;
import dk.laeringsledelse.kernel.organisation.MunicipalRoleUnassigned;
import dk.laeringsledelse.kernel.organisation.MunicipalityRegistered;
import dk.laeringsledelse.kernel.organisation.MunicipalityRenamed;
import dk.laeringsledelse.kernel.organisation.MunicipalityRetired;
import dk.laeringsledelse.kernel.organisation.TeamRegistered;
import dk.laeringsledelse.kernel.organisation.TeamRenamed;
import dk.laeringsledelse.kernel.organisation.TeamRetired;
import dk.laeringsledelse.kernel.organisation.TeamRoleAssigned;
import dk.laeringsledelse.kernel.organisation.TeamRoleUnassigned;
import dk.laeringsledelse.query.organisation.PersonView.Assignment;
import dk.laeringsledelse.query.organisation.UnitView.Kind;
import dk.laeringsledelse.query.organisation.UnitView.Member;
import dk.laeringsledelse.query.support.ProcessingGroups;
import java.time.Instant;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

/**
 * Keeps the organisation read model. Its group is sequenced by municipality ({@link ProcessingGroups}), so a unit's
 * read-modify-write (and its parent's list of children) is never concurrent; people's documents change atomically.
 * A redelivered event is recognised by the unit's version and changes nothing twice.
 */
@Component
@ProcessingGroup(OrganisationProjection.PROCESSING_GROUP)
public class OrganisationProjection {

    public static final String PROCESSING_GROUP = ProcessingGroups.ORGANISATION;

    private final OrganisationStore store;
    private final QueryUpdateEmitter updates;

    public OrganisationProjection(OrganisationStore store, QueryUpdateEmitter updates) {
        this.store = store;
        this.updates = updates;
    }

    @EventHandler
    public void on(MunicipalityRegistered e, @SequenceNumber Long seq, @Timestamp Instant at) {
        change(Kind.MUNICIPALITY, e.municipalityId().value(), seq, unit -> {
            unit.municipalityId = unit.id;
            unit.name = e.name();
            unit.registeredAt = at;
        });
    }

    @EventHandler
    public void on(MunicipalityRenamed e, @SequenceNumber Long seq) {
        change(Kind.MUNICIPALITY, e.municipalityId().value(), seq, unit -> unit.name = e.name());
    }

    @EventHandler
    public void on(MunicipalityRetired e, @SequenceNumber Long seq) {
        change(Kind.MUNICIPALITY, e.municipalityId().value(), seq, unit -> unit.retired = true);
    }

    @EventHandler
    public void on(MunicipalRoleAssigned e, @SequenceNumber Long seq) {
        String id = e.municipalityId().value();
        change(Kind.MUNICIPALITY, id, seq, unit -> addMember(unit, e.personId().value(), e.role().name()),
                () -> store.addAssignment(e.personId().value(), new Assignment(e.role().name(), id, null, null)));
    }

    @EventHandler
    public void on(MunicipalRoleUnassigned e, @SequenceNumber Long seq) {
        String id = e.municipalityId().value();
        change(Kind.MUNICIPALITY, id, seq, unit -> removeMember(unit, e.personId().value(), e.role().name()),
                () -> store.removeAssignment(e.personId().value(), new Assignment(e.role().name(), id, null, null)));
    }

    @EventHandler
    public void on(InstitutionRegistered e, @SequenceNumber Long seq, @Timestamp Instant at) {
        String id = e.institutionId().value();
        change(Kind.INSTITUTION, id, seq, unit -> {
            unit.municipalityId = e.municipalityId().value();
            unit.name = e.name();
            unit.institutionKind = e.kind().name();
            unit.registeredAt = at;
        });
        addChild(Kind.MUNICIPALITY, e.municipalityId().value(), id);
    }

    @EventHandler
    public void on(InstitutionRenamed e, @SequenceNumber Long seq) {
        change(Kind.INSTITUTION, e.institutionId().value(), seq, unit -> unit.name = e.name());
    }

    @EventHandler
    public void on(InstitutionRetired e, @SequenceNumber Long seq) {
        change(Kind.INSTITUTION, e.institutionId().value(), seq, unit -> unit.retired = true);
    }

    @EventHandler
    public void on(InstitutionRoleAssigned e, @SequenceNumber Long seq) {
        String id = e.institutionId().value();
        change(Kind.INSTITUTION, id, seq, unit -> addMember(unit, e.personId().value(), e.role().name()),
                () -> store.addAssignment(e.personId().value(), new Assignment(e.role().name(), e.municipalityId().value(), id, null)));
    }

    @EventHandler
    public void on(InstitutionRoleUnassigned e, @SequenceNumber Long seq) {
        String id = e.institutionId().value();
        change(Kind.INSTITUTION, id, seq, unit -> removeMember(unit, e.personId().value(), e.role().name()),
                () -> store.removeAssignment(e.personId().value(), new Assignment(e.role().name(), e.municipalityId().value(), id, null)));
    }

    @EventHandler
    public void on(TeamRegistered e, @SequenceNumber Long seq, @Timestamp Instant at) {
        String id = e.teamId().value();
        change(Kind.TEAM, id, seq, unit -> {
            unit.municipalityId = e.municipalityId().value();
            unit.institutionId = e.institutionId().value();
            unit.name = e.name();
            unit.childGroup = e.childGroup();
            unit.registeredAt = at;
        });
        addChild(Kind.INSTITUTION, e.institutionId().value(), id);
    }

    @EventHandler
    public void on(TeamRenamed e, @SequenceNumber Long seq) {
        change(Kind.TEAM, e.teamId().value(), seq, unit -> unit.name = e.name());
    }

    @EventHandler
    public void on(TeamRetired e, @SequenceNumber Long seq) {
        change(Kind.TEAM, e.teamId().value(), seq, unit -> unit.retired = true);
    }

    @EventHandler
    public void on(TeamRoleAssigned e, @SequenceNumber Long seq) {
        String id = e.teamId().value();
        change(Kind.TEAM, id, seq, unit -> addMember(unit, e.personId().value(), e.role().name()),
                () -> store.addAssignment(e.personId().value(), new Assignment(e.role().name(),
                        e.municipalityId().value(), e.institutionId().value(), id)));
    }

    @EventHandler
    public void on(TeamRoleUnassigned e, @SequenceNumber Long seq) {
        String id = e.teamId().value();
        change(Kind.TEAM, id, seq, unit -> removeMember(unit, e.personId().value(), e.role().name()),
                () -> store.removeAssignment(e.personId().value(), new Assignment(e.role().name(),
                        e.municipalityId().value(), e.institutionId().value(), id)));
    }

    @QueryHandler
    public UnitView handle(FindUnit query) {
        return store.find(query.kind(), query.id()).orElse(null);
    }

    @ResetHandler
    public void reset() {
        store.deleteAll();
    }

    private void change(Kind kind, String id, Long seq, Consumer<UnitView> change) {
        change(kind, id, seq, change, () -> { });
    }

    /**
     * Applies an event of the unit's own stream once (by version), saves it and tells subscribers. A redelivered
     * event changes nothing. The person's side effect runs first (and in a batch is written first, see
     * {@link dk.laeringsledelse.query.support.BatchedWrites}): if the process dies in between, the unit's version has
     * not moved and the redelivered event repeats it (it is idempotent).
     */
    private void change(Kind kind, String id, Long seq, Consumer<UnitView> change, Runnable personChange) {
        UnitView unit = store.find(kind, id).orElseGet(() -> new UnitView(id, kind));
        if (seq != null && seq <= unit.version) {
            return;
        }
        personChange.run();
        change.accept(unit);
        unit.version = seq == null ? unit.version + 1 : seq;
        store.save(unit);
        updates.emit(FindUnit.class, q -> q.kind() == kind && q.id().equals(id), unit);
    }

    /** A child unit registered: listed in its parent (not a change of the parent's own stream, so no version). */
    private void addChild(Kind parentKind, String parentId, String childId) {
        UnitView parent = store.find(parentKind, parentId).orElseGet(() -> new UnitView(parentId, parentKind));
        if (!parent.children.contains(childId)) {
            parent.children.add(childId);
            store.save(parent);
        }
    }

    private static void addMember(UnitView unit, String personId, String role) {
        Member member = new Member(personId, role);
        if (!unit.members.contains(member)) {
            unit.members.add(member);
        }
    }

    private static void removeMember(UnitView unit, String personId, String role) {
        unit.members.remove(new Member(personId, role));
    }
}
