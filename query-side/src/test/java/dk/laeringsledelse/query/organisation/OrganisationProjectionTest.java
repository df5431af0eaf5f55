package dk.laeringsledelse.query.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import dk.laeringsledelse.eventstore.testsupport.TestMongo;
import dk.laeringsledelse.kernel.cycle.TeamId;
import dk.laeringsledelse.kernel.organisation.*;
import dk.laeringsledelse.query.organisation.PersonView.Assignment;
import dk.laeringsledelse.query.organisation.UnitView.Kind;
import dk.laeringsledelse.query.organisation.UnitView.Member;
import dk.laeringsledelse.query.support.ProcessorBatch;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** From organisation events to the units and people the access rules read. */
class OrganisationProjectionTest {

    private static final MunicipalityId AARHUS = MunicipalityId.of("751");
    private static final InstitutionId SOLSIKKEN = InstitutionId.of("solsikken");
    private static final TeamId BIER = TeamId.of("bier");
    private static final PersonId METTE = PersonId.of("mette");
    private static final Instant AT = Instant.parse("2026-11-24T08:00:00Z");

    private OrganisationStore store;
    private OrganisationProjection projection;

    @BeforeEach
    void givenAMunicipalityWithAnInstitutionAndATeam() {
        store = new OrganisationStore(TestMongo.freshDatabase());
        projection = new OrganisationProjection(store, SimpleQueryUpdateEmitter.builder().build());
        projection.on(new MunicipalityRegistered(AARHUS, "Aarhus Kommune"), 0L, AT);
        projection.on(new InstitutionRegistered(SOLSIKKEN, AARHUS, "Solsikken", InstitutionKind.DAYCARE), 0L, AT);
        projection.on(new TeamRegistered(BIER, SOLSIKKEN, AARHUS, "Bierne", "3-4 år"), 0L, AT);
    }

    @Test
    void unitsListTheirChildrenAndNameTheirParents() {
        assertThat(store.find(Kind.MUNICIPALITY, "751").orElseThrow().children).containsExactly("solsikken");
        UnitView institution = store.find(Kind.INSTITUTION, "solsikken").orElseThrow();
        assertThat(institution.children).containsExactly("bier");
        assertThat(institution.institutionKind).isEqualTo("DAYCARE");
        UnitView team = store.team("bier").orElseThrow();
        assertThat(team.institutionId).isEqualTo("solsikken");
        assertThat(team.municipalityId).isEqualTo("751");
        assertThat(team.childGroup).isEqualTo("3-4 år");
        assertThat(team.registeredAt).isEqualTo(AT);
        assertThat(team.version).isZero();
    }

    @Test
    void aRoleAppearsInTheUnitAndInThePersonsAssignmentsAndGoesAwayWhenUnassigned() {
        projection.on(new TeamRoleAssigned(BIER, SOLSIKKEN, AARHUS, METTE, Role.EDUCATOR), 1L);
        projection.on(new InstitutionRoleAssigned(SOLSIKKEN, AARHUS, METTE, Role.LEADER), 1L);
        assertThat(store.team("bier").orElseThrow().members).containsExactly(new Member("mette", "EDUCATOR"));
        assertThat(store.person("mette").assignments()).containsExactlyInAnyOrder(
                new Assignment("EDUCATOR", "751", "solsikken", "bier"),
                new Assignment("LEADER", "751", "solsikken", null));

        projection.on(new TeamRoleUnassigned(BIER, SOLSIKKEN, AARHUS, METTE, Role.EDUCATOR), 2L);
        assertThat(store.team("bier").orElseThrow().members).isEmpty();
        assertThat(store.person("mette").assignments())
                .containsExactly(new Assignment("LEADER", "751", "solsikken", null));
    }

    @Test
    void aRedeliveredEventChangesNothingTwice() {
        projection.on(new TeamRenamed(BIER, SOLSIKKEN, AARHUS, "Bierne"), 1L);
        projection.on(new TeamRoleAssigned(BIER, SOLSIKKEN, AARHUS, METTE, Role.EDUCATOR), 2L);
        projection.on(new TeamRoleUnassigned(BIER, SOLSIKKEN, AARHUS, METTE, Role.EDUCATOR), 3L);
        // after a crash the processor may hand the assignment over again: the team's version says it was applied
        projection.on(new TeamRoleAssigned(BIER, SOLSIKKEN, AARHUS, METTE, Role.EDUCATOR), 2L);
        projection.on(new TeamRegistered(BIER, SOLSIKKEN, AARHUS, "Bierne", "3-4 år"), 0L, AT);

        UnitView team = store.team("bier").orElseThrow();
        assertThat(team.members).isEmpty();
        assertThat(store.person("mette").assignments()).isEmpty();
        assertThat(team.version).isEqualTo(3);
        assertThat(store.find(Kind.INSTITUTION, "solsikken").orElseThrow().children).containsExactly("bier");
    }

    @Test
    void aBatchWritesEachUnitOnce_andThePersonsAddsAndRemovesInTheirOrder_asEventByEventWould() {
        List<Consumer<OrganisationProjection>> events = List.of(
                p -> p.on(new MunicipalityRegistered(AARHUS, "Aarhus Kommune"), 0L, AT),
                p -> p.on(new InstitutionRegistered(SOLSIKKEN, AARHUS, "Solsikken", InstitutionKind.DAYCARE), 0L, AT),
                p -> p.on(new TeamRegistered(BIER, SOLSIKKEN, AARHUS, "Bierne", "3-4 år"), 0L, AT),
                p -> p.on(new TeamRoleAssigned(BIER, SOLSIKKEN, AARHUS, METTE, Role.EDUCATOR), 1L),
                p -> p.on(new InstitutionRoleAssigned(SOLSIKKEN, AARHUS, METTE, Role.LEADER), 1L),
                p -> p.on(new TeamRenamed(BIER, SOLSIKKEN, AARHUS, "Bierne 2"), 2L),
                p -> p.on(new TeamRoleUnassigned(BIER, SOLSIKKEN, AARHUS, METTE, Role.EDUCATOR), 3L),
                p -> p.on(new TeamRoleAssigned(BIER, SOLSIKKEN, AARHUS, METTE, Role.COORDINATOR), 4L));

        Map<String, Integer> writes = ProcessorBatch.sameAsEventByEvent(events, db -> {
            var batched = new OrganisationProjection(new OrganisationStore(db), SimpleQueryUpdateEmitter.builder().build());
            return event -> event.accept(batched);
        }, "municipalities", "institutions", "teams", "people");

        // the person's document (shared with other municipalities' sequences) gets atomic updates in their order:
        // add educator and leader, remove educator, add coordinator
        assertThat(writes).isEqualTo(Map.of("municipalities", 1, "institutions", 1, "teams", 1, "people", 3));
    }

    @Test
    void aRetiredTeamStaysReadable() {
        projection.on(new TeamRetired(BIER, SOLSIKKEN, AARHUS), 1L);
        UnitView team = store.team("bier").orElseThrow();
        assertThat(team.retired).isTrue();
        assertThat(team.name).isEqualTo("Bierne");
    }
}
