"""Item-item co-occurrence baseline for playlist continuation (MPD-style data).

playlist_tracks.csv: pid, pos, track_uri   (one row per track in a playlist)
Evaluation: for held-out playlists, give the first K tracks as seeds and rank the rest of the catalogue;
metrics are R-precision and NDCG@500 against the hidden tracks.
"""
import argparse

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.preprocessing import normalize

ap = argparse.ArgumentParser()
ap.add_argument("--data", default="data/playlist_tracks.csv")
ap.add_argument("--seed-tracks", type=int, default=5)
ap.add_argument("--n-test", type=int, default=10_000)
ap.add_argument("--k", type=int, default=500)
ap.add_argument("--seed", type=int, default=2018)
args = ap.parse_args()
rng = np.random.default_rng(args.seed)

pt = pd.read_csv(args.data).sort_values(["pid", "pos"])
pids = pt["pid"].unique()
eligible = pt.groupby("pid").size().loc[lambda s: s >= args.seed_tracks + 5].index.to_numpy()
test_pids = set(rng.choice(eligible, size=args.n_test, replace=False))
train = pt[~pt["pid"].isin(test_pids)]
test = pt[pt["pid"].isin(test_pids)]
print(f"{len(pids):,} playlists -> train {train['pid'].nunique():,}, test {len(test_pids):,}")

# catalogue = tracks seen in training playlists; hidden test tracks outside it can never be hit (counted as misses)
tracks = train["track_uri"].unique()
t2i = {t: i for i, t in enumerate(tracks)}
rows = train["pid"].astype("category").cat.codes.to_numpy()
cols = train["track_uri"].map(t2i).to_numpy()
A = sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)))
A.data[:] = 1.0

# cosine item-item similarity on the binary playlist x track matrix
An = normalize(A.tocsc(), axis=0)
S = (An.T @ An).tocsr()
S.setdiag(0)
S.eliminate_zeros()
popularity = np.log1p(np.asarray(A.sum(axis=0)).ravel())


def recommend(seed_idx, k):
    scores = np.asarray(S[seed_idx].sum(axis=0)).ravel()
    scores += 1e-3 * popularity / popularity.max()  # tie-break / cold fallback
    scores[seed_idx] = -np.inf
    top = np.argpartition(-scores, k)[:k]
    return top[np.argsort(-scores[top])]


def ndcg(rec, hidden, n_hidden, k):
    gains = np.isin(rec[:k], list(hidden)).astype(float)
    dcg = (gains / np.log2(np.arange(2, len(gains) + 2))).sum()
    idcg = (1 / np.log2(np.arange(2, min(n_hidden, k) + 2))).sum()
    return dcg / idcg


r_prec, ndcgs = [], []
for pid, g in test.groupby("pid"):
    uris = g["track_uri"].tolist()
    seeds, hidden = uris[: args.seed_tracks], uris[args.seed_tracks:]
    seed_idx = [t2i[u] for u in seeds if u in t2i]
    hidden_idx = {t2i.get(u, -1) for u in hidden}
    rec = recommend(seed_idx, args.k)
    r_prec.append(len(set(rec[: len(hidden)]) & hidden_idx) / len(hidden))
    ndcgs.append(ndcg(rec, hidden_idx, len(hidden), args.k))

print(f"R-precision {np.mean(r_prec):.4f} | NDCG@{args.k} {np.mean(ndcgs):.4f} over {len(r_prec)} playlists")
