/// A column or labelled part of the source under its printed header, cleaned:
/// `fields` keeps every one, so nothing is lost when no canonical key fits.
public struct FieldValue: Hashable, Sendable {
    public var header: String
    public var text: String

    public init(header: String, text: String) {
        self.header = header
        self.text = text
    }
}
