/// `contact:` of `site.yml` (and of a model): an address, a phone number and an email address,
/// each optional; a number or address a visitor could not use is reported and left out.
enum ContactReader {
    static func read(_ fields: YAMLFields) -> SiteConfig.Contact {
        var contact = SiteConfig.Contact()
        contact.address = fields.string("address").map(\.value).flatMap { $0.isEmpty ? nil : $0 }
        if let phone = fields.string("phone") {
            if isPhone(phone.value) {
                contact.phone = phone.value
            } else {
                fields.error("bad-phone", "`phone`: \"\(phone.value)\" không phải số điện thoại gọi được (cần ít nhất 8 chữ số; chỉ dùng chữ số, khoảng trắng, dấu chấm, gạch ngang, ngoặc và + ở đầu).",
                             at: phone.at, hint: "Ví dụ: `phone: \"0232 3822 345\"`.")
            }
        }
        if let email = fields.string("email") {
            if isEmail(email.value) {
                contact.email = email.value
            } else {
                fields.error("bad-email", "`email`: \"\(email.value)\" không phải địa chỉ thư điện tử.",
                             at: email.at, hint: "Ví dụ: `email: ldld@quangbinh.gov.vn`.")
            }
        }
        fields.finish(context: "`contact` (address, phone, email)")
        return contact
    }

    /// Digits with the usual separators, a leading + allowed, and enough digits to dial.
    static func isPhone(_ text: String) -> Bool {
        let allowed = Set("0123456789 .-()")
        let body = text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        return !body.isEmpty && body.allSatisfy { allowed.contains($0) } && body.filter(\.isNumber).count >= 8
    }

    /// One `@`, something before it, a dotted domain after it, no spaces.
    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(where: \.isWhitespace) else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }
}
