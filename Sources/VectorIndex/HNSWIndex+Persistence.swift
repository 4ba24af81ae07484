import CKernels
import Foundation

extension HNSWIndex {
    /// Writes the index to `url` atomically: to a temporary file in the same folder, flushed to disk,
    /// then renamed over `url`, so a crash leaves either the old file or the new one, never half of one.
    /// Searches and writers wait while the index is written. Temporary files that earlier writes of `url`
    /// left behind when their process died (untouched for a minute) are removed first.
    ///
    /// - Throws: ``VectorIndexError/io(path:reason:)`` when the file cannot be written.
    public func write(to url: URL) throws {
        Self.removeAbandonedTemporaryFiles(of: url)
        let path = url.path
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
        try structure.withWriteLock {
            let snapshot = state.withLock { state in
                (
                    used: state.used, live: state.nodeOfID.count, tombstones: state.tombstones, free: state.freeSlots,
                    random: state.random.state
                )
            }
            let file = try PosixFile.create(temporary)
            var closed = false
            defer {
                if !closed { file.close() }
                if FileManager.default.fileExists(atPath: temporary) {
                    try? FileManager.default.removeItem(atPath: temporary)
                }
            }
            var upper: [UInt32] = []
            for node in 0..<snapshot.used where arena.levels[node] > 0 {
                let count = Int(arena.levels[node]) * (1 + arena.maxLinks)
                upper.append(contentsOf: UnsafeBufferPointer(start: arena.links(UInt32(node), level: 1), count: count))
            }
            var sections: [IndexFile.SectionEntry] = []
            var offset = IndexFile.headerBytes
            func emit(_ kind: IndexFile.Section, _ pointer: UnsafeRawPointer?, _ length: Int) throws {
                let checksum = pointer.map { ck_xxh64($0, length, 0) } ?? ck_xxh64(nil, 0, 0)
                if let pointer, length > 0 { try file.write(pointer, count: length, at: offset) }
                sections.append(.init(kind: kind, offset: offset, length: length, checksum: checksum))
                offset = IndexFile.alignUp(offset + length)
            }
            try emit(.rows, arena.rows, snapshot.used * arena.stride)
            try emit(.labels, arena.labels, snapshot.used * MemoryLayout<UInt64>.size)
            try emit(.levels, arena.levels, snapshot.used)
            try emit(.flags, arena.flags, snapshot.used)
            try upper.withUnsafeBytes { try emit(.upperLinks, $0.baseAddress, $0.count) }
            try snapshot.free.withUnsafeBytes { try emit(.freeSlots, $0.baseAddress, $0.count) }
            let header = IndexFile.Header(
                dimension: dimension, metric: metric, m: configuration.m, efConstruction: configuration.efConstruction,
                efSearch: efSearch, stride: arena.stride, slots: snapshot.used, live: snapshot.live,
                entryPoint: entryPoint.load(ordering: .relaxed), seed: configuration.seed, randomState: snapshot.random,
                tombstones: snapshot.tombstones, freeSlots: snapshot.free.count, sections: sections,
                revision: revision)
            try IndexFile.encode(header).withUnsafeBytes {
                try file.write($0.baseAddress.unsafelyUnwrapped, count: $0.count, at: 0)
            }
            try file.sync()
            file.close()
            closed = true
            guard rename(temporary, path) == 0 else {
                throw VectorIndexError.io(path: path, reason: String(cString: strerror(errno)))
            }
            // Make the rename itself durable.
            if let folder = try? PosixFile.openForReading(url.deletingLastPathComponent().path) {
                try? folder.sync()
                folder.close()
            }
        }
    }

