package dk.laeringsledelse.eventstore.integrity;

import dk.laeringsledelse.eventstore.EventHash;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the worked example of docs/auditing.md: the stored event, its canonical form and hash, and a seal over it.
 * The page must contain each of them verbatim, so the documentation cannot drift from the code.
 */
class AuditorExampleTest {

    static final String EVENT = """
            {
              "eventId": "3f6c2a1e-8b4d-4f1a-9c7e-2d5b8a9e0f11",
              "aggregateType": "LearningCycle",
              "aggregateId": "c-7a41",
              "seq": {"$numberLong": "1"},
              "position": {"$numberLong": "42"},
              "timestamp": {"$date": "2026-11-20T09:30:00.120Z"},
              "payloadType": "dk.laeringsledelse.kernel.cycle.SignOfLearningDocumented",
              "payloadRevision": "1",
              "payload": {"cycleId": "c-7a41", "observation": "Barn A7 sagde \\"kæmpestor\\"", "childIds": ["a7"],
                          "matchedExpectedSign": 0, "weight": 2.5, "observedOn": "2026-11-20"},
              "metaData": {"traceId": "t-1", "actor": "pia", "correlationId": "t-1"},
              "prevHash": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
              "hash": "HASH"
            }""";

    static final String CANONICAL_FORM = """
            3f6c2a1e-8b4d-4f1a-9c7e-2d5b8a9e0f11
            LearningCycle
            c-7a41
            1
            dk.laeringsledelse.kernel.cycle.SignOfLearningDocumented
            1
            {"childIds":["a7"],"cycleId":"c-7a41","matchedExpectedSign":0,"observation":"Barn A7 sagde \\"kæmpestor\\"","observedOn":"2026-11-20","weight":2.5}
            {"actor":"pia","correlationId":"t-1","traceId":"t-1"}
            2026-11-20T09:30:00.120Z
            9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08""";

    static final String HASH = "0f4dad59f803f95411db2109a5a457ac61ce62f9af58720f81f72102f250dcd4";

    static final String SEAL_TEXT = """
            seal 1
            prev 0000000000000000000000000000000000000000000000000000000000000000
            range 41 43
            41 void
            42 event 1 HASH c-7a41
            43 gap""";

    static final String SEAL_DIGEST = "8687692f4e46aadaf1ffc466a5f3d25e3fe393cc5afa045781a6e064d4b1fb9f";

    @Test
    void theExampleEventHashesAsDocumented() {
        Document event = Document.parse(EVENT.replace("\"HASH\"", "\"" + HASH + "\""));

        assertThat(EventHash.canonicalForm(event)).isEqualTo(CANONICAL_FORM);
        assertThat(EventHash.sha256Hex(CANONICAL_FORM)).isEqualTo(HASH);
        assertThat(EventHash.of(event)).isEqualTo(event.getString("hash"));
    }

    @Test
    void theExampleSealDigestsAsDocumented() {
        List<String> lines = List.of("41 void", "42 event 1 " + HASH + " c-7a41", "43 gap");

        assertThat(SealDigest.of(1, SealDigest.GENESIS, 41, 43, lines)).isEqualTo(SEAL_DIGEST);
        assertThat(EventHash.sha256Hex(SEAL_TEXT.replace("HASH", HASH))).isEqualTo(SEAL_DIGEST);
    }

    @Test
    void theAuditingPageShowsTheExampleVerbatim() throws IOException {
        String page = Files.readString(Path.of("..", "docs", "auditing.md"));

        assertThat(page).contains(EVENT.replace("HASH", HASH), CANONICAL_FORM, HASH,
                                    SEAL_TEXT.replace("HASH", HASH), SEAL_DIGEST);
    }
}
