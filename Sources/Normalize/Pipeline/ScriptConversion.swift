import PlanModel

/// Applies one document's script conversion to every text value, counting the characters
/// it changed (the document record's `script.converted`).
struct ScriptConversion {
    let converter: ScriptConverter?
    private(set) var changedCharacters = 0
    /// Texts already converted in this document (column headers, section titles and merged
    /// cells repeat row after row), keyed by their bytes: the converted text (nil when it
    /// stays) and the characters it changed.
    private var converted: [ByteKey: (text: String?, changes: Int)] = [:]

    init(converter: ScriptConverter?) {
        self.converter = converter
    }

    /// Whether every text stays as it is (no conversion for this document).
    var keepsText: Bool { converter == nil }

    mutating func convert(_ text: String) -> String {
        changed(text) ?? text
    }

    /// The converted text, or nil when conversion leaves it as it is.
    private mutating func changed(_ text: String) -> String? {
        guard let converter, !text.isEmpty, Self.mayHoldHan(text.utf8) else { return nil }
        let key = ByteKey(text)
        if let known = converted[key] {
            changedCharacters += known.changes
            return known.text
        }
        let result = Self.changed(text, by: converter)
        converted[key] = result
        changedCharacters += result.changes
        return result.text
    }

    /// `text` converted (nil when it comes back as it is) and the characters that changed.
    private static func changed(_ text: String, by converter: ScriptConverter) -> (text: String?, changes: Int) {
        let converted = converter.convert(text)
        // Most texts come back byte for byte: told without comparing them as Strings.
        guard !sameBytes(text, converted) else { return (nil, 0) }
        // Other bytes may still be an equal String (a compatibility ideograph and its unified
        // form): such a text is converted but counts no change.
        return (converted, converted != text ? difference(text, converted) : 0)
    }

    /// A text compared and hashed by its UTF-8 bytes (not by `String` equivalence, which
    /// would take two spellings of one character for the same text).
    private struct ByteKey: Hashable {
        let text: String
        /// A digest of every byte, computed once: the table rehashes its keys as it grows,
        /// and hashing long texts through `Hasher` byte by byte cost more than converting them.
        let digest: UInt64

        init(_ text: String) {
            var text = text
            text.makeContiguousUTF8()
            digest = text.withUTF8(Self.digest)
            self.text = text
        }

        static func == (left: ByteKey, right: ByteKey) -> Bool {
            left.digest == right.digest && ScriptConversion.sameBytes(left.text, right.text)
        }

        /// Hashed by every byte: a hash of samples is cheaper, but texts that share them (cells of
        /// one length differing only between the samples, as a column of place names does) would
        /// all fall into one bucket, and a document of many would take quadratic time.
        func hash(into hasher: inout Hasher) {
            hasher.combine(digest)
        }

        /// Every byte mixed in, eight at a time (a multiply-rotate step a word, as FxHash does),
        /// then the length; `Hasher` (seeded per process) spreads the result over the buckets.
        private static func digest(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
            guard let base = bytes.baseAddress else { return 0 }
            let raw = UnsafeRawPointer(base)
            let count = bytes.count
            var state: UInt64 = 0
            @inline(__always) func mix(_ word: UInt64) {
                state = ((state << 5 | state >> 59) ^ word) &* 0x51_7CC1_B727_220A_95
            }
            var index = 0
            while index + 8 <= count {
                mix(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
                index += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while index < count {
                tail |= UInt64(bytes[index]) << shift
                shift += 8
                index += 1
            }
            mix(tail)
            mix(UInt64(count))
            return state
        }
    }

    private static func sameBytes(_ first: String, _ second: String) -> Bool {
        var first = first, second = second
        return first.withUTF8 { one in
            second.withUTF8 { other in
                ByteSearch.equal(one, other)
            }
        }
    }

    /// Converts `text` in place, writing only when it changes.
    private mutating func convert(_ text: inout String) {
        if let converted = changed(text) { text = converted }
    }

    /// Converts each text in place: an array whose texts all stay is not copied.
    private mutating func convert(_ texts: inout [String]) {
        for index in texts.indices {
            if let converted = changed(texts[index]) { texts[index] = converted }
        }
    }

    mutating func convert(_ section: SectionRef) -> SectionRef {
        guard !keepsText else { return section }
        var section = section
        convert(&section.marker)
        convert(&section.title)
        return section
    }

    mutating func convert(_ text: TaskText) -> TaskText {
        guard !keepsText else { return text }
        var result = text
        for index in result.section.indices {
            if let marker = changed(result.section[index].marker) { result.section[index].marker = marker }
            if let title = changed(result.section[index].title) { result.section[index].title = title }
        }
        convert(&result.title)
        if let target = result.target, let converted = changed(target) { result.target = converted }
        if let measures = result.measures, let converted = changed(measures) { result.measures = converted }
        convert(&result.milestones)
        convert(&result.leaders)
        convert(&result.leadUnits)
        convert(&result.supportUnits)
        for index in result.fields.indices {
            if let header = changed(result.fields[index].header) { result.fields[index].header = header }
            if let text = changed(result.fields[index].text) { result.fields[index].text = text }
        }
        return result
    }

    /// Whether the text holds a scalar from U+3400 up (where Han characters start): a lead
    /// byte from E4 up, or E3 followed by 90 or more. Continuation bytes are below E3, so
    /// every byte can be looked at alone.
    private static func mayHoldHan(_ utf8: String.UTF8View) -> Bool {
        func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            for index in bytes.indices where bytes[index] >= 0xE3 {
                if bytes[index] >= 0xE4 || (index + 1 < bytes.count && bytes[index + 1] >= 0x90) { return true }
            }
            return false
        }
        return utf8.withContiguousStorageIfAvailable(scan) ?? Array(utf8).withUnsafeBufferPointer(scan)
    }

