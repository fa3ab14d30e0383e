"""Daily headline embedding features and next-day direction labels."""
from pathlib import Path

import numpy as np
import pandas as pd


def embed_headlines(texts, cfg) -> np.ndarray:
    cache = Path(cfg["data"]["cache"])
    if cache.exists():
        emb = np.load(cache)
        if len(emb) == len(texts):
            return emb
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(cfg["encoder"]["name"])
    emb = model.encode(
        [cfg["encoder"]["prefix"] + t for t in texts],
        batch_size=cfg["encoder"]["batch_size"],
        normalize_embeddings=True,
        show_progress_bar=True,
    ).astype(np.float32)
    cache.parent.mkdir(parents=True, exist_ok=True)
    np.save(cache, emb)
    return emb


def daily_features(cfg) -> pd.DataFrame:
    """One row per trading day: mean headline embedding, headline count, next-day label."""
    heads = pd.read_parquet(cfg["data"]["headlines"])
    heads["date"] = pd.to_datetime(heads["published_at"]).dt.normalize()
    heads = heads.sort_values("date").reset_index(drop=True)

    emb = embed_headlines(heads["title"].tolist(), cfg)
    emb_cols = [f"e{i}" for i in range(emb.shape[1])]
    emb_df = pd.DataFrame(emb, columns=emb_cols)
    emb_df["date"] = heads["date"].values

    daily = emb_df.groupby("date")[emb_cols].mean()
    daily["n_headlines"] = emb_df.groupby("date").size()
    daily = daily[daily["n_headlines"] >= cfg["features"]["min_headlines_per_day"]]

    prices = pd.read_csv(cfg["data"]["prices"], parse_dates=["date"]).set_index("date").sort_index()
    prices["ret_next"] = prices["close"].pct_change().shift(-1)
    prices["ret_prev"] = prices["close"].pct_change()

    out = daily.join(prices[["ret_next", "ret_prev"]], how="inner").dropna()
    out["up_next"] = (out["ret_next"] > 0).astype(int)
    return out.sort_index()
