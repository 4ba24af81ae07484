import Testing

@testable import MatchEngine

@Suite("SHA-256")
struct SHA256Tests {
    @Test(
        "FIPS 180-4 test vectors",
        arguments: [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
        ])
    func vectors(input: String, digest: String) {
        #expect(SHA256.hexDigest(of: Array(input.utf8)) == digest)
    }

    @Test("a million 'a's, fed in uneven pieces, contiguous and not")
    func longInput() {
        var hasher = SHA256()
        var remaining = 1_000_000
        var piece = 1
        while remaining > 0 {
            let n = min(piece, remaining)
            // Pieces alternate between a contiguous array (whole blocks read in place) and a sequence
            // without contiguous storage (read byte by byte).
            if piece % 2 == 0 {
                hasher.update([UInt8](repeating: UInt8(ascii: "a"), count: n))
            } else {
                hasher.update(repeatElement(UInt8(ascii: "a"), count: n))
            }
            remaining -= n
            piece = piece * 3 % 1_000 + 1
        }
        let hex = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        #expect(hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
