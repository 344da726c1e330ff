/// The English forms of what the disk and the system say: publishing failures (`output`),
/// the causes `SystemError` names and the remedies it suggests. These reach every stage that
/// touches a file, so a full disk reads as English in English wherever it happens.
enum EnglishFileMessages {
    /// Publishing: each message also comes with the sentence that counts the other files
    /// failing for the same cause (see `OutputFolder.Failure.diagnostics`). The first
    /// template that fits is used, so a message that another one's values could swallow
    /// comes before it.
    static let output: [(String, String)] = [
        ("Không đọc được {0}: {1}; mọi tệp trong đó nên không được chép vào trang web.",
         "Could not read {0}: {1}; none of the files in it are copied to the site."),
        ("\"{0}\" là {1}, không phải tệp thường, nên không được chép vào trang web.",
         "\"{0}\" is {1}, not a regular file, so it is not copied to the site."),
        ("Không tạo được thư mục cho {0}: {1}.", "Could not create the folder for {0}: {1}."),
        ("Không ghi được xuống đĩa thư mục tạm {0}: {1}.", "Could not flush the staging folder {0} to disk: {1}."),
        ("Không ghi được xuống đĩa thư mục {0}: {1}.", "Could not flush the folder {0} to disk: {1}."),
        ("Không tạo được thư mục tạm {0}: {1}.", "Could not create the staging folder {0}: {1}."),
        ("Không dọn được thư mục tạm {0}: {1}.", "Could not clear the staging folder {0}: {1}."),
        ("Không tạo được thư mục chứa {0}: {1}.", "Could not create the folder holding {0}: {1}."),
        ("Không tạo được tệp khoá {0}: {1}.", "Could not create the lock file {0}: {1}."),
        ("Không khoá được thư mục kết quả qua {0}: {1}.", "Could not lock the output folder through {0}: {1}."),
        ("Thư mục kết quả {0} đang được {1} dựng hoặc phục vụ; hai lần dựng cùng lúc sẽ trộn lẫn hai trang web.",
         "The output folder {0} is being built or served by {1}; two builds at once would mix two sites."),
        ("Thư mục kết quả {0} là liên kết (symlink) tới nơi không dùng được: {1}.",
         "The output folder {0} is a symbolic link to a place that cannot be used: {1}."),
        ("Không thay được thư mục kết quả {0}: đó là điểm gắn kết (mount point) hoặc nằm trên ổ đĩa khác thư mục tạm: {1}.",
         "Could not replace the output folder {0}: it is a mount point, or on another disk than the staging folder: {1}."),
        ("Không thay được thư mục kết quả {0}: {1}.", "Could not replace the output folder {0}: {1}."),
        ("Không liên kết được {0} từ bản trước: {1}.", "Could not link {0} from the previous build: {1}."),
        ("Không thay được {0} trong thư mục kết quả: {1}.", "Could not replace {0} in the output folder: {1}."),
        ("Không xoá được {0} khỏi thư mục kết quả: {1}.", "Could not remove {0} from the output folder: {1}."),
        ("Tệp {0} trong thư mục kết quả bị sửa trong lúc đang dựng; trang web mới không được công bố.",
         "The file {0} in the output folder was edited during the build; the new site is not published."),
        ("Không chép {0}: đó là {1}, không phải tệp thường.", "Did not copy {0}: it is {1}, not a regular file."),
        ("Không xoá được {0}, phần còn lại của một lần dựng bị dừng: {1}.",
         "Could not remove {0}, left by a build that was stopped: {1}."),
        ("Không đọc được thư mục chứa thư mục kết quả {0}: {1}.", "Could not read the folder holding the output folder {0}: {1}."),
        ("Lệnh dựng bị dừng.", "The build was stopped."),
        // The general forms last: they would match the longer messages above too.
        ("Không ghi được {0}: {1}.", "Could not write {0}: {1}."),
        ("Không đọc được {0}: {1}.", "Could not read {0}: {1}."),
    ]

    static let outputHints: [(String, String)] = [
        ("Chờ lệnh kia chạy xong rồi chạy lại.", "Wait for the other command to finish, then run this again."),
        ("Chờ lệnh kia chạy xong rồi chạy lại, hoặc dừng nó (`kill {0}`).",
         "Wait for the other command to finish and run this again, or stop it (`kill {0}`)."),
        ("Tạo thư mục mà liên kết trỏ tới, hoặc sửa liên kết (`ln -sfn THƯ-MỤC {0}`).",
         "Create the folder the link points to, or change the link (`ln -sfn FOLDER {0}`)."),
        ("Đừng sửa tay thư mục kết quả (mọi thay đổi ở đó bị thay ở lần dựng sau); sửa nội dung rồi chạy lại lệnh dựng.",
         "Do not edit the output folder by hand (the next build replaces any change there); edit the content and build again."),
        ("Thay bằng tệp thật.", "Replace it with a real file."),
        ("Dựng vào một thư mục con bên trong ổ đĩa đó, ví dụ `--output {0}/site`, rồi cho máy chủ web phục vụ thư mục con ấy (hoặc trỏ một liên kết tới nó).",
         "Build into a folder inside that disk, e.g. `--output {0}/site`, and have the web server serve that folder (or point a link to it)."),
    ]

