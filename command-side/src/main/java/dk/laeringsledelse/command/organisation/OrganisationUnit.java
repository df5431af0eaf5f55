package dk.laeringsledelse.command.organisation;

import dk.laeringsledelse.command.support.Outcomes;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dk.laeringsledelse.command.support.Check;
import dk.laeringsledelse.kernel.RuleViolation;
import dk.laeringsledelse.kernel.organisation.PersonId;
import dk.laeringsledelse.kernel.organisation.Role;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.CommandHandlerInterceptor;

/**
 * What a municipality, an institution and a team have in common: a name, whether it is retired, and the roles
 * people hold in it. Units are never deleted; retiring keeps their history readable and stops new assignments.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
abstract class OrganisationUnit {

    protected String name;
    protected boolean retired;
    private final Map<PersonId, Set<Role>> roles = new HashMap<>();

    /** Like the learning cycle: answer with the id created (if any) and the version, for read-your-own-writes. */
    @CommandHandlerInterceptor
    public Object answerWithVersion(InterceptorChain chain) throws Exception {
        return Outcomes.withVersion(chain);
    }

    /** What this unit is called in messages, e.g. "team". */
    protected abstract String kind();

    protected static String checkName(String name) {
        String checked = Check.text("name", name, Check.TITLE_MAX);
        return checked.strip();
    }

    /** A rename to the current name changes nothing and stores nothing. */
    protected boolean renames(String newName) {
        requireActive();
        return !checkName(newName).equals(name);
    }

    protected void requireActive() {
        if (retired) {
            throw RuleViolation.conflict(kind() + "Id", "the " + kind() + " is retired");
        }
    }

    /** True if the assignment changes anything (assigning a held role again stores nothing). */
    protected boolean assigns(PersonId person, Role role, Role.Scope scope) {
        checkAssignment(person, role, scope);
        requireActive();
        return !holds(person, role);
    }

    protected void unassigns(PersonId person, Role role, Role.Scope scope) {
        checkAssignment(person, role, scope);
        if (!holds(person, role)) {
            throw RuleViolation.notFound("personId", person + " does not hold the role " + role + " in this " + kind());
        }
    }

    private void checkAssignment(PersonId person, Role role, Role.Scope scope) {
        Check.id("personId", person);
        Check.required("role", role);
        if (role.scope() != scope) {
            throw RuleViolation.badRequest("role", "role " + role + " is held at " + role.scope()
                    + " level, not at " + scope + " level");
        }
    }

    private boolean holds(PersonId person, Role role) {
        return roles.getOrDefault(person, Set.of()).contains(role);
    }

    protected void roleAssigned(PersonId person, Role role) {
        roles.computeIfAbsent(person, p -> EnumSet.noneOf(Role.class)).add(role);
    }

    protected void roleUnassigned(PersonId person, Role role) {
        Set<Role> held = roles.get(person);
        if (held != null) {
            held.remove(role);
        }
    }
}
