"""Train the ALS model behind the "Daily Mix" candidate generator.

usage: python train_als.py --events data/plays_2024q2.parquet --out artifacts/als
"""
import argparse
import json
import logging
from pathlib import Path

import numpy as np
from implicit.als import AlternatingLeastSquares
from implicit.evaluation import ranking_metrics_at_k
from implicit.nearest_neighbours import bm25_weight

from data import build_matrices, load_events

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("train_als")


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--events", default="data/plays_2024q2.parquet")
    p.add_argument("--config", default="config.json")
    p.add_argument("--out", default="artifacts/als")
    return p.parse_args()


def main():
    args = parse_args()
    cfg = json.loads(Path(args.config).read_text())

    events = load_events(args.events, min_plays=cfg["min_plays"])
    log.info("%d events, %d users, %d tracks", len(events), events.uidx.nunique(), events.iidx.nunique())

    user_items, train_items, test_items = build_matrices(events)
    log.info("train nnz=%d, held-out users=%d", train_items.nnz, test_items.getnnz(axis=1).astype(bool).sum())

    weighted = bm25_weight(user_items, K1=cfg["bm25_k1"], B=cfg["bm25_b"]).tocsr()

    model = AlternatingLeastSquares(
        factors=cfg["factors"],
        regularization=cfg["regularization"],
        alpha=cfg["alpha"],
        iterations=cfg["iterations"],
        random_state=cfg["seed"],
    )
    model.fit(weighted)

    metrics = ranking_metrics_at_k(model, train_items, test_items, K=cfg["k"], show_progress=False)
    for name, value in metrics.items():
        log.info("%s@%d = %.4f", name, cfg["k"], value)

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    model.save(str(out / "als_model.npz"))
    (out / "metrics.json").write_text(json.dumps({k: float(v) for k, v in metrics.items()}, indent=2))

    # quick look at a few users
    for uid in np.random.default_rng(cfg["seed"]).choice(user_items.shape[0], 3, replace=False):
        ids, scores = model.recommend(uid, user_items[uid], N=5, filter_already_liked_items=True)
        log.info("user %d -> %s", uid, ids.tolist())


if __name__ == "__main__":
    main()
