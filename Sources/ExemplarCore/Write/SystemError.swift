#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed system call, with the errno read right after it on the thread that made it:
/// read later, or on another thread, errno describes some other call.
struct SystemError: Error, Sendable, Hashable {
    let code: Int32

    /// Reads errno now; call it on the line after the failing call.
    static func current() -> SystemError { SystemError(code: errno) }

    /// The cause in Vietnamese, with the system's own words after it for searching.
    var cause: String {
        let system = String(cString: strerror(code))
        let words: String
        switch code {
        case ENOSPC: words = "ổ đĩa đã đầy (hết chỗ hoặc hết inode)"
        case EDQUOT: words = "đã dùng hết hạn mức ổ đĩa của người dùng"
        case EACCES, EPERM: words = "không có quyền"
        case EROFS: words = "ổ đĩa chỉ cho đọc"
        case ENAMETOOLONG: words = "tên hoặc đường dẫn dài quá mức hệ thống cho phép"
        case ENOENT: words = "không tồn tại"
        case ENOTDIR: words = "một phần của đường dẫn không phải thư mục"
        case EISDIR: words = "đó là thư mục"
        case ELOOP: words = "đó là liên kết (symlink), hoặc chuỗi liên kết quá dài"
        case EIO: words = "lỗi đọc ghi của thiết bị"
        case EMFILE, ENFILE: words = "quá nhiều tệp đang mở"
        case EBUSY: words = "thư mục đang được dùng (có thể là điểm gắn kết)"
        case EXDEV: words = "hai đường dẫn nằm trên hai ổ đĩa khác nhau"
        case EEXIST: words = "đã có sẵn"
        case ENOTEMPTY: words = "thư mục không rỗng"
        default: return system
        }
        return "\(words) (\(system))"
    }

    /// What a person can do about it, when the cause suggests something.
    var remedy: String? {
        switch code {
        case ENOSPC, EDQUOT: return "Giải phóng chỗ trên ổ đĩa (hoặc chọn ổ khác bằng `--output`) rồi chạy lại."
        case EACCES, EPERM: return "Cấp quyền cho người chạy lệnh (chmod/chown), hoặc chạy bằng người dùng có quyền."
        case EROFS: return "Chọn thư mục trên ổ đĩa ghi được bằng `--output`."
        case ENAMETOOLONG: return "Đặt tên tệp hoặc thư mục ngắn hơn, hoặc dời nội dung lên gần thư mục gốc hơn."
        case EMFILE, ENFILE: return "Tăng giới hạn số tệp mở (`ulimit -n`) rồi chạy lại."
        case EIO: return "Kiểm tra ổ đĩa (dmesg, fsck) rồi chạy lại."
        default: return nil
        }
    }
}
