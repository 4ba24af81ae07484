/// Lines that a template prints on every page rather than about the person: a copyright notice in a footer
/// ("© European Union, 2002 – 2025 | Page 1 / 2"), whose years are no dates of the resume's entries (read as a
/// range, they added decades of experience).
enum PageFurniture {
    /// Whether `line` holds a copyright sign "©" (UTF-8 C2 A9).
    ///
    /// - Complexity: O(n) in the length of `line`, one byte scan.
    static func isCopyrightNotice(_ line: String) -> Bool {
        var previous: UInt8 = 0
        for byte in line.utf8 {
            if byte == 0xA9 && previous == 0xC2 { return true }
            previous = byte
        }
        return false
    }
}
