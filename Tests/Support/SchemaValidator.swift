public import Emit

/// A JSON Schema (draft 2020-12) validator for the keywords our schema uses: $ref into
/// $defs, type, const, enum, pattern, minimum, properties, required,
/// additionalProperties, items, anyOf, oneOf. Unknown keywords fail loudly, so the schema
/// cannot grow a keyword this validator silently ignores.
public struct SchemaValidator: Sendable {
    public let root: JSONValue

    public init(root: JSONValue) {
        self.root = root
    }

    /// Problems with `value`, as `path: reason`; empty when it is valid.
    public func validate(_ value: JSONValue) -> [String] {
        validate(value, against: root)
    }

    /// Problems with `value` against one of the root's sub-schemas.
    public func validate(_ value: JSONValue, against schema: JSONValue) -> [String] {
        var problems: [String] = []
        check(value, against: schema, path: "$", problems: &problems)
        return problems
    }

    private func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#/$defs/") else { return nil }
        return root["$defs"]?[String(reference.dropFirst("#/$defs/".count))]
    }

    private func check(_ value: JSONValue, against schema: JSONValue, path: String, problems: inout [String]) {
        if case .bool(let allowed) = schema {
            if !allowed { problems.append("\(path): not allowed") }
            return
        }
        guard let keywords = schema.objectValue else {
            problems.append("\(path): schema is not an object")
            return
        }
        for (keyword, argument) in keywords {
            switch keyword {
            case "$schema", "$id", "title", "description", "$defs":
                continue
            case "$ref":
                guard let target = argument.stringValue.flatMap(resolve) else {
                    problems.append("\(path): unresolvable $ref")
                    continue
                }
                check(value, against: target, path: path, problems: &problems)
            case "type":
                if !Self.has(type: argument.stringValue ?? "", value) { problems.append("\(path): not of type \(argument.stringValue ?? "?")") }
            case "const":
                if value != argument { problems.append("\(path): not the constant \(JSONSerializer.serialize(argument))") }
            case "enum":
                if !(argument.arrayValue ?? []).contains(value) { problems.append("\(path): \(JSONSerializer.serialize(value)) not in enum") }
            case "pattern":
                if let text = value.stringValue, let pattern = argument.stringValue {
                    let regex = try! Regex(pattern)
                    if (try? regex.firstMatch(in: text)) == nil { problems.append("\(path): \"\(text)\" does not match \(pattern)") }
                }
            case "minimum":
                if case .number(let text) = value, let number = Double(text), let minimum = Double(argument.scalarText ?? ""),
                    number < minimum
                {
                    problems.append("\(path): below minimum")
                }
            case "properties":
                guard let object = value.objectValue else { continue }
                for (name, propertySchema) in argument.objectValue ?? [] {
                    if let property = object.first(where: { $0.0 == name })?.1 {
                        check(property, against: propertySchema, path: "\(path).\(name)", problems: &problems)
                    }
                }
            case "required":
                guard let object = value.objectValue else { continue }
                for name in (argument.arrayValue ?? []).compactMap(\.stringValue) where !object.contains(where: { $0.0 == name }) {
                    problems.append("\(path): missing \(name)")
                }
            case "additionalProperties":
                guard let object = value.objectValue else { continue }
                let declared = Set((schema["properties"]?.objectValue ?? []).map(\.0))
                for (name, property) in object where !declared.contains(name) {
                    check(property, against: argument, path: "\(path).\(name)", problems: &problems)
                }
            case "items":
                for (index, element) in (value.arrayValue ?? []).enumerated() {
                    check(element, against: argument, path: "\(path)[\(index)]", problems: &problems)
                }
            case "anyOf", "oneOf":
                let alternatives = argument.arrayValue ?? []
                let passing = alternatives.filter { alternative in
                    var inner: [String] = []
                    check(value, against: alternative, path: path, problems: &inner)
                    return inner.isEmpty
                }.count
                if keyword == "anyOf" ? passing == 0 : passing != 1 {
                    problems.append("\(path): \(passing) of \(alternatives.count) alternatives of \(keyword) match")
                }
            default:
                problems.append("\(path): validator does not know keyword \(keyword)")
            }
        }
    }

    static func has(type: String, _ value: JSONValue) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object): true
        case ("number", .number): true
        case ("integer", .number(let text)): Int(text) != nil
        default: false
        }
    }
}