    /// `SystemError.cause`: our words, then the system's in brackets, which stay as they are.
    static let causes: [(String, String)] = [
        ("ổ đĩa đã đầy (hết chỗ hoặc hết inode) ({0})", "the disk is full (no space or no inodes left) ({0})"),
        ("đã dùng hết hạn mức ổ đĩa của người dùng ({0})", "the user's disk quota is used up ({0})"),
        ("không có quyền ({0})", "permission denied ({0})"),
        ("ổ đĩa chỉ cho đọc ({0})", "the disk is read-only ({0})"),
        ("tên hoặc đường dẫn dài quá mức hệ thống cho phép ({0})", "a name or path is longer than the system allows ({0})"),
        ("không tồn tại ({0})", "it does not exist ({0})"),
        ("một phần của đường dẫn không phải thư mục ({0})", "part of the path is not a folder ({0})"),
        ("đó là thư mục ({0})", "it is a folder ({0})"),
        ("đó là liên kết (symlink), hoặc chuỗi liên kết quá dài ({0})", "it is a symbolic link, or a chain of links too long ({0})"),
        ("lỗi đọc ghi của thiết bị ({0})", "the device failed to read or write ({0})"),
        ("quá nhiều tệp đang mở ({0})", "too many open files ({0})"),
        ("thư mục đang được dùng (có thể là điểm gắn kết) ({0})", "the folder is in use (perhaps a mount point) ({0})"),
        ("hai đường dẫn nằm trên hai ổ đĩa khác nhau ({0})", "the two paths are on different disks ({0})"),
        ("đã có sẵn ({0})", "it already exists ({0})"),
        ("thư mục không rỗng ({0})", "the folder is not empty ({0})"),
    ]

    /// `SystemError.remedy` and the names of kinds of files (`FileIO.kind`).
    static let remedies: [(String, String)] = [
        ("Giải phóng chỗ trên ổ đĩa (hoặc chọn ổ khác bằng `--output`) rồi chạy lại.",
         "Free some disk space (or choose another disk with `--output`) and run it again."),
        ("Cấp quyền cho người chạy lệnh (chmod/chown), hoặc chạy bằng người dùng có quyền.",
         "Give the user running the command permission (chmod/chown), or run it as a user who has it."),
        ("Chọn thư mục trên ổ đĩa ghi được bằng `--output`.", "Choose a folder on a writable disk with `--output`."),
        ("Đặt tên tệp hoặc thư mục ngắn hơn, hoặc dời nội dung lên gần thư mục gốc hơn.",
         "Give the file or folder a shorter name, or move the content nearer the root folder."),
        ("Tăng giới hạn số tệp mở (`ulimit -n`) rồi chạy lại.", "Raise the limit of open files (`ulimit -n`) and run it again."),
        ("Kiểm tra ổ đĩa (dmesg, fsck) rồi chạy lại.", "Check the disk (dmesg, fsck) and run it again."),
    ]

    static let kinds: [String: String] = [
        "thư mục": "a folder",
        "ống FIFO": "a FIFO pipe",
        "socket": "a socket",
        "tệp thiết bị": "a device file",
        "liên kết (symlink)": "a symbolic link",
        "không phải tệp thường": "not a regular file",
        "một tiến trình khác": "another process",
    ]

    static let fragmentTemplates: [(String, String)] = causes + [("tiến trình {0}", "process {0}")]

    /// Each publishing message, alone and with the sentence counting the other files that
    /// failed for the same cause, which takes the next free value number.
    static var messages: [(String, String, String)] {
        output.flatMap { vietnamese, english -> [(String, String, String)] in
            let next = (0..<10).first { !vietnamese.contains("{\($0)}") } ?? 10
            // The longer form first: the shorter one would match it too, taking the sentence as a value.
            return [("output", vietnamese + " Cùng lỗi này với {\(next)} tệp khác.", english + " The same error for {\(next)} other {\(next)?file|files}."),
                    ("output", vietnamese, english)]
        }
    }

    static var hints: [(String, String, String)] {
        outputHints.map { ("output", $0.0, $0.1) } + remedies.map { ("*", $0.0, $0.1) }
    }
}
