package dk.laeringsledelse.command.organisation;

import static dk.laeringsledelse.command.support.Expectations.violation;
import static dk.laeringsledelse.kernel.ErrorCode.BAD_REQUEST;
import static dk.laeringsledelse.kernel.ErrorCode.CONFLICT;
import static dk.laeringsledelse.kernel.ErrorCode.NOT_FOUND;

import dk.laeringsledelse.kernel.cycle.TeamId;
import dk.laeringsledelse.kernel.organisation.AssignTeamRole;
import dk.laeringsledelse.kernel.organisation.InstitutionId;
import dk.laeringsledelse.kernel.organisation.MunicipalityId;
import dk.laeringsledelse.kernel.organisation.PersonId;
import dk.laeringsledelse.kernel.organisation.RegisterTeam;
import dk.laeringsledelse.kernel.organisation.RenameTeam;
import dk.laeringsledelse.kernel.organisation.RetireTeam;
import dk.laeringsledelse.kernel.organisation.Role;
import dk.laeringsledelse.kernel.organisation.TeamRegistered;
import dk.laeringsledelse.kernel.organisation.TeamRenamed;
import dk.laeringsledelse.kernel.organisation.TeamRetired;
import dk.laeringsledelse.kernel.organisation.TeamRoleAssigned;
import dk.laeringsledelse.kernel.organisation.TeamRoleUnassigned;
import dk.laeringsledelse.kernel.organisation.UnassignTeamRole;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Registering, renaming and retiring a team; its members and resource persons. */
class TeamTest {

    static final MunicipalityId AARHUS = new MunicipalityId("751");
    static final InstitutionId SOLSIKKEN = new InstitutionId("solsikken");
    static final TeamId SPIREN = new TeamId("spiren");
    static final PersonId METTE = new PersonId("educator-mette");
    static final TeamRegistered REGISTERED = new TeamRegistered(SPIREN, SOLSIKKEN, AARHUS, "Spiren", "3-4 år");

    private AggregateTestFixture<Team> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Team.class);
    }

    @Test
    void whenRegistered_thenRegisteredInItsInstitutionAndMunicipality() {
        fixture.givenNoPriorActivity()
                .when(new RegisterTeam(SPIREN, SOLSIKKEN, AARHUS, "Spiren", "3-4 år"))
                .expectEvents(REGISTERED);
    }

    @Test
    void whenRegisteredWithoutChildGroup_thenRegistered() {
        fixture.givenNoPriorActivity()
                .when(new RegisterTeam(SPIREN, SOLSIKKEN, AARHUS, "Spiren", null))
                .expectEvents(new TeamRegistered(SPIREN, SOLSIKKEN, AARHUS, "Spiren", null));
    }

    @Test
    void whenRegisteredWithABlankChildGroup_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(new RegisterTeam(SPIREN, SOLSIKKEN, AARHUS, "Spiren", ""))
                .expectException(violation(BAD_REQUEST, "childGroup"));
    }

    @Test
    void whenRegisteredWithoutInstitution_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(new RegisterTeam(SPIREN, null, AARHUS, "Spiren", null))
                .expectException(violation(BAD_REQUEST, "institutionId"));
    }

    @Test
    void givenRegistered_whenRenamed_thenRenamed() {
        fixture.given(REGISTERED)
                .when(new RenameTeam(SPIREN, "Spirerne"))
                .expectEvents(new TeamRenamed(SPIREN, SOLSIKKEN, AARHUS, "Spirerne"));
    }

    @Test
    void givenRegistered_whenRetired_thenRetired() {
        fixture.given(REGISTERED)
                .when(new RetireTeam(SPIREN))
                .expectEvents(new TeamRetired(SPIREN, SOLSIKKEN, AARHUS));
    }

    @Test
    void givenRegistered_whenEducatorAssigned_thenAssigned() {
        fixture.given(REGISTERED)
                .when(new AssignTeamRole(SPIREN, METTE, Role.EDUCATOR))
                .expectEvents(new TeamRoleAssigned(SPIREN, SOLSIKKEN, AARHUS, METTE, Role.EDUCATOR));
    }

    @Test
    void givenEducator_whenAlsoMadeCoordinator_thenHoldsBoth() {
        fixture.given(REGISTERED, new TeamRoleAssigned(SPIREN, SOLSIKKEN, AARHUS, METTE, Role.EDUCATOR))
                .when(new AssignTeamRole(SPIREN, METTE, Role.COORDINATOR))
                .expectEvents(new TeamRoleAssigned(SPIREN, SOLSIKKEN, AARHUS, METTE, Role.COORDINATOR));
    }

    @Test
    void givenRegistered_whenLeaderRoleAssignedToTheTeam_thenRejected() {
        fixture.given(REGISTERED)
                .when(new AssignTeamRole(SPIREN, METTE, Role.LEADER))
                .expectException(violation(BAD_REQUEST, "role"))
                .expectExceptionMessage("role LEADER is held at INSTITUTION level, not at TEAM level");
    }

    @Test
    void givenRetired_whenEducatorAssigned_thenConflict() {
        fixture.given(REGISTERED, new TeamRetired(SPIREN, SOLSIKKEN, AARHUS))
                .when(new AssignTeamRole(SPIREN, METTE, Role.EDUCATOR))
                .expectException(violation(CONFLICT, "teamId"));
    }

    @Test
    void givenEducator_whenUnassigned_thenUnassigned() {
        fixture.given(REGISTERED, new TeamRoleAssigned(SPIREN, SOLSIKKEN, AARHUS, METTE, Role.EDUCATOR))
                .when(new UnassignTeamRole(SPIREN, METTE, Role.EDUCATOR))
                .expectEvents(new TeamRoleUnassigned(SPIREN, SOLSIKKEN, AARHUS, METTE, Role.EDUCATOR));
    }

    @Test
    void givenEducator_whenUnassignedFromARoleNotHeld_thenNotFound() {
        fixture.given(REGISTERED, new TeamRoleAssigned(SPIREN, SOLSIKKEN, AARHUS, METTE, Role.EDUCATOR))
                .when(new UnassignTeamRole(SPIREN, METTE, Role.COORDINATOR))
                .expectException(violation(NOT_FOUND, "personId"))
                .expectNoEvents();
    }
}
