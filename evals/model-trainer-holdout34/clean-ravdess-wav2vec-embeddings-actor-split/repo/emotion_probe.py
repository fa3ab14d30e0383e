"""Speech emotion recognition on RAVDESS with frozen wav2vec 2.0 features + linear probe.

Embeddings come from a frozen pretrained model (no parameters are learned from RAVDESS), so they
are computed for every clip up front and cached. All fitting (scaler, probe, C) happens on the
training actors; actors 19-24 are held out and scored once at the end.
"""
import argparse
import json
import logging
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import torchaudio
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, classification_report, f1_score
from sklearn.model_selection import GridSearchCV, GroupKFold
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

EMOTIONS = {1: "neutral", 2: "calm", 3: "happy", 4: "sad", 5: "angry", 6: "fearful", 7: "disgust", 8: "surprised"}
TEST_ACTORS = {19, 20, 21, 22, 23, 24}
log = logging.getLogger("ser")


def parse(path: Path) -> dict:
    # e.g. 03-01-05-02-01-01-12.wav -> modality, channel, emotion, intensity, statement, rep, actor
    parts = [int(t) for t in path.stem.split("-")]
    return {"path": str(path), "emotion": parts[2], "intensity": parts[3], "actor": parts[6]}


@torch.inference_mode()
def embed_all(paths, layer: int, device: str) -> np.ndarray:
    bundle = torchaudio.pipelines.WAV2VEC2_BASE
    model = bundle.get_model().to(device).eval()
    feats = []
    for p in paths:
        wav, sr = torchaudio.load(p)
        wav = torchaudio.functional.resample(wav.mean(0, keepdim=True), sr, bundle.sample_rate)
        layers, _ = model.extract_features(wav.to(device), num_layers=layer)
        h = layers[-1].squeeze(0)                           # (frames, 768)
        feats.append(torch.cat([h.mean(0), h.std(0)]).cpu().numpy())
    return np.stack(feats)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", type=Path, default=Path("data/ravdess"))
    ap.add_argument("--layer", type=int, default=8)
    ap.add_argument("--cache", type=Path, default=Path("cache/w2v_layer8.npy"))
    ap.add_argument("--seed", type=int, default=12)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)

    meta = pd.DataFrame([parse(p) for p in sorted(args.root.glob("Actor_*/*.wav"))])
    if args.cache.exists():
        X = np.load(args.cache)
    else:
        args.cache.parent.mkdir(parents=True, exist_ok=True)
        X = embed_all(meta.path, args.layer, "cuda" if torch.cuda.is_available() else "cpu")
        np.save(args.cache, X)
    y = meta.emotion.to_numpy()

    is_test = meta.actor.isin(TEST_ACTORS).to_numpy()
    X_fit, y_fit, actors_fit = X[~is_test], y[~is_test], meta.actor.to_numpy()[~is_test]
    X_hold, y_hold = X[is_test], y[is_test]
    log.info("fit clips %d (%d actors) | held-out clips %d (%d actors)",
             len(y_fit), len(set(actors_fit)), len(y_hold), len(TEST_ACTORS))

    probe = Pipeline([
        ("scale", StandardScaler()),
        ("clf", LogisticRegression(max_iter=5000, class_weight="balanced")),
    ])
    search = GridSearchCV(probe, {"clf__C": [0.001, 0.01, 0.1, 1.0]}, cv=GroupKFold(n_splits=6),
                          scoring="balanced_accuracy", n_jobs=-1)
    search.fit(X_fit, y_fit, groups=actors_fit)
    log.info("best C %s, grouped-CV UAR %.4f", search.best_params_["clf__C"], search.best_score_)

    dummy = DummyClassifier(strategy="most_frequent").fit(X_fit, y_fit)
    results = {}
    for name, model in [("wav2vec_probe", search.best_estimator_), ("majority", dummy)]:
        pred = model.predict(X_hold)
        results[name] = {"uar": balanced_accuracy_score(y_hold, pred),
                         "macro_f1": f1_score(y_hold, pred, average="macro"),
                         "accuracy": float((pred == y_hold).mean())}
    print(classification_report(y_hold, search.predict(X_hold),
                                target_names=[EMOTIONS[k] for k in sorted(EMOTIONS)]))
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
