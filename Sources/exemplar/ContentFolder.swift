import ArgumentParser
import ExemplarCore
import Foundation

/// The content folder the authoring commands write into; a clear message when it is not there.
enum ContentFolder {
    static func require(_ path: String, say: Say) throws -> URL {
        let url = URL(fileURLWithPath: path)
        var isFolder: ObjCBool = false
        guard FileManager().fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue else {
            say.warn("lỗi: Không tìm thấy thư mục nội dung \"\(path)\". Chạy lệnh trong thư mục của trang (nơi có content/), chỉ đường dẫn bằng --content, hoặc tạo trang mới: exemplar new site ten-thu-muc",
                     "error: No content folder \"\(path)\". Run the command in the site's folder (the one holding content/), give --content, or create a site: exemplar new site my-site")
            throw ExitCode.failure
        }
        return url
    }

    /// A unit named by `--unit`, by id or by name; a usage error naming the closest one otherwise.
    static func unit(_ wanted: String, among units: [ExemplarCore.Unit], say: Say) throws -> ExemplarCore.Unit {
        let matcher = CatalogueMatcher(units: units)
        if let match = matcher.match(wanted), let unit = units.first(where: { $0.id == match.id }) { return unit }
        let guess = matcher.closest(wanted)
        throw ValidationError(say("Không có đơn vị nào có mã hoặc tên \"\(wanted)\" trong units.yml."
                                  + (guess.map { " Có phải bạn muốn viết `\($0.id)` (\($0.name))?" } ?? ""),
                                  "No unit has the id or name \"\(wanted)\" in units.yml."
                                  + (guess.map { " Did you mean `\($0.id)` (\($0.name))?" } ?? "")))
    }
}
