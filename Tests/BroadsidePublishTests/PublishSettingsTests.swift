import Broadside
import Testing
import Yams

@testable import BroadsidePublish

@Suite struct PublishSettingsTests {
    static func parse(_ yaml: String) -> Result<PublishSettings, BuildFailure> {
        PublishSettings.parse(try! Yams.compose(yaml: yaml)!.mapping!["publish"]!, file: "site.yml")
    }

    @Test func readsEverySetting() throws {
        let settings = try Self.parse("publish:\n  protocol: ftps\n  host: h\n  port: 990\n  user: u\n  folder: www/\n  pinned_public_key: sha256//abc=\n").get()
        #expect(settings == PublishSettings(transport: .ftps, host: "h", port: 990, user: "u", folder: "www", pinnedPublicKey: "sha256//abc="))
    }

    @Test func problemsAtTheirLine() {
        guard case .failure(let failure) = Self.parse("title: x\npublish:\n  protocol: gopher\n  host: h\n  user: u\n  folder: f\n  port: 99999\n  password: no\n") else {
            Issue.record("accepted")
            return
        }
        let lines = failure.diagnostics.map { $0.line }
        #expect(lines.sorted { ($0 ?? 0) < ($1 ?? 0) } == [3, 7, 8])
        #expect(failure.diagnostics.allSatisfy { $0.file == "site.yml" && $0.column != nil })
    }

    @Test func missingSettingsAreNamed() {
        guard case .failure(let failure) = Self.parse("publish:\n  protocol: sftp\n") else {
            Issue.record("accepted")
            return
        }
        #expect(failure.diagnostics.map(\.message).contains("publish: has no host."))
    }
}
