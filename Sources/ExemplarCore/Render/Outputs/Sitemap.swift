/// `sitemap.xml` and `robots.txt`, so search engines find every page.
enum Sitemap {
    static func render(paths: [String], views: Views) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths {
            xml += "  <url><loc>\(XML.escape(views.absolute(views.basePath + path)))</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }

    static func robots(views: Views) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(views.absolute(views.basePath + "sitemap.xml"))\n"
    }
}
