/// The one vocabulary of list-item marks in resumes and job descriptions, for every reader that strips,
/// detects or splits at them.
enum Bullet {
    /// Marks that occur only as bullets or separators, never inside words, dates or numbers, so a line may
    /// also be split at them ("Austin, TX • ada@example.com"): `•` `·` `▪` `◦` `⋅`.
    static let glyphs = "•·▪◦⋅○●■□▸►➢➤✓✔❖"

    /// The marks stripped from the ends of a list item: the ``glyphs`` plus Markdown's `-` and `*`.
    static let marks = glyphs + "-*"

    /// Marks after which a line is a list item or the continuation of one ("– Associate (2019)" under a
    /// wrapped certification), never a heading or a title: the ``marks`` plus `–` and `>`. `–` is not
    /// stripped from items, where it joins the two halves of a wrapped line.
    static let lineStarts = marks + "–>"
}
