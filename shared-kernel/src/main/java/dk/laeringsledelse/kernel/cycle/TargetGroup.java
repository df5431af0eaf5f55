package dk.laeringsledelse.kernel.cycle;

import java.util.List;

/**
 * Which children a learning goal is for.
 *
 * @param kind        whole child group, a sub-group, or individual children
 * @param description optional free text describing the group (may describe children: kept as its own text field)
 * @param childIds    pseudonymous child ids; required non-empty for {@link TargetGroupKind#INDIVIDUAL_CHILDREN},
 *                    optional otherwise (empty list, never null, in events)
 */
public record TargetGroup(TargetGroupKind kind, String description, List<ChildId> childIds) {

    public static TargetGroup wholeGroup() {
        return new TargetGroup(TargetGroupKind.WHOLE_GROUP, null, List.of());
    }
}
