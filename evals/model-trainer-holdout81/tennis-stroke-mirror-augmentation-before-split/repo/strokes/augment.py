"""Skeleton-level augmentation for stroke sequences (17 COCO keypoints, x/y normalised to the player box)."""
import numpy as np

# COCO keypoint index pairs swapped by a left/right mirror
FLIP_PAIRS = [(1, 2), (3, 4), (5, 6), (7, 8), (9, 10), (11, 12), (13, 14), (15, 16)]


def mirror(seq):
    """seq: (T, 17, 2). Mirrors x and swaps left/right joints, i.e. a left-hander's version of the stroke."""
    out = seq.copy()
    out[..., 0] = 1.0 - out[..., 0]
    for a, b in FLIP_PAIRS:
        out[:, [a, b]] = out[:, [b, a]]
    return out


def time_jitter(seq, rng, max_shift=3):
    shift = rng.integers(-max_shift, max_shift + 1)
    return np.roll(seq, shift, axis=0)


def augment_rare_strokes(seqs, labels, rare, rng, copies=2):
    """Append mirrored and jittered copies of sequences whose label is in `rare`."""
    new_seqs, new_labels = [], []
    for seq, lab in zip(seqs, labels):
        if lab in rare:
            for _ in range(copies):
                new_seqs.append(time_jitter(mirror(seq), rng))
                new_labels.append(lab)
    if not new_seqs:
        return seqs, labels
    return np.concatenate([seqs, np.stack(new_seqs)]), np.concatenate([labels, np.array(new_labels)])
