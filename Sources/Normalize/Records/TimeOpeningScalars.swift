/// The printed scalars a time expression may open with once folded as the time scanner reads
/// them (`ScalarText(_, simplifyingScript: true)`, `TimeScanner.mayOpenExpression`): a
/// text with none of them names no time, told from its UTF-8 bytes without decoding it into
/// a `ScalarText`.
enum TimeOpeningScalars {
    /// Every scalar below U+10000 whose simplified fold may open an expression, or that the
    /// decoder folds on the spot (no table entry): those are kept, to be read the slow way.
    private static let openings: ScalarSet = {
        var scalars = String.UnicodeScalarView()
        let folds = ScalarText.simplifiedFoldsOfBMP
        for value in 0..<0x1_0000 {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let entry = folds[value]
            if entry == 0 || Unicode.Scalar(UInt32(entry)).map(TimeScanner.mayOpenExpression) ?? true { scalars.append(scalar) }
        }
        return ScalarSet([String(scalars)])
    }()

    /// Whether `bytes` (valid UTF-8) may hold a time expression: false only when no scalar of
    /// them may open one. Scalars above U+FFFF count as possible openings.
    static func mayHoldTime(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        openings.scalarCountWithoutMembers(utf8: bytes) == nil
    }
}
