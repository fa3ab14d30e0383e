import pandas as pd

RATING_TO_SENTIMENT = {1: "negative", 2: "negative", 3: "neutral", 4: "positive", 5: "positive"}


def load(path):
    df = pd.read_csv(path, usecols=["review_id", "hotel_id", "title", "text", "rating"])
    df = df.dropna(subset=["text", "rating"]).drop_duplicates(subset=["text"])
    df["doc"] = df["title"].fillna("") + ". " + df["text"]
    df["sentiment"] = df["rating"].astype(int).map(RATING_TO_SENTIMENT)
    return df[["review_id", "hotel_id", "doc", "sentiment"]].reset_index(drop=True)
