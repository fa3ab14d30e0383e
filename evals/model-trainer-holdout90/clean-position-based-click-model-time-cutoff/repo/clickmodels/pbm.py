"""Position-based click model (PBM) fit with EM on SERP impression logs.

P(click | q, d, rank) = alpha[q, d] * gamma[rank]
"""
import numpy as np
import pandas as pd


class PositionBasedModel:
    def __init__(self, max_rank=10, n_iter=50, tol=1e-6, seed=0):
        self.max_rank = max_rank
        self.n_iter = n_iter
        self.tol = tol
        self.seed = seed

    def _pair_index(self, df):
        keys = pd.MultiIndex.from_arrays([df["query_id"], df["doc_id"]])
        return self.pairs_.get_indexer(keys)

    def fit(self, log):
        rng = np.random.default_rng(self.seed)
        log = log[log["rank"] <= self.max_rank]
        self.pairs_ = pd.MultiIndex.from_frame(log[["query_id", "doc_id"]].drop_duplicates())
        pair = self._pair_index(log)
        rank = log["rank"].to_numpy() - 1
        click = log["clicked"].to_numpy().astype(float)
        n_pairs = len(self.pairs_)

        alpha = rng.uniform(0.2, 0.8, size=n_pairs)
        gamma = np.linspace(0.9, 0.3, self.max_rank)
        pair_counts = np.bincount(pair, minlength=n_pairs)
        rank_counts = np.bincount(rank, minlength=self.max_rank)
        prev_ll = -np.inf
        for it in range(self.n_iter):
            a, g = alpha[pair], gamma[rank]
            denom = 1.0 - a * g
            post_attr = click + (1 - click) * a * (1 - g) / denom
            post_exam = click + (1 - click) * g * (1 - a) / denom
            alpha = np.bincount(pair, weights=post_attr, minlength=n_pairs) / np.maximum(pair_counts, 1)
            gamma = np.bincount(rank, weights=post_exam, minlength=self.max_rank) / np.maximum(rank_counts, 1)
            alpha, gamma = np.clip(alpha, 1e-4, 1 - 1e-4), np.clip(gamma, 1e-4, 1 - 1e-4)
            ll = self._log_likelihood(alpha[pair] * gamma[rank], click)
            if ll - prev_ll < self.tol:
                break
            prev_ll = ll
        self.alpha_, self.gamma_ = alpha, gamma
        self.alpha_prior_ = float(np.average(alpha, weights=pair_counts))
        self.n_iter_ = it + 1
        return self

    @staticmethod
    def _log_likelihood(p, click):
        return float(np.mean(click * np.log(p) + (1 - click) * np.log(1 - p)))

    def predict_click_proba(self, log):
        idx = self._pair_index(log)
        alpha = np.where(idx >= 0, self.alpha_[np.maximum(idx, 0)], self.alpha_prior_)
        return alpha * self.gamma_[log["rank"].to_numpy() - 1]


class RankCTRModel:
    """Baseline: click probability depends on rank only."""

    def fit(self, log):
        self.ctr_ = log.groupby("rank")["clicked"].mean()
        return self

    def predict_click_proba(self, log):
        return log["rank"].map(self.ctr_).fillna(self.ctr_.min()).to_numpy()


def perplexity_by_rank(log, p):
    p = np.clip(p, 1e-6, 1 - 1e-6)
    c = log["clicked"].to_numpy()
    ll2 = c * np.log2(p) + (1 - c) * np.log2(1 - p)
    per_rank = pd.Series(ll2).groupby(log["rank"].to_numpy()).mean()
    return (2.0 ** -per_rank).to_dict(), float(np.mean(2.0 ** -per_rank))
