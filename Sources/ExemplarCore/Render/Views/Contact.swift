/// How a visitor reaches the Federation: the footer and the "Liên hệ" of a model.
extension Views {
    static func contactData(_ contact: SiteConfig.Contact) -> TemplateValue {
        guard !contact.isEmpty else { return .null }
        var data: TemplateData = [:]
        data["address"] = contact.address.map(TemplateValue.text) ?? .null
        data["phone"] = contact.phone.map(TemplateValue.text) ?? .null
        // A tel: link dials the digits (and a leading +) only.
        data["phone_href"] = contact.phone.map { phone in
            .text("tel:" + (phone.hasPrefix("+") ? "+" : "") + phone.filter(\.isNumber))
        } ?? .null
        data["email"] = contact.email.map(TemplateValue.text) ?? .null
        return .object(data)
    }
}
