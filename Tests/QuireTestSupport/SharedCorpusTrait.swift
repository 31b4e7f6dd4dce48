import Testing

extension Trait where Self == ConditionTrait {
    /// For tests that read `../shared/corpus`: without it they are reported as skipped, naming what
    /// they need, instead of passing without having checked anything.
    public static var needsSharedCorpus: Self {
        .enabled(if: Fixtures.hasSharedCorpus, "needs ../shared beside the checkout (../shared/corpus/sample-channel-page.txt and .expected.json)")
    }
}
