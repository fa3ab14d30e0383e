import numpy as np

WRIST, ELBOW, SHOULDER, HIP = 10, 8, 6, 12  # right side, COCO order


def sequence_features(seq):
    """Fixed-length summary of a (T, 17, 2) keypoint sequence."""
    vel = np.diff(seq, axis=0)
    speed = np.linalg.norm(vel, axis=-1)
    wrist_rel = seq[:, WRIST] - seq[:, SHOULDER]
    elbow_angle = np.arctan2(seq[:, WRIST, 1] - seq[:, ELBOW, 1], seq[:, WRIST, 0] - seq[:, ELBOW, 0])
    feats = [
        seq.mean(axis=0).ravel(), seq.std(axis=0).ravel(),
        speed.max(axis=0), speed.mean(axis=0),
        wrist_rel.min(axis=0), wrist_rel.max(axis=0),
        [elbow_angle.min(), elbow_angle.max(), np.argmax(speed[:, WRIST]) / len(seq)],
        [seq[:, WRIST, 1].min() - seq[:, HIP, 1].mean()],
    ]
    return np.concatenate([np.ravel(f) for f in feats]).astype(np.float32)


def build_matrix(seqs):
    return np.stack([sequence_features(s) for s in seqs])
