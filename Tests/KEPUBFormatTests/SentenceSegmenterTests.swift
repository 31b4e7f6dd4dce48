import Testing

@testable import QuireKEPUB

/// Where Kobo's sentence spans start and end: one row per rule, in the words of the text it is about.
struct SentenceSegmenterTests {
    static let cases: [(text: String, sentences: [String])] = [
        ("Hello world. This is Quire.", ["Hello world.", "This is Quire."]),
        ("Mr. Smith went to Washington. He stayed.", ["Mr. Smith went to Washington.", "He stayed."]),
        ("Dr. Lee, e.g. the host, spoke. Then i.e. nothing.", ["Dr. Lee, e.g. the host, spoke.", "Then i.e. nothing."]),
        ("The U.S. Army grew. It did.", ["The U.S. Army grew.", "It did."]),
        ("See No. 5 and vote no. Then leave.", ["See No. 5 and vote no.", "Then leave."]),
        ("Us vs. Them was the match. He lives on St. James Street.", ["Us vs. Them was the match.", "He lives on St. James Street."]),
        ("Apples, pears, etc. Then more.", ["Apples, pears, etc.", "Then more."]),
        ("Pi is 3.14 and it starts at 01:36. Next.", ["Pi is 3.14 and it starts at 01:36.", "Next."]),
        ("Visit https://example.com/a.b?c=1 now. Done!", ["Visit https://example.com/a.b?c=1 now.", "Done!"]),
        ("Wait... what? Really!? Yes\u{2026}", ["Wait... what?", "Really!?", "Yes\u{2026}"]),
        ("He said \"Stop.\" Then he left.", ["He said \"Stop.\"", "Then he left."]),
        ("She wrote \u{201C}Done!\u{201D} (really.) And so on", ["She wrote \u{201C}Done!\u{201D}", "(really.)", "And so on"]),
        ("J. R. R. Tolkien wrote it. Fine.", ["J. R. R. Tolkien wrote it.", "Fine."]),
        ("  One.   Two.  ", ["One.", "Two."]),
        ("No punctuation here", ["No punctuation here"]),
        ("我们开始吧。这是第一句！真的吗？", ["我们开始吧。", "这是第一句！", "真的吗？"]),
        ("他说：「好的。」然后走了。", ["他说：「好的。」", "然后走了。"]),
        ("第一；第二。", ["第一；", "第二。"]),
        ("これはペンです。あれは本です（たぶん）。", ["これはペンです。", "あれは本です（たぶん）。"]),
        ("『終わり。』次へ", ["『終わり。』", "次へ"]),
        ("오늘은 날씨가 좋다. 산책을 했다.그리고 집에 왔다? 네.", ["오늘은 날씨가 좋다.", "산책을 했다.", "그리고 집에 왔다?", "네."]),
        ("Mixed 中文。And English.", ["Mixed 中文。", "And English."]),
    ]

    @Test(arguments: cases)
    func splits(_ text: String, _ expected: [String]) {
        let scalars = Array(text.unicodeScalars)
        let sentences = SentenceSegmenter.sentences(in: scalars).map { range in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return String(view)
        }
        #expect(sentences == expected)
    }

    @Test func whiteSpaceIsNeverInsideASentence() {
        let text = "\n  First one.\t Second one!\n\n Third  "
        let scalars = Array(text.unicodeScalars)
        for range in SentenceSegmenter.sentences(in: scalars) {
            #expect(!SentenceSegmenter.isSpace(scalars[range.lowerBound]) && !SentenceSegmenter.isSpace(scalars[range.upperBound - 1]))
        }
        #expect(SentenceSegmenter.sentences(in: Array(" \n ".unicodeScalars)).isEmpty)
    }
}
