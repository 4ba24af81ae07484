import Foundation

/// Why a parser evaluation could not run.
public enum EvaluationError: Error, Sendable, Equatable, LocalizedError {
    /// No resume in `directory/resumes` has a ground-truth file in `directory/truth`, so there is nothing
    /// to score (rather than a perfect score over nothing).
    case noGroundTruth(directory: String)

    /// A sentence for the person who ran the evaluation.
    public var errorDescription: String? {
        switch self {
        case .noGroundTruth(let directory):
            "no resume in \(directory)/resumes has a ground-truth file in \(directory)/truth (NAME.json for "
                + "resumes/NAME.ext): nothing to score"
        }
    }
}
