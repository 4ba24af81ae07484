// MatchCommand.swift uses `ParallelMap` with only `import VectorIndex`, from when the helper lived there,
// and is being rewritten on main; this re-export keeps it building until that file imports ParallelWork
// itself. Delete this file then.
@_exported import ParallelWork
