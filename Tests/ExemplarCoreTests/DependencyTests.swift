import ExemplarCore
import Foundation
import Testing

/// What an edit reaches: the pages a watcher must rebuild, and no more.
@Suite struct DependencyTests {
    /// The basic fixture, loaded, linked and planned.
    static func basicSite() throws -> (SiteGraph, SitePlan) {
        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        let (content, _) = ContentLoader.load(from: site.content, displayPath: "content")
        let graph = Linker.link(content, includeDrafts: false)
        return (graph, Planner.plan(graph).0)
    }

    @Test func anExemplarReachesItsListsUnitsModelsAndEvents() throws {
        let (graph, plan) = try Self.basicSite()
        let routes = plan.routes(showing: .exemplar("cdcs-truong-thpt-le-thuy"), in: graph)
        #expect(routes.contains(.exemplar("cdcs-truong-thpt-le-thuy")))
        #expect(routes.contains(.list(.collectives, page: 1)))
        #expect(routes.contains(.list(.year(2019), page: 1)))
        #expect(routes.contains(.list(.award("bang-khen-ldld-tinh"), page: 1)))
        // Its own grassroots union and the district above it.
        #expect(routes.contains(.unit("cdcs-truong-thpt-le-thuy")) && routes.contains(.unit("ldld-huyen-le-thuy")))
        #expect(routes.contains(.event("giao-luu-nu-cong-2019")))
        #expect(!routes.contains(.exemplar("nguyen-thi-hoa")))
        #expect(!routes.contains(.list(.individuals, page: 1)))
        #expect(!routes.contains(.unit("ban-nu-cong")))
    }

    @Test func aMenuPageReachesEveryPage() throws {
        let (graph, plan) = try Self.basicSite()
        #expect(plan.routes(showing: .page("dang-ky"), in: graph).count == plan.pages.count)
    }
}
