"""Feature engineering for star-rating prediction on Amazon review dumps."""
import numpy as np
import pandas as pd

NEG_WORDS = {"broke", "broken", "return", "returned", "refund", "disappointed", "waste", "cheap", "stopped"}
POS_WORDS = {"love", "great", "perfect", "excellent", "recommend", "sturdy", "best", "easy"}


def add_text_stats(df):
    text = df["reviewText"].fillna("").str.lower()
    words = text.str.findall(r"[a-z']+")
    df["n_words"] = words.str.len()
    df["log_n_words"] = np.log1p(df["n_words"])
    df["n_exclaim"] = text.str.count("!")
    df["neg_hits"] = words.map(lambda ws: sum(w in NEG_WORDS for w in ws))
    df["pos_hits"] = words.map(lambda ws: sum(w in POS_WORDS for w in ws))
    df["summary_len"] = df["summary"].fillna("").str.len()
    df["has_image"] = df["image"].notna().astype(int) if "image" in df else 0
    votes = df["vote"].astype(str).str.replace(",", "", regex=False)
    df["helpful_votes"] = pd.to_numeric(votes, errors="coerce").fillna(0)
    return df


def add_user_item_stats(df):
    """Reviewer and product rating profiles (mean / count / spread)."""
    user = df.groupby("reviewerID")["overall"].agg(user_mean="mean", user_n="size", user_std="std")
    item = df.groupby("asin")["overall"].agg(item_mean="mean", item_n="size", item_std="std")
    df = df.join(user, on="reviewerID").join(item, on="asin")
    df[["user_std", "item_std"]] = df[["user_std", "item_std"]].fillna(0.0)
    df["user_item_gap"] = df["user_mean"] - df["item_mean"]
    return df


FEATURES = [
    "n_words", "log_n_words", "n_exclaim", "neg_hits", "pos_hits", "summary_len", "has_image",
    "helpful_votes", "verified", "user_mean", "user_n", "user_std", "item_mean", "item_n",
    "item_std", "user_item_gap",
]