    /// Removes the temporary files of `url` (named `.<name>.<UUID>.tmp` by ``write(to:)``) that no one has
    /// modified for `abandonedAfter` seconds: a write killed mid-way (SIGKILL, power loss) leaves its file,
    /// as large as the index, and nothing else would ever remove it. A live write keeps its file's
    /// modification time fresh, so it is not removed from under a writer in another process.
    static func removeAbandonedTemporaryFiles(of url: URL, abandonedAfter seconds: TimeInterval = 60) {
        let folder = url.deletingLastPathComponent()
        let prefix = ".\(url.lastPathComponent)."
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        let now = Date()
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            let path = folder.appendingPathComponent(name).path
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                let modified = attributes[.modificationDate] as? Date, now.timeIntervalSince(modified) > seconds
            else { continue }
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// Loads an index written by ``write(to:)``. Every section's checksum and every link is checked:
    /// a truncated, corrupted or foreign file throws, and nothing is half-loaded.
    ///
    /// - Throws: ``VectorIndexError``.
    /// - Complexity: one read per section plus O(n × m) link checks; no per-node parsing.
    public convenience init(contentsOf url: URL) throws {
        let path = url.path
        let file = try PosixFile.openForReading(path)
        defer { file.close() }
        let fileSize = file.size
        guard fileSize >= IndexFile.headerBytes else {
            if fileSize >= 8 {
                var magic = [UInt8](repeating: 0, count: 8)
                try magic.withUnsafeMutableBytes {
                    try file.read(into: $0.baseAddress.unsafelyUnwrapped, count: 8, at: 0)
                }
                if magic == IndexFile.magic {
                    throw VectorIndexError.corruptIndex(path: path, reason: "truncated header")
                }
            }
            throw VectorIndexError.notAnIndex(path: path)
        }
        var headerBytes = [UInt8](repeating: 0, count: IndexFile.headerBytes)
        try headerBytes.withUnsafeMutableBytes {
            try file.read(into: $0.baseAddress.unsafelyUnwrapped, count: $0.count, at: 0)
        }
        let header = try IndexFile.decode(headerBytes, fileSize: fileSize, path: path)
        try Self.validateBeforeAllocating(header, path: path)
        self.init(
            dimension: header.dimension, metric: header.metric,
            configuration: Configuration(
                m: header.m, efConstruction: header.efConstruction, efSearch: header.efSearch, seed: header.seed),
            capacity: max(header.slots, 1))
        try load(header, from: file)
    }

    /// The largest dimension and candidate-list size a file may declare; larger values are refused as
    /// corrupt before anything is allocated for them.
    static let maximumFileDimension = 1 << 16
    static let maximumFileEF = 1 << 16

    /// Checks what the header declares against the file before memory is allocated from it: parameters in
    /// range, the row stride the parameters imply, and sections whose lengths (already checked against the
    /// file size) match the declared slot count, so a crafted header cannot make the loader allocate
    /// `slots` rows the file does not hold.
    private static func validateBeforeAllocating(_ header: IndexFile.Header, path: String) throws {
        func fail(_ reason: String) -> VectorIndexError { .corruptIndex(path: path, reason: reason) }
        guard (1...maximumFileDimension).contains(header.dimension), (2...128).contains(header.m),
            (1...maximumFileEF).contains(header.efConstruction), (1...maximumFileEF).contains(header.efSearch)
        else { throw fail("invalid parameters") }
        let stride = NodeArena.stride(dimension: header.dimension, maxLinks: header.m)
        guard header.stride == stride else { throw fail("row stride \(header.stride), expected \(stride)") }
        let slots = header.slots
        guard header.live <= slots, header.freeSlots <= slots, header.tombstones <= slots else {
            throw fail("counts exceed the \(slots) slots")
        }
        let expected: [(IndexFile.Section, Int, Int)] = [
            (.rows, slots, stride), (.labels, slots, MemoryLayout<UInt64>.size), (.levels, slots, 1),
            (.flags, slots, 1), (.freeSlots, header.freeSlots, MemoryLayout<UInt32>.size),
        ]
        for (kind, count, size) in expected {
            guard let entry = header.sections.first(where: { $0.kind == kind }) else {
                throw fail("missing \(kind) section")
            }
            let (bytes, overflow) = count.multipliedReportingOverflow(by: size)
            guard !overflow, entry.length == bytes else {
                let needed = overflow ? "more" : String(bytes)
                throw fail("\(kind) section has \(entry.length) bytes, \(count) entries need \(needed)")
            }
        }
    }

    private func load(_ header: IndexFile.Header, from file: PosixFile) throws {
        let path = file.path
        func fail(_ reason: String) -> VectorIndexError { .corruptIndex(path: path, reason: reason) }
        guard header.stride == arena.stride else { throw fail("row stride \(header.stride), expected \(arena.stride)") }
        let slots = header.slots
        var sections: [IndexFile.Section: IndexFile.SectionEntry] = [:]
        for section in header.sections { sections[section.kind] = section }
        func read(_ kind: IndexFile.Section, into pointer: UnsafeMutableRawPointer?, expected: Int?) throws -> Int {
            guard let entry = sections[kind] else { throw fail("missing \(kind) section") }
            if let expected, entry.length != expected {
                throw fail("\(kind) section has \(entry.length) bytes, expected \(expected)")
            }
            if let pointer, entry.length > 0 { try file.read(into: pointer, count: entry.length, at: entry.offset) }
            guard ck_xxh64(entry.length > 0 ? pointer : nil, entry.length, 0) == entry.checksum else {
                throw fail("\(kind) section checksum mismatch")
            }
            return entry.length
        }
        _ = try read(.rows, into: arena.rows, expected: slots * arena.stride)
        _ = try read(.labels, into: arena.labels, expected: slots * MemoryLayout<UInt64>.size)
        _ = try read(.levels, into: arena.levels, expected: slots)
        _ = try read(.flags, into: arena.flags, expected: slots)
        var upperCount = 0
        for node in 0..<slots {
            guard Int(arena.levels[node]) <= Self.maximumLevel else {
                throw fail("node \(node) has level \(arena.levels[node])")
            }
            upperCount += Int(arena.levels[node]) * (1 + arena.maxLinks)
        }
        var upper = [UInt32](repeating: 0, count: upperCount)
        _ = try upper.withUnsafeMutableBytes { try read(.upperLinks, into: $0.baseAddress, expected: $0.count) }
        var free = [UInt32](repeating: 0, count: header.freeSlots)
        _ = try free.withUnsafeMutableBytes { try read(.freeSlots, into: $0.baseAddress, expected: $0.count) }

        // Distribute the upper links, then check that every link names a node of this file whose level
        // reaches the link's (searches read that node's list at that level, which lower nodes do not
        // have) and that is not a free slot. Free slots are skipped: compaction removed every link to them,
        // so their stale lists are never read, unless a crafted file links to one (found by fuzz-index-file:
        // a search then followed a free slot's garbage list out of bounds).
        var cursor = 0
        for node in 0..<slots where arena.levels[node] > 0 {
            let count = Int(arena.levels[node]) * (1 + arena.maxLinks)
            let block = UnsafeMutablePointer<UInt32>.allocate(capacity: count)
            upper.withUnsafeBufferPointer {
                block.initialize(from: $0.baseAddress.unsafelyUnwrapped + cursor, count: count)
            }
            arena.upperLinks[node] = block
            cursor += count
        }
        let freeSet = Set(free)
        var isFree = [Bool](repeating: false, count: slots)
        for slot in free where Int(slot) < slots { isFree[Int(slot)] = true }
        for node in 0..<slots where !isFree[node] {
            for level in 0...Int(arena.levels[node])
            where !validLinks(arena.links(UInt32(node), level: level), level: level, isFree: isFree) {
                throw fail("node \(node) level-\(level) links")
            }
        }
        guard free.allSatisfy({ Int($0) < slots && arena.isDeleted($0) }) else {
            throw fail("free slot out of range or not deleted")
        }
        guard freeSet.count == free.count else { throw fail("free slot listed twice") }
        if header.entryPoint != Self.emptyEntry {
            let (node, level) = Self.unpack(header.entryPoint)
            guard Int(node) < slots, level == Int(arena.levels[Int(node)]), !freeSet.contains(node) else {
                throw fail("entry point")
            }
        }
        var nodeOfID: [UInt64: UInt32] = [:]
        nodeOfID.reserveCapacity(header.live)
        for node in 0..<slots where !arena.isDeleted(UInt32(node)) && !freeSet.contains(UInt32(node)) {
            guard nodeOfID.updateValue(UInt32(node), forKey: arena.labels[node]) == nil else {
                throw fail("id \(arena.labels[node]) stored twice")
            }
        }
        guard nodeOfID.count == header.live else {
            throw fail("\(nodeOfID.count) live nodes, header says \(header.live)")
        }
        state.withLock { state in
            state.nodeOfID = nodeOfID
            state.used = slots
            state.freeSlots = free
            state.tombstones = header.tombstones
            state.random = SplitMix64(seed: header.randomState)
        }
        entryPoint.store(header.entryPoint, ordering: .releasing)
        revision = header.revision
    }

    /// Whether a link list at `level` has at most the level's links, each naming a node of the file (one of
    /// `isFree.count` slots) that is not a free slot and whose own level reaches `level`.
    private func validLinks(_ list: UnsafeMutablePointer<UInt32>, level: Int, isFree: [Bool]) -> Bool {
        let count = Int(list.pointee)
        guard count <= arena.maxLinks(level: level) else { return false }
        for j in 0..<count {
            let neighbour = Int(list[1 + j])
            guard neighbour < isFree.count, !isFree[neighbour], Int(arena.levels[neighbour]) >= level else {
                return false
            }
        }
        return true
    }
}
