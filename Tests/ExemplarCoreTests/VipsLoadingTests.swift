import Foundation
import Testing

/// libvips and its hundred libraries are opened only when a photo is processed: a build
/// without one keeps them out of its memory. Looked at in the running executable, paused
/// once its photos are done (`/proc/PID/maps` lists what a process has mapped).
@Suite struct VipsLoadingTests {
    @Test func aBuildWithoutPhotosDoesNotOpenLibvips() throws {
        #expect(try libvipsMapped(withPhoto: false) == false)
    }

    @Test func aBuildWithAPhotoOpensIt() throws {
        #expect(try libvipsMapped(withPhoto: true) == true)
    }

    private func libvipsMapped(withPhoto photo: Bool) throws -> Bool {
        var content = SiteFixture.basic
        if photo {
            let hoa = try #require(content["individuals/nguyen-thi-hoa.md"])
            content["individuals/nguyen-thi-hoa.md"] = hoa
                .replacingOccurrences(of: "summary:", with: "photo: media/hoa.jpg\nphoto_alt: Chị Hoa tại hội trường\nsummary:")
        }
        let site = try SiteFixture(content)
        defer { site.remove() }
        if photo { try site.write("media/hoa.jpg", Data(contentsOf: ImageTests.phonePhoto)) }
        var build = try ExemplarProcess(SiteFixture.buildArguments(), in: site.root, environment: ["EXEMPLAR_TEST_PAUSE": "staging"])
        let paused = build.waitForPause("staging")
        let maps = paused ? try mappedFiles(of: build.process.processIdentifier) : ""
        build.resume()
        let result = build.finish()
        #expect(paused)
        #expect(result.status == 0, "\(result.stderr)")
        return maps.contains("/libvips.so")
    }

    /// `/proc/PID/maps`, read to its end (its size is given as 0, so it is read in pieces).
    private func mappedFiles(of pid: Int32) throws -> String {
        let file = try #require(FileHandle(forReadingAtPath: "/proc/\(pid)/maps"))
        defer { try? file.close() }
        return String(decoding: file.readDataToEndOfFile(), as: UTF8.self)
    }
}
