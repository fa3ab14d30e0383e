from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.pipeline import make_pipeline


def tfidf_baseline(train_df, test_df, seed: int) -> dict:
    pipe = make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
        LogisticRegression(max_iter=2000, C=4.0, random_state=seed),
    )
    pipe.fit(train_df["text"], train_df["label"])
    pred = pipe.predict(test_df["text"])
    return {
        "accuracy": accuracy_score(test_df["label"], pred),
        "macro_f1": f1_score(test_df["label"], pred, average="macro"),
        "weighted_f1": f1_score(test_df["label"], pred, average="weighted"),
    }
