"""Chroma (12 pitch classes x ~2 s of frames) for isolated strummed guitar chords; 24 classes (maj/min)."""
import numpy as np
import pandas as pd
from sklearn.model_selection import GroupShuffleSplit

PITCHES = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"]
CHORDS = [p + q for q in ("", "m") for p in PITCHES]


def load_clips(cfg: dict) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    clips = pd.read_csv(cfg["clips_csv"])
    X = np.stack([np.load(f"{cfg['chroma_dir']}/{cid}.npy")[:, : cfg["n_frames"]] for cid in clips["clip_id"]])
    y = clips["chord"].map({c: i for i, c in enumerate(CHORDS)}).to_numpy()
    players = clips["player_id"].to_numpy()
    return X.transpose(0, 2, 1).astype("float32"), y, players   # (n, frames, 12)


def split_by_player(X, y, players, cfg):
    """Hold out whole players so the test measures generalisation to new guitars/hands."""
    outer = GroupShuffleSplit(n_splits=1, test_size=cfg["test_size"], random_state=cfg["seed"])
    dev, test = next(outer.split(X, y, groups=players))
    inner = GroupShuffleSplit(n_splits=1, test_size=cfg["val_size"], random_state=cfg["seed"])
    tr, va = next(inner.split(X[dev], y[dev], groups=players[dev]))
    tr, va = dev[tr], dev[va]
    return (X[tr], y[tr]), (X[va], y[va]), (X[test], y[test])


def template_baseline(X: np.ndarray) -> np.ndarray:
    """Training-free baseline: cosine similarity of the mean chroma to binary triad templates."""
    templates = np.zeros((24, 12), dtype="float32")
    for root in range(12):
        templates[root, [root, (root + 4) % 12, (root + 7) % 12]] = 1
        templates[12 + root, [root, (root + 3) % 12, (root + 7) % 12]] = 1
    mean_chroma = X.mean(axis=1)
    mean_chroma /= np.linalg.norm(mean_chroma, axis=1, keepdims=True) + 1e-8
    templates /= np.linalg.norm(templates, axis=1, keepdims=True)
    return (mean_chroma @ templates.T).argmax(axis=1)
