"""Fit a PBM click model on four weeks of SERP logs and evaluate it on the following week.

The relevance estimates (alpha) feed the LTR label pipeline as click-derived grades.
"""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd

from clickmodels.pbm import PositionBasedModel, RankCTRModel, perplexity_by_rank

SEED = 21


def load_log(path, max_rank):
    log = pd.read_parquet(path, columns=["session_id", "ts", "query_id", "doc_id", "rank", "clicked"])
    log["ts"] = pd.to_datetime(log["ts"], utc=True)
    return log[log["rank"] <= max_rank].sort_values(["ts", "session_id", "rank"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--log", default="data/serp_log_2024-03-01_2024-04-05.parquet")
    ap.add_argument("--cutoff", default="2024-03-29")
    ap.add_argument("--max-rank", type=int, default=10)
    ap.add_argument("--out", default="artifacts/pbm")
    args = ap.parse_args()
    np.random.seed(SEED)

    log = load_log(args.log, args.max_rank)
    cutoff = pd.Timestamp(args.cutoff, tz="UTC")
    train, test = log[log["ts"] < cutoff], log[log["ts"] >= cutoff]
    test = test[~test["session_id"].isin(train["session_id"])]
    print(f"train {train.ts.min()} .. {train.ts.max()} ({len(train):,} impressions)")
    print(f"test  {test.ts.min()} .. {test.ts.max()} ({len(test):,} impressions)")

    pbm = PositionBasedModel(max_rank=args.max_rank, n_iter=100, seed=SEED).fit(train)
    rank_ctr = RankCTRModel().fit(train)

    report = {"pbm_iterations": pbm.n_iter_, "examination": pbm.gamma_.round(4).tolist()}
    for name, model in [("rank_ctr", rank_ctr), ("pbm", pbm)]:
        p = np.clip(model.predict_click_proba(test), 1e-6, 1 - 1e-6)
        c = test["clicked"].to_numpy()
        per_rank, ppl = perplexity_by_rank(test, p)
        report[name] = {
            "log_likelihood": float(np.mean(c * np.log(p) + (1 - c) * np.log(1 - p))),
            "perplexity": ppl,
            "perplexity_by_rank": {int(k): round(v, 4) for k, v in per_rank.items()},
        }
    print(json.dumps(report, indent=2))

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "eval.json").write_text(json.dumps(report, indent=2))
    alphas = pbm.pairs_.to_frame(index=False).assign(alpha=pbm.alpha_)
    alphas.to_parquet(out / "pbm_alpha_train_window.parquet")


if __name__ == "__main__":
    main()
