package dk.laeringsledelse.app.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.laeringsledelse.app.store.EventStoreDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dk.laeringsledelse.app.support.ApplicationTest;
import dk.laeringsledelse.app.support.TestApi.TestTeam;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;

/** An auditor verifies a cycle and sees a payload altered directly in MongoDB; operators verify the whole store. */
class IntegrityIT extends ApplicationTest {

    private static final String VERIFY = "query($id: ID!) { verifyIntegrity(aggregateId: $id) { ok eventsVerified "
            + "firstBreak { kind aggregateId sequenceNumber detail } } }";

    @Autowired
    EventStoreDatabase eventStore;

    @Test
    void anAuditorSeesAnAlteredEventAndAnotherMunicipalitysAuditorIsRefused() {
        TestTeam team = newTeam("pia");
        assign("anne", "AUDITOR", team);
        assign("other.auditor", "AUDITOR", newTeam("someone"));
        String cycleId = graphQl("pia").documentName("startLearningCycle").fragmentName("cycleFields")
                .variable("input", startInput(team.teamId(), "Sprog")).execute().errors().verify()
                .path("startLearningCycle.cycleId").entity(String.class).get();

        graphQl("anne").document(VERIFY).variable("id", cycleId).execute().errors().verify()
                .path("verifyIntegrity.ok").entity(Boolean.class).isEqualTo(true)
                .path("verifyIntegrity.eventsVerified").entity(Integer.class).isEqualTo(1);
        List<ResponseError> errors = new ArrayList<>();
        graphQl("other.auditor").document(VERIFY).variable("id", cycleId).execute().errors().satisfy(errors::addAll);
        assertThat(errors).singleElement().satisfies(e ->
                assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN"));

        // someone with database access rewrites history
        eventStore.database().getCollection("events").updateOne(Filters.and(Filters.eq("aggregateId", cycleId),
                Filters.eq("firstSeq", 0L)), Updates.set("events.0.payload.title", "Noget andet"));

        graphQl("anne").document(VERIFY).variable("id", cycleId).execute().errors().verify()
                .path("verifyIntegrity.ok").entity(Boolean.class).isEqualTo(false)
                .path("verifyIntegrity.firstBreak.kind").entity(String.class).isEqualTo("ALTERED")
                .path("verifyIntegrity.firstBreak.aggregateId").entity(String.class).isEqualTo(cycleId)
                .path("verifyIntegrity.firstBreak.sequenceNumber").entity(Integer.class).isEqualTo(0);

        String runId = graphQl(OPERATOR).document("mutation { verifyAllIntegrity { id state } }").execute()
                .errors().verify().path("verifyAllIntegrity.id").entity(String.class).get();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> graphQl(OPERATOR)
                .document("query($id: ID!) { integrityVerification(id: $id) { state } }").variable("id", runId)
                .execute().errors().verify().path("integrityVerification.state").entity(String.class).isEqualTo("DONE"));
        List<String> broken = graphQl(OPERATOR)
                .document("query($id: ID!) { integrityVerification(id: $id) { ok processed total breaks { aggregateId kind } } }")
                .variable("id", runId).execute().errors().verify()
                .path("integrityVerification.ok").entity(Boolean.class).isEqualTo(false)
                .path("integrityVerification.breaks[*].aggregateId").entityList(String.class).get();
        assertThat(broken).contains(cycleId);

        List<ResponseError> refused = new ArrayList<>();
        graphQl("anne").document("mutation { verifyAllIntegrity { id } }").execute().errors().satisfy(refused::addAll);
        assertThat(refused).singleElement().satisfies(e ->
                assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN"));
    }
}
