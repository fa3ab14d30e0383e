"""Hand-shape features from MediaPipe Hands landmarks."""
import numpy as np

WRIST, MIDDLE_MCP = 0, 9
TIPS = [4, 8, 12, 16, 20]
# (a, b, c): angle at b between segments b->a and b->c, for each finger joint
JOINT_TRIPLETS = [
    (0, 1, 2), (1, 2, 3), (2, 3, 4),
    (0, 5, 6), (5, 6, 7), (6, 7, 8),
    (0, 9, 10), (9, 10, 11), (10, 11, 12),
    (0, 13, 14), (13, 14, 15), (14, 15, 16),
    (0, 17, 18), (17, 18, 19), (18, 19, 20),
]


def normalise_hand(pts, handedness):
    """pts: (21, 3) image-normalised landmarks -> wrist-centred, palm-scaled, right-hand frame."""
    pts = pts.astype(np.float64).copy()
    if handedness == "Left":
        pts[:, 0] = -pts[:, 0]
    pts -= pts[WRIST]
    palm = np.linalg.norm(pts[MIDDLE_MCP, :2])
    return pts / max(palm, 1e-6)


def joint_angles(pts):
    a, b, c = (pts[[t[i] for t in JOINT_TRIPLETS]] for i in range(3))
    v1, v2 = a - b, c - b
    cos = (v1 * v2).sum(1) / (np.linalg.norm(v1, axis=1) * np.linalg.norm(v2, axis=1) + 1e-9)
    return np.arccos(np.clip(cos, -1.0, 1.0))


def tip_distances(pts):
    return np.array([np.linalg.norm(pts[i] - pts[j]) for k, i in enumerate(TIPS) for j in TIPS[k + 1:]])


def hand_vector(pts, handedness):
    p = normalise_hand(pts, handedness)
    return np.concatenate([p[:, :2].reshape(-1), joint_angles(p), tip_distances(p)])
