package dk.laeringsledelse.kernel.cycle;

/** Which children a learning goal is for. */
public enum TargetGroupKind {
    WHOLE_GROUP,
    SUB_GROUP,
    /** Named (pseudonymous) children: {@link TargetGroup#childIds()} must not be empty. */
    INDIVIDUAL_CHILDREN
}
