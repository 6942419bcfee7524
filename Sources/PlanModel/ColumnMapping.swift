/// A table column: its printed header and the canonical field it was mapped to (nil when none fits).
public struct ColumnMapping: Hashable, Sendable {
    public var header: String
    public var field: CanonicalField?

    public init(header: String, field: CanonicalField?) {
        self.header = header
        self.field = field
    }
}
