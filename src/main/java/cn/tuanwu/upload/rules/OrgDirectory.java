package cn.tuanwu.upload.rules;

/** Where an organisation code stands relative to the uploading organisation's scope. */
public interface OrgDirectory {

    Placement placement(String orgCode);

    enum Placement {
        /** The uploading organisation or one below it. */
        IN_SCOPE,
        /** An existing organisation elsewhere in the tree. */
        OUT_OF_SCOPE,
        /** No organisation has this code. */
        UNKNOWN
    }
}
