package dk.laeringsledelse.kernel.cycle;

/** What a documented sign of learning rests on. */
public enum EvidenceKind {
    OBSERVATION,
    CHILDS_WORK,
    /** A reference to a photo or video kept elsewhere; the media itself is never part of an event. */
    PHOTO_VIDEO_REFERENCE,
    CONVERSATION,
    OTHER
}
