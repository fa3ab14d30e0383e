from rapidfuzz.distance import Levenshtein


def char_error_rate(hyps, refs):
    edits = sum(Levenshtein.distance(h, r) for h, r in zip(hyps, refs))
    return edits / max(1, sum(len(r) for r in refs))


def word_error_rate(hyps, refs):
    edits = sum(Levenshtein.distance(h.split(), r.split()) for h, r in zip(hyps, refs))
    return edits / max(1, sum(len(r.split()) for r in refs))


def line_accuracy(hyps, refs):
    return sum(h == r for h, r in zip(hyps, refs)) / max(1, len(refs))
