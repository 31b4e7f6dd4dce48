import QuireCore
import Testing

/// Settings given more than once: a repeatable one keeps every value, any other the last.
@Suite struct RepeatableSettingTests {
    static let subject = FormatSetting("subject", .text(valueName: "tag"), repeatable: true, help: "A subject.")
    static let order = FormatSetting("order", .choice(["input", "published"]), default: "input", help: "Order.")

    @Test func appendedValuesAreKeptInOrder() {
        var options = ConversionOptions()
        options.append("a", for: "subject")
        options.append("b", for: "subject")
        options.append("", for: "subject")
        options.append("c", for: "subject")
        #expect(options.values(Self.subject) == ["a", "b", "c"])
        #expect(options.allValues("subject") == ["a", "b", "", "c"])
        // A setting that is not repeatable reads the last value, as before.
        #expect(options[Self.subject] == "c")
        #expect(options.value(Self.subject) == "c")
    }

    @Test func oneValueAndNoValue() {
        #expect(ConversionOptions(["subject": "only"]).values(Self.subject) == ["only"])
        #expect(ConversionOptions().values(Self.subject) == [])
        #expect(ConversionOptions().values(Self.order) == ["input"])
        #expect(ConversionOptions(allValues: ["subject": ["x", "y"], "order": ["published"]]).values(Self.subject) == ["x", "y"])
    }

    @Test func settingAValueReplacesEveryEarlierOne() {
        var options = ConversionOptions()
        options.append("a", for: "subject")
        options.append("b", for: "subject")
        options["subject"] = "z"
        #expect(options.values(Self.subject) == ["z"])
        options["subject"] = nil
        #expect(options.allValues("subject") == [])
    }

    @Test func everyValueIsChecked() {
        var options = ConversionOptions()
        options.append("tree", for: "order")
        options.append("input", for: "order")
        #expect(throws: ConversionFailure.self) { try options.check(against: [Self.order]) }
        #expect(ConversionOptions(["order": "input"]) != options)
    }
}
