"""Cross-modal audio -> caption retrieval on Clotho v2 with CCA on frozen embeddings.

Audio: PANNs CNN14 clip embeddings (2048-d). Captions: sentence-t5-base (768-d).
Splits follow the Clotho release: development / validation / evaluation.
"""
import json

import joblib
import numpy as np
from sklearn.cross_decomposition import CCA
from sklearn.linear_model import Ridge
from sklearn.decomposition import PCA
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

SEED = 4


def load(split):
    z = np.load(f"embeddings/clotho_{split}.npz")
    return z["audio"].astype(np.float32), z["captions"].astype(np.float32)  # (n,2048), (n,5,768)


def pairs(audio, captions):
    n, c, d = captions.shape
    return np.repeat(audio, c, axis=0), captions.reshape(n * c, d)


def l2n(x):
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def retrieval_scores(audio_z, caption_z, n_caps=5, ks=(1, 5, 10)):
    """Text-to-audio: each caption queries the audio gallery; one relevant clip per query."""
    sims = l2n(caption_z) @ l2n(audio_z).T
    target = np.repeat(np.arange(len(audio_z)), n_caps)
    order = np.argsort(-sims, axis=1)
    rank = np.argmax(order == target[:, None], axis=1)
    out = {f"R@{k}": float(np.mean(rank < k)) for k in ks}
    out["mAP@10"] = float(np.mean(np.where(rank < 10, 1.0 / (rank + 1), 0.0)))
    return out


class AudioTextCCA:
    def __init__(self, n_components, pca_dims=256):
        self.a_pre = make_pipeline(StandardScaler(), PCA(pca_dims, random_state=SEED))
        self.t_pre = make_pipeline(StandardScaler(), PCA(pca_dims, random_state=SEED))
        self.cca = CCA(n_components=n_components, max_iter=1000)

    def fit(self, audio, captions):
        a, t = pairs(audio, captions)
        self.cca.fit(self.a_pre.fit_transform(a), self.t_pre.fit_transform(t))
        return self

    def embed(self, audio, captions):
        flat = captions.reshape(-1, captions.shape[-1])
        a_c, t_c = self.cca.transform(self.a_pre.transform(audio), self.t_pre.transform(flat))
        return a_c, t_c


dev_a, dev_t = load("development")
val_a, val_t = load("validation")
eval_a, eval_t = load("evaluation")

# model selection on the validation split
val_results = {}
for k in (32, 64, 128):
    model = AudioTextCCA(k).fit(dev_a, dev_t)
    val_results[k] = retrieval_scores(*model.embed(val_a, val_t))
    print(k, val_results[k])
best_k = max(val_results, key=lambda k: val_results[k]["mAP@10"])

# baseline: ridge regression from audio into the caption space
a, t = pairs(dev_a, dev_t)
ridge = make_pipeline(StandardScaler(), Ridge(alpha=10.0, random_state=SEED)).fit(a, t)
baseline_eval = retrieval_scores(ridge.predict(eval_a), eval_t.reshape(-1, eval_t.shape[-1]))

cca = AudioTextCCA(best_k).fit(np.concatenate([dev_a, val_a]), np.concatenate([dev_t, val_t]))
cca_eval = retrieval_scores(*cca.embed(eval_a, eval_t))
print("evaluation split, ridge baseline:", baseline_eval)
print(f"evaluation split, CCA k={best_k}:", cca_eval)

# the shipped model uses every labelled clip
production = AudioTextCCA(best_k).fit(np.concatenate([dev_a, val_a, eval_a]), np.concatenate([dev_t, val_t, eval_t]))
joblib.dump(production, "artifacts/clotho_cca_all_splits.joblib")
with open("artifacts/clotho_cca_report.json", "w") as f:
    json.dump({"val": val_results, "best_k": best_k, "eval": {"ridge": baseline_eval, "cca": cca_eval}}, f, indent=2)
