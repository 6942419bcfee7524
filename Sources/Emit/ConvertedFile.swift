public import PlanModel

/// What one input file became: its records (the document record first), or a failure line.
public enum ConvertedFile: Sendable {
    case records(EncodedRecords)
    case failure(FileFailure)
}
