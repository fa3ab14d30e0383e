"""Leave-last-out evaluation of ALS vs. popularity, then export the serving model.

python train.py --config config.json
"""
import argparse
import json
from pathlib import Path

import numpy as np
from implicit.als import AlternatingLeastSquares
from implicit.evaluation import ranking_metrics_at_k
from implicit.nearest_neighbours import bm25_weight

from data import load_listens, split_last, to_csr


def popularity_hit_rate(train_ui, test_ui, k):
    popularity = np.asarray((train_ui > 0).sum(axis=0)).ravel()
    ranked = np.argsort(-popularity)
    hits, users = 0, np.flatnonzero(test_ui.getnnz(axis=1))
    for u in users:
        seen = set(train_ui[u].indices)
        top = [i for i in ranked[: k + len(seen)] if i not in seen][:k]
        hits += len(set(top) & set(test_ui[u].indices))
    return hits / len(users)


def make_model(cfg):
    return AlternatingLeastSquares(
        factors=cfg["als"]["factors"],
        regularization=cfg["als"]["regularization"],
        alpha=cfg["als"]["alpha"],
        iterations=cfg["als"]["iterations"],
        random_state=cfg["seed"],
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.json")
    args = parser.parse_args()
    cfg = json.loads(Path(args.config).read_text())
    k = cfg["k"]

    df, shape = load_listens(cfg["data_path"])
    train_df, test_df = split_last(df)
    train_ui, test_ui = to_csr(train_df, shape), to_csr(test_df, shape)
    print(f"users={shape[0]} shows={shape[1]} train nnz={train_ui.nnz} test users={test_ui.nnz}")

    bm25 = cfg["bm25"]
    model = make_model(cfg)
    model.fit(bm25_weight(train_ui, K1=bm25["k1"], B=bm25["b"]).tocsr())

    metrics = ranking_metrics_at_k(model, train_ui, test_ui, K=k, show_progress=False)
    metrics["popularity_hit_rate"] = popularity_hit_rate(train_ui, test_ui, k)
    print(json.dumps({name: round(float(v), 4) for name, v in metrics.items()}, indent=2))

    out = Path(cfg["out_dir"])
    out.mkdir(parents=True, exist_ok=True)
    (out / "offline_metrics.json").write_text(json.dumps({n: float(v) for n, v in metrics.items()}, indent=2))

    # serving model: same config, refit on every interaction we have
    full_ui = to_csr(df, shape)
    serving = make_model(cfg)
    serving.fit(bm25_weight(full_ui, K1=bm25["k1"], B=bm25["b"]).tocsr())
    serving.save(str(out / "als_serving.npz"))

    ids, _ = serving.recommend(0, full_ui[0], N=10, filter_already_liked_items=True)
    print("user 0 ->", ids.tolist())


if __name__ == "__main__":
    main()