    /// Characters that differ position by position (phrase conversion rarely changes length;
    /// when it does, the longer text counts whole).
    static func difference(_ before: String, _ after: String) -> Int {
        // One walk over both UTF-8 buffers, a scalar from each per step: positions whose
        // scalars differ, and the scalar counts.
        var before = before, after = after
        return before.withUTF8 { old in
            after.withUTF8 { new in
                if let aligned = alignedDifference(old, new) { return aligned }
                var oldIndex = 0, newIndex = 0
                var oldCount = 0, newCount = 0
                var differing = 0
                while oldIndex < old.count, newIndex < new.count {
                    let oldLength = Self.scalarLength(old[oldIndex])
                    let newLength = Self.scalarLength(new[newIndex])
                    if oldLength != newLength {
                        differing += 1
                    } else {
                        for offset in 0..<oldLength where old[oldIndex + offset] != new[newIndex + offset] {
                            differing += 1
                            break
                        }
                    }
                    oldIndex += oldLength
                    newIndex += newLength
                    oldCount += 1
                    newCount += 1
                }
                while oldIndex < old.count {
                    oldIndex += Self.scalarLength(old[oldIndex])
                    oldCount += 1
                }
                while newIndex < new.count {
                    newIndex += Self.scalarLength(new[newIndex])
                    newCount += 1
                }
                return oldCount == newCount ? differing : max(oldCount, newCount)
            }
        }
    }

    /// `difference` when every scalar of both texts starts at the same byte offset (each
    /// replacement kept its UTF-8 length, as nearly all do): the scalars holding a differing
    /// byte, counted eight bytes at a time. Nil when the texts are not so aligned.
    static func alignedDifference(_ old: UnsafeBufferPointer<UInt8>, _ new: UnsafeBufferPointer<UInt8>) -> Int? {
        guard old.count == new.count, let oldBase = old.baseAddress, let newBase = new.baseAddress else { return nil }
        let high: UInt64 = 0x8080_8080_8080_8080
        let count = old.count
        @inline(__always) func word(_ base: UnsafePointer<UInt8>, _ index: Int) -> UInt64 {
            if index + 8 <= count {
                return UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: UInt64.self))
            }
            // The tail, padded with zero bytes (a lead byte that differs in neither text).
            var value: UInt64 = 0
            for offset in 0..<(count - index) { value |= UInt64(base[index + offset]) << UInt64(8 * offset) }
            return value
        }
        var differing = 0
        // Whether the scalar open at the end of the last word already had a differing byte.
        var openDiffers: UInt64 = 0
        var index = 0
        while index < count {
            let oldWord = word(oldBase, index), newWord = word(newBase, index)
            // The high bit of each continuation byte (10xxxxxx).
            let continuation = oldWord & ~(oldWord << 1) & high
            guard continuation == newWord & ~(newWord << 1) & high else { return nil }
            let changed = oldWord ^ newWord
            // The high bit of each byte that differs.
            let differs = (((changed & ~high) &+ ~high) | changed) & high
            // A scalar's differing bytes seen so far, carried over its continuation bytes
            // (three at most), the open scalar's from the last word included.
            var seen = differs | (openDiffers & continuation & 0x80)
            seen |= (seen << 8) & continuation
            seen |= (seen << 8) & continuation
            seen |= (seen << 8) & continuation
            // Each differing scalar once: at its first differing byte.
            let seenBefore = (seen << 8) | openDiffers
            differing += (differs & ~(continuation & seenBefore)).nonzeroBitCount
            openDiffers = seen >> 63 != 0 ? 0x80 : 0
            index += 8
        }
        return differing
    }

    /// Bytes of the UTF-8 sequence `lead` starts (Swift strings are valid UTF-8).
    @inline(__always)
    private static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }
}
