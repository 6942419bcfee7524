/// What one input file became: its records (the document record first), or a failure line.
public enum ConvertedFile: Hashable, Sendable {
    case records([JSONValue])
    case failure(JSONValue)
}
