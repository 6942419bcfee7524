/// A stable, dotted identifier for a kind of diagnostic, such as
/// `ingest.table.mergedCellInherited`. Every code is catalogued in
/// `DiagnosticCode+Catalog.swift`, so the full list lives in one place.
public struct DiagnosticCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
}
