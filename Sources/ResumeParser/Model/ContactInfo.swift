/// Who the resume is about and how to reach them. Fields the document does not give are `nil`/empty.
public struct ContactInfo: Sendable, Hashable, Codable {
    /// The person's name as written (a name in capitals is title-cased).
    public var name: String?
    /// The first e-mail address, lowercased.
    public var email: String?
    /// E.164 (`+14155550142`) when the country is known, otherwise the digits as written.
    public var phone: String?
    /// As written, e.g. `"Austin, TX"`.
    public var location: String?
    /// LinkedIn, GitHub, portfolio and other web addresses, as `https://` URLs.
    public var links: [String]

    /// Contact details; every field defaults to absent.
    public init(
        name: String? = nil, email: String? = nil, phone: String? = nil, location: String? = nil,
        links: [String] = []
    ) {
        self.name = name
        self.email = email
        self.phone = phone
        self.location = location
        self.links = links
    }

    private enum CodingKeys: String, CodingKey { case name, email, phone, location, links }

    /// Absent values are written as `null`, so every object has every key.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(email, forKey: .email)
        try container.encode(phone, forKey: .phone)
        try container.encode(location, forKey: .location)
        try container.encode(links, forKey: .links)
    }
}
