extension EncodedRecords {
    /// The document's id, read from its line (the 16 digits after `RecordEncoder.documentLinePrefix`);
    /// nil for a line that does not start as the encoder writes it.
    public var documentID: String? {
        let prefix = RecordEncoder.documentLinePrefix
        let idLength = 16
        guard documentLine.count > prefix.count + idLength, documentLine.starts(with: prefix) else { return nil }
        let start = documentLine.startIndex + prefix.count
        let id = documentLine[start..<start + idLength]
        guard documentLine[start + idLength] == UInt8(ascii: "\""), !id.contains(UInt8(ascii: "\"")) else { return nil }
        return String(decoding: id, as: UTF8.self)
    }
}
