/// The version written into the manifest: records from another version are redone.
public enum ToolVersion {
    public static let current = "0.2.0"
}
