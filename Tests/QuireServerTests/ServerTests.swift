import QuireServer
import Testing

@Suite struct ServerConfigurationTests {
    @Test func listensOnLoopbackByDefault() {
        #expect(ServerConfiguration().host == "127.0.0.1")
        #expect(ServerConfiguration().port == 8080)
    }
}
