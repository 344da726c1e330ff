/// Photos and attachments must exist under `media/`, and no path may leave the content folder.
struct MediaCheck {
    let media: Set<String>
    /// A file in a folder that could not be listed is not reported missing: the folder is.
    let unloaded: Unloaded

    func run(_ content: Content) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for exemplar in content.exemplars {
            if let photo = exemplar.photo {
                check(photo, key: "photo", into: &out)
                if exemplar.photoAlt == nil {
                    out.append(.warning("photo-alt", "Ảnh \"\(photo.value)\" chưa có mô tả (alt) cho người khiếm thị; trang dùng tạm \"ảnh của\" và tên.", at: photo.at,
                                        hint: "Thêm dòng `photo_alt: …` tả điều ảnh cho thấy, ví dụ `photo_alt: Chị Hoa bên máy may tại xưởng`."))
                }
            }
        }
        for item in content.initiatives {
            for file in item.attachments { check(file, key: "attachments", into: &out) }
        }
        for event in content.events {
            for photo in event.photos {
                check(photo, key: "photos", into: &out)
                if event.photoAlts[photo.value] == nil {
                    out.append(.warning("photo-alt", "Ảnh \"\(photo.value)\" chưa có mô tả (alt) cho người khiếm thị.", at: photo.at,
                                        hint: "Viết ảnh dạng `- {file: \(photo.value), alt: Toàn cảnh buổi giao lưu}`."))
                }
            }
        }
        return out
    }

    private func check(_ ref: Ref, key: String, into out: inout [Diagnostic]) {
        if let problem = MediaPath.problem(ref.value) {
            out.append(.error("unsafe-path", "`\(key)`: đường dẫn \"\(ref.value)\" \(problem).", at: ref.at,
                              hint: "Đặt tệp trong thư mục media/ và viết `\(key): media/ten-tep.jpg`."))
        } else if !media.contains(ref.value), !unloaded.inUnreadableFolder(ref.value) {
            let guess = Suggestion.closest(to: ref.value, among: media)
            out.append(.error("missing-media", "`\(key)`: không có tệp \"\(ref.value)\" trong thư mục nội dung.", at: ref.at,
                              hint: guess.map { "Có phải là `\($0)`?" } ?? "Chép tệp vào media/ hoặc sửa lại tên."))
        }
    }
}

/// The rules for a path written in content that names a media file.
enum MediaPath {
    /// Why the path is refused, or nil when it is a plain path inside `media/`.
    static func problem(_ path: String) -> String? {
        if path.hasPrefix("/") || path.contains("\\") || path.contains(":") { return "phải là đường dẫn tương đối bắt đầu bằng media/" }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if parts.contains("..") || parts.contains(".") || parts.contains("") { return "không được chứa `..`, `.` hay `//`" }
        if parts.first != "media" { return "phải nằm trong thư mục media/" }
        return nil
    }
}
