package se.hjalpmedelsnav.mappings.message;

/** The two body formats a municipality may send; both carry the same structure. */
public enum BodyFormat {
    JSON,
    XML
}
