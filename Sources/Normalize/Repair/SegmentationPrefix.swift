/// The best segmentation scores of a window's opening (`PhraseModel.prefix(of:length:after:)`):
/// the windows a chooser weighs differ only from a candidate's place on, so the words before
/// it are weighed once for them all.
struct SegmentationPrefix: Sendable {
    /// `best[i]`: the log probability of the best segmentation of the first `i` scalars.
    let best: [Double]

    /// Scalars of the opening.
    var length: Int { best.count - 1 }
}
