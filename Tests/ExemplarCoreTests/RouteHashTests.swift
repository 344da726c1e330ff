@testable import ExemplarCore
import Testing

/// Routes are hashed from their case and values (`KeyHash`): routes that differ in their case
/// or in one value must hash apart, and equal routes alike, or pages would find no address.
@Suite struct RouteHashTests {
    @Test func routesThatDifferHashApartAndEqualOnesAlike() {
        let routes: [Route] = [
            .home, .notFound, .feed, .sitemap, .robots, .search, .searchIndex,
            .exemplar("a"), .scores("a"), .initiative("a"), .event("a"), .unit("a"), .page("a"), .export("a"), .exemplar("b"),
            .list(.collectives, page: 1), .list(.collectives, page: 2), .list(.individuals, page: 1), .list(.year(2020), page: 1),
            .list(.field("a"), page: 1), .list(.award("a"), page: 1), .list(.unitMembers("a"), page: 1), .list(.scope(.field), page: 1),
            .listData(.collectives), .listChoices(.collectives), .figures(nil), .figures(2020), .figuresData(2020, format: "csv"),
            .figuresData(2020, format: "json"), .report(2020, half: nil), .report(2020, half: 1),
        ]
        #expect(Set(routes.map(\.hashValue)).count == routes.count)
        let index = Dictionary(uniqueKeysWithValues: routes.enumerated().map { ($1, $0) })
        for (position, route) in routes.enumerated() { #expect(index[route] == position) }
        let joined = "a" + String(routes.count)
        #expect(Route.exemplar(joined).hashValue == Route.exemplar("a\(routes.count)").hashValue)
    }
}
