import QuireCore
import Testing

@Suite struct LanguageDetectorTests {
    @Test(arguments: [
        ("en", "The host explains how the bakery learned to plan its week, and why the ovens run at night."),
        ("es", "La panadera explica cómo el equipo planifica la semana y por qué los hornos funcionan de noche."),
        ("fr", "La boulangère explique comment l'équipe organise la semaine et pourquoi les fours tournent la nuit."),
        ("de", "Die Bäckerin erklärt, wie das Team die Woche plant und warum die Öfen in der Nacht laufen."),
        ("pt", "A padeira explica como a equipe planeja a semana e por que os fornos funcionam durante a noite."),
        ("zh", "主持人解释了面包店如何安排一周的工作，以及为什么烤箱在夜里运转。Oriol 提到了 Gemini 和 RL 的关系。"),
        ("ja", "司会者は、パン屋が一週間の仕事をどのように計画しているか、そしてなぜオーブンが夜に動くのかを説明します。"),
        ("ko", "진행자는 빵집이 일주일을 어떻게 계획하는지, 그리고 왜 오븐이 밤에 돌아가는지 설명한다. Yann은 JEPA를 소개한다."),
    ])
    func recognizesEachLanguage(tag: String, text: String) {
        #expect(LanguageDetector.detect(text) == tag)
    }

    @Test func staysSilentWithoutEvidence() {
        #expect(LanguageDetector.detect("") == nil)
        #expect(LanguageDetector.detect("OK 42") == nil)
        #expect(LanguageDetector.detect("GPU TPU API SDK CLI MCP") == nil)
    }

    @Test func episodesAreJudgedByTheirProseNotHeadingsOrQuotes() {
        let episode = Episode(
            title: "World Models & Robotics", summary: "机器人是世界模型最直接的落地场景，数据配比还在试错。",
            chapters: [
                Chapter(
                    start: 0, title: "Why World Models", body: "Oriol 把它拆成两层：一层是编码，另一层是模型本身。",
                    quotes: [Quote(text: "There is lots of knowledge in videos and images, and the moment is near.")])
            ])
        #expect(LanguageDetector.detect(episode) == "zh")
    }
}
