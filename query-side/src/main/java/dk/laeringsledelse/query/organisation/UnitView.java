package dk.laeringsledelse.query.organisation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A municipality, institution or team as dashboards and the access rules read it: one document per unit, read by
 * {@code _id}. It lists its child units' ids and the roles held in it, so that no query has to search for them.
 */
public class UnitView {

    public enum Kind { MUNICIPALITY, INSTITUTION, TEAM }

    /** A role a person holds in this unit. */
    public record Member(String personId, String role) {
    }

    @JsonProperty("_id")
    public String id;
    public Kind kind;
    public String municipalityId;
    /** For a team: its institution. */
    public String institutionId;
    public String name;
    /** For an institution: DAYCARE or SCHOOL. */
    public String institutionKind;
    /** For a team: the children it works with. */
    public String childGroup;
    public boolean retired;
    public Instant registeredAt;
    /** The unit's own aggregate version (last applied sequence number), for read-your-own-writes. */
    public long version = -1;
    /** Institutions of a municipality, teams of an institution, in registration order. */
    public List<String> children = new ArrayList<>();
    public List<Member> members = new ArrayList<>();

    public UnitView() {
    }

    UnitView(String id, Kind kind) {
        this.id = id;
        this.kind = kind;
    }

    public boolean isActive() {
        return !retired;
    }
}
